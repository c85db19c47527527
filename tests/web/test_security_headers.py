"""Security headers, the Content Security Policy, sign-in everywhere, and the error pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.test import Client, override_settings
from django.urls import include, path

import foursight
from tests.access.settings_env import production

pytestmark = pytest.mark.django_db

PACKAGE = Path(foursight.__file__).resolve().parent


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.strip().split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def _assert_security_headers(response) -> None:
    csp = _directives(response)
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in csp.values() for value in values)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"]
    assert "camera=()" in response["Permissions-Policy"]


def test_a_page_carries_the_security_headers_and_a_fresh_nonce(client_for):
    client = client_for("investigator")
    response = client.get("/")
    assert response.status_code == 200
    _assert_security_headers(response)

    script_src = _directives(response)["script-src"]
    assert script_src[0] == "'self'"
    (nonce_source,) = [v for v in script_src if v.startswith("'nonce-")]
    nonce = nonce_source.removeprefix("'nonce-").removesuffix("'")
    assert len(nonce) >= 16
    # The one inline script on the page carries that nonce; everything else is from /static/.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert inline == [f' nonce="{nonce}"']
    assert '<script type="module" src="/static/foursight/app.mjs">' in response.content.decode()

    again = _directives(client.get("/"))["script-src"]
    assert again != script_src, "a new nonce for every response"


def test_the_sign_in_page_carries_them_too(client):
    response = client.get("/sign-in/")
    assert response.status_code == 200
    _assert_security_headers(response)


def test_hsts_in_production(monkeypatch, tmp_path, users):
    names = production(monkeypatch, tmp_path)
    hsts = {
        name: names[name]
        for name in (
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_SSL_REDIRECT",
            "SECURE_PROXY_SSL_HEADER",
            "SECURE_REDIRECT_EXEMPT",
        )
    }
    with override_settings(**hsts):
        client = Client()
        client.force_login(users["investigator"])
        plain = client.get("/", HTTP_X_FORWARDED_PROTO="http")
        assert plain.status_code == 301 and plain["Location"].startswith("https://")
        secure = client.get("/", HTTP_X_FORWARDED_PROTO="https")
        assert secure.status_code == 200
        assert secure["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        # The load balancer's health check is answered over plain HTTP.
        assert client.get("/healthz", HTTP_X_FORWARDED_PROTO="http").status_code == 200


def test_the_demo_sends_no_hsts(client_for):
    assert "Strict-Transport-Security" not in client_for("investigator").get("/")


# --- sign-in everywhere -----------------------------------------------------------------------

PAGES = ["/", "/dashboard/", "/records/search/", "/audit/", "/account/", "/admin/"]
API = [
    "/api/measures",
    "/api/records?q=x",
    "/api/screening/worklist",
    "/api/openapi.json",
    "/api/docs",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_page_requests_go_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


@pytest.mark.parametrize("url", API)
def test_anonymous_api_requests_get_401(client, url):
    response = client.get(url)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_static_files_and_health_check_are_open(client):
    assert client.get("/healthz").status_code == 200


# --- error pages ------------------------------------------------------------------------------


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("something broke")


def _refuse(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied("view_record is not allowed for this account")


urlpatterns = [
    path("boom/", _boom),
    path("refuse/", _refuse),
    path("", include("foursight.urls")),
]


def test_404_is_a_govuk_page(client_for):
    response = client_for("investigator").get("/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "Page not found" in response.content.decode()
    assert "govuk-template" in response.content.decode()
    _assert_security_headers(response)


@override_settings(ROOT_URLCONF=__name__)
def test_403_is_a_govuk_page_without_the_reason(client_for):
    response = client_for("investigator").get("/refuse/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot see this page" in page
    assert "view_record" not in page
    _assert_security_headers(response)


@override_settings(ROOT_URLCONF=__name__)
def test_500_is_a_govuk_page_that_needs_no_request(client_for, users):
    client = Client(raise_request_exception=False)
    client.force_login(users["investigator"])
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "something broke" not in page and "Traceback" not in page
    _assert_security_headers(response)
    # Django renders it with no context at all.
    assert "Sorry, there is a problem" in loader.get_template("500.html").render()


def test_400_is_a_govuk_page(client):
    response = client.get("/sign-in/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "Sorry, there is a problem with the request" in response.content.decode()
    _assert_security_headers(response)


def test_a_failed_csrf_check_is_a_govuk_page(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "investigator-user", "password": "x"})
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()


# --- nothing inline for the policy to block ---------------------------------------------------

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"), "script"),
    (re.compile(r"<style\b"), "style element"),
    (re.compile(r"\sstyle=\""), "style attribute"),
    (re.compile(r"\son[a-z]+=\""), "event handler attribute"),
    (re.compile(r"javascript:"), "javascript: URL"),
]


def test_no_template_has_inline_script_or_style():
    """The CSP allows no inline script or style: only base.html's one nonce'd line."""
    found = []
    for template in sorted(PACKAGE.glob("*/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                allowed = template.name == "base.html" and 'nonce="{{ request.csp_nonce }}"' in (
                    match.group(0)
                )
                if not allowed:
                    found.append(f"{template.relative_to(PACKAGE)}: {what} {match.group(0)!r}")
    assert not found, "\n".join(found)
