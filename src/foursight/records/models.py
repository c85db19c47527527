"""Crime records, protective orders and the reference tables they are classified against."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class OffenceClass(models.Model):
    """A Home Office Counting Rules class such as 8Q (stalking). Loaded by migration; editable."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    statute = models.CharField(max_length=300, blank=True)
    group = models.CharField(max_length=100, blank=True)
    max_penalty = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    stalking_related = models.BooleanField(
        default=False, help_text="Screened as a class stalking commonly hides under."
    )

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "offence classes"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class OffenceCode(models.Model):
    """A Home Office offence code (e.g. 195/12) and the class it counts under."""

    ho_code = models.CharField(max_length=20, unique=True)
    offence_class = models.ForeignKey(OffenceClass, on_delete=models.PROTECT, related_name="codes")
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["ho_code"]

    def __str__(self) -> str:
        return f"{self.ho_code} {self.title}"


class CrimeFlag(models.Model):
    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Relationship(models.TextChoices):
    CURRENT_PARTNER = "current_partner", "Current partner"
    EX_PARTNER = "ex_partner", "Ex-partner"
    FAMILY = "family", "Family"
    ACQUAINTANCE = "acquaintance", "Acquaintance"
    COLLEAGUE = "colleague", "Colleague"
    NEIGHBOUR = "neighbour", "Neighbour"
    STRANGER = "stranger", "Stranger"
    ONLINE_ONLY = "online_only", "Online only"
    UNKNOWN = "unknown", "Unknown"


class RetentionClass(models.TextChoices):
    """MoPI-style review periods (years) by the seriousness of what the record holds."""

    STANDARD = "standard", "Standard: review after 6 years"
    PUBLIC_PROTECTION = "public_protection", "Public protection: review after 10 years"
    SERIOUS = "serious", "Serious offence: review after 25 years"


RETENTION_YEARS = {
    RetentionClass.STANDARD: 6,
    RetentionClass.PUBLIC_PROTECTION: 10,
    RetentionClass.SERIOUS: 25,
}


