"""Passwords (Argon2), throttling of password guessing (django-axes), the idle timeout and the
deployment postures the settings give."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone

from foursight.access.throttling import client_address

from .settings_env import production, settings_for

PASSWORD = "correct horse battery"
ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


# --- passwords and postures -------------------------------------------------------------------


@pytest.mark.parametrize("posture", ["production", "demo"])
def test_argon2_hashes_passwords_outside_the_test_suite(monkeypatch, tmp_path, posture):
    if posture == "production":
        names = production(monkeypatch, tmp_path)
    else:
        names = settings_for(monkeypatch, tmp_path, FOURSIGHT_ENV="demo")
    assert names["PASSWORD_HASHERS"][0] == ARGON2


def test_the_suite_uses_a_fast_hasher_but_still_accepts_argon2(monkeypatch, tmp_path, settings):
    names = settings_for(monkeypatch, tmp_path, FOURSIGHT_ENV="test")
    assert names["PASSWORD_HASHERS"][0].endswith("MD5PasswordHasher")
    assert ARGON2 in names["PASSWORD_HASHERS"]
    # What production stores: an Argon2 hash, which checks.
    settings.PASSWORD_HASHERS = production(monkeypatch, tmp_path)["PASSWORD_HASHERS"]
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$")
    assert check_password(PASSWORD, encoded)


def test_production_posture(monkeypatch, tmp_path):
    names = production(monkeypatch, tmp_path, FOURSIGHT_DEBUG="true")
    assert names["DEBUG"] is False, "no debug pages in production, whatever the environment says"
    assert names["FOURSIGHT_REQUIRE_2FA"] is True
    assert names["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert names["SECURE_SSL_REDIRECT"] is True
    assert names["SESSION_COOKIE_SECURE"] and names["CSRF_COOKIE_SECURE"]
    assert names["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert names["SECRET_KEY"] == "a-production-secret-" + "x" * 40
    assert not (tmp_path / ".foursight-secret-key").exists()


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="FOURSIGHT_SECRET_KEY"):
        settings_for(monkeypatch, tmp_path, FOURSIGHT_ENV="production")


def test_demo_posture_runs_on_plain_http_without_two_factor(monkeypatch, tmp_path):
    names = settings_for(monkeypatch, tmp_path, FOURSIGHT_ENV="demo")
    assert names["FOURSIGHT_REQUIRE_2FA"] is False
    assert "SECURE_SSL_REDIRECT" not in names
    assert "SESSION_COOKIE_SECURE" not in names
    assert "127.0.0.1" in names["ALLOWED_HOSTS"]
    # The demo's key is generated beside its data, readable by its owner only.
    key_file = tmp_path / ".foursight-secret-key"
    assert names["SECRET_KEY"] == key_file.read_text().strip()
    assert key_file.stat().st_mode & 0o077 == 0


def test_two_factor_can_be_required_in_the_demo_too(monkeypatch, tmp_path):
    names = settings_for(monkeypatch, tmp_path, FOURSIGHT_ENV="demo", FOURSIGHT_REQUIRE_2FA="1")
    assert names["FOURSIGHT_REQUIRE_2FA"] is True


# --- throttling -------------------------------------------------------------------------------

ADDRESS = "203.0.113.5"


def _sign_in(client, username, password, address=ADDRESS):
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_sixth_attempt_is_refused_even_with_the_right_password(client, users, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(1, 5):
        response = _sign_in(client, "investigator-user", f"wrong guess {attempt}")
        assert response.status_code == 200, attempt
        assert "Enter a correct username and password" in response.content.decode()
    # The fifth failure locks the username at this address...
    assert _sign_in(client, "investigator-user", "wrong guess 5").status_code == 429
    # ...so the sixth attempt is refused although the password is right.
    response = _sign_in(client, "investigator-user", PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)
    assert "access/locked_out.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "paused for an hour" in page
    assert "Content-Security-Policy" in response.headers


@pytest.mark.django_db
def test_lockout_is_per_username_and_address(client, users):
    for attempt in range(5):
        _sign_in(client, "investigator-user", f"wrong guess {attempt}")
    assert _sign_in(client, "investigator-user", PASSWORD).status_code == 429

    # The same account from another address signs in.
    response = _sign_in(client, "investigator-user", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302 and _signed_in(client)
    client.post("/sign-out/")

    # Another account from the locked address is not affected.
    response = _sign_in(client, "supervisor-user", "wrong guess")
    assert response.status_code == 200
    response = _sign_in(client, "supervisor-user", PASSWORD)
    assert response.status_code == 302 and _signed_in(client)

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("investigator-user", ADDRESS)
    assert attempt.failures_since_start >= 5


@pytest.mark.django_db
def test_a_successful_sign_in_resets_the_count(client, users):
    for attempt in range(4):
        _sign_in(client, "investigator-user", f"wrong guess {attempt}")
    assert _sign_in(client, "investigator-user", PASSWORD).status_code == 302
    client.post("/sign-out/")
    for attempt in range(4):
        assert _sign_in(client, "investigator-user", f"again {attempt}").status_code == 200
    assert _sign_in(client, "investigator-user", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_axes_keeps_its_records_without_getting_in_the_way(client, users):
    """Axes' tables exist (its migrations run with ours) and sign-in, sign-out and the pages
    work with its access log."""
    _sign_in(client, "auditor-user", "wrong guess")
    assert _sign_in(client, "auditor-user", PASSWORD).status_code == 302
    assert client.get("/").status_code == 200
    assert client.post("/sign-out/").status_code == 302
    log = AccessLog.objects.get(username="auditor-user")
    assert log.ip_address == ADDRESS and log.logout_time is not None
    assert not AccessAttempt.objects.exists(), "reset on success"
    assert client.get("/").status_code == 302


def test_client_address_behind_trusted_proxies(settings):
    factory = RequestFactory()
    request = factory.get(
        "/sign-in/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5",  # first part forged by the client
    )
    settings.FOURSIGHT_TRUSTED_PROXIES = 0
    assert client_address(request) == "10.0.0.2"
    settings.FOURSIGHT_TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.5"
    settings.FOURSIGHT_TRUSTED_PROXIES = 3  # fewer entries than proxies: do not guess
    assert client_address(request) == "10.0.0.2"


# --- idle timeout -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_idle_session_must_sign_in_again(client, users, settings, monkeypatch):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    idle_limit = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert idle_limit == timedelta(minutes=30)
    assert _sign_in(client, "investigator-user", PASSWORD).status_code == 302
    started = timezone.now()

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    # Active within the limit: each request pushes the expiry back.
    at(started + idle_limit - timedelta(minutes=1))
    assert client.get("/").status_code == 200
    at(started + 2 * idle_limit - timedelta(minutes=2))
    assert client.get("/").status_code == 200

    # Idle for longer than the limit: signed out.
    at(started + 3 * idle_limit)
    response = client.get("/records/search/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/records/search/"
