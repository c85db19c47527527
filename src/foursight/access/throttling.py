"""Login throttling (django-axes): whose address a sign-in attempt comes from."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's address, seen through FOURSIGHT_TRUSTED_PROXIES reverse proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    the client is that many entries from the right; anything further left was sent by the client
    and cannot be trusted. With no trusted proxies, the connection's own address is used.
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.FOURSIGHT_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
