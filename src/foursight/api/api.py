"""The typed JSON API (django-ninja). OpenAPI at /api/openapi.json, browsable docs at /api/docs.

Every endpoint asks the same policy as the web pages, and writes the same audit entries (with
the channel "api"). Authenticate with a bearer token from "Your account", or a signed-in session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import File, NinjaAPI, Query, Schema
from ninja.files import UploadedFile
from ninja.responses import Status
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from foursight.access.models import APIToken, hash_token
from foursight.access.policy import Action, pseudonymised, require, visible_records
from foursight.audit import services as audit
from foursight.measures.registry import REGISTRY, Period
from foursight.people.display import people_rows
from foursight.people.linking import do_link_decision
from foursight.people.models import Person, PersonLink, PersonMention
from foursight.people.services import view_person
from foursight.records import services as record_services
from foursight.records.importing import Source
from foursight.records.models import CrimeRecord, ImportBatch, LabelKind
from foursight.records.pipeline import import_link_and_screen
from foursight.records.reference import load_reference
from foursight.records.search import SearchParams, search
from foursight.records.usage import reasons_for, usage_gap, usage_summary
from foursight.triage.models import ScreeningResult, TriageDecision
from foursight.triage.services import do_record_triage


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = (
            APIToken.live()
            .select_related("user")
            .filter(key_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        APIToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class SessionAuth(NinjaSessionAuth):
    """The signed-in session (two-factor sign-in is enforced by SignInRequiredMiddleware)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if self.param_name not in request.COOKIES:
            # No session, so nothing for CSRF to protect: answer 401, not "CSRF check failed".
            return None
        return super()._get_key(request)


token_auth, session_auth = TokenAuth(), SessionAuth()


def _signed_in_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OpenAPI document and docs page need a token or session too: nothing is anonymous."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if token_auth(request) is None and session_auth(request) is None:
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="Foursight API",
    version="1",
    description=__doc__ or "",
    auth=[token_auth, session_auth],
    urls_namespace="api",
    docs_decorator=_signed_in_only,
)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "not allowed"}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": "; ".join(exc.messages)}, status=422)


# --- schemas ---------------------------------------------------------------------------------


class Error(Schema):
    detail: str


class LabelOut(Schema):
    kind: str
    code: str
    origin: str


class RecordSummary(Schema):
    id: int
    crime_ref: str
    force: str
    recorded_at: datetime
    principal_class: str
    classification: str
    class_match: str | None = None
    labels: list[LabelOut]
    restricted: bool


class Page(Schema):
    count: int
    page: int
    pages: int
    results: list[RecordSummary]


class PersonOnRecord(Schema):
    mention_id: int
    role: str
    name: str
    dob: str
    address: str
    contact: str
    person_id: int | None


class RecordDetail(RecordSummary):
    narrative: str | None
    relationship: str
    officer_in_charge: str
    outcome_code: int | None
    people: list[PersonOnRecord]
    order_refs: list[str]
    version: int
    screening: dict[str, Any] | None


class LabelIn(Schema):
    kind: LabelKind
    code: str
    reason: str


class ReasonIn(Schema):
    reason: str


class Counts(Schema):
    read: int
    imported: int
    updated: int
    unchanged: int
    rejected: int
    warnings: int


class Issue(Schema):
    source: str
    line: int
    kind: str
    reference: str
    reason: str


class ImportOut(Schema):
    batch: int
    status: str
    crimes: Counts
    orders: Counts
    issues: list[Issue]


class UsageOut(Schema):
    evidenced: int
    with_8q: int
    without_8q: int
    by_reason: dict[str, int]
    records: list[dict[str, Any]]


class LinkOut(Schema):
    left_mention: int
    right_mention: int
    match_weight: float
    match_probability: float
    agreements: dict[str, str]


class PersonOut(Schema):
    id: int
    pseudonym: str
    name: str
    flagged: bool
    flag_reason: str
    mentions: list[dict[str, Any]]
    links: list[LinkOut]


class LinkDecisionIn(Schema):
    left_mention: int
    right_mention: int
    decision: str
    reason: str


