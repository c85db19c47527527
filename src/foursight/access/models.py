from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from .roles import Role


class PartnerService(models.Model):
    """A partner organisation whose advocates receive referrals (an ISAC or IDVA service)."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(
        max_length=20, choices=[("isac", "ISAC"), ("idva", "IDVA"), ("other", "Other")]
    )

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices)
    staff_id = models.CharField(
        max_length=40,
        blank=True,
        help_text="The RMS staff identifier, matched to officer_in_charge.",
    )
    partner_service = models.ForeignKey(
        PartnerService, null=True, blank=True, on_delete=models.PROTECT, related_name="advocates"
    )
    is_service_account = models.BooleanField(
        default=False, help_text="Used by commands run on the server; cannot sign in."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="partner_advocate")
                | models.Q(partner_service__isnull=False),
                name="partner_advocate_has_service",
            )
        ]

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else "No role"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class APIToken(models.Model):
    """A bearer token for the JSON API. Only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # A token has no second factor, so a leaked one must not work for ever
    # (FOURSIGHT_API_TOKEN_DAYS).
    expires_at = models.DateTimeField()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[APIToken, str]:
        raw = "fs_" + secrets.token_urlsafe(32)
        expires_at = timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)
        token = cls.objects.create(
            user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8], expires_at=expires_at
        )
        return token, raw

    @classmethod
    def live(cls) -> models.QuerySet[APIToken]:
        """Tokens that still authenticate: not revoked, not expired."""
        return cls.objects.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
