"""Every URL of the UI and the API, as every role and anonymously, against docs/access-control.md.

The tables in the document are the contract: this module parses them, sends each row's request
as each principal (every request in a savepoint that is rolled back, so each principal meets the
same data), and compares allow / deny with what the row says. It also fails when the URL resolver
or the API has a pattern that no row names, so a new page cannot be added without a row.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.world import R1, ROLES, World

DOC = Path(__file__).resolve().parents[2] / "docs" / "access-control.md"
PRINCIPALS = [*ROLES, "anonymous"]
VERDICTS = {"allow", "deny", "none"}


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    name: str  # the URL name, perhaps with a note: "records:review-retention (erase)"
    method: str
    path: str
    expected: dict[str, str]

    @property
    def url_name(self) -> str:
        return self.name.split(" (")[0]

    @property
    def key(self) -> str:
        return f"{self.name} {self.method}"

    @property
    def is_family(self) -> bool:
        return self.url_name.endswith("*")

    @property
    def is_api(self) -> bool:
        return self.url_name.startswith("api:")


def parse_table(text: str) -> list[Row]:
    """Every row of every table whose header starts with "URL name"."""
    rows: list[Row] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "URL name":
            header = cells
            missing = set(PRINCIPALS) - set(header)
            assert not missing, f"a table in {DOC.name} has no column for {sorted(missing)}"
            continue
        if header is None or set(cells[0]) <= {"-", ":"}:
            continue
        values = dict(zip(header, cells, strict=True))
        expected = {p: values[p].lower() for p in PRINCIPALS}
        bad = {p: v for p, v in expected.items() if v not in VERDICTS}
        assert not bad, f"row {cells[0]!r}: cells must be allow, deny or none, not {bad}"
        rows.append(Row(values["URL name"], values["Method"].upper(), values["Path"], expected))
    return rows


ROWS = parse_table(DOC.read_text(encoding="utf-8"))
CHECKED = [row for row in ROWS if not row.is_family]


# --- the request each row sends ----------------------------------------------------------------


@dataclass
class Call:
    method: str
    path: str
    data: Any = None
    body: Any = None  # JSON for the API
    extra: dict[str, Any] = field(default_factory=dict)


Spec = Callable[[World], Call]


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _crimes_upload(name: str = "crimes.jsonl") -> io.BytesIO:
    line = {**R1, "crime_ref": "WX/2001/25", "people": R1["people"][:1], "order_refs": []}
    upload = io.BytesIO(json.dumps(line).encode() + b"\n")
    upload.name = name
    return upload


def _amy_mentions(world: World) -> tuple[int, int]:
    mentions = world.person("amy").mentions.filter(record__restricted=False).order_by("pk")
    first, second = mentions[:2]
    return first.pk, second.pk


def _plan_edit(world: World) -> dict[str, Any]:
    return {
        "status": "in_progress",
        "as_at": date.today().isoformat(),
        "update_text": "Checked again by the access matrix.",
        "owner": "Force Crime Registrar",
        "measures": ["usage_gap"],
        "period_rule": "last_12_months",
        "reason": "Monthly return",
    }


def _offence_class_form(world: World) -> dict[str, Any]:
    from foursight.records.models import OffenceClass

    stalking = OffenceClass.objects.get(code="8Q")
    return {
        "code": "8Q",
        "name": stalking.name,
        "statute": stalking.statute,
        "group": stalking.group,
        "max_penalty": stalking.max_penalty,
        "notes": "Checked by the access matrix",
        "stalking_related": "on",
        "codes-TOTAL_FORMS": "0",
        "codes-INITIAL_FORMS": "0",
        "codes-MIN_NUM_FORMS": "0",
        "codes-MAX_NUM_FORMS": "1000",
    }


def _offence_class_pk() -> int:
    from foursight.records.models import OffenceClass

    return OffenceClass.objects.get(code="8Q").pk


R = "WX/1001/25"
SPECS: dict[str, Spec] = {
    # pages anyone signed in may use
    "web:home GET": lambda w: Call("GET", url("web:home")),
    "web:dashboard GET": lambda w: Call("GET", url("web:dashboard")),
    "web:privacy GET": lambda w: Call("GET", url("web:privacy")),
    "web:accessibility GET": lambda w: Call("GET", url("web:accessibility")),
    "web:healthz GET": lambda w: Call("GET", url("web:healthz")),
    "access:sign-in GET": lambda w: Call("GET", url("access:sign-in")),
    "access:sign-out POST": lambda w: Call("POST", url("access:sign-out")),
    "access:account GET": lambda w: Call("GET", url("access:account")),
    "access:two-factor GET": lambda w: Call("GET", url("access:two-factor")),
    "access:two-factor POST": lambda w: Call(
        "POST", url("access:two-factor"), {"otp_token": "000000"}
    ),
    "access:create-token POST": lambda w: Call(
        "POST", url("access:create-token"), {"name": "matrix"}
    ),
    "access:revoke-token POST": lambda w: Call("POST", url("access:revoke-token", 999_999)),
    # crime records
    "records:search GET": lambda w: Call("GET", url("records:search") + "?classification=8Q"),
    "records:export POST": lambda w: Call(
        "POST", url("records:export"), {"classification": "8Q", "recipient": "CPS Wessex"}
    ),
    "records:record GET": lambda w: Call("GET", url("records:record", w.record_ids[R])),
    "records:add-label POST": lambda w: Call(
        "POST",
        url("records:add-label", w.record_ids[R]),
        {"kind": "flag", "code": "stalking", "reason": "Repeated following"},
    ),
    "records:remove-label POST": lambda w: Call(
        "POST",
        url("records:remove-label", w.record_ids[R], "flag", "domestic_abuse"),
        {"reason": "Not a domestic relationship"},
    ),
    "records:review-retention POST": lambda w: Call(
        "POST",
        url("records:review-retention", w.record_ids[R]),
        {"decision": "retain", "next_review_date": "2031-01-01", "reason": "Still relevant"},
    ),
    "records:review-retention (erase) POST": lambda w: Call(
        "POST",
        url("records:review-retention", w.record_ids[R]),
        {"decision": "erase", "reason": "Past its retention period"},
    ),
    "records:retention GET": lambda w: Call("GET", url("records:retention")),
    "records:imports GET": lambda w: Call("GET", url("records:imports")),
    "records:imports POST": lambda w: Call(
        "POST", url("records:imports"), {"crimes": _crimes_upload()}
    ),
    "records:import GET": lambda w: Call("GET", url("records:import", w.batch_id)),
    "records:import-rejects GET": lambda w: Call("GET", url("records:import-rejects", w.batch_id)),
    "records:usage GET": lambda w: Call("GET", url("records:usage")),
    # people and referrals
    "people:person GET": lambda w: Call("GET", url("people:person", w.person_ids["amy"])),
    "people:decide POST": lambda w: Call(
        "POST",
        url("people:decide", w.person_ids["amy"]),
        dict(
            zip(("left", "right"), _amy_mentions(w), strict=True),
            decision="confirm",
            reason="Same date of birth and address on the PNC",
        ),
    ),
    "people:refer POST": lambda w: Call(
        "POST",
        url("people:refer", w.person_ids["dora"]),
        {"service": w.service.pk, "consent_recorded": "on", "safe_contact": "Email only"},
    ),
    "people:referrals GET": lambda w: Call("GET", url("people:referrals")),
    "people:withdraw POST": lambda w: Call(
        "POST", url("people:withdraw", w.referral_id), {"reason": "Victim asked us to"}
    ),
    "people:flagged GET": lambda w: Call("GET", url("people:flagged")),
    # triage
    "triage:worklist GET": lambda w: Call("GET", url("triage:worklist")),
    "triage:series GET": lambda w: Call("GET", url("triage:series", w.series_id)),
    "triage:decide POST": lambda w: Call(
        "POST",
        url("triage:decide", w.record_ids[R]),
        {"outcome": "included_8q", "note": "A course of conduct"},
    ),
    # action plan
    "plans:index GET": lambda w: Call("GET", url("plans:index")),
    "plans:overdue GET": lambda w: Call("GET", url("plans:overdue")),
    "plans:as-at GET": lambda w: Call("GET", url("plans:as-at") + f"?date={date.today()}"),
    "plans:export GET": lambda w: Call("GET", url("plans:export")),
    "plans:subpoint GET": lambda w: Call("GET", url("plans:subpoint", w.plan_ids["subpoint"])),
    "plans:edit GET": lambda w: Call("GET", url("plans:edit", w.plan_ids["subpoint"])),
    "plans:edit POST": lambda w: Call(
        "POST", url("plans:edit", w.plan_ids["subpoint"]), _plan_edit(w)
    ),
    "plans:document GET": lambda w: Call("GET", url("plans:document", w.plan_ids["document"])),
    "plans:publish GET": lambda w: Call("GET", url("plans:publish")),
    "plans:publish POST": lambda w: Call("POST", url("plans:publish"), {"confirm": "on"}),
    "plans:published GET": lambda w: Call("GET", url("plans:published")),
    "plans:publication GET": lambda w: Call(
        "GET", url("plans:publication", w.plan_ids["publication"])
    ),
    "plans:publication-csv GET": lambda w: Call(
        "GET", url("plans:publication-csv", w.plan_ids["publication"])
    ),
    "plans:publication-zip GET": lambda w: Call(
        "GET", url("plans:publication-zip", w.plan_ids["publication"])
    ),
    # audit log
    "audit:log GET": lambda w: Call("GET", url("audit:log") + "?operation=erasure"),
    "audit:export POST": lambda w: Call(
        "POST", url("audit:export"), {"recipient": "Information Commissioner's Office"}
    ),
    # administration
    "admin:index GET": lambda w: Call("GET", url("admin:index")),
    "admin:app_list GET": lambda w: Call("GET", url("admin:app_list", "records")),
    "admin:records_offenceclass_changelist GET": lambda w: Call(
        "GET", url("admin:records_offenceclass_changelist")
    ),
    "admin:records_offenceclass_change GET": lambda w: Call(
        "GET", url("admin:records_offenceclass_change", _offence_class_pk())
    ),
    "admin:records_offenceclass_change POST": lambda w: Call(
        "POST",
        url("admin:records_offenceclass_change", _offence_class_pk()),
        _offence_class_form(w),
    ),
    "admin:records_crimeflag_add GET": lambda w: Call("GET", url("admin:records_crimeflag_add")),
    "admin:access_user_changelist GET": lambda w: Call("GET", url("admin:access_user_changelist")),
    "admin:access_user_change GET": lambda w: Call(
        "GET", url("admin:access_user_change", w.users["investigator"].pk)
    ),
    "admin:auth_user_password_change GET": lambda w: Call(
        "GET", url("admin:auth_user_password_change", w.users["investigator"].pk)
    ),
    "admin:access_partnerservice_changelist GET": lambda w: Call(
        "GET", url("admin:access_partnerservice_changelist")
    ),
    # the JSON API
    "api:openapi-json GET": lambda w: Call("GET", url("api:openapi-json")),
    "api:openapi-view GET": lambda w: Call("GET", url("api:openapi-view")),
    "api:api-root GET": lambda w: Call("GET", url("api:api-root")),
    "api:search_records GET": lambda w: Call(
        "GET", url("api:search_records") + "?classification=8Q"
    ),
    "api:get_record GET": lambda w: Call("GET", url("api:get_record", pk=w.record_ids[R])),
    "api:add_label POST": lambda w: Call(
        "POST",
        url("api:add_label", pk=w.record_ids[R]),
        body={"kind": "flag", "code": "stalking", "reason": "Repeated following"},
    ),
    "api:remove_label DELETE": lambda w: Call(
        "DELETE",
        url("api:remove_label", pk=w.record_ids[R], kind="flag", code="domestic_abuse"),
        body={"reason": "Not a domestic relationship"},
    ),
    "api:record_triage POST": lambda w: Call(
        "POST",
        url("api:record_triage", pk=w.record_ids[R]),
        body={"outcome": "not_course", "note": "One incident only"},
    ),
    "api:create_import POST": lambda w: Call(
        "POST", url("api:create_import"), {"crimes": _crimes_upload()}
    ),
    "api:get_import GET": lambda w: Call("GET", url("api:get_import", pk=w.batch_id)),
    "api:usage GET": lambda w: Call("GET", url("api:usage")),
    "api:worklist GET": lambda w: Call("GET", url("api:worklist")),
    "api:measures GET": lambda w: Call("GET", url("api:measures")),
    "api:get_person GET": lambda w: Call("GET", url("api:get_person", pk=w.person_ids["amy"])),
    "api:link_decision POST": lambda w: Call(
        "POST",
        url("api:link_decision"),
        body=dict(
            zip(("left_mention", "right_mention"), _amy_mentions(w), strict=True),
            decision="confirm",
            reason="Same date of birth and address on the PNC",
        ),
    ),
}


# --- sending and judging -----------------------------------------------------------------------


def send(client: Any, call: Call) -> Any:
    sender = getattr(client, call.method.lower())
    if call.body is not None:
        return sender(call.path, data=json.dumps(call.body), content_type="application/json")
    if call.data is not None:
        return sender(call.path, data=call.data)
    return sender(call.path)


def _location(response: Any) -> str:
    return response.get("Location", "") if response.status_code in (301, 302, 303) else ""


def observe(client: Any, call: Call) -> Any:
    response = send(client, call)
    # The admin sends signed-in users without its permission to its own sign-in page, which
    # then refuses them: judge by where that leads.
    if _location(response).startswith("/admin/login/"):
        response = client.get(_location(response))
    return response


def verdict(row: Row, principal: str, response: Any) -> str:
    status = response.status_code
    location = _location(response)
    if location.startswith("/sign-in/?next="):
        return "deny" if principal == "anonymous" else "sent to sign-in"
    if status == 401:
        return "deny" if principal == "anonymous" and row.is_api else "401"
    if status == 403:
        return "deny" if principal != "anonymous" else "403 (anonymous should sign in / 401)"
    if status == 404:
        return "none"
    if status < 400:
        return "allow"
    return f"error {status}: {response.content[:200]!r}"


def run_as(client: Any, world: World, principal: str, call: Call) -> Any:
    """One request as one principal, rolled back so the next principal meets the same data."""
    with transaction.atomic():
        client.logout()
        if principal != "anonymous":
            client.force_login(world.users[principal])
        response = observe(client, call)
        transaction.set_rollback(True)
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("row", CHECKED, ids=[row.key for row in CHECKED])
def test_url_as_every_role(row, world, client):
    assert row.key in SPECS, f"no request written for the row {row.key!r}: add one to SPECS"
    call = SPECS[row.key](world)
    assert call.method == row.method, f"{row.key}: the request sends {call.method}"
    wrong = {}
    for principal in PRINCIPALS:
        seen = verdict(row, principal, run_as(client, world, principal, call))
        if seen != row.expected[principal]:
            wrong[principal] = f"table says {row.expected[principal]}, got {seen}"
    assert not wrong, f"{row.method} {call.path}: " + "; ".join(
        f"{k}: {v}" for k, v in wrong.items()
    )


# --- completeness ------------------------------------------------------------------------------


def resolver_patterns() -> list[tuple[str, str]]:
    """(key, route) for every URL pattern: key is namespace:name, or namespace:route if unnamed."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or ""
                inner = f"{namespace}:{ns}" if namespace and ns else ns or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = pattern.name or route
                found.append((f"{namespace}:{name}" if namespace else name, route))

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_url_pattern_has_a_row():
    named = {row.url_name for row in ROWS}
    families = [row.url_name for row in ROWS if row.is_family]
    missing = [
        f"{key} (/{route})"
        for key, route in resolver_patterns()
        if key not in named and not any(fnmatch(key, family) for family in families)
    ]
    plans = [m for m in missing if m.startswith("plans:")]
    assert not plans, (
        "The action-plan app has URL patterns the access table does not cover yet: "
        + ", ".join(plans)
        + f". Add a row for each to {DOC.name} (and a request to SPECS)."
    )
    assert not missing, (
        f"URL patterns without a row in {DOC.name}: {', '.join(missing)}. "
        "Decide who may use each and add its row (and a request to SPECS)."
    )


def test_every_row_names_a_real_url_and_has_a_request():
    keys = {key for key, _ in resolver_patterns()}
    stale = [row.name for row in CHECKED if row.url_name not in keys]
    assert not stale, f"rows in {DOC.name} for URLs that do not exist: {stale}"
    unused = sorted(set(SPECS) - {row.key for row in CHECKED})
    assert not unused, f"requests in SPECS with no row in the table: {unused}"


def test_every_api_operation_has_a_row():
    from foursight.api.api import api

    schema = api.get_openapi_schema()
    operations = {
        (method.upper(), path) for path, methods in schema["paths"].items() for method in methods
    }
    rows = {(row.method, row.path) for row in ROWS if row.is_api}
    missing = sorted(operations - rows)
    assert not missing, f"API operations without a row in {DOC.name}: {missing}"


def test_anonymous_is_denied_everywhere_but_sign_in():
    open_rows = {row.url_name for row in ROWS if row.expected["anonymous"] == "allow"}
    assert open_rows == {"access:sign-in", "web:healthz"}
