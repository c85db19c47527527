"""The narrative with the screening engine's evidence highlighted."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def evidence_spans(result: dict[str, Any] | None, length: int) -> list[tuple[int, int, str]]:
    spans = []
    for item in (result or {}).get("behaviours", []) or []:
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            spans.append((start, end, str(item.get("behaviour", ""))))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, label))
    return merged


def highlighted_narrative(narrative: str, screening: Any) -> SafeString:
    """Escape the narrative and wrap each piece of evidence in a <mark> naming the behaviour."""
    result = getattr(screening, "result", None)
    out: list[str] = []
    position = 0
    for start, end, label in evidence_spans(result, len(narrative)):
        out.append(escape(narrative[position:start]))
        readable = label.replace("_", " ")
        out.append(
            f'<mark class="fs-evidence" title="{escape(readable)}">{escape(narrative[start:end])}'
            f'<span class="govuk-visually-hidden"> (evidence: {escape(readable)})</span></mark>'
        )
        position = end
    out.append(escape(narrative[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
