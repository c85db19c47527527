"""`foursight evaluate screening`: measure the screening engine against labelled data.

    evaluate screening CASES.jsonl [--records FILE] [--json]
    evaluate screening TRUTH.jsonl [--crimes FILE] [--orders FILE] [--no-link | --truth-ids]
                                   [--json]

Two kinds of labelled file are accepted, told apart by their first line:

* development cases (shared/dev-cases/cases.jsonl): ``{"id", "group", "expected", "narrative",
  "relationship", ...}``. The exchange-format ``records.jsonl`` beside the file is screened (or
  ``--records``); without one, a record is built from each narrative. ``expected`` true/false
  cases are counted; null cases are left out of the figures but their results are listed.
* a generated truth file (``foursight.synth``): lines of type "record" (crime_ref, course_id,
  stalking, category), "course" (course_id, stalking, crime_refs in incident order, ...) and
  "mention". The crimes and orders files beside it (or --crimes/--orders) are linked with
  ``foursight.linkage`` (unless --no-link) and screened.

Figures (see ``metrics.py`` for the formulas):

* record level: each record's ``stalking_indicated`` against its truth label;
* course level, for courses of two or more records: a course counts as *found* when at least one
  of its records from the second incident on is indicated and that record's result names a series
  containing another record of the same course. Recall is found stalking courses / stalking
  courses; precision is found stalking courses / all found courses (stalking or not).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from foursight.exchange import read_valid

from .metrics import Confusion, fmt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foursight evaluate screening",
        description="Measure stalking screening against dev cases or a generated truth file.",
    )
    parser.add_argument("labels", type=Path, help="cases.jsonl (dev cases) or truth.jsonl")
    parser.add_argument("--records", type=Path, help="records for dev cases (default: beside)")
    parser.add_argument("--crimes", type=Path, help="crimes for a truth file (default: beside)")
    parser.add_argument("--orders", type=Path, help="orders for a truth file (default: beside)")
    parser.add_argument("--no-link", action="store_true", help="use person_ref, not linkage")
    parser.add_argument(
        "--truth-ids",
        action="store_true",
        help="identify people from the truth file's mention lines (perfect linkage), to measure "
        "screening apart from linkage",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def run(argv: list[str], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = list(argv)
    if args and args[0] == "screening":
        args = args[1:]
    options = _parser().parse_args(args)
    try:
        lines = _read_jsonl(options.labels)
    except (OSError, ValueError) as exc:
        print(f"evaluate screening: {exc}", file=sys.stderr)
        return 2
    if not lines:
        print("evaluate screening: no labelled lines", file=sys.stderr)
        return 2
    if "type" in lines[0]:
        report = evaluate_truth(lines, options)
    else:
        report = evaluate_cases(lines, options)
    if options.json:
        out.write(json.dumps(report["figures"], indent=2) + "\n")
    else:
        out.write("\n".join(report["lines"]) + "\n")
    return 0


# -- development cases ----------------------------------------------------------------------------


def evaluate_cases(cases: list[dict[str, Any]], options: argparse.Namespace) -> dict[str, Any]:
    from foursight.screening import Screener

    records_path = options.records or options.labels.with_name("records.jsonl")
    if records_path.exists():
        records = read_valid(records_path, "crime")
        source = str(records_path)
    else:
        records = [record_from_case(case) for case in cases]
        source = "records built from the narratives"
    results = {r["crime_ref"]: r for r in Screener().screen(records)}
    confusion = Confusion()
    lines = [f"Screening against {len(cases)} development cases ({source})", ""]
    details: list[str] = []
    cited = 0
    indicated_total = 0
    for case in cases:
        result = results.get(str(case["id"]))
        if result is None:
            details.append(f"  {case['id']}: no record screened")
            continue
        predicted = bool(result["stalking_indicated"])
        if predicted:
            indicated_total += 1
            cited += any("'" in reason for reason in result["reasons"])
        expected = case.get("expected")
        tag = _case_tag(expected, predicted)
        if expected is not None:
            confusion.add(bool(expected), predicted)
        if tag:
            details.append(_case_line(case, result, tag))
    lines += [confusion.table(), "", confusion.summary(), ""]
    lines.append(
        f"indicated results with a reason quoting the narrative: {cited}/{indicated_total}"
    )
    if details:
        lines += ["", "Misses, false indications and undecided (expected null) cases:", *details]
    figures = {
        **confusion.figures(),
        "cases": len(cases),
        "cited": cited,
        "indicated": indicated_total,
    }
    return {"figures": figures, "lines": lines}


def record_from_case(case: Mapping[str, Any]) -> dict[str, Any]:
    ref = str(case["id"])
    return {
        "crime_ref": ref,
        "recorded_at": str(case.get("recorded_at") or "2025-01-01"),
        "classification": str(case.get("classification") or "8L"),
        "relationship": case.get("relationship") or "unknown",
        "narrative": str(case.get("narrative") or ""),
        "people": [
            {"role": "victim", "person_ref": f"{ref}-V"},
            {"role": "suspect", "person_ref": f"{ref}-S"},
        ],
    }


def _case_tag(expected: bool | None, predicted: bool) -> str:
    if expected is None:
        return "undecided"
    if expected and not predicted:
        return "MISS"
    if predicted and not expected:
        return "FALSE INDICATION"
    return ""


def _case_line(case: Mapping[str, Any], result: Mapping[str, Any], tag: str) -> str:
    head = (
        f"  {tag:<16} {case['id']} (group {case.get('group', '?')}, expected "
        f"{case.get('expected')}): indicated={result['stalking_indicated']} "
        f"score={result['score']} band={result.get('band')}"
    )
    reasons = [f"      - {reason}" for reason in result["reasons"][:4]]
    return "\n".join([head, *reasons])


# -- generated truth ------------------------------------------------------------------------------


def evaluate_truth(lines: list[dict[str, Any]], options: argparse.Namespace) -> dict[str, Any]:
    from foursight.screening import Screener

    crimes_path = options.crimes or options.labels.with_name("crimes.jsonl")
    orders_path = options.orders or options.labels.with_name("orders.jsonl")
    crimes = read_valid(crimes_path, "crime")
    orders = read_valid(orders_path, "order") if orders_path.exists() else []
    person_ids: dict[tuple[str, int], str] | None = None
    link_note = "person_ref only (--no-link)"
    if options.truth_ids:
        person_ids = truth_person_ids(lines)
        link_note = "true identities from the truth file (perfect linkage)"
    elif not options.no_link:
        try:
            from foursight.linkage import link_exchange
        except ImportError:  # pragma: no cover
            link_note = "person_ref only (foursight.linkage unavailable)"
        else:
            started = time.perf_counter()
            person_ids = link_exchange(crimes, orders)
            link_note = f"linked with foursight.linkage in {time.perf_counter() - started:.1f}s"
    started = time.perf_counter()
    results = Screener().screen(crimes, orders, person_ids)
    seconds = time.perf_counter() - started
    return score_truth(lines, results, link_note, seconds)


def score_truth(
    lines: Sequence[Mapping[str, Any]],
    results: Sequence[Mapping[str, Any]],
    link_note: str = "",
    seconds: float = 0.0,
) -> dict[str, Any]:
    by_ref = {str(r["crime_ref"]): r for r in results}
    records = [line for line in lines if line.get("type") == "record"]
    courses = [line for line in lines if line.get("type") == "course"]
    record_conf = Confusion()
    by_category: dict[str, Confusion] = {}
    misses: list[str] = []
    false_hits: list[str] = []
    for line in records:
        result = by_ref.get(str(line["crime_ref"]))
        if result is None:
            continue
        expected = bool(line.get("stalking"))
        predicted = bool(result["stalking_indicated"])
        record_conf.add(expected, predicted)
        by_category.setdefault(str(line.get("category") or "?"), Confusion()).add(
            expected, predicted
        )
        if expected and not predicted and len(misses) < 15:
            misses.append(_truth_line("MISS", line, result))
        if predicted and not expected and len(false_hits) < 15:
            false_hits.append(_truth_line("FALSE INDICATION", line, result))
    course_conf = Confusion()
    for course in courses:
        refs = [str(ref) for ref in course.get("crime_refs") or ()]
        if len(refs) < 2:
            continue
        course_conf.add(bool(course.get("stalking")), course_found(refs, by_ref))
    out = [
        f"Screening against generated truth: {len(records)} records, "
        f"{sum(1 for c in courses if len(c.get('crime_refs') or ()) >= 2)} courses of 2+ records",
        f"people: {link_note}; screening took {seconds:.1f}s",
        "",
        "Record level:",
        record_conf.table(),
        record_conf.summary(),
        "",
        "Course level (found = a record from the 2nd incident on is indicated, in a series with "
        "another record of the course):",
        course_conf.table("stalking course", "other course"),
        course_conf.summary(),
        "",
        "Record level by category:",
    ]
    for category, conf in sorted(by_category.items()):
        out.append(
            f"  {category:<28} n={conf.total:<6} indicated={conf.tp + conf.fp:<6} "
            f"recall {fmt(conf.recall)}  false-indication rate {fmt(conf.false_indication_rate)}"
        )
    if misses or false_hits:
        out += ["", "Examples:", *misses, *false_hits]
    figures = {
        "records": record_conf.figures(),
        "courses": course_conf.figures(),
        "by_category": {k: v.figures() for k, v in by_category.items()},
        "screening_seconds": round(seconds, 2),
    }
    return {"figures": figures, "lines": out}


def truth_person_ids(lines: Sequence[Mapping[str, Any]]) -> dict[tuple[str, int], str]:
    """(source_ref, mention index) -> true individual, from the truth file's mention lines."""
    return {
        (str(line["source_ref"]), int(line["mention"])): str(line["individual"])
        for line in lines
        if line.get("type") == "mention"
    }


def course_found(refs: Sequence[str], by_ref: Mapping[str, Mapping[str, Any]]) -> bool:
    course_refs = set(refs)
    for ref in refs[1:]:
        result = by_ref.get(ref)
        if result is None or not result["stalking_indicated"]:
            continue
        series = result.get("series") or {}
        linked = set(series.get("crime_refs") or ()) & course_refs
        if len(linked - {ref}) >= 1:
            return True
    return False


def _truth_line(tag: str, line: Mapping[str, Any], result: Mapping[str, Any]) -> str:
    reason = result["reasons"][0] if result["reasons"] else ""
    return (
        f"  {tag:<16} {line['crime_ref']} ({line.get('category')}, course "
        f"{line.get('course_id')}): score={result['score']} - {reason[:160]}"
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            text = raw.strip()
            if not text:
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {number}: broken JSON ({exc.msg})") from exc
            if isinstance(data, dict):
                out.append(data)
    return out
