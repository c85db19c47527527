"""The append-only audit log required by the Data Protection Act 2018 s.62.

Every entry records who did which of the six logged operations to what, when, through which
channel and (for disclosures) to whom. Entries form a hash chain: each carries the hash of the one
before, so editing or deleting any entry breaks the chain and `foursight audit verify` reports it.
Database triggers (see migrations) also refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Operation(models.TextChoices):
    COLLECTION = "collection", "Collection"
    ALTERATION = "alteration", "Alteration"
    CONSULTATION = "consultation", "Consultation"
    DISCLOSURE = "disclosure", "Disclosure"
    COMBINATION = "combination", "Combination"
    ERASURE = "erasure", "Erasure"


class Channel(models.TextChoices):
    WEB = "web", "Web"
    API = "api", "API"
    CLI = "cli", "Command"


class AuditEntry(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_entries"
    )
    actor_username = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=30)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    operation = models.CharField(max_length=20, choices=Operation.choices, db_index=True)
    object_type = models.CharField(max_length=40, db_index=True)
    object_ids = models.JSONField(default=list, help_text="References or ids of what was touched.")
    fields = models.JSONField(default=list, help_text="Names of the fields touched, never values.")
    recipient = models.CharField(max_length=200, blank=True, help_text="To whom, for disclosures.")
    reason = models.TextField(blank=True)
    detail = models.JSONField(
        default=dict, help_text="Context without personal data: counts, filters."
    )
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.sequence} {self.operation} {self.object_type} by {self.actor_username}"


class ChainHead(models.Model):
    """The last entry's sequence and hash; a single row locked while appending."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="0" * 64)
