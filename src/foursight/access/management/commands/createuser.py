"""foursight createuser USERNAME --role ROLE: a staff account (asks for the password)."""

from __future__ import annotations

import getpass
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from foursight.access.models import PartnerService, User
from foursight.access.roles import Role


class Command(BaseCommand):
    help = "Create a staff account with one role. Two-factor sign-in is set up at first sign-in."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--name", default="", help="full name")
        parser.add_argument("--email", default="")
        parser.add_argument("--staff-id", default="", help="RMS staff identifier")
        parser.add_argument("--service", help="partner service name (partner advocates)")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"{options['username']!r} already exists")
        service = None
        if options["role"] == Role.PARTNER_ADVOCATE:
            if not options["service"]:
                raise CommandError("a partner advocate needs --service")
            service, _ = PartnerService.objects.get_or_create(
                name=options["service"], defaults={"kind": "isac"}
            )
        first, _, last = options["name"].partition(" ")
        user = User(
            username=options["username"],
            role=options["role"],
            first_name=first,
            last_name=last,
            email=options["email"],
            staff_id=options["staff_id"],
            partner_service=service,
            is_staff=options["role"] == Role.ADMINISTRATOR,
        )
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("the passwords differ")
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        user.set_password(password)
        user.save()
        self.stdout.write(f"Created {user.username} ({user.role_label}).")
