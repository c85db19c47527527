"""The published action plan: a snapshot as at a date, and a static site built from it.

The snapshot holds everything the page shows (statuses, updates, the linked figures computed as
at the publication date), so a publication reads the same however the data changes later. The
static site is one HTML page, the CSV, and the stylesheet with the images it refers to, all with
relative links: it works from any web server or straight from the file system.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from .figures import FigureBook
from .models import Plan, Publication, Status
from .state import states_as_at

STYLESHEET = "vendor/foursight.css"
PAGE = "index.html"
CSV_NAME = "action-plan.csv"
ASSETS = "assets"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


SHOWN_AS_STORED = ("number", "text", "owner", "status", "status_date", "update_text", "update_date")


def _document_kind(document: dict[str, str]) -> str:
    if document.get("file"):
        return "file"
    return "link" if document["url"] else "reference"


def _snapshot_row(
    state: dict[str, Any], rec_due: date | None, as_at: date, book: FigureBook
) -> dict[str, Any]:
    due = date.fromisoformat(state["due_date"]) if state["due_date"] else rec_due
    return {
        **{key: state[key] for key in SHOWN_AS_STORED},
        "status_label": Status(state["status"]).label,
        "due_date": due.isoformat() if due else "",
        "overdue": bool(due and due < as_at and state["status"] != Status.COMPLETE),
        "documents": [
            {"title": d["title"], "url": d["url"], "kind": _document_kind(d)}
            for d in state["documents"]
        ],
        "figures": [book.figure(m["key"], m["period"]).as_snapshot() for m in state["measures"]],
    }


def build_snapshot(plan: Plan, as_at: date) -> dict[str, Any]:
    """The plan as at a date, with each row's figures computed for periods ending that date."""
    book = FigureBook(as_at)
    recommendations = []
    counts = {status.value: 0 for status in Status}
    last_updated = ""
    for rec, states in states_as_at(plan, as_at):
        for state in states:
            counts[state["status"]] += 1
            last_updated = max(last_updated, state["update_date"])
        recommendations.append(
            {
                "number": rec.number,
                "title": rec.title,
                "text": rec.text,
                "due_date": rec.due_date.isoformat() if rec.due_date else "",
                "rows": [_snapshot_row(state, rec.due_date, as_at, book) for state in states],
            }
        )
    return {
        "title": plan.title,
        "force": plan.force,
        "as_at": as_at.isoformat(),
        "published_at": timezone.now().isoformat(),
        "last_updated": last_updated,
        "counts": counts | {"total": sum(counts.values())},
        "recommendations": recommendations,
    }


_DATE_KEYS = {"as_at", "last_updated", "due_date", "status_date", "update_date"}


def for_display(value: Any) -> Any:
    """The snapshot with its ISO dates as date objects, for templates to format."""
    if isinstance(value, dict):
        return {k: _display_value(k, v) for k, v in value.items()}
    if isinstance(value, list):
        return [for_display(v) for v in value]
    return value


def _display_value(key: str, value: Any) -> Any:
    if key in _DATE_KEYS:
        return _as_date(value)
    if key == "published_at" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return for_display(value)


def _as_date(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def page_context(publication: Publication, csv_href: str) -> dict[str, Any]:
    return {"plan": for_display(publication.snapshot), "csv_href": csv_href, "standalone": True}


def render_page(publication: Publication) -> str:
    context = page_context(publication, CSV_NAME)
    context["stylesheet"] = f"{ASSETS}/foursight.css"
    return render_to_string("plans/published_page.html", context)


# --- the static site ------------------------------------------------------------------------


@dataclass
class Site:
    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _find_static(path: str) -> Path | None:
    found = finders.find(path)
    if isinstance(found, list):
        found = found[0] if found else None
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / path
    return collected if collected.is_file() else None


def _stylesheet(site: Site) -> bytes | None:
    """The built stylesheet, its /static/ urls made relative and the files they name added."""
    source = _find_static(STYLESHEET)
    if source is None:
        site.warnings.append(
            f"the stylesheet {STYLESHEET} is not built (run `make assets`): the page is unstyled"
        )
        return None
    static_url = settings.STATIC_URL

    def relative(match: re.Match[str]) -> str:
        url = match.group(2).strip()
        if not url.startswith(static_url):
            return match.group(0)
        path = url[len(static_url) :].split("?")[0].split("#")[0]
        asset = _find_static(path)
        if asset is None:
            site.warnings.append(f"{path}, named in the stylesheet, was not found")
        else:
            site.files[f"{ASSETS}/{path}"] = asset.read_bytes()
        return f'url("{path}")'

    return _CSS_URL.sub(relative, source.read_text(encoding="utf-8")).encode("utf-8")


def build_site(publication: Publication) -> Site:
    site = Site()
    css = _stylesheet(site)
    if css is not None:
        site.files[f"{ASSETS}/foursight.css"] = css
    site.files[PAGE] = render_page(publication).encode("utf-8")
    site.files[CSV_NAME] = ("\ufeff" + publication.csv_text).encode("utf-8")
    return site


def write_site(publication: Publication, out_dir: Path) -> Site:
    """Write the static site into out_dir (created if needed; old assets replaced)."""
    site = build_site(publication)
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / ASSETS).is_dir():
        shutil.rmtree(out_dir / ASSETS)
    for name, content in site.files.items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return site


def site_zip(publication: Publication) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in build_site(publication).files.items():
            archive.writestr(f"action-plan/{name}", content)
    return buffer.getvalue()
