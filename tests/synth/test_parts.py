"""The generator's parts: phrase grammar, nominal ids, people, command line, benchmark."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from foursight.exchange import read_valid
from foursight.synth import benchmark, grammar, phrases_course, phrases_dispute, phrases_other
from foursight.synth.cli import run
from foursight.synth.people import DETAIL, Nominals, make_individual, write_mention
from foursight.synth.render import ORDER_LINES, SPARSE_LINES
from foursight.synth.voice import SLOTS


def _templates() -> list[str]:
    found: list[str] = []
    for _, templates in phrases_course.BEHAVIOURS.values():
        found.extend(templates)
    for _, templates in phrases_course.SIGNALS.values():
        found.extend(templates)
    for group in (
        phrases_course.HISTORY,
        phrases_course.POLICE,
        phrases_course.TRAPS,
        phrases_course.PARTNER_TRAPS,
        ORDER_LINES,
    ):
        found.extend(group)
    for group in (
        *phrases_course.BEGINNINGS.values(),
        *phrases_course.IMPACTS.values(),
        *SPARSE_LINES.values(),
    ):
        found.extend(group)
    for theme in phrases_dispute.THEMES.values():
        found.extend(theme["context"])
        found.extend(act[2] for act in theme["acts"])
    found.extend(phrases_dispute.DISPUTE_NOTES + phrases_dispute.DISPUTE_POLICE)
    for spec in phrases_other.BACKGROUND.values():
        for opening, details in spec["scenarios"]:
            found.append(opening)
            found.extend(details)
        found.extend(spec["detail"])
        found.extend(spec["enquiry"])
    for one_off in phrases_other.ONE_OFFS.values():
        found.extend(one_off["text"])
    return found


def test_every_template_compiles_and_every_slot_exists() -> None:
    templates = _templates()
    assert len(templates) > 250
    for template in templates:
        missing = grammar.slot_names(grammar.compile_template(template)) - set(SLOTS)
        assert not missing, (template, missing)


def test_grammar_choices_and_options() -> None:
    rng = random.Random(1)
    seen = {grammar.render("a [b|c [d|e]] <f>", rng, {}, None) for _ in range(200)}
    assert seen == {"a b ", "a b f", "a c d ", "a c d f", "a c e ", "a c e f"}
    with pytest.raises(ValueError, match="unclosed"):
        grammar.compile_template("[a|b")


def test_nominal_ids_are_unique_and_duplicates_never_collide() -> None:
    nominals = Nominals("WX", 50_000, seed=3)
    primary = {nominals.primary(i) for i in range(50_000)}
    duplicate = {nominals.duplicate(i) for i in range(50_000)}
    assert len(primary) == len(duplicate) == 50_000
    assert not primary & duplicate
    assert all(len(n) == len("WX-N0012345") for n in list(primary)[:100])


def test_mentions_vary_but_stay_plausible() -> None:
    rng = random.Random(5)
    person = make_individual(rng, 1, date(2025, 1, 1))
    mentions = [
        write_mention(
            rng,
            person,
            date(2025, 6, 1).toordinal(),
            "WX-N0000001",
            role="victim",
            detail=DETAIL["victim"],
            ref_rate=0.5,
        )
        for _ in range(300)
    ]
    forenames = {m.get("forename") for m in mentions}
    assert len(forenames) > 2
    assert sum("person_ref" in m for m in mentions) in range(100, 200)
    assert all(m["role"] == "victim" for m in mentions)


def test_command_line_writes_files_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["--records", "250", "--seed", "2", "--out", str(tmp_path), "--quiet"])
    assert code == 0
    assert len(read_valid(tmp_path / "crimes.jsonl", "crime")) == 250
    out = capsys.readouterr().out
    assert "Wrote 250 crime records" in out
    assert "Stalking records" in out


def test_command_line_rejects_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--records", "10"]) != 0
    assert run(["--records", "-5", "--seed", "1", "--out", str(tmp_path)]) != 0
    assert (
        run(["--records", "5", "--seed", "1", "--out", str(tmp_path), "--person-ref-rate", "2"])
        != 0
    )
    capsys.readouterr()


def test_benchmark_reports_speed() -> None:
    figures = benchmark(records=300, seed=2)
    assert figures["records"] == 300
    assert figures["seconds"] > 0
    assert figures["records_per_second"] > 0
    assert figures["bytes"]["crimes.jsonl"] > 0
