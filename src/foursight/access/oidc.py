"""Signing in through the force's own identity provider (OpenID Connect, mozilla-django-oidc).

Enabled when OIDC_RP_CLIENT_ID is set (see settings). The identity provider is trusted for who
someone is and which Foursight role they hold:

* an account is matched by the username claim (OIDC_USERNAME_CLAIM), or failing that by a
  verified email address, and created on first sign-in if there is none (OIDC_CREATE_USER);
* its role comes from the OIDC_ROLE_CLAIM claim at every sign-in, translated by OIDC_ROLE_MAP
  (or taken as a Role value when no map is set). No role, an unknown role, or more than one role
  means no access: the sign-in is refused;
* partner advocates must already have an account tied to their service (an administrator creates
  it), command-line service accounts can never sign in, and deactivated accounts stay out.

Two-factor sign-in still applies on top (FOURSIGHT_REQUIRE_2FA).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User
from .roles import Role

logger = logging.getLogger(__name__)


def role_from_claims(claims: dict[str, Any]) -> Role | None:
    """The one Role the identity provider's role claim names, or None (refuse)."""
    value = claims.get(settings.OIDC_ROLE_CLAIM)
    values = value if isinstance(value, list | tuple) else [value]
    mapping: dict[str, str] = settings.OIDC_ROLE_MAP or {role: role for role in Role.values}
    roles = {mapping.get(str(v).strip()) for v in values if v is not None and str(v).strip()}
    roles.discard(None)
    if len(roles) != 1:
        return None
    role = roles.pop()
    return Role(role) if role in Role.values else None


def username_from_claims(claims: dict[str, Any]) -> str:
    username = str(claims.get(settings.OIDC_USERNAME_CLAIM) or "").strip()
    return username[: User._meta.get_field("username").max_length or 150]


def verified_email(claims: dict[str, Any]) -> str:
    """The email claim, unless the provider says it has not verified it."""
    if claims.get("email_verified") is False:
        return ""
    return str(claims.get("email") or "").strip()


class ForceOIDCBackend(OIDCAuthenticationBackend):
    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return f"username {username_from_claims(claims)!r}"

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not (username_from_claims(claims) or verified_email(claims)):
            logger.warning("force sign-in refused: no username or verified email claim")
            return False
        if role_from_claims(claims) is None:
            logger.warning(
                "force sign-in refused for %s: claim %r names no single Foursight role",
                self.describe_user_by_claims(claims),
                settings.OIDC_ROLE_CLAIM,
            )
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        username = username_from_claims(claims)
        if username:
            by_username = User.objects.filter(username__iexact=username)
            if by_username.exists():
                return by_username
        email = verified_email(claims)
        if email:
            return User.objects.filter(email__iexact=email)
        return User.objects.none()

    def create_user(self, claims: dict[str, Any]) -> User:
        role = self._role(claims)
        if role == Role.PARTNER_ADVOCATE:
            # An advocate sees only their service's referrals: an administrator must create the
            # account with its service first.
            raise SuspiciousOperation("a partner advocate's account must be created first")
        user = User(
            username=username_from_claims(claims) or verified_email(claims),
            email=verified_email(claims),
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            role=role,
            is_staff=role == Role.ADMINISTRATOR,
        )
        user.set_unusable_password()
        user.save()
        logger.info("force sign-in created account %s (%s)", user.username, role.value)
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if user.is_service_account:
            raise SuspiciousOperation("service accounts cannot sign in")
        role = self._role(claims)
        if role == Role.PARTNER_ADVOCATE and user.partner_service_id is None:
            raise SuspiciousOperation("a partner advocate's account needs its service")
        if role != user.role:
            logger.info(
                "force sign-in changed %s's role from %s to %s", user.username, user.role, role
            )
        user.role = role
        user.is_staff = role == Role.ADMINISTRATOR
        user.email = verified_email(claims) or user.email
        user.first_name = str(claims.get("given_name") or user.first_name)[:150]
        user.last_name = str(claims.get("family_name") or user.last_name)[:150]
        user.save(update_fields=["role", "is_staff", "email", "first_name", "last_name"])
        return user

    def get_user(self, user_id: Any) -> User | None:
        """The session's user, while the account may still sign in."""
        user = User.objects.filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user) or user.is_service_account:
            return None
        return user

    def _role(self, claims: dict[str, Any]) -> Role:
        role = role_from_claims(claims)
        if role is None:
            raise SuspiciousOperation("no single Foursight role in the claims")
        return role
