"""Screening results stored for imported records, and reviewers' outcomes."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ScreeningRun(models.Model):
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]


class Band(models.TextChoices):
    HIGH = "high", "High: look today"
    REVIEW = "review", "Needs review"
    LOW = "low", "Low"


class ScreeningResult(models.Model):
    """The latest screening of one record (replaced at each run)."""

    record = models.OneToOneField(
        "records.CrimeRecord", on_delete=models.CASCADE, related_name="screening"
    )
    run = models.ForeignKey(ScreeningRun, null=True, on_delete=models.SET_NULL)
    screened_at = models.DateTimeField()
    indicated = models.BooleanField(db_index=True)
    score = models.FloatField(db_index=True)
    band = models.CharField(max_length=10, choices=Band.choices, blank=True)
    suggested_classification = models.CharField(max_length=10, blank=True)
    series_id = models.CharField(max_length=60, blank=True, db_index=True)
    result = models.JSONField(help_text="The full screening result in the exchange format.")

    class Meta:
        ordering = ["-score"]


class Outcome(models.TextChoices):
    RECLASSIFIED = "reclassified", "Reclassified as stalking"
    INCLUDED_8Q = "included_8q", "8Q added as an included classification"
    HARASSMENT_ONLY = "harassment_only", "Harassment only"
    NOT_COURSE = "not_course", "Not a course of conduct"
    FALSE_INDICATION = "false_indication", "False indication"


CONFIRMED_OUTCOMES = {Outcome.RECLASSIFIED, Outcome.INCLUDED_8Q}


class TriageDecision(models.Model):
    """A reviewer's outcome for an indicated record (the latest one counts)."""

    record = models.ForeignKey(
        "records.CrimeRecord", on_delete=models.CASCADE, related_name="triage_decisions"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    note = models.TextField()
    score_at_decision = models.FloatField(null=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
