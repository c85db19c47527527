"""Which pairs blocking puts before the model: a weak key pairs only plausible dates of birth."""

from __future__ import annotations

import pytest
from linkage_fixture import mention

from foursight.linkage.model import DOB_COULD_MATCH, blocking_rules
from foursight.linkage.scoring import Scoring
from foursight.linkage.table import BLOCKING_KEYS, DOB_GUARDED_KEYS


def candidate_pairs(mentions, model, settings) -> set[tuple[int, int]]:
    scoring = Scoring(mentions, model, settings)
    try:
        found = scoring.candidates(min_weight=-1e9)
    finally:
        scoring.close()
    return set(zip(found.column("l").to_pylist(), found.column("r").to_pylist(), strict=True))


def shared_phone(dob_a: str | None, dob_b: str | None):
    # different names and addresses: only the phone number brings these two together
    return [
        mention("P1", forename="Alan", surname="Jones", dob=dob_a, phone="07700 900555"),
        mention("P2", forename="Zara", surname="Patel", dob=dob_b, phone="07700 900555"),
    ]


@pytest.mark.parametrize(
    ("dob_a", "dob_b", "paired"),
    [
        ("1980-01-02", "1995-07-30", False),  # strangers born years apart
        ("1980-01-02", None, True),  # one date missing: the phone must decide
        ("1980-01-02", "1980-11-20", True),  # within a year
        ("1980-01-02", "1990-01-02", True),  # a slip in the year: the same day and month
        ("1980-01-02", "1980-02-01", True),  # day and month transposed
    ],
)
def test_a_shared_phone_pairs_only_dates_of_birth_that_could_agree(
    model, settings, dob_a, dob_b, paired
):
    pairs = candidate_pairs(shared_phone(dob_a, dob_b), model, settings)
    assert ((0, 1) in pairs) is paired


def test_strong_keys_pair_whatever_the_dates_of_birth(model, settings):
    # the same name: a namesake or a wrong date, for the model to weigh
    mentions = [
        mention("N1", forename="Alan", surname="Jones", dob="1980-01-02"),
        mention("N2", forename="Alan", surname="Jones", dob="1995-07-30"),
    ]
    assert (0, 1) in candidate_pairs(mentions, model, settings)


def test_only_the_weak_keys_carry_the_guard():
    sql = [rule.get_blocking_rule("duckdb").blocking_rule_sql for rule in blocking_rules()]
    for key, rule_sql in zip(BLOCKING_KEYS, sql, strict=False):
        assert (DOB_COULD_MATCH in rule_sql) is (key in DOB_GUARDED_KEYS)
    assert BLOCKING_KEYS.keys() >= DOB_GUARDED_KEYS
