"""Evidence beyond the pair: context (co-mentions), name frequency among persons, the guards."""

import random
from dataclasses import replace

import pytest

from foursight.linkage import LinkageSettings, Mention, backend, link, link_incremental, train_model
from foursight.linkage.clustering import ConstrainedUnionFind, Profiles, dobs_compatible
from foursight.linkage.model import gamma_sql, prior_for, splink_settings
from foursight.linkage.population import generate
from foursight.linkage.table import build_table
from foursight.linkage.training import deterministic_recall

JANE = {"dob": "1990-04-12", "phone": "07700 900111", "gender": "F"}
# Big enough that names have real frequencies (the small-file rules do not apply).
SETTINGS = LinkageSettings(min_training_mentions=50)


def person(ref, index, role, forename, surname, **fields):
    return Mention(
        mention_id=f"{ref}#{index}",
        source_ref=ref,
        index=index,
        source_kind="crime",
        role=role,
        forename=forename,
        surname=surname,
        **fields,
    )


def background(n, seed=7):
    """People with invented names, one to a record: what the names are measured against."""
    rng = random.Random(seed)
    syllables = ("ab", "al", "an", "bel", "ben", "dal", "den", "fen", "gar", "kin", "ley", "mar")
    out = []
    for i in range(n):
        out.append(
            person(
                f"B{i}",
                0,
                rng.choice(["victim", "witness", "reporter"]),
                "".join(rng.choice(syllables) for _ in range(2)).title(),
                "".join(rng.choice(syllables) for _ in range(3)).title(),
                dob=f"19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                gender=rng.choice("MF"),
            )
        )
    return out


def john_smith(ref, index=1):
    """A suspect recorded by name alone: John Smith is common here (see mentions())."""
    return person(ref, index, "suspect", "John", "Smith", gender="M")


def mentions():
    course = [
        person("R1", 0, "victim", "Jane", "Doe", **JANE),
        john_smith("R1"),
        person("R2", 0, "victim", "Jane", "Doe", **JANE),
        john_smith("R2"),
    ]
    strangers = [
        person("A1", 0, "victim", "Amy", "Pond", dob="1985-01-02", gender="F"),
        john_smith("A1"),
        person("A2", 0, "victim", "Rose", "Tyler", dob="1986-03-04", gender="F"),
        john_smith("A2"),
    ]
    # Four more John Smiths, each on a record of his own, make the name common.
    others = [john_smith(f"S{i}", 0) for i in range(4)]
    return background(300) + course + strangers + others


def test_same_named_suspects_with_the_same_victim_are_one_person(model):
    result = link(mentions(), model, SETTINGS)
    assert result.person_of["R1#1"] == result.person_of["R2#1"]
    edge = next(e for e in result.edges if {e.left, e.right} == {"R1#1", "R2#1"})
    assert edge.agreements["name"] == "exact"
    victim = result.person_of["R1#0"]
    assert edge.agreements["context"] == f"both records also name {victim} (R1#0 and R2#0)"
    assert edge.match_probability >= SETTINGS.threshold
    assert result.stats["evidence"]["context"]["weight"] > 0


def test_without_context_the_common_name_alone_does_not_link_them(model):
    result = link(mentions(), model, replace(SETTINGS, context=False))
    assert result.person_of["R1#1"] != result.person_of["R2#1"]


def test_same_named_people_with_no_shared_co_mention_stay_apart(model):
    result = link(mentions(), model, SETTINGS)
    assert result.person_of["A1#1"] != result.person_of["A2#1"]
    suspects = {result.person_of[f"S{i}#0"] for i in range(4)}
    assert len(suspects) == 4
    assert result.person_of["R1#1"] not in suspects


def test_incremental_links_a_new_mention_through_its_records_people(model):
    everything = mentions()
    new = [m for m in everything if m.source_ref == "R2"]
    existing = [m for m in everything if m.source_ref != "R2"]
    before = link(existing, model, SETTINGS)
    assert before.person_of["R1#1"] != before.person_of["A1#1"]
    after = link_incremental(new, existing, before.person_of, model, SETTINGS)
    assert after.person_of["R2#0"] == before.person_of["R1#0"]
    assert after.person_of["R2#1"] == before.person_of["R1#1"]
    assert any("context" in e.agreements for e in after.edges if "R2#1" in (e.left, e.right))


def test_staff_decisions_hold_against_context(model):
    split = link(mentions(), model, SETTINGS, cannot_link=[("R1#1", "R2#1")])
    assert split.person_of["R1#1"] != split.person_of["R2#1"]


def test_levels_read_back_from_weights_are_splinks_own(model):
    generated, _ = generate(400, seed=4)
    table = build_table(generated, blocking_key_cap=500)
    db_api = backend.database_api(LinkageSettings())
    sdf = backend.register(db_api, table, "mentions")
    settings = splink_settings(model, prior_for(model, len(generated), 0.01))
    settings.retain_matching_columns = True
    linker = backend.make_linker(sdf, settings)
    linker.table_management.compute_tf_table("full_name")
    for column in ("name_sx", "init_sn"):
        linker.table_management.compute_tf_table(column)
    predictions = linker.inference.predict(warning_mode="never")
    cases = gamma_sql(model)
    checks = " OR ".join(f"({sql}) <> gamma_{name}" for name, sql in cases.items())
    con = db_api.duckdb_con
    rows, wrong = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {checks}) FROM {predictions.physical_name}"  # noqa: S608
    ).fetchall()[0]
    assert rows > 100
    assert wrong == 0


