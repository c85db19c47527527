"""Record pages: search, the record itself, classification changes, imports and the usage check."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from foursight.access.policy import Action, can, pseudonymised, require, visible_records
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.people.display import people_rows
from foursight.triage.display import highlighted_narrative
from foursight.triage.forms import TriageForm

from . import services
from .forms import ExportForm, LabelForm, RemoveLabelForm, RetentionForm, SearchForm, UploadForm
from .importing import Source
from .models import CrimeRecord, ImportBatch, LabelKind, OffenceClass
from .pipeline import import_link_and_screen
from .reference import load_reference
from .search import SearchParams, search
from .usage import REASONS, reasons_for, usage_gap, usage_summary

PAGE_SIZE = 25
RECORD_FIELDS = [
    "crime_ref",
    "recorded_at",
    "classification",
    "included_classifications",
    "flags",
    "narrative",
    "relationship",
    "people",
    "location",
    "outcome",
    "order_refs",
]
LIST_FIELDS = ["crime_ref", "recorded_at", "classification", "included_classifications", "flags"]


def _run_search(request: HttpRequest, params: SearchParams) -> Any:
    records = visible_records(request.user, CrimeRecord.objects.all())
    return search(records, params, load_reference())


def search_page(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.SEARCH_RECORDS)
    form = SearchForm(request.GET or None, identified=not pseudonymised(request.user))
    context: dict[str, Any] = {"form": form, "export_form": ExportForm()}
    if form.is_bound and form.is_valid() and not form.params().is_empty():
        params = form.params()
        outcome = _run_search(request, params)
        page = Paginator(outcome.records.prefetch_related("labels"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        query = request.GET.copy()
        query.pop("page", None)
        context |= {
            "page": page,
            "outcome": outcome,
            "params": params,
            "query": query.urlencode(),
            "pseudonymised": pseudonymised(request.user),
        }
        audit.consulted(
            request.user,
            "crime_record",
            [r.crime_ref for r in page.object_list],
            fields=LIST_FIELDS,
            detail={"search": params.as_detail(), "total": page.paginator.count},
        )
    return render(request, "records/search.html", context)


@require_POST
def search_export(request: HttpRequest) -> HttpResponseBase:
    require(request.user, Action.EXPORT_RECORDS)
    form = SearchForm(request.POST, identified=not pseudonymised(request.user))
    export = ExportForm(request.POST)
    if not (form.is_valid() and export.is_valid()) or form.params().is_empty():
        messages.error(request, "Say who the export is for, and search for something first.")
        query = {k: v for k, v in request.POST.items() if k in form.fields and v}
        return redirect(f"{reverse('records:search')}?{urlencode(query)}")
    params = form.params()
    outcome = _run_search(request, params)
    rows = list(outcome.records.prefetch_related("labels"))
    with transaction.atomic():
        audit.log(
            request.user,
            Operation.DISCLOSURE,
            "crime_record",
            [r.crime_ref for r in rows],
            fields=LIST_FIELDS,
            recipient=export.cleaned_data["recipient"],
            detail={"search": params.as_detail(), "format": "csv", "rows": len(rows)},
        )
    response = StreamingHttpResponse(
        _csv_rows(rows, outcome.searched_class), content_type="text/csv"
    )
    response["Content-Disposition"] = 'attachment; filename="foursight-search.csv"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_rows(rows: list[CrimeRecord], searched_class: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            "crime_ref",
            "force",
            "recorded_at",
            "principal_class",
            "included_classifications",
            "flags",
            "class_match",
            "relationship",
            "officer_in_charge",
        ]
    )
    for record in rows:
        labels = [label for label in record.labels.all() if not label.removed]
        yield writer.writerow(
            [
                record.crime_ref,
                record.force,
                record.recorded_at.isoformat(),
                record.principal_class,
                "|".join(lb.code for lb in labels if lb.kind == LabelKind.CLASS),
                "|".join(lb.code for lb in labels if lb.kind == LabelKind.FLAG),
                getattr(record, "class_match", ""),
                record.relationship,
                record.officer_in_charge,
            ]
        )


def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(CrimeRecord, pk=pk)
    hidden = pseudonymised(request.user)
    shown = [f for f in RECORD_FIELDS if not (hidden and f == "narrative")]
    services.view_record(request.user, record, shown)
    screening = getattr(record, "screening", None)
    classes = {c.code: c for c in OffenceClass.objects.all()}
    labels = list(record.labels.all())
    context = {
        "record": record,
        "principal": classes.get(record.principal_class),
        "included": [lb for lb in labels if lb.kind == LabelKind.CLASS and not lb.removed],
        "flags": [lb for lb in labels if lb.kind == LabelKind.FLAG and not lb.removed],
        "classes": classes,
        "people": people_rows(record.people.select_related("person").order_by("index"), hidden),
        "breaches": record.breaches.select_related("order"),
        "versions": record.versions.all(),
        "changes": record.changes.select_related("by"),
        "screening": screening,
        "narrative_html": highlighted_narrative(record.narrative, screening),
        "decisions": record.triage_decisions.select_related("decided_by"),
        "reviews": record.retention_reviews.select_related("decided_by"),
        "pseudonymised": hidden,
        "label_form": LabelForm(),
        "remove_form": RemoveLabelForm(),
        "triage_form": TriageForm(),
        "retention_form": RetentionForm(may_erase=can(request.user, Action.ERASE_RECORD)),
    }
    return render(request, "records/record.html", context)


def _record_for_change(request: HttpRequest, pk: int) -> CrimeRecord:
    record = get_object_or_404(CrimeRecord, pk=pk)
    require(request.user, Action.EDIT_LABELS, record)
    return record


@require_POST
def add_label(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record_for_change(request, pk)
    form = LabelForm(request.POST)
    if form.is_valid():
        try:
            services.do_add_label(
                request.user,
                record,
                form.cleaned_data["kind"],
                form.cleaned_data["code"],
                form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error("code", exc.messages[0])
        else:
            messages.success(request, f"{form.cleaned_data['code']} added to {record.crime_ref}.")
            return redirect("records:record", pk=record.pk)
    return render(request, "records/label_form.html", {"record": record, "form": form}, status=400)


@require_POST
def remove_label(request: HttpRequest, pk: int, kind: str, code: str) -> HttpResponse:
    record = _record_for_change(request, pk)
    form = RemoveLabelForm(request.POST)
    if form.is_valid():
        try:
            services.do_remove_label(request.user, record, kind, code, form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            messages.success(request, f"{code} removed from {record.crime_ref}.")
            return redirect("records:record", pk=record.pk)
    return render(
        request,
        "records/remove_label.html",
        {"record": record, "form": form, "kind": kind, "code": code},
        status=400,
    )


@require_POST
def review_retention(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(CrimeRecord, pk=pk)
    require(request.user, Action.REVIEW_RETENTION, record)
    if request.POST.get("decision") == "erase":
        require(request.user, Action.ERASE_RECORD, record)
    form = RetentionForm(request.POST, may_erase=can(request.user, Action.ERASE_RECORD))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.do_review_retention(
                request.user, record, data["decision"], data["reason"], data["next_review_date"]
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            if data["decision"] == "erase":
                messages.success(
                    request, f"{record.crime_ref} and everything derived from it were erased."
                )
                return redirect("records:retention")
            messages.success(request, "The retention review was recorded.")
            return redirect("records:record", pk=record.pk)
    return render(
        request, "records/retention_form.html", {"record": record, "form": form}, status=400
    )


def retention_due(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.REVIEW_RETENTION)
    from django.utils import timezone

    due = (
        visible_records(request.user, CrimeRecord.objects.all())
        .filter(review_date__lte=timezone.localdate())
        .order_by("review_date", "pk")
    )
    page = Paginator(due, PAGE_SIZE).get_page(request.GET.get("page"))
    audit.consulted(
        request.user,
        "crime_record",
        [r.crime_ref for r in page.object_list],
        fields=["crime_ref", "review_date", "retention_class"],
    )
    return render(request, "records/retention.html", {"page": page})


def imports(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_IMPORTS)
    form = UploadForm()
    if request.method == "POST":
        require(request.user, Action.IMPORT_RECORDS)
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            batch = _import_upload(request, form)
            return redirect("records:import", pk=batch.pk)
    batches = Paginator(ImportBatch.objects.select_related("started_by"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "records/imports.html", {"form": form, "page": batches})


def _import_upload(request: HttpRequest, form: UploadForm) -> ImportBatch:
    def source(name: str) -> Source | None:
        upload = form.cleaned_data.get(name)
        if not upload:
            return None
        fmt = "csv" if upload.name.lower().endswith(".csv") else "jsonl"
        return Source(upload.name, upload.file, fmt)  # type: ignore[arg-type]

    return import_link_and_screen(request.user, source("crimes"), source("orders")).imported.batch


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.VIEW_IMPORTS)
    batch = get_object_or_404(ImportBatch, pk=pk)
    issues = Paginator(batch.issues.all(), 50).get_page(request.GET.get("page"))
    return render(request, "records/import.html", {"batch": batch, "page": issues})


def import_rejects(request: HttpRequest, pk: int) -> HttpResponse:
    # The raw lines are personal data: the importer must also be cleared to see identities.
    require(request.user, Action.IMPORT_RECORDS)
    require(request.user, Action.VIEW_IDENTIFIED)
    batch = get_object_or_404(ImportBatch, pk=pk)
    rejects = list(batch.issues.filter(kind="reject"))
    with transaction.atomic():
        audit.log(
            request.user,
            Operation.DISCLOSURE,
            "import_rejects",
            [batch.pk],
            fields=["raw"],
            recipient=request.user.get_username(),
            detail={"lines": len(rejects)},
        )
    body = "".join(
        json.dumps({"source": i.source, "line": i.line, "reason": i.reason, "raw": i.raw}) + "\n"
        for i in rejects
    )
    response = HttpResponse(body, content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-rejects.jsonl"'
    return response


def usage(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_USAGE_REPORT)
    records = visible_records(request.user, CrimeRecord.objects.all())
    summary = usage_summary(records)
    page = Paginator(usage_gap(records), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(r, reasons_for(r)) for r in page.object_list]
    audit.consulted(
        request.user,
        "crime_record",
        [r.crime_ref for r in page.object_list],
        fields=LIST_FIELDS,
        detail={"report": "usage_gap"},
    )
    return render(
        request,
        "records/usage.html",
        {"summary": summary, "page": page, "rows": rows, "reasons": REASONS},
    )
