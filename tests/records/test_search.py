"""Searching records: classification (principal or included), flag, person, dates, text, combined.

The same tests run on SQLite (FTS5) and PostgreSQL (tsvector): CI runs the suite on both.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from foursight.records.models import CrimeRecord
from foursight.records.reference import load_reference
from foursight.records.search import SearchParams, fts5_query, person_matches, search
from tests.world import R1, R2, R3, R4, jsonl

pytestmark = pytest.mark.django_db

REF1, REF2, REF3, REF4 = (r["crime_ref"] for r in (R1, R2, R3, R4))


def found(**params) -> list[str]:
    """References found among all records (as a role cleared for restricted records)."""
    outcome = search(CrimeRecord.objects.all(), SearchParams(**params), load_reference())
    return [r.crime_ref for r in outcome.records]


def matches(**params) -> dict[str, str]:
    outcome = search(CrimeRecord.objects.all(), SearchParams(**params), load_reference())
    return {r.crime_ref: r.class_match for r in outcome.records}


def page_refs(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'href="/records/\d+/">([^<]+)</a>', response.text)


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


# --- classification ----------------------------------------------------------------------------


def test_8q_finds_principal_and_included_and_says_which(world):
    assert matches(classification="8Q") == {REF1: "included", REF4: "principal"}


def test_a_home_office_offence_code_resolves_to_its_class(world):
    # R4 was recorded as 195/12 (pursuing a course of conduct amounting to stalking).
    assert world.record(REF4).principal_class == "8Q"
    assert matches(classification="195/12") == {REF1: "included", REF4: "principal"}


def test_an_included_home_office_code_counts_as_its_class(world):
    from foursight.records.importing import do_import

    line = {**R2, "crime_ref": "WX/5001/25", "included_classifications": ["195/12"]}
    do_import(world.users["registrar"], jsonl("c.jsonl", line))
    assert matches(classification="8Q")["WX/5001/25"] == "included"


def test_a_removed_included_class_no_longer_matches(world):
    from foursight.records.services import do_remove_label

    do_remove_label(world.users["registrar"], world.r1, "class", "8Q", "Recorded in error")
    assert matches(classification="8Q") == {REF4: "principal"}


def test_search_page_marks_principal_and_included(world, client):
    page = signed_in(client, world.users["investigator"]).get(
        reverse("records:search"), {"classification": "8Q"}
    )
    assert sorted(page_refs(page)) == [REF1, REF4]
    assert "2 records found" in page.text
    tags = re.findall(
        r"<strong class=\"govuk-tag[^\"]*\">8Q (principal|included)</strong>", page.text
    )
    assert sorted(tags) == ["included", "principal"]


# --- flags, people, dates, text ----------------------------------------------------------------


def test_by_flag(world):
    assert found(flag="stalking") == [REF2]
    assert found(flag="domestic_abuse") == [REF1]
    assert found(flag="hate_race") == []


@pytest.mark.parametrize(
    "name",
    [
        "Amy Example",  # exact
        "amy example",  # case
        "Amy Exmaple",  # a typo
        "Aimee Example",  # a different spelling that sounds alike
        "Example Amy",  # forename and surname swapped
        "Example",  # surname alone
        "Exampel",  # surname alone, misspelt
    ],
)
def test_by_person_tolerates_spelling(world, name):
    assert set(found(person=name)) == {REF1, REF2, REF3}, name


def test_by_person_does_not_find_someone_else(world):
    assert found(person="Zebedee Quorn") == []
    assert set(found(person="Ben Sample")) == {REF1, REF2}
    assert found(person="Dora Other") == [REF4]
    scores = person_matches("Amy Exmaple")
    assert all(75 <= s <= 100 for s in scores.values())


def test_by_date_range_in_london_time(world):
    assert found(date_from=date(2025, 4, 1), date_to=date(2025, 5, 31), sort="recorded") == [
        REF2,
        REF3,
    ]
    # Both ends are inclusive: R2 was recorded at 09:00 on 10 April.
    assert found(date_from=date(2025, 4, 10), date_to=date(2025, 4, 10)) == [REF2]
    assert found(date_from=date(2025, 4, 11), date_to=date(2025, 4, 30)) == []
    assert found(date_to=date(2025, 3, 31)) == [REF1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flowers", {REF2}),
        ("Flowers", {REF2}),
        ("followed", {REF2}),
        ("window", {REF1}),
        ("messages", {REF1}),
        ("Ben flowers", {REF2}),  # every word must appear
        ("flowers window", set()),
        ('"kitchen window"', {REF1}),  # a phrase
        ('"window kitchen"', set()),
        ("informant", {REF3}),
        ("Ben", {REF1, REF2}),
    ],
)
def test_by_free_text(world, text, expected):
    assert set(found(text=text)) == expected


@pytest.mark.parametrize("text", ['"', "AND OR NOT (", "NEAR(a b)", "col:word", "*", "'; DROP"])
def test_free_text_syntax_is_not_interpreted(world, text):
    found(text=text)  # no database error


def test_fts5_query_quotes_every_term():
    assert fts5_query('parked "outside her" house') == '"parked" "outside her" "house"'
    assert fts5_query("AND OR") == '"AND" "OR"'
    assert fts5_query('"') == '""'


def test_combined_filters(world):
    assert found(classification="8Q", text="window") == [REF1]
    assert found(classification="8Q", flag="stalking") == []
    assert found(person="Amy Example", date_from=date(2025, 4, 1), sort="recorded") == [
        REF2,
        REF3,
    ]
    assert found(flag="stalking", text="flowers", person="Ben Sample") == [REF2]
    assert found(classification="8Q", person="Dora Other", date_to=date(2025, 12, 31)) == [REF4]


# --- paging, sorting, export -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("recorded", [REF1, REF2, REF3, REF4]),
        ("-recorded", [REF4, REF3, REF2, REF1]),
        ("ref", [REF1, REF2, REF3, REF4]),
        ("-ref", [REF4, REF3, REF2, REF1]),
        ("class", [REF1, REF2, REF4, REF3]),  # 58A, 8L, 8Q, 8R: as text
        ("-class", [REF3, REF4, REF2, REF1]),
    ],
)
def test_sort(world, sort, expected):
    assert found(date_from=date(2025, 1, 1), sort=sort) == expected


@pytest.fixture
def thirty_more(world):
    from foursight.records.importing import do_import

    lines = [
        {**R2, "crime_ref": f"WX/6{n:03d}/25", "recorded_at": f"2025-07-{n + 1:02d}T10:00:00"}
        for n in range(30)
    ]
    do_import(world.users["registrar"], jsonl("many.jsonl", *lines))
    return [line["crime_ref"] for line in lines]


def test_search_page_is_paginated_and_keeps_the_filters(world, client, thirty_more):
    c = signed_in(client, world.users["supervisor"])
    query = {"flag": "stalking", "sort": "ref"}
    first = c.get(reverse("records:search"), query)
    second = c.get(reverse("records:search"), {**query, "page": 2})
    assert "31 records found" in first.text
    assert page_refs(first) == sorted([REF2, *thirty_more])[:25]
    assert page_refs(second) == sorted([REF2, *thirty_more])[25:]
    assert "Page 1 of 2" in first.text
    assert 'href="?flag=stalking&amp;sort=ref&amp;page=2"' in first.text


def test_search_page_sorts(world, client):
    c = signed_in(client, world.users["supervisor"])
    newest = page_refs(c.get(reverse("records:search"), {"date_from": "2025-01-01"}))
    oldest = page_refs(
        c.get(reverse("records:search"), {"date_from": "2025-01-01", "sort": "recorded"})
    )
    assert newest == [REF4, REF3, REF2, REF1] and oldest == newest[::-1]


def test_search_page_applies_access_rules(world, client):
    investigator = page_refs(
        signed_in(client, world.users["investigator"]).get(
            reverse("records:search"), {"person": "Amy Example"}
        )
    )
    supervisor = page_refs(
        signed_in(client, world.users["supervisor"]).get(
            reverse("records:search"), {"person": "Amy Example"}
        )
    )
    assert sorted(investigator) == [REF1, REF2] and sorted(supervisor) == [REF1, REF2, REF3]


def test_search_page_form_errors(world, client):
    c = signed_in(client, world.users["investigator"])
    page = c.get(reverse("records:search"), {"date_from": "2025-05-01", "date_to": "2025-04-01"})
    assert page.status_code == 200 and "The end date must be the same as or after" in page.text
    assert "records found" not in page.text
    empty = c.get(reverse("records:search"), {"person": ""})
    assert "Choose at least one filter" in empty.text
    nothing = c.get(reverse("records:search"), {"text": "zebra"})
    assert "0 records found" in nothing.text


def test_csv_export(world, client):
    c = signed_in(client, world.users["supervisor"])
    response = c.post(
        reverse("records:export"),
        {"classification": "8Q", "sort": "ref", "recipient": "Force crime registrar"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["crime_ref"] for r in rows] == [REF1, REF4]
    r1, r4 = rows
    assert (r1["principal_class"], r1["included_classifications"], r1["class_match"]) == (
        "58A",
        "8Q",
        "included",
    )
    assert r1["flags"] == "domestic_abuse" and r1["relationship"] == "ex_partner"
    assert (r4["principal_class"], r4["class_match"]) == ("8Q", "principal")


def test_csv_export_needs_a_recipient_and_a_search(world, client):
    c = signed_in(client, world.users["supervisor"])
    response = c.post(reverse("records:export"), {"classification": "8Q"})
    assert response.status_code == 302
    response = c.post(reverse("records:export"), {"recipient": "CPS"})
    assert response.status_code == 302
