"""The JSON API: authentication, the OpenAPI document, search, labels, import and its errors."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from foursight.access.models import APIToken
from foursight.audit.models import AuditEntry
from tests.world import R1, R2, R4

pytestmark = pytest.mark.django_db

R1_REF, R4_REF = R1["crime_ref"], R4["crime_ref"]


def bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


def post_json(client, path, body, **extra):
    return client.post(path, json.dumps(body), content_type="application/json", **extra)


def assert_json_error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    return response.json()["detail"]


# --- authentication ----------------------------------------------------------------------------


def test_a_token_authenticates_and_its_use_is_audited(world, client):
    user = world.users["investigator"]
    token, raw = APIToken.issue(user, "laptop")
    assert token.last_used_at is None and not raw.startswith(token.key_hash)
    response = client.get("/api/records", {"classification": "8Q"}, **bearer(raw))
    assert response.status_code == 200, response.content
    token.refresh_from_db()
    assert token.last_used_at is not None
    entry = AuditEntry.objects.order_by("-sequence").first()
    assert (entry.actor, entry.channel, entry.operation) == (user, "api", "consultation")


def test_a_token_carries_its_users_role(world, client):
    _, raw = APIToken.issue(world.users["analyst"], "scripts")
    record = client.get(f"/api/records/{world.record_ids[R1_REF]}", **bearer(raw)).json()
    assert record["narrative"] is None
    denied = post_json(
        client,
        f"/api/records/{world.record_ids[R1_REF]}/labels",
        {"kind": "flag", "code": "stalking", "reason": "x"},
        **bearer(raw),
    )
    assert_json_error(denied, 403)


@pytest.mark.parametrize("problem", ["unknown", "revoked", "inactive user"])
def test_bad_tokens_are_refused(world, client, problem):
    user = world.users["investigator"]
    token, raw = APIToken.issue(user, "old")
    if problem == "unknown":
        raw = raw[:-4] + "xxxx"
    elif problem == "revoked":
        APIToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    else:
        type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/api/records", {"classification": "8Q"}, **bearer(raw)).status_code == 401


def test_session_authentication(world, client):
    c = signed_in(client, world.users["supervisor"])
    assert c.get("/api/records", {"classification": "8Q"}).status_code == 200
    c.logout()
    assert c.get("/api/records", {"classification": "8Q"}).status_code == 401


def test_a_session_must_finish_two_factor_sign_in_before_using_the_api(world, client, settings):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.FOURSIGHT_REQUIRE_2FA = True
    user = world.users["supervisor"]
    c = signed_in(client, user)  # password only: no one-time code yet
    assert "two-factor" in assert_json_error(c.get("/api/records", {"classification": "8Q"}), 403)
    assert c.get("/api/openapi.json").status_code == 403
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = c.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert c.get("/api/records", {"classification": "8Q"}).status_code == 200


def test_anonymous_requests_get_401_even_with_csrf_checks(world):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get("/api/records", {"classification": "8Q"}).status_code == 401
    body = {"kind": "flag", "code": "stalking", "reason": "x"}
    response = post_json(strict, f"/api/records/{world.record_ids[R1_REF]}/labels", body)
    assert response.status_code == 401


def test_a_session_post_without_the_csrf_token_is_refused(world):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.users["supervisor"])
    body = {"kind": "flag", "code": "stalking", "reason": "x"}
    response = post_json(strict, f"/api/records/{world.record_ids[R1_REF]}/labels", body)
    assert response.status_code == 403
    assert not world.r1.labels.filter(code="stalking").exists()


# --- the OpenAPI document ----------------------------------------------------------------------


def test_openapi_document_lists_the_endpoints(world, client):
    assert client.get("/api/openapi.json").status_code == 401
    c = signed_in(client, world.users["investigator"])
    schema = c.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Foursight API"
    paths = schema["paths"]
    for path, method in [
        ("/api/records", "get"),
        ("/api/records/{pk}", "get"),
        ("/api/records/{pk}/labels", "post"),
        ("/api/records/{pk}/labels/{kind}/{code}", "delete"),
        ("/api/records/{pk}/triage", "post"),
        ("/api/imports", "post"),
        ("/api/imports/{pk}", "get"),
        ("/api/usage", "get"),
        ("/api/screening/worklist", "get"),
        ("/api/measures", "get"),
        ("/api/people/{pk}", "get"),
        ("/api/people/decisions", "post"),
    ]:
        assert method in paths.get(path, {}), (method, path)
    upload = paths["/api/imports"]["post"]["requestBody"]["content"]
    assert set(upload["multipart/form-data"]["schema"]["properties"]) == {"crimes", "orders"}
    assert {"TokenAuth", "SessionAuth"} <= set(schema["components"]["securitySchemes"])
    assert c.get("/api/docs").status_code == 200


# --- search ------------------------------------------------------------------------------------


def test_search_by_8q_returns_principal_and_included_matches(world, client):
    c = signed_in(client, world.users["investigator"])
    for asked in ("8Q", "8q", "195/12"):
        data = c.get("/api/records", {"classification": asked}).json()
        matches = {r["crime_ref"]: r["class_match"] for r in data["results"]}
        assert matches == {R1_REF: "included", R4_REF: "principal"}, asked
        assert data["count"] == 2 and data["pages"] == 1
    r1 = next(
        r
        for r in c.get("/api/records", {"classification": "8Q"}).json()["results"]
        if r["crime_ref"] == R1_REF
    )
    assert r1["principal_class"] == "58A"
    assert {"kind": "class", "code": "8Q", "origin": "rms"} in r1["labels"]


def test_search_without_a_filter_is_a_422(world, client):
    detail = assert_json_error(
        signed_in(client, world.users["investigator"]).get("/api/records"), 422
    )
    assert "filter" in detail


def test_search_pages(world, client):
    c = signed_in(client, world.users["supervisor"])
    first = c.get("/api/records", {"date_from": "2025-01-01", "page_size": 2, "sort": "ref"}).json()
    second = c.get(
        "/api/records", {"date_from": "2025-01-01", "page_size": 2, "sort": "ref", "page": 2}
    ).json()
    assert first["count"] == 4 and first["pages"] == 2
    refs = [r["crime_ref"] for r in first["results"] + second["results"]]
    assert refs == sorted(refs) and len(set(refs)) == 4


# --- labels ------------------------------------------------------------------------------------


def test_labels_are_added_and_removed_with_a_reason(world, client):
    c = signed_in(client, world.users["registrar"])
    pk = world.record_ids[R2["crime_ref"]]
    added = post_json(
        c, f"/api/records/{pk}/labels", {"kind": "class", "code": "195/12", "reason": "Stalking"}
    )
    assert added.status_code == 201, added.content
    assert added.json() == {"kind": "class", "code": "8Q", "origin": "staff"}
    record = c.get(f"/api/records/{pk}").json()
    assert {"kind": "class", "code": "8Q", "origin": "staff"} in record["labels"]
    found = c.get("/api/records", {"classification": "8Q"}).json()["results"]
    assert {r["crime_ref"]: r["class_match"] for r in found}[R2["crime_ref"]] == "included"
    removed = c.delete(
        f"/api/records/{pk}/labels/class/8Q",
        json.dumps({"reason": "Reviewed: harassment only"}),
        content_type="application/json",
    )
    assert removed.status_code == 204, removed.content
    labels = c.get(f"/api/records/{pk}").json()["labels"]
    assert all(label["code"] != "8Q" for label in labels)
    history = list(world.record(R2["crime_ref"]).changes.values_list("action", "code", "reason"))
    assert history == [
        ("remove", "8Q", "Reviewed: harassment only"),
        ("add", "8Q", "Stalking"),
    ]


def test_label_errors_are_json(world, client):
    c = signed_in(client, world.users["registrar"])
    pk = world.record_ids[R1_REF]
    unknown = post_json(
        c, f"/api/records/{pk}/labels", {"kind": "flag", "code": "nope", "reason": "x"}
    )
    assert "not a flag" in assert_json_error(unknown, 422)
    twice = post_json(
        c, f"/api/records/{pk}/labels", {"kind": "class", "code": "8Q", "reason": "x"}
    )
    assert "already" in assert_json_error(twice, 422)
    no_reason = post_json(
        c, f"/api/records/{pk}/labels", {"kind": "flag", "code": "stalking", "reason": " "}
    )
    assert "reason" in assert_json_error(no_reason, 422)
    bad_kind = post_json(
        c, f"/api/records/{pk}/labels", {"kind": "colour", "code": "x", "reason": "x"}
    )
    assert_json_error(bad_kind, 422)  # schema validation
    missing = c.delete(
        f"/api/records/{pk}/labels/flag/stalking",
        json.dumps({"reason": "x"}),
        content_type="application/json",
    )
    assert "not on this record" in assert_json_error(missing, 422)


def test_403_and_404_are_json(world, client):
    c = signed_in(client, world.users["dmm_chair"])
    forbidden = post_json(
        c,
        f"/api/records/{world.record_ids[R1_REF]}/labels",
        {"kind": "flag", "code": "stalking", "reason": "x"},
    )
    assert "edit_labels" in assert_json_error(forbidden, 403)
    assert assert_json_error(c.get("/api/records/999999"), 404) == "not found"
    assert assert_json_error(c.get("/api/people/999999"), 404) == "not found"
    assert_json_error(signed_in(client, world.users["administrator"]).get("/api/usage"), 403)


# --- import ------------------------------------------------------------------------------------


def test_import_upload_reports_each_bad_line_by_number(world, client):
    good = {**R1, "crime_ref": "WX/4001/25", "order_refs": []}
    lines = [
        json.dumps(good),
        '{"crime_ref": "WX/4002/25", broken',
        json.dumps({k: v for k, v in good.items() if k != "recorded_at"} | {"crime_ref": "X3"}),
        json.dumps({**good, "crime_ref": "WX/4004/25", "recorded_at": "2025-02-30"}),
        json.dumps({**good, "crime_ref": "WX/4005/25", "flags": ["made_up_flag"]}),
    ]
    upload = io.BytesIO(("\n".join(lines) + "\n").encode())
    upload.name = "crimes.jsonl"
    c = signed_in(client, world.users["registrar"])
    response = c.post("/api/imports", {"crimes": upload})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "complete"
    assert data["crimes"] | {} == {
        "read": 5,
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 3,
        "warnings": 1,
    }
    rejects = [(i["line"], i["kind"]) for i in data["issues"] if i["kind"] == "reject"]
    assert rejects == [(2, "reject"), (3, "reject"), (4, "reject")]
    reasons = {i["line"]: i["reason"] for i in data["issues"]}
    assert "recorded_at" in reasons[3]
    assert "made_up_flag" in reasons[5]
    again = c.get(f"/api/imports/{data['batch']}").json()
    assert again["issues"] == data["issues"]


def test_import_needs_a_file(world, client):
    c = signed_in(client, world.users["registrar"])
    assert "crimes file" in assert_json_error(c.post("/api/imports"), 422)


def test_an_expired_token_is_refused(world, client):
    token, raw = APIToken.issue(world.users["investigator"], "old laptop")
    assert token.expires_at > timezone.now() + timedelta(days=settings.API_TOKEN_DAYS - 1)
    APIToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/records", {"classification": "8Q"}, **bearer(raw))
    assert response.status_code == 401
