"""The action-plan pages, for each role: who may see, edit and publish."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from foursight.access.policy import ALLOWED, Action
from foursight.access.roles import Role
from foursight.measures.registry import REGISTRY
from foursight.plans.models import Publication, SubPoint
from foursight.plans.services import do_publish

ROLES = list(Role.values)

pytestmark = pytest.mark.django_db


VIEWERS = {r.value for r in ALLOWED[Action.VIEW_PLAN]}
EDITORS = {r.value for r in ALLOWED[Action.EDIT_PLAN]}
PUBLISHERS = {r.value for r in ALLOWED[Action.PUBLISH_PLAN]}


def _read_urls(row: SubPoint, publication: Publication) -> list[str]:
    return [
        reverse("plans:index"),
        reverse("plans:overdue"),
        reverse("plans:as-at") + "?date=2025-03-27",
        reverse("plans:export"),
        reverse("plans:subpoint", args=[row.pk]),
        reverse("plans:published"),
        reverse("plans:publication", args=[publication.pk]),
        reverse("plans:publication-csv", args=[publication.pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_the_plan(client_for, role, row, system_user, fixed_today):
    publication = do_publish(system_user, row.recommendation.plan)
    client = client_for(role)
    expected = 200 if role in VIEWERS else 403
    for url in _read_urls(row, publication):
        assert client.get(url).status_code == expected, url
    publish_expected = 200 if role in PUBLISHERS else 403
    assert client.get(reverse("plans:publish")).status_code == publish_expected
    zip_url = reverse("plans:publication-zip", args=[publication.pk])
    assert client.get(zip_url).status_code == publish_expected
    assert client.get(reverse("plans:edit", args=[row.pk])).status_code == (
        200 if role in EDITORS else 403
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_a_row(client_for, role, row, fixed_today):
    response = client_for(role).post(
        reverse("plans:edit", args=[row.pk]),
        {
            "status": "in_progress",
            "as_at": "2025-10-01",
            "update_text": "Checked monthly.",
            "owner": "Force Crime Registrar",
            "period_rule": "last_12_months",
            "measures": ["usage_gap"],
            "reason": "Twelve-month return",
        },
    )
    row.refresh_from_db()
    if role in EDITORS:
        assert response.status_code == 302
        assert row.update_text == "Checked monthly."
    else:
        assert response.status_code == 403
        assert row.update_text == "Guidance issued."


def test_anonymous_visitors_are_sent_to_sign_in(client, row):
    response = client.get(reverse("plans:index"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_overview_shows_rows_statuses_owners_and_live_figures(client_for, plan, fixed_today):
    page = client_for("analyst").get(reverse("plans:index")).content.decode()
    assert "Recommendation 7: Included classifications" in page
    assert "Evidence requirements for recommendation 23" in page
    assert "Detective Superintendent, Public Protection" in page
    assert "Stalking crimes recorded:</strong> 0 (0 as principal crime)" in page
    assert "Test measure:</strong> figure to 2025-10-01" in page
    assert "2 past their due date and not complete" in page
    assert "Publish the plan" not in page  # analysts cannot publish


def test_overdue_view_lists_late_rows_with_owners(client_for, plan, fixed_today):
    response = client_for("auditor").get(reverse("plans:overdue"))
    page = response.content.decode()
    days = [d for _, d in response.context["rows"]]
    assert [row.number for row, _ in response.context["rows"]] == ["7.2", "7.1"]
    assert days == [188, 1]  # due 27 March 2025 (the recommendation's) and 30 September 2025
    assert "Head of Intelligence" in page and "Detective Superintendent, Public Protection" in page
    assert ">23</a>" not in page and ">7</a>" not in page


def test_update_with_evidence_shows_old_and_new_state(client_for, row, fixed_today, media_root):
    client = client_for("supervisor")
    response = client.post(
        reverse("plans:edit", args=[row.pk]),
        {
            "status": "complete",
            "as_at": "2025-09-26",
            "update_text": "Usage checked every month.",
            "owner": "Force Crime Registrar",
            "period_rule": "last_12_months",
            "measures": ["usage_gap"],
            "evidence_url": "https://example.org/usage-audit.pdf",
            "evidence_title": "Usage audit",
            "evidence_file": SimpleUploadedFile("check.csv", b"month,share\n"),
            "reason": "Twelve-month return",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    history = page[page.index('id="history"') :]
    assert "In progress" in history and "Complete" in history
    assert "Guidance issued." in history and "Usage checked every month." in history
    assert "Twelve-month return" in history
    assert "Overdue" not in history  # the row's overdue tag is not repeated in its history
    assert 'href="https://example.org/usage-audit.pdf">Usage audit</a>' in page
    document = row.documents.get(title="Usage audit", url="")
    download = client.get(reverse("plans:document", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"month,share\n"


def test_edit_errors_are_summarised(client_for, plan, fixed_today):
    bare = SubPoint.objects.get(number="7.2")
    response = client_for("administrator").post(
        reverse("plans:edit", args=[bare.pk]),
        {
            "status": "complete",
            "as_at": "2025-10-01",
            "period_rule": "last_12_months",
            "reason": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "Say why you are making this change" in page
    response = client_for("administrator").post(
        reverse("plans:edit", args=[bare.pk]),
        {
            "status": "complete",
            "as_at": "2025-10-01",
            "period_rule": "last_12_months",
            "reason": "Done",
        },
    )
    assert response.status_code == 400
    assert "only be marked complete with evidence" in response.content.decode()


def test_publish_from_the_app(client_for, plan, fixed_today):
    client = client_for("supervisor")
    response = client.post(reverse("plans:publish"), {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("plans:published")
    publication = Publication.objects.get()
    page = client.get(reverse("plans:published")).content.decode()
    assert "Progress on recommendation 7" in page
    assert reverse("plans:publication-csv", args=[publication.pk]) in page
    csv = client.get(reverse("plans:publication-csv", args=[publication.pk])).content.decode()
    assert csv == "\ufeff" + publication.csv_text
    assert client.post(reverse("plans:publish"), {}).status_code == 400


def test_as_at_view_rebuilds_an_earlier_return(client_for, plan, fixed_today):
    page = client_for("spoc").get(reverse("plans:as-at") + "?date=2024-11-30").content.decode()
    assert "Not published: this is a preview" in page
    assert "7.2<p" in page and "7.1<p" not in page
    bad = client_for("spoc").get(reverse("plans:as-at") + "?date=2099-01-01")
    assert bad.status_code == 400


def test_empty_overview_explains_how_to_import(client_for, db):
    page = client_for("supervisor").get(reverse("plans:index")).content.decode()
    assert "foursight plan import PLAN.csv" in page


def test_edit_form_offers_every_measure_as_a_checkbox(client_for, row, fixed_today):
    page = client_for("supervisor").get(reverse("plans:edit", args=[row.pk])).content.decode()
    assert page.count('type="checkbox" value="') == len(REGISTRY)
    assert 'type="checkbox" value="usage_gap" checked' in page
    assert 'type="radio" value="in_progress" checked' in page
    assert 'id="id_as_at" name="as_at" type="date" value="2025-10-01"' in page
