"""Publishing: the snapshot, the static page with its CSV and assets, and the figures as at."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from foursight.audit.models import AuditEntry
from foursight.measures.registry import REGISTRY
from foursight.plans.models import Publication, SubPoint
from foursight.plans.publishing import site_zip
from foursight.plans.services import do_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def static_dir(settings, tmp_path):
    """A stand-in for the built stylesheet, naming one image that exists and one that does not."""
    root = tmp_path / "static"
    (root / "vendor/govuk/assets/images").mkdir(parents=True)
    (root / "vendor/govuk/assets/images/crest.svg").write_text("<svg/>", encoding="utf-8")
    (root / "vendor/foursight.css").write_text(
        ".a{background:url(/static/vendor/govuk/assets/images/crest.svg)}"
        ".b{background:url('data:image/png;base64,AAAA')}"
        '.c{background:url("/static/vendor/govuk/assets/images/missing.png")}',
        encoding="utf-8",
    )
    settings.STATICFILES_DIRS = [root]
    return root


def test_publish_writes_the_page_csv_and_assets(plan, tmp_path, static_dir, fixed_today):
    site = tmp_path / "site"
    out, err = io.StringIO(), io.StringIO()
    call_command("plan", "publish", "--out", str(site), stdout=out, stderr=err)
    page = (site / "index.html").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO((site / "action-plan.csv").read_text(encoding="utf-8-sig"))))
    statuses = {r[1].split()[0]: r[5] for r in rows[1:]}
    assert statuses == {
        "7": "Complete",
        "7.1": "In progress",
        "7.2": "Not started",
        "23": "In progress",
    }
    for row in SubPoint.objects.all():
        assert f"{row.number}<p" in page
    assert page.count('govuk-tag govuk-tag--green">Complete<') == 1
    assert page.count('govuk-tag govuk-tag--blue">In progress<') == 2
    assert page.count('govuk-tag govuk-tag--grey">Not started<') == 1
    # Each linked live figure, as at the publication date.
    assert "figure to 2025-10-01" in page
    assert "Stalking crimes recorded:</strong> 0 (0 as principal crime)" in page
    assert REGISTRY["usage_gap"].name in page
    assert 'href="action-plan.csv"' in page and 'href="assets/foursight.css"' in page
    assert "<caption" in page and page.count("<caption") == 2
    # The stylesheet works from the directory: its images copied, its links relative.
    css = (site / "assets/foursight.css").read_text(encoding="utf-8")
    assert 'url("vendor/govuk/assets/images/crest.svg")' in css
    assert "data:image/png;base64,AAAA" in css
    assert (site / "assets/vendor/govuk/assets/images/crest.svg").read_text() == "<svg/>"
    assert "missing.png, named in the stylesheet, was not found" in err.getvalue()
    assert not re.search(r"""(href|src)="/""", page)
    assert "Published plan" in out.getvalue()


def test_publication_keeps_a_snapshot_with_figures_as_at_its_date(plan, system_user, fixed_today):
    publication = do_publish(system_user, plan, as_at=date(2025, 3, 27))
    rec7 = publication.snapshot["recommendations"][0]
    row7 = rec7["rows"][0]
    assert (row7["number"], row7["status"], row7["overdue"]) == ("7", "complete", False)
    assert row7["documents"] == [
        {
            "title": "Search test results",
            "url": "https://example.org/search-test.pdf",
            "kind": "link",
        }
    ]
    test_figure = next(f for f in row7["figures"] if f["key"] == "plan_test_measure")
    assert test_figure["display"] == "figure to 2025-03-27"
    assert test_figure["period"] == "27 Sep 2024 to 27 Mar 2025"
    assert publication.snapshot["counts"] == {
        "not_started": 1,
        "in_progress": 2,
        "complete": 1,
        "total": 4,
    }
    plan.refresh_from_db()
    assert plan.published_as_at == date(2025, 3, 27)
    assert "7.1 Put processes in place" in publication.csv_text
    entry = AuditEntry.objects.filter(object_type="action_plan").last()
    assert (entry.operation, entry.recipient) == (
        "disclosure",
        "the public (published action plan)",
    )


def test_overdue_rows_are_flagged_as_at_the_date(plan, system_user, fixed_today):
    snapshot = do_publish(system_user, plan).snapshot
    overdue = {
        r["number"]: r["overdue"] for rec in snapshot["recommendations"] for r in rec["rows"]
    }
    assert overdue == {"7": False, "7.1": True, "7.2": True, "23": False}


def test_nothing_to_publish_before_the_plan_existed(plan, system_user):
    with pytest.raises(ValidationError, match="no rows"):
        do_publish(system_user, plan, as_at=date(2024, 1, 1))
    assert not Publication.objects.exists()


def test_site_zip_holds_the_same_files(plan, system_user, static_dir, fixed_today):
    publication = do_publish(system_user, plan)
    names = zipfile.ZipFile(io.BytesIO(site_zip(publication))).namelist()
    assert {
        "action-plan/index.html",
        "action-plan/action-plan.csv",
        "action-plan/assets/foursight.css",
    } <= set(names)


def test_page_escapes_what_staff_typed(plan, system_user, fixed_today):
    from foursight.plans.publishing import render_page
    from foursight.plans.services import RowEdit, do_update_row

    row = SubPoint.objects.get(number="7.1")
    edit = RowEdit(
        status="in_progress", update_text='<script>alert("x")</script>', owner="A <b>lead</b>",
        due_date=None, as_at=date(2025, 10, 1), reason="test",
    )  # fmt: skip
    do_update_row(system_user, row, edit)
    page = render_page(do_publish(system_user, plan))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "A &lt;b&gt;lead&lt;/b&gt;" in page
