"""Signing in with the force's identity provider: claims to account and role, without a network."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.test import RequestFactory
from django.urls import clear_url_caches

from foursight.access.models import User
from foursight.access.oidc import ForceOIDCBackend, role_from_claims
from foursight.access.roles import Role

from .settings_env import settings_for

IDP = "https://idp.wessex.police.example"


@pytest.fixture
def oidc(settings) -> None:
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "foursight"
    settings.OIDC_RP_CLIENT_SECRET = "client-secret"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{IDP}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{IDP}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{IDP}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{IDP}/jwks"
    settings.OIDC_USE_PKCE = True
    settings.OIDC_USERNAME_CLAIM = "preferred_username"
    settings.OIDC_ROLE_CLAIM = "foursight_role"
    settings.OIDC_ROLE_MAP = {}
    settings.LOGIN_REDIRECT_URL_FAILURE = "/sign-in/?force-account=refused"


@pytest.fixture
def backend(oidc) -> ForceOIDCBackend:
    return ForceOIDCBackend()


def _claims(**extra: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "sub": "a1b2c3",
        "preferred_username": "jsmith",
        "email": "jane.smith@wessex.police.example",
        "email_verified": True,
        "given_name": "Jane",
        "family_name": "Smith",
        "foursight_role": "investigator",
    }
    claims.update(extra)
    return {k: v for k, v in claims.items() if v is not None}


def _sign_in_with(backend: ForceOIDCBackend, claims: dict[str, Any]) -> User:
    """mozilla-django-oidc's own path from verified tokens to an account, claims stubbed."""
    with mock.patch.object(backend, "get_userinfo", return_value=claims):
        return backend.get_or_create_user("access-token", "id-token", {"sub": claims.get("sub")})


# --- roles from claims ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("investigator", Role.INVESTIGATOR),
        (" auditor ", Role.AUDITOR),
        (["analyst"], Role.ANALYST),
        (["analyst", "analyst"], Role.ANALYST),
        (None, None),
        ("", None),
        ([], None),
        ("superuser", None),
        ("Investigator", None),
        (["analyst", "auditor"], None),  # one role per account: ambiguity is refused
    ],
)
def test_role_claim_names_exactly_one_role(oidc, value, expected):
    assert role_from_claims(_claims(foursight_role=value)) == expected


def test_a_role_map_translates_the_providers_groups(oidc, settings):
    settings.OIDC_ROLE_CLAIM = "roles"
    settings.OIDC_ROLE_MAP = {
        "Foursight.Analysts": "analyst",
        "Foursight.Supervisors": "supervisor",
        "Foursight.Typo": "no-such-role",
    }
    assert role_from_claims({"roles": ["Email.Users", "Foursight.Analysts"]}) == Role.ANALYST
    assert role_from_claims({"roles": "Foursight.Supervisors"}) == Role.SUPERVISOR
    # With a map, only the map counts.
    assert role_from_claims({"roles": ["analyst"]}) is None
    assert role_from_claims({"roles": ["Foursight.Typo"]}) is None
    assert role_from_claims({"roles": ["Foursight.Analysts", "Foursight.Supervisors"]}) is None


# --- accounts from claims ---------------------------------------------------------------------


@pytest.mark.django_db
def test_first_sign_in_creates_the_account_with_its_role(backend):
    user = _sign_in_with(backend, _claims(foursight_role="supervisor"))
    assert user.username == "jsmith"
    assert user.role == Role.SUPERVISOR
    assert (user.first_name, user.last_name) == ("Jane", "Smith")
    assert user.email == "jane.smith@wessex.police.example"
    assert not user.has_usable_password(), "signs in only through the identity provider"
    assert not user.is_staff
    assert _sign_in_with(backend, _claims(foursight_role="supervisor")).pk == user.pk


@pytest.mark.django_db
def test_an_existing_account_is_matched_by_username_and_takes_the_providers_role(backend):
    existing = User.objects.create_user("JSmith", password="x" * 16, role="investigator")
    user = _sign_in_with(backend, _claims(foursight_role="administrator"))
    assert user.pk == existing.pk
    existing.refresh_from_db()
    assert existing.role == Role.ADMINISTRATOR and existing.is_staff
    assert not User.objects.filter(username="jsmith").exists()


@pytest.mark.django_db
def test_without_a_username_claim_a_verified_email_matches(backend):
    existing = User.objects.create_user(
        "j.smith", email="Jane.Smith@wessex.police.example", role="investigator"
    )
    user = _sign_in_with(backend, _claims(preferred_username=None, foursight_role="spoc"))
    assert user.pk == existing.pk and user.role == Role.SPOC

    with pytest.raises(SuspiciousOperation):  # no username and an unverified email: who is it?
        _sign_in_with(backend, _claims(preferred_username=None, email_verified=False))


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "", "superuser", ["analyst", "auditor"]])
def test_no_role_no_access(backend, role):
    with pytest.raises(SuspiciousOperation, match="Claims verification failed"):
        _sign_in_with(backend, _claims(foursight_role=role))
    assert not User.objects.filter(username="jsmith").exists()


@pytest.mark.django_db
def test_losing_the_role_at_the_provider_refuses_an_existing_account(backend):
    User.objects.create_user("jsmith", role="auditor")
    with pytest.raises(SuspiciousOperation):
        _sign_in_with(backend, _claims(foursight_role=None))
    assert User.objects.get(username="jsmith").role == Role.AUDITOR


