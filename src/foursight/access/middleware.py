"""Sign-in (and two-factor sign-in) is required everywhere except the sign-in pages and static
files; every dynamic response is kept out of caches."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from .twofactor import awaiting_two_factor, two_factor_url

OPEN_PREFIXES = ("/sign-in/", "/static/", "/oidc/", "/healthz")
TWO_FACTOR_PREFIXES = ("/account/two-factor/", "/sign-out/")
API_PREFIX = "/api/"


class SignInRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        user = request.user
        if path.startswith(API_PREFIX):
            # The API authenticates each request itself (token or session) and answers 401. A
            # session still waiting for its two-factor code is refused here, as pages are.
            if user.is_authenticated and awaiting_two_factor(user):
                return _two_factor_required_json()
            return self.get_response(request)
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if getattr(user, "is_service_account", False):
            return HttpResponse(status=403)
        if not path.startswith(TWO_FACTOR_PREFIXES) and awaiting_two_factor(user):
            if request.headers.get("accept", "").startswith("application/json"):
                return _two_factor_required_json()
            return redirect(two_factor_url(request.get_full_path()))
        return self.get_response(request)


def _two_factor_required_json() -> HttpResponse:
    return JsonResponse({"detail": "two-factor verification required"}, status=403)


class PrivatePagesMiddleware:
    """Keep every page and API answer out of shared and browser caches (no victim's details left
    behind on a shared terminal after signing out), and switch off browser features no page
    uses. Static files are answered earlier, by WhiteNoise, and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" not in response:
            add_never_cache_headers(response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
