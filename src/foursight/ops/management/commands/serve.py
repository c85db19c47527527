"""foursight serve: the web interface under gunicorn (127.0.0.1:8000 by default)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from foursight.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve the web interface with gunicorn (behind a TLS-terminating proxy in production)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--timeout", type=int, default=300, help="seconds (imports can be long)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Foursight is serving on http://{options['bind']}/ (Ctrl+C to stop)")
        _Server(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                "timeout": options["timeout"],
                "accesslog": "-",
            }
        ).run()
