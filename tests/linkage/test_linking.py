import math
from dataclasses import replace

import pytest
from linkage_fixture import TRUTH, mention

from foursight.linkage import (
    LinkageModel,
    LinkageSettings,
    link,
    link_incremental,
    person_id_for,
    train_model,
)
from foursight.linkage.model import MODEL_DESIGN
from foursight.linkage.population import generate


def people(result):
    return sorted(sorted(ids) for ids in result.persons().values())


def expected_people():
    groups = {}
    for mention_id, who in TRUTH.items():
        groups.setdefault(who, []).append(mention_id)
    return sorted(sorted(ids) for ids in groups.values())


def test_links_nicknames_swaps_married_names_and_spellings(mentions, model, settings):
    result = link(mentions, model, settings)
    assert people(result) == expected_people()


def test_edges_explain_which_fields_agreed(mentions, model, settings):
    result = link(mentions, model, settings)
    by_pair = {frozenset((e.left, e.right)): e for e in result.edges}
    swapped = by_pair[frozenset(("R1#0", "R3#0"))]
    assert swapped.agreements["name"] == "forename and surname swapped"
    assert swapped.agreements["dob"] == "day/month transposed"
    assert swapped.agreements["phone"] == "exact"
    assert swapped.agreements["email"] == "no data"
    assert swapped.match_probability >= settings.threshold
    assert math.isfinite(swapped.match_weight)
    nickname = by_pair[frozenset(("R1#0", "R2#0"))]
    assert nickname.agreements["name"].startswith("forename a nickname")
    assert swapped.as_dict()["agreements"]["dob"] == "day/month transposed"


def test_same_person_ref_is_one_person_whatever_the_details(model, settings):
    a = mention("X1", forename="Alice", surname="Brown", dob="1970-01-01", person_ref="N9")
    b = mention("X2", forename="Zed", surname="Quinn", dob="1999-09-09", person_ref="N9")
    c = mention("X3", forename="Zed", surname="Quinn", dob="1999-09-09")
    result = link([a, b, c], model, settings)
    assert result.person_of["X1#0"] == result.person_of["X2#0"] == result.person_of["X3#0"]
    ref_edges = [e for e in result.edges if e.source == "person_ref"]
    assert len(ref_edges) == 1
    assert ref_edges[0].agreements == {"person_ref": "same RMS nominal id"}
    assert ref_edges[0].as_dict()["match_weight"] is None


def test_different_person_refs_can_still_be_one_person(mentions, model, settings):
    refs = {"R1#0": "N1", "R2#0": "N2"}  # a duplicate nominal on the RMS
    with_refs = [replace(m, person_ref=refs.get(m.mention_id)) for m in mentions]
    result = link(with_refs, model, settings)
    assert result.person_of["R1#0"] == result.person_of["R2#0"]


def test_must_link_and_cannot_link_survive_a_rerun(mentions, model, settings):
    first = link(mentions, model, settings)
    assert first.person_of["R1#0"] == first.person_of["R2#0"]
    assert first.person_of["J1#0"] != first.person_of["S1#0"]
    must, cannot = [("J1#0", "S1#0")], [("R1#0", "R2#0")]
    again = link(mentions, model, settings, must_link=must, cannot_link=cannot)
    assert again.person_of["J1#0"] == again.person_of["S1#0"]
    assert again.person_of["R1#0"] != again.person_of["R2#0"]
    # R3 links to both R1 and R2; the cannot-link keeps them apart all the same
    assert any(e.source == "must_link" for e in again.edges)
    # and a later run with the same decisions gives the same people
    rerun = link(list(reversed(mentions)), model, settings, must_link=must, cannot_link=cannot)
    assert rerun.person_of == again.person_of


def test_cannot_link_overrides_person_ref_and_is_flagged(model, settings):
    a = mention("X1", forename="Alice", surname="Brown", person_ref="N9")
    b = mention("X2", forename="Zed", surname="Quinn", person_ref="N9")
    result = link([a, b], model, settings, cannot_link=[("X1#0", "X2#0")])
    assert result.person_of["X1#0"] != result.person_of["X2#0"]
    assert any("staff split them" in r for f in result.flagged for r in f.reasons)


