"""The truth file: complete, consistent with the records and orders, and worth scoring against."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .conftest import RECORDS, Force


def _sources(force: Force) -> dict[str, list[dict[str, Any]]]:
    """source ref -> its people in mention order (an order: subject, then protected)."""
    out = {c["crime_ref"]: c.get("people", []) for c in force.crimes}
    for order in force.orders:
        out[order["order_ref"]] = [order["subject"], *order.get("protected", [])]
    return out


def _individual_of(force: Force) -> dict[tuple[str, int], str]:
    return {(m["source_ref"], m["mention"]): m["individual"] for m in force.of_type("mention")}


def test_every_record_has_exactly_one_record_line(force: Force) -> None:
    lines = Counter(r["crime_ref"] for r in force.of_type("record"))
    refs = {c["crime_ref"] for c in force.crimes}
    assert set(lines) == refs
    assert set(lines.values()) == {1}


def test_every_mention_has_exactly_one_truth_line(force: Force) -> None:
    sources = _sources(force)
    keys = Counter((m["source_ref"], m["mention"]) for m in force.of_type("mention"))
    assert set(keys.values()) == {1}
    expected = {(ref, i) for ref, people in sources.items() for i in range(len(people))}
    assert set(keys) == expected
    assert all(m["individual"].startswith("I") for m in force.of_type("mention"))


def test_courses_refer_to_real_records_in_date_order(force: Force) -> None:
    by_ref = {c["crime_ref"]: c for c in force.crimes}
    orders = {o["order_ref"] for o in force.orders}
    records = {r["crime_ref"]: r for r in force.of_type("record")}
    courses = force.of_type("course")
    assert courses
    for course in courses:
        refs = course["crime_refs"]
        assert len(refs) >= 2
        assert all(ref in by_ref for ref in refs)
        times = [by_ref[ref]["recorded_at"] for ref in refs]
        assert times == sorted(times)
        assert all(records[ref]["course_id"] == course["course_id"] for ref in refs)
        assert all(ref in orders for ref in course["order_refs"])
        assert course["stalking"] == (course["kind"] == "stalking")
    members = defaultdict(set)
    for record in records.values():
        if record["course_id"] is not None:
            members[record["course_id"]].add(record["crime_ref"])
    assert {c["course_id"]: set(c["crime_refs"]) for c in courses} == dict(members)


def test_stalking_courses_show_at_least_two_four_elements(force: Force) -> None:
    for course in force.of_type("course"):
        assert set(course["four"]) <= {"fixated", "obsessive", "unwanted", "repeated"}
        assert "repeated" in course["four"]
        assert course["behaviours"]
        if course["stalking"]:
            assert len(course["four"]) >= 2, course


def test_record_labels_follow_their_course(force: Force) -> None:
    kinds = {c["course_id"]: c["stalking"] for c in force.of_type("course")}
    for record in force.of_type("record"):
        if record["course_id"] is None:
            assert record["stalking"] is False
            assert record["category"] in ("one_off", "background")
        else:
            assert record["stalking"] == kinds[record["course_id"]]
            expected = "stalking_course" if record["stalking"] else "harassment_dispute"
            assert record["category"] == expected


def test_course_victim_is_on_every_record_of_the_course(force: Force) -> None:
    individual = _individual_of(force)
    people = _sources(force)
    for course in force.of_type("course"):
        for ref in course["crime_refs"]:
            on_record = {individual[(ref, i)] for i in range(len(people[ref]))}
            assert course["victim"] in on_record
            # the suspect may be unknown at first (a stranger, an anonymous account)
        named = sum(
            course["suspect"] in {individual[(ref, i)] for i in range(len(people[ref]))}
            for ref in course["crime_refs"]
        )
        assert named >= 1 or course["relationship"] in ("stranger", "online_only")


def test_breach_records_point_to_the_course_order(force: Force) -> None:
    individual = _individual_of(force)
    orders = {o["order_ref"]: o for o in force.orders}
    records = {r["crime_ref"]: r for r in force.of_type("record")}
    courses = {c["course_id"]: c for c in force.of_type("course")}
    breaches = [c for c in force.crimes if c.get("order_refs")]
    assert breaches
    for crime in breaches:
        assert "breach_of_order" in crime["flags"]
        course = courses[records[crime["crime_ref"]]["course_id"]]
        for ref in crime["order_refs"]:
            order = orders[ref]
            assert ref in course["order_refs"]
            assert individual[(ref, 0)] == course["suspect"]
            protected = {individual[(ref, i)] for i in range(1, 1 + len(order["protected"]))}
            assert course["victim"] in protected
            assert order["made_on"] <= crime["recorded_at"][:10]


def test_a_nominal_id_never_names_two_individuals(force: Force) -> None:
    individual = _individual_of(force)
    owners: dict[str, set[str]] = defaultdict(set)
    ids_of: dict[str, set[str]] = defaultdict(set)
    for ref, people in _sources(force).items():
        for i, person in enumerate(people):
            if "person_ref" in person:
                owners[person["person_ref"]].add(individual[(ref, i)])
                ids_of[individual[(ref, i)]].add(person["person_ref"])
    assert owners
    assert all(len(who) == 1 for who in owners.values())
    # the RMS flaw the other way round: one person entered twice (duplicate nominals)
    assert any(len(refs) == 2 for refs in ids_of.values())
    share = force.summary["person_ref_share"]
    assert 0.4 < share < 0.6


def test_the_same_person_is_written_differently(force: Force) -> None:
    individual = _individual_of(force)
    seen: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ref, people in _sources(force).items():
        for i, person in enumerate(people):
            seen[individual[(ref, i)]].append(person)
    repeated = {who: mentions for who, mentions in seen.items() if len(mentions) >= 2}
    assert len(repeated) >= 50

    def varies(mentions: list[dict[str, Any]]) -> bool:
        for field in ("forename", "surname", "dob", "address", "postcode", "phone"):
            values = {m[field] for m in mentions if field in m}
            if len(values) > 1:
                return True
        return False

    names = [
        ms
        for ms in repeated.values()
        if len({(m.get("forename"), m.get("surname")) for m in ms}) > 1
    ]
    assert len(names) / len(repeated) > 0.3
    assert sum(varies(ms) for ms in repeated.values()) / len(repeated) > 0.5


def test_category_mix_is_believable(force: Force) -> None:
    categories = Counter(r["category"] for r in force.of_type("record"))
    assert sum(categories.values()) == RECORDS
    assert 0.8 <= categories["background"] / RECORDS <= 0.9
    assert categories["stalking_course"] / RECORDS > 0.04
    assert categories["harassment_dispute"] > 0
    assert categories["one_off"] > 0
    stalking = force.summary["stalking_records"]
    assert stalking["recorded_as_8Q"] > 0
    assert stalking["hidden_under_other_classes"] > stalking["recorded_as_8Q"]
    kinds = Counter(c["kind"] for c in force.of_type("course"))
    assert kinds["stalking"] > 0
    assert kinds["harassment_not_stalking"] > 0


def test_stalking_records_use_many_classes_and_flags(force: Force) -> None:
    stalking = {r["crime_ref"] for r in force.of_type("record") if r["stalking"]}
    crimes = [c for c in force.crimes if c["crime_ref"] in stalking]
    classes = Counter(c["classification"] for c in crimes)
    assert {"8Q", "8L", "8R"} <= set(classes)
    assert len(classes) >= 5
    assert any("8Q" in c["included_classifications"] for c in crimes)
    flags = Counter(f for c in crimes for f in c["flags"])
    assert flags["domestic_abuse"] and flags["online"] and flags["breach_of_order"]


def test_later_reports_can_refer_to_earlier_ones(force: Force) -> None:
    by_ref = {c["crime_ref"]: c for c in force.crimes}
    mentions = 0
    for course in force.of_type("course"):
        if not course["stalking"]:
            continue
        first = course["crime_refs"][0]
        for ref in course["crime_refs"][1:]:
            mentions += first in by_ref[ref]["narrative"] or any(
                earlier in by_ref[ref]["narrative"] for earlier in course["crime_refs"]
            )
    assert mentions > 0
