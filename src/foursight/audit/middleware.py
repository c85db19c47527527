"""Mark work arriving over the API as channel "api" and everything else as "web"."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import channel
from .models import Channel


class AuditChannelMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with channel(Channel.API if request.path_info.startswith("/api/") else Channel.WEB):
            return self.get_response(request)
