"""The action plan in a real browser: the published page and updating a row in the app."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

from tests.plans.conftest import PLAN_CSV


def test_published_page_passes_axe(db, page, axe, tmp_path: Path) -> None:
    from foursight.access.models import User
    from foursight.plans.demo import load_demo_plan

    load_demo_plan(User.objects.get(username="system"))
    site = tmp_path / "site"
    call_command("plan", "publish", "--out", str(site), stdout=io.StringIO(), stderr=io.StringIO())
    page.goto((site / "index.html").as_uri())
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .endswith("the police response to stalking")
    )
    assert page.locator("table caption").count() == 13
    assert page.get_by_role("link", name="Download the plan as a spreadsheet (CSV)").count() == 1
    if (site / "assets" / "foursight.css").exists():
        # The copied stylesheet is in use: GOV.UK tags are styled from the file system.
        colour = page.locator(".govuk-tag--green").first.evaluate("e => getComputedStyle(e).color")
        assert colour != "rgb(0, 0, 0)"
    assert axe(page) == []


def test_supervisor_updates_a_row_and_the_history_shows_both_states(
    page, live_server, sign_in, axe, make_user
) -> None:
    from foursight.plans.services import do_import_plan

    supervisor = make_user("supervisor")
    do_import_plan(supervisor, PLAN_CSV, "plan.csv")
    sign_in("supervisor-user")
    page.goto(f"{live_server.url}/plans/")
    assert axe(page) == []
    page.get_by_role("link", name="7.1", exact=True).click()
    page.get_by_role("link", name="Update 7.1").click()
    assert axe(page) == []
    page.get_by_label("Complete").check()
    page.get_by_label("Force update").fill(
        "Usage is checked every month and reported to the board."
    )
    page.get_by_label("Link to evidence (optional)").fill("https://example.org/usage-audit.pdf")
    page.get_by_label("Title of the evidence (optional)").fill("Usage audit, September")
    page.get_by_label("Stalking crimes recorded").check()
    page.get_by_label("Why are you making this change?").fill("Twelve-month return")
    page.get_by_role("button", name="Save the update").click()
    page.wait_for_load_state()

    assert "7.1 was updated." in page.locator(".govuk-notification-banner").inner_text()
    newest = page.locator("#history tbody tr").first
    cells = newest.locator("td")
    assert cells.nth(0).inner_text().strip() == "In progress"
    assert cells.nth(1).inner_text().strip() == "Complete"
    assert "Guidance issued." in cells.nth(2).inner_text()
    assert "Usage is checked every month" in cells.nth(2).inner_text()
    assert "Twelve-month return" in cells.nth(3).inner_text()
    assert page.get_by_role("link", name="Usage audit, September").count() == 1
    measures = page.locator("table", has_text="Current figure").inner_text()
    assert "Stalking crimes recorded" in measures and "usage check" in measures
    assert axe(page) == []
