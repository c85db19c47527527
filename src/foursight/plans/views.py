"""Action-plan pages. Thin: reads here, every change through plans.services."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from foursight.access.policy import Action, require

from . import services
from .figures import FigureBook
from .forms import AsAtForm, PublishForm, RowEditForm
from .models import Plan, Publication, Status, SubPoint, SupportingDocument
from .publishing import build_snapshot, for_display, site_zip
from .state import changes, plan_rows


def _plan(request: HttpRequest) -> Plan | None:
    require(request.user, Action.VIEW_PLAN)
    return services.current_plan()


def _counts(rows: list[SubPoint], today: Any) -> dict[str, int]:
    counts = {status.value: 0 for status in Status}
    for row in rows:
        counts[row.status] += 1
    counts["total"] = len(rows)
    counts["overdue"] = sum(1 for row in rows if row.is_overdue(today))
    return counts


def _figures(book: FigureBook, row: SubPoint) -> list[Any]:
    return [book.figure(link.measure_key, link.period_rule) for link in row.measure_links.all()]


def index(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    today = timezone.localdate()
    if plan is None:
        return render(request, "plans/index.html", {"plan": None})
    book = FigureBook(today)
    sections = []
    everything: list[SubPoint] = []
    for rec, rows in plan_rows(plan):
        everything += rows
        sections.append((rec, [(row, _figures(book, row)) for row in rows]))
    return render(
        request,
        "plans/index.html",
        {
            "plan": plan,
            "sections": sections,
            "counts": _counts(everything, today),
            "today": today,
            "as_at_form": AsAtForm(),
            "latest": plan.publications.first(),
        },
    )


def subpoint(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.VIEW_PLAN)
    row = get_object_or_404(SubPoint.objects.select_related("recommendation__plan"), pk=pk)
    book = FigureBook(timezone.localdate())
    history = [
        (update, changes(update)) for update in row.history.select_related("by").order_by(
            "-as_at", "-recorded_at", "-pk")
    ]  # fmt: skip
    return render(
        request,
        "plans/subpoint.html",
        {
            "row": row,
            "rec": row.recommendation,
            "figures": _figures(book, row),
            "documents": row.current_documents(),
            "history": history,
            "overdue": row.is_overdue(),
        },
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.EDIT_PLAN)
    row = get_object_or_404(SubPoint.objects.select_related("recommendation__plan"), pk=pk)
    posted = request.method == "POST"
    form = RowEditForm(
        request.POST if posted else None, request.FILES if posted else None, subpoint=row
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        edit_request = services.RowEdit(
            status=data["status"], update_text=data["update_text"], owner=data["owner"],
            due_date=data["due_date"], as_at=data["as_at"], reason=data["reason"],
            measures=list(data["measures"]), period_rule=data["period_rule"],
            link_title=data["evidence_title"] if data["evidence_url"] else "",
            link_url=data["evidence_url"], upload=data["evidence_file"],
            upload_title=data["evidence_title"],
        )  # fmt: skip
        try:
            services.do_update_row(request.user, row, edit_request)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, f"{row.number} was updated.")
            return redirect("plans:subpoint", pk=row.pk)
    status = 400 if form.is_bound else 200
    return render(request, "plans/edit.html", {"row": row, "form": form}, status=status)


def overdue(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    today = timezone.localdate()
    rows: list[SubPoint] = []
    if plan is not None:
        rows = [row for _, subs in plan_rows(plan) for row in subs if row.is_overdue(today)]
        rows.sort(key=lambda r: (r.effective_due_date, r.sort_key))
    late = [(row, (today - row.effective_due_date).days) for row in rows]
    return render(request, "plans/overdue.html", {"plan": plan, "rows": late, "today": today})


def document(request: HttpRequest, pk: int) -> FileResponse:
    require(request.user, Action.VIEW_PLAN)
    doc = get_object_or_404(SupportingDocument, pk=pk)
    if not doc.file:
        raise Http404("This document is not a file held by Foursight")
    return FileResponse(
        doc.file.open("rb"), as_attachment=True, filename=PurePath(doc.file.name).name
    )


def _publication_page(request: HttpRequest, publication: Publication | None) -> HttpResponse:
    plan = _plan(request)
    context: dict[str, Any] = {"plan_model": plan, "publication": publication}
    if publication is not None:
        context |= {
            "plan": for_display(publication.snapshot),
            "csv_href": reverse("plans:publication-csv", args=[publication.pk]),
            "others": publication.plan.publications.exclude(pk=publication.pk)[:20],
        }
    return render(request, "plans/published.html", context)


def published(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    return _publication_page(request, plan.publications.first() if plan else None)


def publication(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.VIEW_PLAN)
    return _publication_page(request, get_object_or_404(Publication, pk=pk))


def publication_csv(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.VIEW_PLAN)
    item = get_object_or_404(Publication, pk=pk)
    response = HttpResponse("\ufeff" + item.csv_text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="action-plan-{item.as_at}.csv"'
    return response


def publication_zip(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.PUBLISH_PLAN)
    item = get_object_or_404(Publication, pk=pk)
    response = HttpResponse(site_zip(item), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="action-plan-{item.as_at}.zip"'
    return response


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.PUBLISH_PLAN)
    plan = services.current_plan()
    if plan is None:
        raise Http404("There is no action plan to publish")
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_publish(request.user, plan)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, "The action plan was published.")
            return redirect("plans:published")
    status = 400 if form.is_bound else 200
    return render(request, "plans/publish.html", {"plan": plan, "form": form}, status=status)


def as_at(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    form = AsAtForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "plan_model": plan}
    if plan is not None and form.is_bound and form.is_valid():
        when = form.cleaned_data["date"]
        snapshot = build_snapshot(plan, when)
        context |= {
            "when": when,
            "plan": for_display(snapshot),
            "csv_href": f"{reverse('plans:export')}?as_at={when.isoformat()}",
        }
    return render(request, "plans/as_at.html", context, status=400 if form.errors else 200)


def export_csv(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    if plan is None:
        raise Http404("There is no action plan")
    form = AsAtForm({"date": request.GET["as_at"]}) if request.GET.get("as_at") else None
    if form is not None and not form.is_valid():
        return HttpResponse("as_at must be a date (YYYY-MM-DD), not in the future", status=400)
    when = form.cleaned_data["date"] if form is not None else None
    text = services.do_export_plan(request.user, plan, as_at=when)
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    name = f"action-plan-{when or timezone.localdate()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
