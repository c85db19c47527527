from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from foursight.access.policy import Action, require, visible_records
from foursight.audit import services as audit
from foursight.records.models import CrimeRecord

from .display import highlighted_narrative
from .forms import TriageForm, WorklistFilter
from .models import Band, ScreeningResult, TriageDecision
from .services import do_record_triage

PAGE_SIZE = 20


def worklist(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_TRIAGE)
    form = WorklistFilter(request.GET or None)
    band = state = ""
    if form.is_valid():
        band, state = form.cleaned_data["band"], form.cleaned_data["state"]
    visible = visible_records(request.user, CrimeRecord.objects.all())
    decided = TriageDecision.objects.filter(record=OuterRef("record"))
    results = (
        ScreeningResult.objects.filter(indicated=True, record__in=visible)
        .annotate(decided=Exists(decided))
        .select_related("record")
    )
    results = (
        results.filter(band=band) if band else results.filter(band__in=[Band.HIGH, Band.REVIEW])
    )
    if state in ("", "open"):
        results = results.filter(decided=False)
    elif state == "decided":
        results = results.filter(decided=True)
    results = results.order_by("-score", "-record__recorded_at", "pk")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    series_sizes = {}
    series_ids = {r.series_id for r in page.object_list if r.series_id}
    for sid in series_ids:
        # Count only what this user may see: restricted records must not leak through a total.
        series_sizes[sid] = ScreeningResult.objects.filter(
            series_id=sid, record__in=visible
        ).count()
    audit.consulted(
        request.user,
        "crime_record",
        [r.record.crime_ref for r in page.object_list],
        fields=["crime_ref", "classification", "screening_reasons"],
        detail={"report": "triage"},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "triage/worklist.html",
        {"form": form, "page": page, "series_sizes": series_sizes, "query": query.urlencode()},
    )


def series(request: HttpRequest, series_id: str) -> HttpResponse:
    require(request.user, Action.VIEW_TRIAGE)
    visible = visible_records(request.user, CrimeRecord.objects.all())
    results = list(
        ScreeningResult.objects.filter(series_id=series_id, record__in=visible)
        .select_related("record")
        .order_by("record__recorded_at", "pk")
    )
    if not results:
        raise Http404("No such series")
    audit.consulted(
        request.user,
        "crime_record",
        [r.record.crime_ref for r in results],
        fields=["crime_ref", "recorded_at", "classification", "narrative", "screening_reasons"],
        detail={"series": series_id},
    )
    timeline = [(r, highlighted_narrative(r.record.narrative, r)) for r in results]
    return render(request, "triage/series.html", {"series_id": series_id, "timeline": timeline})


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(CrimeRecord, pk=pk)
    require(request.user, Action.DECIDE_TRIAGE, record)
    form = TriageForm(request.POST)
    if form.is_valid():
        try:
            do_record_triage(
                request.user, record, form.cleaned_data["outcome"], form.cleaned_data["note"]
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, f"Outcome recorded for {record.crime_ref}.")
            return redirect("records:record", pk=record.pk)
    return render(request, "triage/decide.html", {"record": record, "form": form}, status=400)
