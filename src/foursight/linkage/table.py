"""Turn mentions into the columnar table the Splink model reads.

Each row is one mention, identified by its position (``unique_id``) in the list given. Besides
the normalised fields the model compares, the table carries blocking keys: one column per
blocking rule, so every rule is a single equality join. A key shared by more mentions than
``blocking_key_cap`` is blanked for that rule (a switchboard phone number, a very common name
with no date of birth), which bounds the candidate pairs any one value can produce.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from . import normalise as norm
from .mentions import Mention

# Blocking key columns, each built from normalised columns (None if any part is missing).
# Order matters only for speed: Splink scores each pair once, under the first rule that finds it.
BLOCKING_KEYS: dict[str, tuple[str, ...]] = {
    "bk_name": ("name_pair",),  # forename and surname as a set: finds swapped names too
    "bk_sn_dob": ("sn", "dob"),
    "bk_fn_dob": ("fn_canon", "dob"),
    "bk_phone": ("phone",),
    "bk_email": ("email",),
    "bk_fn_sx": ("fn_canon", "sn_sx"),  # surname misspelt, no date of birth
    "bk_sn_init": ("sn", "fn_init"),  # forename misspelt, no date of birth
    "bk_fn_pc": ("fn_canon", "postcode"),  # married or maiden name at the same address
    "bk_dob_pc": ("dob", "postcode"),
    "bk_dob_dt": ("dob_t", "fn_init"),  # day and month transposed
}
HANDLE_KEY = "bk_handles"
# Keys shared by many strangers: blocking on them also asks that the dates of birth could agree
# (model.DOB_COULD_MATCH).
DOB_GUARDED_KEYS = frozenset({"bk_phone", "bk_fn_sx", "bk_sn_init"})


def _columns(mentions: Sequence[Mention], today: date) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {
        name: []
        for name in (
            "fn",
            "fn_canon",
            "sn",
            "sn_first",
            "sn_last",
            "full_name",
            "name_pair",
            "sn_sx",
            "name_sx",
            "init_sn",
            "fn_init",
            "dob",
            "dob_t",
            "dob_days",
            "gender",
            "phone",
            "email",
            "postcode",
            "pc_sector",
            "pc_district",
            "address",
            "address_line",
            "handles",
            "role",
            "kind",
            "place",
            "place_district",
        )
    }
    for mention in mentions:
        fn = norm.forename(mention.forename)
        sn = norm.surname(mention.surname)
        fn_canon = norm.canonical_forename(fn)
        born = norm.dob(mention.dob, today=today)
        postcode = norm.postcode(mention.postcode)
        cols["fn"].append(fn)
        cols["sn_first"].append(sn.split(" ", 1)[0] if sn else None)
        cols["sn_last"].append(sn.rsplit(" ", 1)[-1] if sn else None)
        cols["fn_canon"].append(fn_canon)
        cols["sn"].append(sn)
        cols["full_name"].append(f"{fn} {sn}" if fn and sn else None)
        cols["name_pair"].append(
            "|".join(sorted((fn_canon, norm.canonical_name(sn)))) if fn_canon and sn else None
        )
        cols["sn_sx"].append(norm.soundex(sn))
        # How the full name sounds: its frequency weighs a misspelt match (see model.py).
        fn_sx = norm.soundex(fn)
        cols["name_sx"].append(f"{fn_sx} {cols['sn_sx'][-1]}" if fn_sx and sn else None)
        cols["init_sn"].append(f"{fn[0]} {sn}" if fn and sn else None)
        cols["fn_init"].append(fn[0] if fn else None)
        cols["dob"].append(born.isoformat() if born else None)
        cols["dob_t"].append(norm.dob_transposed(born))
        cols["dob_days"].append(norm.dob_days(born))
        cols["gender"].append(norm.gender(mention.gender))
        cols["phone"].append(norm.phone(mention.phone))
        cols["email"].append(norm.email(mention.email))
        cols["postcode"].append(postcode)
        cols["pc_sector"].append(norm.postcode_sector(postcode))
        cols["pc_district"].append(norm.postcode_district(postcode))
        address = norm.address(mention.address)
        cols["address"].append(address)
        cols["address_line"].append(norm.address_line(address))
        cols["handles"].append(list(norm.handles(mention.handles)) or None)
        cols["role"].append(norm.role(mention.role))
        cols["kind"].append(norm.crime_family(mention.record_kind))
        place = norm.postcode(mention.place_postcode)
        cols["place"].append(place)
        cols["place_district"].append(norm.postcode_district(place))
    return cols


def _capped_key(parts: list[list[Any]], cap: int) -> list[str | None]:
    keys: list[str | None] = [
        None if any(p is None for p in values) else "|".join(map(str, values))
        for values in zip(*parts, strict=True)
    ]
    counts = Counter(k for k in keys if k is not None)
    return [k if k is not None and counts[k] <= cap else None for k in keys]


def _capped_handles(handles: list[list[str] | None], cap: int) -> list[list[str] | None]:
    counts = Counter(h for hs in handles if hs for h in hs)
    out: list[list[str] | None] = []
    for hs in handles:
        kept = [h for h in hs or () if counts[h] <= cap]
        out.append(kept or None)
    return out


def build_table(
    mentions: Sequence[Mention], *, blocking_key_cap: int, today: date | None = None
) -> pa.Table:
    """The model's input table: unique_id is the mention's position in ``mentions``."""
    cols = _columns(mentions, today or date.today())
    data: dict[str, Any] = {"unique_id": pa.array(range(len(mentions)), pa.int64())}
    for name, values in cols.items():
        if name == "handles":
            data[name] = pa.array(values, pa.list_(pa.string()))
        elif name == "dob_days":
            data[name] = pa.array(values, pa.int32())
        else:
            data[name] = pa.array(values, pa.string())
    for key, parts in BLOCKING_KEYS.items():
        data[key] = pa.array(_capped_key([cols[p] for p in parts], blocking_key_cap), pa.string())
    data[HANDLE_KEY] = pa.array(
        _capped_handles(cols["handles"], blocking_key_cap), pa.list_(pa.string())
    )
    return pa.table(data)
