"""Render Django forms and small pieces of markup the GOV.UK Frontend way."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.http import HttpRequest

register = template.Library()

_WIDTHS = {"postcode": "govuk-input--width-10", "date": "govuk-input--width-10"}


@register.inclusion_tag("govuk/nav_item.html", takes_context=True)
def nav_item(context: dict[str, Any], href: str, text: str) -> dict[str, Any]:
    request: HttpRequest | None = context.get("request")
    path = request.path if request else ""
    return {"href": href, "text": text, "current": path == href, "active": path.startswith(href)}


@register.inclusion_tag("govuk/field.html")
def field(bound: forms.BoundField, label_size: str = "s", heading: bool = False) -> dict[str, Any]:
    widget = bound.field.widget
    kind = "input"
    # CheckboxSelectMultiple subclasses RadioSelect in Django 5, so test it first.
    if isinstance(widget, forms.Textarea):
        kind = "textarea"
    elif isinstance(widget, forms.CheckboxSelectMultiple):
        kind = "checkboxes"
    elif isinstance(widget, forms.RadioSelect):
        kind = "radios"
    elif isinstance(widget, forms.Select):
        kind = "select"
    elif isinstance(widget, forms.CheckboxInput):
        kind = "checkbox"
    elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        kind = "file"
    input_type = getattr(widget, "input_type", "text")
    value = bound.value()
    if kind == "input" and value is not None:
        # The widget's own formatting: a date as 2026-11-28, which a date input accepts.
        value = widget.format_value(value)
    return {
        "bound": bound,
        "id": bound.auto_id or f"id_{bound.html_name}",
        "kind": kind,
        "input_type": input_type,
        "width": widget.attrs.get("data-width", ""),
        "autocomplete": widget.attrs.get("autocomplete", ""),
        "label_size": label_size,
        "heading": heading,
        "value": value if value is not None else "",
        "choices": list(getattr(widget, "choices", [])),
        "selected": _selected(bound),
    }


def _selected(bound: forms.BoundField) -> set[str]:
    value = bound.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)}


@register.inclusion_tag("govuk/error_summary.html")
def error_summary(*forms_: forms.BaseForm) -> dict[str, Any]:
    errors: list[tuple[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for name, messages in form.errors.items():
            anchor = f"id_{form.add_prefix(name)}" if name != "__all__" else ""
            errors.extend((anchor, str(m)) for m in messages)
    return {"errors": errors}


_TAG_COLOURS = {
    "complete": "green",
    "in_progress": "blue",
    "not_started": "grey",
    "overdue": "red",
    "high": "red",
    "review": "orange",
    "low": "grey",
    "principal": "purple",
    "included": "turquoise",
    "confirm": "green",
    "split": "orange",
    "reject": "red",
    "warning": "yellow",
    "failed": "red",
    "running": "blue",
}


@register.filter
def tag_colour(value: Any) -> str:
    colour = _TAG_COLOURS.get(str(value), "")
    return f"govuk-tag--{colour}" if colour else ""


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
