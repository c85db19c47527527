"""The record page, changing classifications and flags, and the usage check (7.1)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.world import R1, R2, R4, jsonl

pytestmark = pytest.mark.django_db

REF1, REF2, REF4 = R1["crime_ref"], R2["crime_ref"], R4["crime_ref"]


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


def record_page(client, world, ref):
    response = client.get(reverse("records:record", args=[world.record_ids[ref]]))
    assert response.status_code == 200
    return response.text


def text_of(html: str) -> str:
    """The page's words, without tags, on one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def test_the_record_page_shows_everything_on_the_record(world, client):
    page = text_of(record_page(signed_in(client, world.users["supervisor"]), world, REF1))
    for expected in [
        REF1,
        "58A Criminal damage to a dwelling",  # principal class with its name
        "8Q",  # included classification
        "Stalking",  # ... with its class name
        "(from the RMS)",
        "domestic_abuse",
        "4 March 2025 10:15",
        "Ex-partner",
        "S900",  # officer in charge
        "1 Elm Street, Wessex WX1 2AB",  # location
        "Public protection: review after 10 years",
        "smashed her kitchen window",  # narrative
        "Amy Example",
        "1 Feb 1990",
        "07700900001",  # contact
        "Ben Sample",
        "07700900123",
        "SPO/2025/0007",  # the order it breaches
        "Stalking Protection Order made 1 February 2025",
        "not to contact Amy Example directly or indirectly",
        "Possible stalking",  # the screening banner
        "See the whole series",
    ]:
        assert expected in page, expected


def test_a_record_recorded_as_an_offence_code_shows_both(world, client):
    page = text_of(record_page(signed_in(client, world.users["supervisor"]), world, REF4))
    assert "8Q Stalking" in page and "(recorded as 195/12)" in page


def test_adding_and_removing_a_label_with_a_reason_is_kept_in_history(world, client):
    c = signed_in(client, world.users["registrar"])
    pk = world.record_ids[REF2]
    added = c.post(
        reverse("records:add-label", args=[pk]),
        {"kind": "class", "code": "195/12", "reason": "Course of conduct: following and gifts"},
        follow=True,
    )
    assert added.redirect_chain == [(reverse("records:record", args=[pk]), 302)]
    page = text_of(added.content.decode())
    assert "195/12 added to WX/1002/25" in page
    assert "Added included classification 8Q Course of conduct: following and gifts" in page
    assert "(from staff)" in page
    removed = c.post(
        reverse("records:remove-label", args=[pk, "flag", "stalking"]),
        {"reason": "Flag replaced by the 8Q"},
        follow=True,
    )
    page = text_of(removed.content.decode())
    assert "Removed flag stalking Flag replaced by the 8Q" in page
    assert "Flags None" in page
    history = list(world.record(REF2).changes.values_list("by__username", "action", "code"))
    assert history == [("registrar-user", "remove", "stalking"), ("registrar-user", "add", "8Q")]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"kind": "class", "code": "ZZ9", "reason": "x"}, "not a class or offence code"),
        ({"kind": "flag", "code": "made_up", "reason": "x"}, "not a flag"),
        ({"kind": "class", "code": "8Q", "reason": "x"}, "already on this record"),
        ({"kind": "class", "code": "58A", "reason": "x"}, "already the principal"),
        ({"kind": "flag", "code": "stalking", "reason": ""}, "This field is required"),
    ],
)
def test_label_form_errors(world, client, form, message):
    c = signed_in(client, world.users["registrar"])
    response = c.post(reverse("records:add-label", args=[world.record_ids[REF1]]), form)
    assert response.status_code == 400
    assert message in text_of(response.content.decode())
    assert world.r1.changes.count() == 0


def test_removing_needs_a_reason(world, client):
    c = signed_in(client, world.users["registrar"])
    pk = world.record_ids[REF1]
    response = c.post(reverse("records:remove-label", args=[pk, "class", "8Q"]), {"reason": ""})
    assert response.status_code == 400
    assert world.r1.labels.filter(code="8Q", removed=False).exists()


def test_a_removed_rms_label_stays_removed_after_reimport(world, client):
    from foursight.records.importing import do_import

    c = signed_in(client, world.users["registrar"])
    pk = world.record_ids[REF1]
    c.post(reverse("records:remove-label", args=[pk, "class", "8Q"]), {"reason": "Error"})
    changed = {**R1, "narrative": R1["narrative"] + " Updated."}
    do_import(world.users["registrar"], jsonl("again.jsonl", changed))
    page = text_of(record_page(c, world, REF1))
    assert "Included classifications None" in page
    assert "Version 1 replaced by a newer export" in page


def _usage_rows(page: str) -> dict[str, str]:
    rows = re.findall(r'<a class="govuk-link" href="/records/\d+/">([^<]+)</a>.*?</tr>', page, re.S)
    found = {}
    for ref in rows:
        row = page[page.index(f">{ref}</a>") :].split("</tr>")[0]
        found[ref] = text_of(row)
    return found


def test_usage_check_lists_stalking_evidence_without_8q(world, client):
    from foursight.records.importing import do_import

    breach_only = {
        **R4,
        "crime_ref": "WX/7001/25",
        "classification": "8L",
        "narrative": "Reported a phone call.",
        "order_refs": ["SPO/2025/0007"],
    }
    do_import(world.users["registrar"], jsonl("breach.jsonl", breach_only))
    c = signed_in(client, world.users["registrar"])
    page = c.get(reverse("records:usage")).content.decode()
    rows = _usage_rows(page)
    # R2 has the stalking flag and no 8Q; the new record breaches an order and has no 8Q.
    # R1 breaches the same order but carries 8Q as an included class; R4's principal is 8Q.
    assert set(rows) == {REF2, "WX/7001/25"}
    assert "Stalking flag" in rows[REF2]
    assert "Reports a breach of a protective order" in rows["WX/7001/25"]
    summary = text_of(page)
    assert "Records with stalking evidence 3" in summary
    assert "Of which carry 8Q 1 (33%)" in summary
    # Adding 8Q as an included classification takes R2 off the list.
    c.post(
        reverse("records:add-label", args=[world.record_ids[REF2]]),
        {"kind": "class", "code": "8Q", "reason": "Stalking"},
    )
    assert set(_usage_rows(c.get(reverse("records:usage")).content.decode())) == {"WX/7001/25"}
