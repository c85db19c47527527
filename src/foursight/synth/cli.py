"""``foursight synth``: write a synthetic force's records, with a progress bar and a summary."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foursight synth",
        description="Generate synthetic crime records, protective orders and their answers "
        "(truth.jsonl). All people and details are invented.",
    )
    parser.add_argument("--records", type=int, required=True, help="number of crime records")
    parser.add_argument("--seed", type=int, required=True, help="same seed, same bytes")
    parser.add_argument("--out", type=Path, required=True, help="folder for the three files")
    parser.add_argument("--force", default="Wessex", help="force name (default: Wessex)")
    parser.add_argument(
        "--person-ref-rate",
        type=float,
        default=0.5,
        help="share of person mentions that carry an RMS nominal id (0-1)",
    )
    parser.add_argument(
        "--start",
        type=date.fromisoformat,
        default=date(2024, 11, 1),
        help="first day of the period, YYYY-MM-DD (default: 2024-11-01)",
    )
    parser.add_argument("--days", type=int, default=730, help="length of the period in days")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def run(argv: list[str]) -> int:
    """Run the command with ``argv`` (without the program name); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on bad arguments
        return int(exc.code or 0)
    if args.records < 0:
        parser.print_usage()
        print("foursight synth: --records must be zero or more")
        return 2
    if not 0.0 <= args.person_ref_rate <= 1.0:
        print("foursight synth: --person-ref-rate must be between 0 and 1")
        return 2
    from .generate import generate

    summary = generate(
        args.records,
        args.seed,
        args.out,
        force=args.force,
        person_ref_rate=args.person_ref_rate,
        start=args.start,
        days=args.days,
        progress=not args.quiet,
    )
    print(format_summary(summary))
    return 0


def format_summary(summary: dict[str, Any]) -> str:
    cats = summary["categories"]
    stalk = summary["stalking_records"]
    lines = [
        f"Wrote {summary['records']:,} crime records and {summary['orders']:,} orders for "
        f"{summary['force']} (seed {summary['seed']}).",
        "Records by category: " + ", ".join(f"{k} {v:,}" for k, v in cats.items()),
        "Courses of conduct: " + ", ".join(f"{k} {v:,}" for k, v in summary["courses"].items()),
        f"Stalking records: {stalk['total']:,} ({stalk['recorded_as_8Q']:,} recorded as 8Q, "
        f"{stalk['8Q_included_only']:,} with 8Q only as an included class, "
        f"{stalk['hidden_under_other_classes']:,} hidden under other classes)",
        f"Breach-of-order records: {summary['breach_records']:,}",
        f"Individuals: {summary['individuals']:,}; person mentions: {summary['mentions']:,} "
        f"({summary['person_ref_share']:.0%} with an RMS nominal id)",
    ]
    lines += [f"  {path}" for path in summary["files"].values()]
    return "\n".join(lines)
