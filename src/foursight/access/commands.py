"""What every Foursight management command shares: who is acting, and the audit channel."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from foursight.audit.context import channel
from foursight.audit.models import Channel

SERVICE_ACCOUNT = "system"


class OperatorCommand(BaseCommand):
    """A command run by a named account (--as, or $FOURSIGHT_OPERATOR, or the system account).

    Permission checks and audit entries use that account, with the channel "cli".
    """

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--as",
            dest="operator",
            default=os.environ.get("FOURSIGHT_OPERATOR", SERVICE_ACCOUNT),
            help="username to act as (default: $FOURSIGHT_OPERATOR or the 'system' account)",
        )
        return parser

    def execute(self, *args: Any, **options: Any) -> Any:
        from foursight.access.models import User

        try:
            self.operator = User.objects.get(username=options["operator"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(
                f"no active account {options['operator']!r}: run `foursight migrate` first, "
                "or name an account with --as"
            ) from None
        with channel(Channel.CLI):
            return super().execute(*args, **options)