def test_dates_of_birth_that_a_slip_explains():
    assert dobs_compatible("1985-03-04", "1985-03-04")
    assert dobs_compatible("1985-03-04", "1985-04-03")  # day and month transposed
    assert dobs_compatible("1985-03-04", "1985-03-05")  # one digit
    assert dobs_compatible("1985-03-14", "1985-03-41")  # two digits swapped
    assert not dobs_compatible("1985-03-04", "1962-09-30")
    assert dobs_compatible("1990-03-19", "1989-03-19")  # the year one out (from an age)
    assert not dobs_compatible("1990-03-19", "1988-03-19")


def test_a_weak_link_does_not_join_persons_whose_dates_of_birth_conflict():
    dobs = ["1985-03-04", None, "1962-09-30"]
    uf = ConstrainedUnionFind(3, Profiles(dobs, [None] * 3), guard_weight=10.0)
    assert uf.union(0, 1, 3.0, "model")  # a name-only mention joins the first person
    assert not uf.union(1, 2, 3.0, "model")  # and cannot bridge it to a namesake
    assert uf.log.refused_by_conflict == 1
    assert uf.union(1, 2, 12.0, "model")  # strong evidence overrides the guard
    assert uf.find(0) == uf.find(2)


def test_a_link_lifted_by_popularity_alone_must_not_join_different_phones():
    phones = ["+447700900001", None, "+447700900002"]
    profiles = Profiles([None] * 3, [None] * 3, phones)
    uf = ConstrainedUnionFind(3, profiles.copy(), guard_weight=10.0)
    assert uf.union(0, 1, 3.0, "model", lifted=True)
    assert uf.union(1, 2, 3.0, "model")  # a model link may: people change phones
    other = ConstrainedUnionFind(3, profiles.copy(), guard_weight=10.0)
    assert other.union(0, 1, 3.0, "model", lifted=True)
    assert not other.union(1, 2, 3.0, "model", lifted=True)


def test_prior_recall_is_measured_on_shared_person_refs():
    generated, _ = generate(3000, seed=3, ref_rate=0.5)
    table = build_table(generated, blocking_key_cap=500)
    measured = deterministic_recall(generated, table, LinkageSettings())
    assert measured["source"] == "person_refs"
    assert measured["ref_pairs"] >= 100
    assert 0.05 < measured["recall"] < 0.95
    no_refs = [replace(m, person_ref=None) for m in generated]
    assert deterministic_recall(no_refs, table, LinkageSettings())["source"] == "assumed"


@pytest.mark.parametrize("evidence_rounds", [0, 3])
def test_evidence_can_be_turned_off_and_changes_nothing_certain(model, evidence_rounds):
    settings = replace(SETTINGS, evidence_rounds=evidence_rounds)
    result = link(mentions(), model, settings)
    assert result.person_of["R1#0"] == result.person_of["R2#0"]
    assert result.person_of["A1#1"] != result.person_of["A2#1"]


def test_trained_model_records_how_the_prior_was_estimated():
    generated, _ = generate(2500, seed=5, ref_rate=0.3)
    model = train_model(generated, LinkageSettings(u_max_pairs=2e5, em_max_pairs=2e5))
    assert model.metadata["prior_recall"]["source"] == "person_refs"


def test_two_mentions_tied_to_no_one_else_are_not_one_person_on_a_name_alone(model):
    lone = [person(f"L{i}", 0, "witness", "Ada", "Lovelace", gender="F") for i in (1, 2)]
    found = background(1000) + lone
    on = link(found, model, SETTINGS)
    assert on.person_of["L1#0"] != on.person_of["L2#0"]
    assert on.stats["evidence"]["demoted"] >= 1
    off = link(found, model, replace(SETTINGS, lone_pairs=False))
    assert off.person_of["L1#0"] == off.person_of["L2#0"]
    # A date of birth in common is more than a name: the pair stands.
    dated = [replace(m, dob="1971-05-06") for m in lone]
    kept = link(background(1000) + dated, model, SETTINGS)
    assert kept.person_of["L1#0"] == kept.person_of["L2#0"]


def test_the_same_part_in_the_same_kind_of_crime_is_its_own_level(model):
    pair = [
        person(f"K{i}", 0, "suspect", "Ada", "Lovelace", gender="F", record_kind=kind)
        for i, kind in ((1, "46"), (2, "46"), (3, "8L"))
    ]
    result = link(background(300) + pair, model, replace(SETTINGS, evidence_rounds=0))
    roles = {(e.left, e.right): e.agreements.get("role") for e in result.edges}
    assert roles.get(("K1#0", "K2#0")) == "same part in the same kind of crime"
