from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from foursight.access.policy import Action, can


def service(request: HttpRequest) -> dict[str, Any]:
    """Service name, environment, what the signed-in user may reach (for the navigation) and
    whether the force's own sign-in is offered."""
    user = getattr(request, "user", None)
    allowed = {action.value: can(user, action) for action in Action} if user else {}
    return {
        "service_name": settings.SERVICE_NAME,
        "force_name": settings.FORCE_NAME,
        "environment": settings.FOURSIGHT_ENV,
        "allowed": allowed,
        "oidc_enabled": settings.OIDC_ENABLED,
    }
