"""The three files: valid exchange format, sorted, deterministic, safe to publish."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from foursight.exchange import read_valid, validate
from foursight.synth import generate, names
from foursight.synth.contacts import EMAIL_DOMAINS, is_drama_number

from .conftest import RECORDS, Force


def test_crimes_and_orders_validate_against_the_schemas(force: Force) -> None:
    crimes = read_valid(force.folder / "crimes.jsonl", "crime")
    orders = read_valid(force.folder / "orders.jsonl", "order")
    assert len(crimes) == RECORDS
    assert len(orders) == force.summary["orders"] > 0
    assert all(validate("crime", c) is None for c in crimes)


def test_crimes_are_sorted_by_recording_time_with_unique_refs(force: Force) -> None:
    times = [c["recorded_at"] for c in force.crimes]
    assert times == sorted(times)
    refs = [c["crime_ref"] for c in force.crimes]
    assert len(set(refs)) == len(refs)
    assert all(re.fullmatch(r"WX/\d{8}/\d{2}", ref) for ref in refs)
    assert len({o["order_ref"] for o in force.orders}) == len(force.orders)


def _digests(folder: Path) -> dict[str, bytes]:
    return {
        name: (folder / name).read_bytes()
        for name in ("crimes.jsonl", "orders.jsonl", "truth.jsonl")
    }


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    generate(600, 3, tmp_path / "a")
    generate(600, 3, tmp_path / "b")
    generate(600, 4, tmp_path / "c")
    a, b, c = (_digests(tmp_path / x) for x in "abc")
    assert a == b
    assert a["crimes.jsonl"] != c["crimes.jsonl"]
    assert a["truth.jsonl"] != c["truth.jsonl"]


def test_worker_processes_do_not_change_the_bytes(tmp_path: Path) -> None:
    # 4,500 records is three render chunks, so two workers really share the work.
    generate(4_500, 11, tmp_path / "one", workers=1)
    generate(4_500, 11, tmp_path / "two", workers=2)
    assert _digests(tmp_path / "one") == _digests(tmp_path / "two")


def test_other_force_name_and_person_ref_rate(tmp_path: Path) -> None:
    summary = generate(300, 1, tmp_path, force="Mercia", person_ref_rate=0.0)
    crimes = read_valid(tmp_path / "crimes.jsonl", "crime")
    assert {c["force"] for c in crimes} == {"Mercia"}
    assert all(c["crime_ref"].startswith("MC/") for c in crimes)
    assert summary["person_ref_share"] == 0.0
    assert not any("person_ref" in p for c in crimes for p in c.get("people", []))


def test_zero_records_and_bad_arguments(tmp_path: Path) -> None:
    summary = generate(0, 1, tmp_path)
    assert summary["records"] == 0
    assert (tmp_path / "crimes.jsonl").read_bytes() == b""
    with pytest.raises(ValueError, match="records"):
        generate(-1, 1, tmp_path)
    with pytest.raises(ValueError, match="person_ref_rate"):
        generate(10, 1, tmp_path, person_ref_rate=1.5)


def _people(force: Force) -> list[dict[str, object]]:
    found: list[dict[str, object]] = [p for c in force.crimes for p in c.get("people", [])]
    for order in force.orders:
        found.append(order["subject"])
        found.extend(order.get("protected", []))
    return found


# Anything in a narrative or condition that looks like a UK phone number.
_PHONE_LIKE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")
_EMAIL_LIKE = re.compile(r"[\w.+-]+@([\w-]+\.)+\w+")


def test_phone_numbers_only_from_ofcom_drama_ranges(force: Force) -> None:
    phones = [p["phone"] for p in _people(force) if "phone" in p]
    assert len(phones) > 100
    assert all(is_drama_number(str(n)) for n in phones), [
        n for n in phones if not is_drama_number(str(n))
    ][:5]
    texts = [c["narrative"] for c in force.crimes] + [
        cond for o in force.orders for cond in o.get("conditions", [])
    ]
    for text in texts:
        for match in _PHONE_LIKE.finditer(text):
            assert is_drama_number(match.group()), match.group()


def test_emails_only_at_example_domains(force: Force) -> None:
    emails = [str(p["email"]) for p in _people(force) if "email" in p]
    assert emails
    assert all(e.lower().rsplit("@", 1)[1] in EMAIL_DOMAINS for e in emails)
    for crime in force.crimes:
        for match in _EMAIL_LIKE.finditer(crime["narrative"]):
            assert match.group().lower().rsplit("@", 1)[1] in EMAIL_DOMAINS


def test_drama_number_check() -> None:
    assert is_drama_number("07700 900123")
    assert is_drama_number("+44 113 496 0000")
    assert is_drama_number("029 2018 0999")
    assert not is_drama_number("07700 901123")
    assert not is_drama_number("0113 496 1000")


def test_narratives_have_no_template_debris(force: Force) -> None:
    for crime in force.crimes:
        text = crime["narrative"]
        assert text
        assert not re.search(r"[\[\]{}<>|]|\bNone\b|  ", text), text


def test_names_come_from_many_origins(force: Force) -> None:
    written = {str(p.get("surname", "")).lower() for p in _people(force)}
    origins = {
        origin
        for origin, pool in names.SURNAMES.items()
        if sum(1 for s in pool if s.lower() in written) >= 2
    }
    assert len(origins) >= 10, origins


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from foursight.synth import generate; "
        "generate(400, 9, Path(sys.argv[1]))"
    )
    for name, hash_seed in (("x", "1"), ("y", "2")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], check=True, env=env)
    assert _digests(tmp_path / "x") == _digests(tmp_path / "y")


def test_dates_are_consistent(force: Force) -> None:
    for crime in force.crimes:
        recorded = crime["recorded_at"]
        assert crime["occurred_from"] <= recorded
        if "occurred_to" in crime:
            assert crime["occurred_from"] <= crime["occurred_to"] <= recorded
        if "outcome" in crime:
            assert 1 <= crime["outcome"]["code"] <= 22
            assert crime["outcome"]["date"] >= recorded[:10]
    for order in force.orders:
        assert order.get("expires_on", "9999") >= order["made_on"]


def test_a_short_window_still_holds_whole_courses(tmp_path: Path) -> None:
    generate(800, 5, tmp_path, start=date(2025, 3, 1), days=30)
    crimes = read_valid(tmp_path / "crimes.jsonl", "crime")
    assert all("2025-03-01" <= c["recorded_at"] < "2025-03-31" for c in crimes)
    recorded = {c["crime_ref"]: c["recorded_at"] for c in crimes}
    with (tmp_path / "truth.jsonl").open() as handle:
        courses = [row for row in map(json.loads, handle) if row["type"] == "course"]
    assert courses
    for course in courses:
        times = [recorded[ref] for ref in course["crime_refs"]]
        assert len(times) >= 2
        assert times == sorted(times)