class TriageIn(Schema):
    outcome: str
    note: str


class WorklistItem(Schema):
    record_id: int
    crime_ref: str
    score: float
    band: str
    series_id: str
    reasons: list[str]
    decided: bool


class MeasureOut(Schema):
    key: str
    name: str
    definition: str
    recommendation: str
    value: float | None
    display: str
    period: str


# --- helpers ---------------------------------------------------------------------------------


def _summary(record: CrimeRecord) -> dict[str, Any]:
    return {
        "id": record.pk,
        "crime_ref": record.crime_ref,
        "force": record.force,
        "recorded_at": record.recorded_at,
        "principal_class": record.principal_class,
        "classification": record.classification,
        "class_match": getattr(record, "class_match", None),
        "labels": [
            {"kind": lb.kind, "code": lb.code, "origin": lb.origin}
            for lb in record.labels.all()
            if not lb.removed
        ],
        "restricted": record.restricted,
    }


def _record(pk: int) -> CrimeRecord:
    # Visibility is checked by the service each endpoint calls (policy object rules).
    return get_object_or_404(CrimeRecord, pk=pk)


# --- records ---------------------------------------------------------------------------------


@api.get("/records", response=Page, tags=["records"], summary="Search records")
def search_records(
    request: HttpRequest,
    classification: str = "",
    flag: str = "",
    person: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    sort: str = "-recorded",
    page: int = 1,
    page_size: int = Query(25, le=200),
) -> dict[str, Any]:
    """Classification matches the principal class or an included one; `class_match` says which."""
    require(request.user, Action.SEARCH_RECORDS)
    if (person or text) and pseudonymised(request.user):
        raise PermissionDenied(
            "pseudonymised access: searching by a person's name or narrative text is not available"
        )
    params = SearchParams(classification, flag, person, date_from, date_to, text, sort)
    if params.is_empty():
        raise ValidationError("give at least one filter")
    records = visible_records(request.user, CrimeRecord.objects.all())
    outcome = search(records, params, load_reference())
    paginator = Paginator(outcome.records.prefetch_related("labels"), page_size)
    current = paginator.get_page(page)
    audit.consulted(
        request.user,
        "crime_record",
        [r.crime_ref for r in current.object_list],
        fields=["crime_ref", "recorded_at", "classification", "included_classifications", "flags"],
        detail={"search": params.as_detail(), "total": paginator.count},
    )
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [_summary(r) for r in current.object_list],
    }


@api.get("/records/{pk}", response={200: RecordDetail, 403: Error}, tags=["records"])
def get_record(request: HttpRequest, pk: int) -> dict[str, Any]:
    record = _record(pk)
    hidden = pseudonymised(request.user)
    fields = ["crime_ref", "classification", "people", "narrative", "relationship", "outcome"]
    record_services.view_record(
        request.user, record, [f for f in fields if not (hidden and f == "narrative")]
    )
    screening = getattr(record, "screening", None)
    rows = people_rows(record.people.select_related("person").order_by("index"), hidden)
    return {
        **_summary(record),
        "narrative": None if hidden else record.narrative,
        "relationship": record.relationship,
        "officer_in_charge": record.officer_in_charge,
        "outcome_code": record.outcome_code,
        "people": [
            {
                "mention_id": row["mention"].pk,
                "role": row["role"],
                "name": row["name"],
                "dob": row["dob"],
                "address": row["address"],
                "contact": row["contact"],
                "person_id": row["mention"].person_id,
            }
            for row in rows
        ],
        "order_refs": list(record.breaches.values_list("order_ref", flat=True)),
        "version": record.version,
        "screening": screening.result if screening and not hidden else None,
    }


@api.post(
    "/records/{pk}/labels", response={201: LabelOut, 403: Error, 422: Error}, tags=["records"]
)
def add_label(request: HttpRequest, pk: int, body: LabelIn) -> Status[dict[str, Any]]:
    record = _record(pk)
    label = record_services.do_add_label(request.user, record, body.kind, body.code, body.reason)
    return Status(201, {"kind": label.kind, "code": label.code, "origin": label.origin})


