"""Which channel (web, API, command) the current work arrived through, for audit entries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .models import Channel

_channel: ContextVar[str] = ContextVar("foursight_audit_channel", default=Channel.CLI)


def current_channel() -> str:
    return _channel.get()


@contextmanager
def channel(value: str) -> Iterator[None]:
    token = _channel.set(value)
    try:
        yield
    finally:
        _channel.reset(token)
