"""foursight evaluate screening|linkage ...: measure an engine against labelled data."""

from __future__ import annotations

import sys

USAGE = """usage: foursight evaluate screening CASES.jsonl [options]
       foursight evaluate linkage TRUTH.jsonl [options]

screening: recall, precision, specificity and a confusion table on the development cases
           (shared/dev-cases/cases.jsonl) or a generated truth file (foursight synth).
linkage:   pairwise precision and recall of person linkage on a generated truth file.
Use --help after the engine's name for its options."""


def run(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(USAGE)
        return 0 if argv else 2
    which, rest = argv[0], argv[1:]
    if which == "screening":
        from .screening import run as run_screening

        return run_screening(rest)
    if which == "linkage":
        from .linkage import run as run_linkage

        return run_linkage(rest)
    print(f"unknown evaluation {which!r}\n\n{USAGE}", file=sys.stderr)
    return 2
