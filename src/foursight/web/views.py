from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from foursight.access.policy import Action, require
from foursight.measures.registry import REGISTRY, Period, compute
from foursight.measures.series import classes_of_indicated, monthly_stalking

HOME_MEASURES = ["stalking_crimes", "screening_indications", "usage_gap", "reclassification_rate"]


def home(request: HttpRequest) -> HttpResponse:
    from foursight.access.policy import can

    period = Period.last_12_months(timezone.localdate())
    figures = []
    if can(request.user, Action.VIEW_MEASURES):
        figures = [(REGISTRY[key], compute(key, period)) for key in HOME_MEASURES]
    return render(request, "web/home.html", {"figures": figures, "period": period})


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEASURES)
    period = Period.last_12_months(timezone.localdate())
    measures = [(m, m.compute(period)) for m in REGISTRY.values()]
    monthly = monthly_stalking(period)
    classes = classes_of_indicated(period)
    chart = {
        "labels": monthly["labels"],
        "datasets": [
            {"label": "8Q as principal crime", "data": monthly["series"]["principal"]},
            {"label": "8Q only as included class", "data": monthly["series"]["included_only"]},
            {
                "label": "Indicated by screening, no 8Q",
                "data": monthly["series"]["hidden_indicated"],
            },
        ],
    }
    classes_chart = {
        "labels": [code for code, _ in classes],
        "datasets": [{"label": "Indicated records", "data": [n for _, n in classes]}],
    }
    rows = list(
        zip(
            monthly["labels"],
            monthly["series"]["principal"],
            monthly["series"]["included_only"],
            monthly["series"]["hidden_indicated"],
            strict=True,
        )
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "period": period,
            "measures": measures,
            "chart": chart,
            "rows": rows,
            "classes": classes,
            "classes_chart": classes_chart,
        },
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "web/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/accessibility.html")


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
