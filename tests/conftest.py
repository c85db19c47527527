"""Fixture users, one per role (as healthchecks does), and signed-in clients."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("FOURSIGHT_ENV", "test")

from foursight.access.roles import Role

# Every role, in the order the access-control tables list them.
ROLES = list(Role.values)


@pytest.fixture(scope="session", autouse=True)
def _static_root(django_test_environment):
    """Whitenoise serves from STATIC_ROOT and warns when it is missing; in tests the app's
    static finders serve the files, so an empty directory is enough."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture
def partner_service(db):
    from foursight.access.models import PartnerService

    return PartnerService.objects.get_or_create(name="Wessex Stalking Advocacy", kind="isac")[0]


@pytest.fixture
def make_user(db, partner_service) -> Callable[..., object]:
    from foursight.access.models import User

    def make(role: str, username: str | None = None, **extra: object) -> User:
        if role == "partner_advocate":
            extra.setdefault("partner_service", partner_service)
        return User.objects.create_user(
            username=username or f"{role}-user",
            password="correct horse battery",
            role=role,
            **extra,
        )

    return make


@pytest.fixture
def users(make_user) -> dict[str, object]:
    return {role: make_user(role) for role in ROLES}


@pytest.fixture
def client_for(client, users) -> Callable[[str], object]:
    def sign_in(role: str):
        client.force_login(users[role])
        return client

    return sign_in


@pytest.fixture
def system_user(db):
    from foursight.access.models import User

    return User.objects.get(username="system")


@pytest.fixture
def registrar(users):
    return users["registrar"]


@pytest.fixture
def supervisor(users):
    return users["supervisor"]


@pytest.fixture
def investigator(users):
    return users["investigator"]


def _migration(path: str):
    from importlib import import_module

    return import_module(path)


def _run_sql(statements) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in statements.get(connection.vendor, ()):
            cursor.execute(sql)


@pytest.fixture(autouse=True)
def _transactional_db_support(request):
    """Transactional tests end with a flush, which the append-only audit triggers refuse and which
    empties the reference data loaded by migrations. Put both back before such a test and lift
    the triggers just before its flush."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(request.fixturenames)
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    audit_migration = _migration("foursight.audit.migrations.0002_append_only")
    _run_sql(audit_migration.TRIGGERS_DOWN)
    _run_sql(audit_migration.TRIGGERS_UP)
    audit_migration.create_head(apps, None)
    _migration("foursight.access.migrations.0002_system_account").create(apps, None)
    if not apps.get_model("records", "OffenceClass").objects.exists():
        _migration("foursight.records.migrations.0002_reference_data").load(apps, None)
    yield
    _run_sql(audit_migration.TRIGGERS_DOWN)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """A small force built once per module with the real services (see tests/world.py).

    Tests using it must run in the ``db`` fixture's savepoint (mark them django_db), so whatever
    they change is undone before the next test.
    """
    from tests.world import world_fixture

    yield from world_fixture(django_db_setup, django_db_blocker, tmp_path_factory)