@api.delete(
    "/records/{pk}/labels/{kind}/{code}",
    response={204: None, 403: Error, 422: Error},
    tags=["records"],
)
def remove_label(
    request: HttpRequest, pk: int, kind: LabelKind, code: str, body: ReasonIn
) -> Status[None]:
    record = _record(pk)
    record_services.do_remove_label(request.user, record, kind, code, body.reason)
    return Status(204, None)


@api.post(
    "/records/{pk}/triage",
    response={201: dict[str, Any], 403: Error, 422: Error},
    tags=["screening"],
)
def record_triage(request: HttpRequest, pk: int, body: TriageIn) -> Status[dict[str, Any]]:
    record = _record(pk)
    decision = do_record_triage(request.user, record, body.outcome, body.note)
    return Status(201, {"id": decision.pk, "outcome": decision.outcome})


# --- imports ---------------------------------------------------------------------------------


def _import_out(batch: ImportBatch) -> dict[str, Any]:
    empty = dict.fromkeys(["read", "imported", "updated", "unchanged", "rejected", "warnings"], 0)
    return {
        "batch": batch.pk,
        "status": batch.status,
        "crimes": batch.counts.get("crimes", empty),
        "orders": batch.counts.get("orders", empty),
        "issues": [
            {
                "source": i.source,
                "line": i.line,
                "kind": i.kind,
                "reference": i.reference,
                "reason": i.reason,
            }
            for i in batch.issues.all()[:1000]
        ],
    }


@api.post("/imports", response={201: ImportOut, 403: Error, 422: Error}, tags=["imports"])
def create_import(
    request: HttpRequest,
    crimes: UploadedFile | None = File(None),  # noqa: B008 (ninja declares parameters so)
    orders: UploadedFile | None = File(None),  # noqa: B008
) -> Status[dict[str, Any]]:
    """Import exchange-format files (JSON Lines, or CSV by a .csv name). Bad lines are listed."""
    require(request.user, Action.IMPORT_RECORDS)
    if crimes is None and orders is None:
        raise ValidationError("send a crimes file, an orders file, or both")

    def source(upload: UploadedFile | None) -> Source | None:
        if upload is None:
            return None
        fmt = "csv" if (upload.name or "").lower().endswith(".csv") else "jsonl"
        return Source(upload.name or "upload", upload.file, fmt)  # type: ignore[arg-type]

    outcome = import_link_and_screen(request.user, source(crimes), source(orders))
    return Status(201, _import_out(outcome.imported.batch))


@api.get("/imports/{pk}", response={200: ImportOut, 403: Error}, tags=["imports"])
def get_import(request: HttpRequest, pk: int) -> dict[str, Any]:
    require(request.user, Action.VIEW_IMPORTS)
    return _import_out(get_object_or_404(ImportBatch, pk=pk))


# --- usage, screening, measures --------------------------------------------------------------


@api.get(
    "/usage", response={200: UsageOut, 403: Error}, tags=["records"], summary="Usage check (7.1)"
)
def usage(request: HttpRequest, limit: int = Query(100, le=1000)) -> dict[str, Any]:
    require(request.user, Action.VIEW_USAGE_REPORT)
    records = visible_records(request.user, CrimeRecord.objects.all())
    summary = usage_summary(records)
    gap = list(usage_gap(records)[:limit])
    audit.consulted(
        request.user,
        "crime_record",
        [r.crime_ref for r in gap],
        fields=["crime_ref", "classification"],
        detail={"report": "usage_gap"},
    )
    return {
        "evidenced": summary.evidenced,
        "with_8q": summary.with_8q,
        "without_8q": summary.without_8q,
        "by_reason": summary.by_reason,
        "records": [
            {
                "id": r.pk,
                "crime_ref": r.crime_ref,
                "principal_class": r.principal_class,
                "evidence": reasons_for(r),
            }
            for r in gap
        ],
    }


