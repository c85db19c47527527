"""How people appear on pages: in full, or pseudonymised for analysts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings

from .models import PersonLink, PersonMention


def mention_pseudonym(mention: PersonMention) -> str:
    """A stable pseudonym: the person's, or one derived from the mention for unlinked people."""
    if mention.person_id and mention.person is not None:
        return mention.person.pseudonym
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:mention:{mention.pk}".encode()).hexdigest()
    return "M-" + digest[:8].upper()


def postcode_district(postcode: str) -> str:
    return postcode.strip().upper().split(" ")[0] if postcode.strip() else ""


def explaining_links(links: Iterable[PersonLink], mention_ids: Iterable[int]) -> list[PersonLink]:
    """The strongest links that join all of a person's mentions (a maximum spanning tree).

    A person with many mentions can have hundreds of pairwise links; these few are the chain of
    strongest evidence by which each mention belongs, which is what a reviewer needs to check.
    """
    parent = {m: m for m in mention_ids}

    def root(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    chosen = []
    for link in sorted(links, key=lambda lk: -lk.match_weight):
        if link.left_id not in parent or link.right_id not in parent:
            continue
        a, b = root(link.left_id), root(link.right_id)
        if a != b:
            parent[a] = b
            chosen.append(link)
    return chosen


def mention_label(mention: PersonMention, name: str) -> str:
    on = mention.record.crime_ref if mention.record_id else f"order {mention.order.order_ref}"  # type: ignore[union-attr]
    return f"M{mention.pk}: {name}, {mention.role} on {on}"


def people_rows(mentions: Iterable[PersonMention], pseudonymised: bool) -> list[dict[str, Any]]:
    rows = []
    for m in mentions:
        if pseudonymised:
            rows.append(
                {
                    "mention": m,
                    "role": m.role,
                    "name": mention_pseudonym(m),
                    "dob": str(m.dob.year) if m.dob else "",
                    "address": postcode_district(m.postcode),
                    "contact": "",
                    "person": m.person,
                }
            )
        else:
            contact = ", ".join(x for x in (m.phone, m.email, *m.handles) if x)
            address = ", ".join(x for x in (m.address, m.postcode) if x)
            rows.append(
                {
                    "mention": m,
                    "role": m.role,
                    "name": m.full_name,
                    "dob": m.dob.strftime("%-d %b %Y") if m.dob else "",
                    "address": address,
                    "contact": contact,
                    "person": m.person,
                }
            )
    return rows