@pytest.mark.django_db
def test_partner_advocates_need_an_account_tied_to_their_service(backend, partner_service):
    with pytest.raises(SuspiciousOperation):
        _sign_in_with(backend, _claims(foursight_role="partner_advocate"))
    assert not User.objects.filter(username="jsmith").exists()

    advocate = User.objects.create_user(
        "jsmith", role="partner_advocate", partner_service=partner_service
    )
    assert _sign_in_with(backend, _claims(foursight_role="partner_advocate")).pk == advocate.pk

    investigator = User.objects.create_user("kjones", role="investigator")
    with pytest.raises(SuspiciousOperation):
        _sign_in_with(
            backend, _claims(preferred_username="kjones", foursight_role="partner_advocate")
        )
    investigator.refresh_from_db()
    assert investigator.role == Role.INVESTIGATOR


@pytest.mark.django_db
def test_service_accounts_and_deactivated_accounts_stay_out(backend):
    with pytest.raises(SuspiciousOperation):
        _sign_in_with(backend, _claims(preferred_username="system", foursight_role="auditor"))

    leaver = User.objects.create_user("jsmith", role="investigator", is_active=False)
    assert _sign_in_with(backend, _claims()).is_active is False  # the callback view refuses it
    assert backend.get_user(leaver.pk) is None
    leaver.is_active = True
    leaver.save()
    assert backend.get_user(leaver.pk) == leaver


@pytest.mark.django_db
def test_authenticate_turns_a_refusal_into_no_user(backend, oidc_urls):
    """The whole backend path from the provider's callback, with the provider stubbed."""
    request = RequestFactory().get("/oidc/callback/", {"code": "the-code", "state": "the-state"})
    request.session = {}
    tokens = {"id_token": "id-token", "access_token": "access-token"}
    with (
        mock.patch.object(backend, "get_token", return_value=tokens) as get_token,
        mock.patch.object(backend, "verify_token", return_value={"nonce": "n"}),
        mock.patch.object(backend, "get_userinfo", return_value=_claims()),
    ):
        user = backend.authenticate(request, nonce="n", code_verifier="v" * 43)
    assert user is not None and user.role == Role.INVESTIGATOR
    assert get_token.call_args.args[0]["code_verifier"] == "v" * 43  # PKCE

    with (
        mock.patch.object(backend, "get_token", return_value=tokens),
        mock.patch.object(backend, "verify_token", return_value={"nonce": "n"}),
        mock.patch.object(backend, "get_userinfo", return_value=_claims(foursight_role="root")),
    ):
        assert backend.authenticate(request, nonce="n") is None


# --- the sign-in page and the URLs ------------------------------------------------------------


@pytest.fixture
def oidc_urls(oidc, settings) -> Iterator[None]:
    import foursight.urls

    def reload() -> None:
        importlib.reload(foursight.urls)
        clear_url_caches()

    reload()
    yield
    settings.OIDC_ENABLED = False
    reload()


@pytest.mark.django_db
def test_the_sign_in_page_offers_the_force_account(client, oidc_urls):
    page = client.get("/sign-in/?next=/records/search/").content.decode()
    assert "Sign in with your force account" in page
    assert 'href="/oidc/authenticate/?next=/records/search/"' in page

    response = client.get("/oidc/authenticate/?next=/records/search/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{IDP}/authorize"
    query = parse_qs(location.query)
    assert query["client_id"] == ["foursight"]
    assert query["redirect_uri"] == ["http://testserver/oidc/callback/"]
    assert query["code_challenge_method"] == ["S256"]
    assert "nonce" in query and "state" in query


@pytest.mark.django_db
def test_a_refused_force_sign_in_is_explained(client, oidc_urls):
    page = client.get("/sign-in/?force-account=refused").content.decode()
    assert "govuk-error-summary" in page
    assert "You could not be signed in with your force account" in page


@pytest.mark.django_db
def test_without_oidc_there_is_no_force_account_sign_in(client):
    page = client.get("/sign-in/").content.decode()
    assert "Sign in with your force account" not in page
    assert client.get("/oidc/authenticate/").status_code == 404


def test_oidc_settings_must_be_complete(monkeypatch, tmp_path):
    half = {
        "FOURSIGHT_ENV": "demo",
        "OIDC_RP_CLIENT_ID": "foursight",
        "OIDC_RP_CLIENT_SECRET": "secret",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{IDP}/authorize",
    }
    with pytest.raises(ImproperlyConfigured, match="OIDC_OP_TOKEN_ENDPOINT"):
        settings_for(monkeypatch, tmp_path, **half)
    names = settings_for(
        monkeypatch,
        tmp_path,
        **half,
        OIDC_OP_TOKEN_ENDPOINT=f"{IDP}/token",
        OIDC_OP_USER_ENDPOINT=f"{IDP}/userinfo",
        OIDC_OP_JWKS_ENDPOINT=f"{IDP}/jwks",
        OIDC_ROLE_CLAIM="roles",
        OIDC_ROLE_MAP="Foursight.Analysts=analyst, Foursight.Auditors=auditor",
    )
    assert "foursight.access.oidc.ForceOIDCBackend" in names["AUTHENTICATION_BACKENDS"]
    assert "mozilla_django_oidc" in names["INSTALLED_APPS"]
    assert names["OIDC_USE_PKCE"] is True
    assert names["OIDC_ROLE_MAP"] == {
        "Foursight.Analysts": "analyst",
        "Foursight.Auditors": "auditor",
    }