@api.get("/screening/worklist", response={200: list[WorklistItem], 403: Error}, tags=["screening"])
def worklist(request: HttpRequest, limit: int = Query(100, le=1000)) -> list[dict[str, Any]]:
    require(request.user, Action.VIEW_TRIAGE)
    visible = visible_records(request.user, CrimeRecord.objects.all())
    results = list(
        ScreeningResult.objects.filter(indicated=True, record__in=visible)
        .select_related("record")
        .order_by("-score", "pk")[:limit]
    )
    decided = set(
        TriageDecision.objects.filter(record__in=[r.record_id for r in results]).values_list(
            "record_id", flat=True
        )
    )
    audit.consulted(
        request.user,
        "crime_record",
        [r.record.crime_ref for r in results],
        fields=["crime_ref", "screening_reasons"],
        detail={"report": "triage"},
    )
    return [
        {
            "record_id": r.record_id,
            "crime_ref": r.record.crime_ref,
            "score": r.score,
            "band": r.band,
            "series_id": r.series_id,
            "reasons": r.result.get("reasons", []),
            "decided": r.record_id in decided,
        }
        for r in results
    ]


@api.get("/measures", response={200: list[MeasureOut], 403: Error}, tags=["measures"])
def measures(request: HttpRequest, as_at: date | None = None) -> list[dict[str, Any]]:
    """Every live measure for the 12 months to `as_at` (default today)."""
    require(request.user, Action.VIEW_MEASURES)
    period = Period.last_12_months(as_at or timezone.localdate())
    out = []
    for m in REGISTRY.values():
        value = m.compute(period)
        out.append(
            {
                "key": m.key,
                "name": m.name,
                "definition": m.definition,
                "recommendation": m.recommendation,
                "value": value.value,
                "display": value.display,
                "period": period.label(),
            }
        )
    return out


# --- people ----------------------------------------------------------------------------------


@api.get("/people/{int:pk}", response={200: PersonOut, 403: Error}, tags=["people"])
def get_person(request: HttpRequest, pk: int) -> dict[str, Any]:
    person = get_object_or_404(Person, pk=pk)
    hidden = pseudonymised(request.user)
    view_person(request.user, person, ["name", "dob", "address", "contact", "records", "links"])
    visible = set(
        visible_records(
            request.user, CrimeRecord.objects.filter(people__person=person)
        ).values_list("pk", flat=True)
    )
    mentions = [
        m
        for m in person.mentions.select_related("record", "order", "person")
        if m.order_id or m.record_id in visible
    ]
    ids = [m.pk for m in mentions]
    rows = people_rows(mentions, hidden)
    links = PersonLink.objects.filter(left_id__in=ids, right_id__in=ids)
    return {
        "id": person.pk,
        "pseudonym": person.pseudonym,
        "name": person.pseudonym if hidden else (person.display_name or person.pseudonym),
        "flagged": person.flagged,
        "flag_reason": person.flag_reason,
        "mentions": [
            {
                "mention_id": row["mention"].pk,
                "role": row["role"],
                "name": row["name"],
                "source_ref": row["mention"].source_ref,
                "source_kind": "crime" if row["mention"].record_id else "order",
            }
            for row in rows
        ],
        "links": [
            {
                "left_mention": link.left_id,
                "right_mention": link.right_id,
                "match_weight": link.match_weight,
                "match_probability": link.match_probability,
                "agreements": {k: str(v) for k, v in link.agreements.items()},
            }
            for link in links
        ],
    }


@api.post(
    "/people/decisions", response={201: dict[str, Any], 403: Error, 422: Error}, tags=["people"]
)
def link_decision(request: HttpRequest, body: LinkDecisionIn) -> Status[dict[str, Any]]:
    """Confirm two mentions are one person, or split them; later linkage runs keep it."""
    left = get_object_or_404(PersonMention, pk=body.left_mention)
    right = get_object_or_404(PersonMention, pk=body.right_mention)
    if body.decision not in ("confirm", "split"):
        raise ValidationError("decision must be confirm or split")
    made = do_link_decision(request.user, left, right, body.decision, body.reason)
    return Status(201, {"id": made.pk, "decision": made.decision})


def _not_found(request: HttpRequest, exc: Http404 | type[Http404]) -> HttpResponse:
    return api.create_response(request, {"detail": "not found"}, status=404)


api.add_exception_handler(Http404, _not_found)
