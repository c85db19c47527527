"""People: the mentions on records and orders, the persons they resolve to, and why."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


def new_pseudonym() -> str:
    return "P-" + secrets.token_hex(4).upper()


class Person(models.Model):
    """One individual, as resolved by linkage (and corrected by staff)."""

    pseudonym = models.CharField(max_length=12, unique=True, default=new_pseudonym)
    display_name = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    flagged = models.BooleanField(default=False, help_text="An over-merged cluster to review.")
    flag_reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.display_name or self.pseudonym


class PersonMention(models.Model):
    """A person as written on one crime record or one order."""

    record = models.ForeignKey(
        "records.CrimeRecord",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="people",
    )
    order = models.ForeignKey(
        "records.ProtectiveOrder",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="people",
    )
    index = models.PositiveSmallIntegerField(help_text="Position in the record's people list.")
    role = models.CharField(max_length=20)
    person_ref = models.CharField(max_length=100, blank=True, db_index=True)
    forename = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200, blank=True)
    dob = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=40, blank=True)
    address = models.CharField(max_length=500, blank=True)
    postcode = models.CharField(max_length=12, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.CharField(max_length=254, blank=True)
    handles = models.JSONField(default=list, blank=True)
    # Spelling-tolerant search keys (phonetic codes of each name part).
    name_keys = models.CharField(max_length=200, blank=True, db_index=True)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    linked_by = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(record__isnull=False, order__isnull=True)
                | models.Q(record__isnull=True, order__isnull=False),
                name="mention_on_record_or_order",
            ),
            models.UniqueConstraint(fields=["record", "index"], name="unique_record_mention"),
            models.UniqueConstraint(fields=["order", "index"], name="unique_order_mention"),
        ]

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.forename, self.surname) if part) or "(no name)"

    @property
    def source_ref(self) -> str:
        return self.record.crime_ref if self.record_id else self.order.order_ref  # type: ignore[union-attr]


class LinkageModelVersion(models.Model):
    """A trained, saved linkage model; the newest active one is used."""

    version = models.CharField(max_length=120, unique=True)
    trained_at = models.DateTimeField(auto_now_add=True)
    trained_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    model = models.JSONField()
    mentions_trained_on = models.PositiveIntegerField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-trained_at"]


class LinkageRun(models.Model):
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    kind = models.CharField(
        max_length=20, choices=[("full", "Full"), ("incremental", "New mentions only")]
    )
    model_version = models.ForeignKey(LinkageModelVersion, null=True, on_delete=models.SET_NULL)
    threshold = models.FloatField()
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]


class PersonLink(models.Model):
    """Why two mentions were joined: the evidence from the linkage model."""

    left = models.ForeignKey(PersonMention, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(PersonMention, on_delete=models.CASCADE, related_name="+")
    match_weight = models.FloatField()
    match_probability = models.FloatField()
    agreements = models.JSONField(default=dict)
    run = models.ForeignKey(LinkageRun, null=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["left", "right"], name="unique_person_link")]


class LinkDecision(models.Model):
    """A member of staff confirmed two mentions are one person, or split them apart."""

    class Decision(models.TextChoices):
        CONFIRM = "confirm", "Same person (confirmed)"
        SPLIT = "split", "Different people (split)"

    left = models.ForeignKey(PersonMention, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(PersonMention, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]


class Referral(models.Model):
    """A victim referred to a partner advocacy service; its advocates may then see them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey("access.PartnerService", on_delete=models.PROTECT)
    referred_at = models.DateTimeField(auto_now_add=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    consent_recorded = models.BooleanField(default=False)
    safe_contact = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_at"]
