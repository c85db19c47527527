from __future__ import annotations

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from foursight.access.policy import Action, require

from . import services
from .forms import AuditExportForm, AuditSearchForm
from .models import Operation
from .search import AuditQuery, export_rows, filter_entries


def log(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_AUDIT)
    form = AuditSearchForm(request.GET or None)
    query = form.query() if form.is_bound and form.is_valid() else AuditQuery()
    page = Paginator(filter_entries(query), 50).get_page(request.GET.get("page"))
    # Reading the log is itself logged.
    services.consulted(
        request.user,
        "audit_log",
        [e.sequence for e in page.object_list],
        fields=["audit_entry"],
        detail={"search": query.as_detail()},
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "query": params.urlencode(),
            "export_form": AuditExportForm(request.GET or None),
        },
    )


@require_POST
def export(request: HttpRequest) -> HttpResponseBase:
    require(request.user, Action.EXPORT_AUDIT)
    form = AuditExportForm(request.POST)
    if not form.is_valid():
        return render(request, "audit/export_error.html", {"form": form}, status=400)
    query = form.query()
    recipient = form.cleaned_data["recipient"]
    entries = filter_entries(query)
    with transaction.atomic():
        services.log(
            request.user,
            Operation.DISCLOSURE,
            "audit_log",
            [],
            fields=["audit_entry"],
            recipient=recipient,
            detail={"search": query.as_detail(), "rows": entries.count()},
        )
    response = StreamingHttpResponse(export_rows(entries), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="foursight-audit-log.csv"'
    return response
