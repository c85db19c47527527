"""The super-complaint action plan: recommendations, their evidence requirements, and history.

One row of the NPCC template is a ``SubPoint`` (an "evidence requirement of progress or
completion"). Its current state lives on the row; every change also appends a ``RowUpdate`` holding
the state before and after, so any earlier return can be reproduced as at its date.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class PeriodRule(models.TextChoices):
    """How a linked measure's period is worked out from the date a figure is shown as at."""

    LAST_12_MONTHS = "last_12_months", "The 12 months to the date"
    SINCE_REPORT = "since_report", "Since the report was published (27 September 2024)"
    YEAR_TO_DATE = "year_to_date", "The financial year to the date (from 1 April)"


def natural_key(number: str) -> str:
    """A sort key that puts 7 < 7.1 < 7.2 < 10 < 10.1 (numbers are compared as numbers)."""
    parts = re.split(r"(\d+)", number.strip().lower())
    return "".join(part.zfill(6) if part.isdigit() else part for part in parts)


class Plan(models.Model):
    force = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, help_text="Last publication.")
    published_as_at = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    number = models.CharField(max_length=20)
    sort_key = models.CharField(max_length=80, editable=False)
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    due_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="recommendation_number_unique")
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_key = natural_key(self.number)
        super().save(*args, **kwargs)


class SubPoint(models.Model):
    """One evidence requirement: a row of the action plan."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="subpoints"
    )
    number = models.CharField(max_length=20)
    sort_key = models.CharField(max_length=80, editable=False)
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True, help_text="A name or a role title.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    status_date = models.DateField(null=True, blank=True, help_text="When the status was set.")
    update_text = models.TextField(blank=True, help_text="The force's update, in its own words.")
    update_date = models.DateField(null=True, blank=True, help_text="The date of the update.")
    due_date = models.DateField(
        null=True, blank=True, help_text="If empty, the recommendation's due date applies."
    )

    class Meta:
        ordering = ["recommendation__plan", "recommendation__sort_key", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "number"], name="subpoint_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.number

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_key = natural_key(self.number)
        super().save(*args, **kwargs)

    @property
    def effective_due_date(self) -> Any:
        return self.due_date or self.recommendation.due_date

    def is_overdue(self, today: Any = None) -> bool:
        due = self.effective_due_date
        today = today or timezone.localdate()
        return bool(due and due < today and self.status != Status.COMPLETE)

    def current_documents(self) -> models.QuerySet[SupportingDocument]:
        return self.documents.filter(withdrawn_at__isnull=True)


def evidence_path(document: SupportingDocument, filename: str) -> str:
    return f"plans/evidence/{timezone.now():%Y/%m}/{filename}"


class SupportingDocument(models.Model):
    """A link, an uploaded file or (from a CSV) just a title. Withdrawn, never deleted."""

    subpoint = models.ForeignKey(SubPoint, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=1000, blank=True)
    file = models.FileField(upload_to=evidence_path, max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def kind(self) -> str:
        return "file" if self.file else "link" if self.url else "reference"

    def as_state(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "file": self.file.name if self.file else ""}


class MeasureLink(models.Model):
    """A live measure, by registry key, that evidences a row. Figures are computed, not stored."""

    subpoint = models.ForeignKey(SubPoint, on_delete=models.CASCADE, related_name="measure_links")
    measure_key = models.CharField(max_length=60)
    period_rule = models.CharField(
        max_length=30, choices=PeriodRule.choices, default=PeriodRule.LAST_12_MONTHS
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["subpoint", "measure_key"], name="measure_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.subpoint.number}: {self.measure_key}"


class AppendOnlyError(Exception):
    pass


class RowUpdate(models.Model):
    """One dated update of a row: who, when, the state before and after, and why. Append-only."""

    subpoint = models.ForeignKey(SubPoint, on_delete=models.PROTECT, related_name="history")
    as_at = models.DateField(help_text="The date of the update (the return it belongs to).")
    recorded_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=300, help_text="Where it came from: the web, a CSV line.")
    old_status = models.CharField(max_length=20, blank=True)
    new_status = models.CharField(max_length=20)
    changed = models.JSONField(default=list, help_text="Names of the fields this update changed.")
    previous = models.JSONField(default=dict, help_text="The row's state before (empty if new).")
    state = models.JSONField(help_text="The row's whole state after this update.")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-as_at", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subpoint.number} as at {self.as_at}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("the action-plan history is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("the action-plan history is append-only")

    @property
    def old_status_label(self) -> str:
        return Status(self.old_status).label if self.old_status in Status.values else ""

    @property
    def new_status_label(self) -> str:
        return Status(self.new_status).label if self.new_status in Status.values else ""


class Publication(models.Model):
    """What was published: the page's content as at a date, and the CSV, kept as published."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="publications")
    as_at = models.DateField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(help_text="Rows, statuses and the figures as at the date.")
    csv_text = models.TextField()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan} as at {self.as_at}"
