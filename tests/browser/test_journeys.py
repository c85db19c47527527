"""Staff journeys end to end in a real browser, with axe-core accessibility checks on each page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from foursight.records.models import CrimeRecord
from foursight.triage.models import ScreeningResult

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def generated_force(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from foursight.synth import generate

    out = tmp_path_factory.mktemp("force")
    generate(400, 11, out)
    return out


@pytest.fixture
def force(generated_force: Path, users: dict) -> Path:
    """The generated force imported, linked and screened, as after a real import."""
    from foursight.access.models import User
    from foursight.records.importing import Source
    from foursight.records.pipeline import import_link_and_screen
    from foursight.triage.screening import screen_records

    system = User.objects.get(username="system")
    with (
        (generated_force / "crimes.jsonl").open("rb") as c,
        (generated_force / "orders.jsonl").open("rb") as o,
    ):
        import_link_and_screen(system, Source("crimes.jsonl", c), Source("orders.jsonl", o))
    screen_records(system)
    return generated_force


def assert_accessible(page, axe) -> None:
    violations = axe(page)
    assert violations == [], json.dumps(violations, indent=1)


def test_registrar_imports_a_file_with_bad_lines(page, live_server, sign_in, users, axe, tmp_path):
    good = {
        "crime_ref": "UP/1/26",
        "recorded_at": "2026-01-05",
        "classification": "8L",
        "narrative": "Ex-partner keeps turning up at her work.",
        "people": [{"role": "victim", "surname": "Example"}],
    }
    bad_date = {**good, "crime_ref": "UP/2/26", "recorded_at": "2026-02-30"}
    upload = tmp_path / "export.jsonl"
    lines = [json.dumps(good), "{broken", json.dumps(bad_date)]
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sign_in("registrar-user")
    page.goto(f"{live_server.url}/records/imports/")
    assert_accessible(page, axe)
    page.get_by_label("Crime records file").set_input_files(str(upload))
    page.get_by_role("button", name="Import").click()
    page.wait_for_load_state()
    assert "Import batch" in page.title()
    table = page.locator("table").first.inner_text()
    assert re.search(r"Crimes\s+3\s+1\s+0\s+0\s+2", table), table
    problems = page.locator("table").nth(1).inner_text()
    assert "broken JSON" in problems and "not a real date" in problems
    assert re.search(r"crimes\s+2\b", problems) and re.search(r"crimes\s+3\b", problems)
    assert_accessible(page, axe)
    assert CrimeRecord.objects.filter(crime_ref="UP/1/26").exists()


def test_search_finds_8q_as_principal_and_included(page, live_server, sign_in, force, axe):
    included = CrimeRecord.objects.filter(labels__code="8Q").exclude(principal_class="8Q").first()
    assert included is not None, "the generated force has 8Q as an included classification"
    sign_in("supervisor-user")
    page.goto(f"{live_server.url}/records/search/")
    assert_accessible(page, axe)
    page.get_by_label("Classification").select_option("8Q")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "8Q principal" in body and "8Q included" in body
    assert_accessible(page, axe)


def test_reviewer_records_an_outcome_on_highlighted_evidence(
    page, live_server, sign_in, force, axe
):
    result = (
        ScreeningResult.objects.filter(indicated=True)
        .exclude(record__principal_class="8Q")
        .exclude(record__labels__code="8Q")
        .exclude(result__behaviours=[])
        .order_by("-score")
        .first()
    )
    assert result is not None
    sign_in("spoc-user")
    page.goto(f"{live_server.url}/triage/")
    assert_accessible(page, axe)
    page.goto(f"{live_server.url}/records/{result.record_id}/")
    assert page.locator("mark.fs-evidence").count() >= 1
    assert_accessible(page, axe)
    page.get_by_label("8Q added as an included classification").check()
    page.get_by_label("Note").fill("Fixated on the victim over months; FOUR present.")
    page.get_by_role("button", name="Save outcome").click()
    page.wait_for_load_state()
    assert "Outcome recorded" in page.locator("main").inner_text()
    assert (
        CrimeRecord.objects.get(pk=result.record_id)
        .labels.filter(code="8Q", removed=False)
        .exists()
    )
    assert (
        "Screening outcome: 8Q added as an included classification"
        in page.locator("main").inner_text()
    )


def test_person_page_explains_links_and_a_split_is_kept(page, live_server, sign_in, force, axe):
    from foursight.people.models import LinkDecision, PersonLink

    link = (
        PersonLink.objects.exclude(agreements___source="person_ref")
        .order_by("-match_weight")
        .first()
    )
    if link is None:
        link = PersonLink.objects.order_by("-match_weight").first()
    assert link is not None
    person = link.left.person
    sign_in("supervisor-user")
    page.goto(f"{live_server.url}/people/{person.pk}/")
    assert "Why these mentions are linked" in page.locator("main").inner_text()
    assert_accessible(page, axe)
    page.get_by_label("First mention").select_option(str(link.left_id))
    page.get_by_label("Second mention").select_option(str(link.right_id))
    page.get_by_label("Different people (split)").check()
    page.get_by_label("Reason").fill("Different dates of birth on the PNC.")
    page.get_by_role("button", name="Save decision").click()
    page.wait_for_load_state()
    assert LinkDecision.objects.filter(
        left_id=link.left_id, right_id=link.right_id, decision="split"
    ).exists()
    link.right.refresh_from_db()
    link.left.refresh_from_db()
    assert link.right.person_id != link.left.person_id


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("supervisor-user", "/"),
        ("supervisor-user", "/dashboard/"),
        ("registrar-user", "/records/usage/"),
        ("auditor-user", "/audit/"),
        ("analyst-user", "/records/search/?classification=8Q"),
        ("investigator-user", "/account/"),
    ],
)
def test_pages_pass_axe(page, live_server, sign_in, force, axe, username, path):
    sign_in(username)
    response = page.goto(f"{live_server.url}{path}")
    assert response is not None and response.status == 200
    assert_accessible(page, axe)