def test_chained_and_oversized_clusters_are_flagged(mentions, model):
    strict = LinkageSettings(max_cluster_size=2, review_match_weight=1000.0)
    result = link(mentions, model, strict)
    flagged = {f.person_id: f for f in result.flagged}
    robert = flagged[result.person_of["R1#0"]]
    assert robert.mention_ids == ("R1#0", "R2#0", "R3#0")
    assert any("more than the 2 expected" in r for r in robert.reasons)
    assert any("weak link" in r for r in robert.reasons)
    assert robert.weakest_match_weight is not None
    # a pair is within the size limit and cannot be a chain, however weak its link
    assert result.person_of["M1#0"] not in flagged


def test_default_settings_trust_the_fixture(mentions, model, settings):
    assert link(mentions, model, settings).flagged == []


def test_person_ids_are_stable_and_depend_on_the_first_mention(mentions, model, settings):
    result = link(mentions, model, settings)
    assert result.person_of["R2#0"] == person_id_for(["R3#0", "R1#0", "R2#0"])
    assert link(list(reversed(mentions)), model, settings).person_of == result.person_of


def test_incremental_assigns_new_mentions_to_existing_people(mentions, model, settings):
    existing = [m for m in mentions if m.mention_id not in {"R3#0", "E3#0"}]
    before = link(existing, model, settings)
    new = [
        next(m for m in mentions if m.mention_id == "R3#0"),
        next(m for m in mentions if m.mention_id == "E3#0"),
        mention("N1", forename="Wendy", surname="Nobody", dob="2001-02-03"),
    ]
    after = link_incremental(new, existing, before.person_of, model, settings)
    assert after.person_of["R3#0"] == before.person_of["R1#0"]
    assert after.person_of["E3#0"] == before.person_of["E1#0"]
    assert after.person_of["N1#0"] not in set(before.person_of.values())
    for mention_id, person in before.person_of.items():
        assert after.person_of[mention_id] == person
    assert {frozenset((e.left, e.right)) for e in after.edges} >= {frozenset(("R1#0", "R3#0"))}


def test_incremental_never_merges_existing_people_but_flags_it(model, settings):
    a = mention("A1", forename="Robert", surname="Smith", dob="1985-03-04")
    b = mention("A2", forename="Robert", surname="Smith", phone="07700900123")
    existing_person_of = {"A1#0": "P-one", "A2#0": "P-two"}
    bridge = mention(
        "A3", forename="Robert", surname="Smith", dob="1985-03-04", phone="07700900123"
    )
    result = link_incremental([bridge], [a, b], existing_person_of, model, settings)
    assert result.person_of["A1#0"] == "P-one"
    assert result.person_of["A2#0"] == "P-two"
    assert result.person_of["A3#0"] in {"P-one", "P-two"}
    assert any("possible duplicate person" in r for f in result.flagged for r in f.reasons)


def test_model_round_trip_gives_the_same_links(mentions, model, settings):
    again = LinkageModel.from_json(model.to_json())
    assert again.version == model.version
    assert again.parameters == model.parameters
    assert again.prior == model.prior
    assert link(mentions, again, settings).person_of == link(mentions, model, settings).person_of


def test_from_json_refuses_another_design(model):
    text = model.to_json().replace(f'"design": "{MODEL_DESIGN}"', '"design": "other/9"')
    with pytest.raises(ValueError, match="retrain"):
        LinkageModel.from_json(text)


def test_train_model_without_labels_on_generated_mentions():
    generated, truth = generate(3000, seed=3)
    settings = LinkageSettings(u_max_pairs=2e5, em_max_pairs=2e5)
    model = train_model(generated, settings)
    assert model.version.startswith(f"{MODEL_DESIGN}+splink")
    assert model.metadata["mentions"] == 3000
    assert 0 < model.prior < 0.01
    exact_name = model.parameters["name"][1]
    assert exact_name.m > exact_name.u
    result = link(generated, model, settings)
    together = sum(1 for e in result.edges if truth[e.left] == truth[e.right]) / max(
        1, len(result.edges)
    )
    assert together > 0.95
