"""Time-based one-time passwords (django-otp) for signing in."""

from __future__ import annotations

import base64
import io
from typing import Any
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def needs_two_factor(user: Any) -> bool:
    return bool(settings.FOURSIGHT_REQUIRE_2FA or confirmed_device(user))


def awaiting_two_factor(user: Any) -> bool:
    """Signed in with a password, but not yet with the code two-factor sign-in asks for."""
    # OTPMiddleware gives every user is_verified(): true once a code was entered this session.
    verified = getattr(user, "is_verified", lambda: False)()
    return not verified and needs_two_factor(user)


def two_factor_url(next_page: str) -> str:
    """The code page, returning to next_page once the code is accepted."""
    return reverse("access:two-factor") + "?" + urlencode({"next": next_page})


def pending_device(user: Any) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_manual_entry(device: TOTPDevice) -> str:
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
