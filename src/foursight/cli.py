"""The ``foursight`` console script.

Commands that work on exchange-format files (synth, screen, link --input, evaluate) run the pure
engines directly, without Django or a database. Everything else is a Django management command
run against the database that DATABASE_URL names.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module

# name -> (one-line help, pure entry point "module:function" or None for a Django command)
COMMANDS: dict[str, tuple[str, str | None]] = {
    "migrate": ("Create or upgrade the database that DATABASE_URL names.", None),
    "demo": ("Set up the demo force: generated data, accounts for each role, action plan.", None),
    "serve": ("Serve the web interface (default http://127.0.0.1:8000).", None),
    "import": ("Import crime records (and orders) from JSON Lines or CSV exports.", None),
    "synth": (
        "Generate a force's records with ground truth (no database).",
        "foursight.synth.cli:run",
    ),
    "link": ("Link the people across records (database, or --input files).", None),
    "screen": ("Screen records for stalking (files, or --db for imported records).", None),
    "evaluate": (
        "Measure screening or linkage against labelled data.",
        "foursight.evaluation.cli:run",
    ),
    "audit": ("Verify or export the audit log.", None),
    "plan": ("Import, export or publish the super-complaint action plan.", None),
    "retention": ("List records due for retention review.", None),
    "createuser": ("Create a staff account with a role.", None),
    "bench": ("Run the benchmarks and print the figures.", None),
}


def _file_mode_entry(command: str, rest: list[str]) -> str | None:
    """screen works on files unless --db is given; link works on files when --input is given."""
    if command == "screen" and "--db" not in rest:
        return "foursight.screening.cli:run"
    if command == "link" and any(a == "--input" or a.startswith("--input=") for a in rest):
        return "foursight.linkage.cli:run"
    return None


def _entry(spec: str) -> Callable[[list[str]], int]:
    module, function = spec.split(":")
    entry: Callable[[list[str]], int] = getattr(import_module(module), function)
    return entry


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["usage: foursight COMMAND [options]   (foursight COMMAND --help for its options)", ""]
    lines += [f"  {name.ljust(width)}  {text}" for name, (text, _) in COMMANDS.items()]
    lines += [
        "",
        "The database is the one DATABASE_URL names (default: foursight.sqlite3 here).",
        "Django's own management commands (check, createsuperuser, ...) also work.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0
    command, rest = args[0], args[1:]
    pure = COMMANDS.get(command, ("", None))[1] or _file_mode_entry(command, rest)
    if pure:
        return _entry(pure)(rest)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foursight.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["foursight", command, *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