class ImportBatch(models.Model):
    """One run of the importer: what was read, kept and rejected."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    channel = models.CharField(max_length=10)
    source_names = models.CharField(max_length=500)
    force = models.CharField(max_length=60)
    status = models.CharField(
        max_length=20,
        default="running",
        choices=[("running", "Running"), ("complete", "Complete"), ("failed", "Failed")],
    )
    counts = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.source_names})"


class ImportIssue(models.Model):
    """A rejected line (with its raw text, for the registrar to fix) or a warning on a kept one."""

    class Kind(models.TextChoices):
        REJECT = "reject", "Rejected"
        WARNING = "warning", "Warning"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="issues")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source = models.CharField(max_length=20, help_text="crimes or orders")
    line = models.PositiveIntegerField()
    reference = models.CharField(max_length=200, blank=True)
    reason = models.TextField()
    raw = models.TextField(blank=True)

    class Meta:
        ordering = ["source", "line"]


class CrimeRecord(models.Model):
    force = models.CharField(max_length=60)
    crime_ref = models.CharField(max_length=100)
    recorded_at = models.DateTimeField(db_index=True)
    occurred_from = models.DateTimeField(null=True, blank=True)
    occurred_to = models.DateTimeField(null=True, blank=True)
    classification = models.CharField(max_length=20, help_text="As given by the RMS.")
    principal_class = models.CharField(
        max_length=10, db_index=True, help_text="The HOCR class the classification resolves to."
    )
    narrative = models.TextField(blank=True)
    relationship = models.CharField(max_length=20, choices=Relationship.choices, blank=True)
    officer_in_charge = models.CharField(max_length=100, blank=True, db_index=True)
    location_address = models.CharField(max_length=500, blank=True)
    location_postcode = models.CharField(max_length=12, blank=True)
    location_lat = models.FloatField(null=True, blank=True)
    location_lon = models.FloatField(null=True, blank=True)
    outcome_code = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome_date = models.DateTimeField(null=True, blank=True)
    restricted = models.BooleanField(default=False)
    named_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="named_on_records"
    )
    retention_class = models.CharField(
        max_length=20, choices=RetentionClass.choices, default=RetentionClass.STANDARD
    )
    review_date = models.DateField(db_index=True)
    source = models.JSONField(help_text="The exchange-format record as last imported.")
    source_hash = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)
    import_batch = models.ForeignKey(ImportBatch, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["force", "crime_ref"], name="unique_crime_per_force")
        ]
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return self.crime_ref


class RecordVersion(models.Model):
    """An earlier version of a record, kept when a re-import changed it."""

    record = models.ForeignKey(CrimeRecord, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    source = models.JSONField()
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by_batch = models.ForeignKey(ImportBatch, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["record", "version"], name="unique_record_version")
        ]


class LabelKind(models.TextChoices):
    CLASS = "class", "Included classification"
    FLAG = "flag", "Flag"


class RecordLabel(models.Model):
    """An included classification or a flag on a record.

    ``origin`` says whether the RMS or a member of staff put it there. A label staff removed from
    an RMS record stays as ``removed`` so a later re-import does not silently bring it back.
    """

    record = models.ForeignKey(CrimeRecord, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(max_length=10, choices=LabelKind.choices)
    code = models.CharField(max_length=40)
    resolved_class = models.CharField(max_length=10, blank=True)
    origin = models.CharField(max_length=10, choices=[("rms", "RMS"), ("staff", "Staff")])
    removed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "kind", "code"], name="unique_record_label")
        ]
        indexes = [models.Index(fields=["kind", "resolved_class", "removed"])]


class RecordChange(models.Model):
    """The record's history of staff changes to its classifications and flags."""

    record = models.ForeignKey(CrimeRecord, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    action = models.CharField(max_length=10, choices=[("add", "Added"), ("remove", "Removed")])
    kind = models.CharField(max_length=10, choices=LabelKind.choices)
    code = models.CharField(max_length=40)
    reason = models.TextField()

    class Meta:
        ordering = ["-at", "-pk"]


class OrderType(models.TextChoices):
    SPO = "spo", "Stalking Protection Order"
    INTERIM_SPO = "interim_spo", "Interim Stalking Protection Order"
    RESTRAINING_ORDER = "restraining_order", "Restraining order"
    NON_MOLESTATION_ORDER = "non_molestation_order", "Non-molestation order"
    DVPN = "dvpn", "Domestic Violence Protection Notice"
    DVPO = "dvpo", "Domestic Violence Protection Order"
    DAPN = "dapn", "Domestic Abuse Protection Notice"
    DAPO = "dapo", "Domestic Abuse Protection Order"
    BAIL_CONDITIONS = "bail_conditions", "Bail conditions"
    OTHER = "other", "Other"


class ProtectiveOrder(models.Model):
    force = models.CharField(max_length=60)
    order_ref = models.CharField(max_length=100)
    type = models.CharField(max_length=30, choices=OrderType.choices)
    made_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    conditions = models.JSONField(default=list)
    status = models.CharField(max_length=20, blank=True)
    source = models.JSONField()
    source_hash = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)
    import_batch = models.ForeignKey(ImportBatch, null=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["force", "order_ref"], name="unique_order_per_force")
        ]
        ordering = ["-made_on"]

    def __str__(self) -> str:
        return self.order_ref


class BreachLink(models.Model):
    """A record reporting a breach of an order. The order may arrive in a later import."""

    record = models.ForeignKey(CrimeRecord, on_delete=models.CASCADE, related_name="breaches")
    order_ref = models.CharField(max_length=100)
    order = models.ForeignKey(
        ProtectiveOrder, null=True, blank=True, on_delete=models.SET_NULL, related_name="breaches"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "order_ref"], name="unique_breach_link")
        ]


class RetentionReview(models.Model):
    """A recorded decision at a record's retention review date."""

    class Decision(models.TextChoices):
        RETAIN = "retain", "Retain until the next review"
        ERASE = "erase", "Erase"

    record_ref = models.CharField(max_length=200, help_text="force/crime_ref; kept after erasure")
    record = models.ForeignKey(
        CrimeRecord, null=True, on_delete=models.SET_NULL, related_name="retention_reviews"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    next_review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-decided_at"]
