import json
import random
from itertools import combinations

from foursight.evaluation.linkage import apply_ref_policy, keeps_ref, read_truth, run
from foursight.linkage import Mention
from foursight.linkage.metrics import pairwise_counts


def brute_force(predicted, truth):
    tp = pred = act = 0
    for a, b in combinations(sorted(truth), 2):
        same_pred = predicted[a] == predicted[b]
        same_true = truth[a] == truth[b]
        tp += same_pred and same_true
        pred += same_pred
        act += same_true
    return tp, pred, act


def test_contingency_counts_equal_pair_enumeration():
    rng = random.Random(5)
    for _ in range(20):
        items = range(rng.randint(2, 40))
        truth = {i: rng.randint(0, 6) for i in items}
        predicted = {i: rng.randint(0, 6) for i in items}
        counts = pairwise_counts(predicted, truth)
        assert (counts.true_positive, counts.predicted, counts.actual) == brute_force(
            predicted, truth
        )


def test_perfect_and_empty_scores():
    truth = {1: "a", 2: "a", 3: "b"}
    perfect = pairwise_counts({1: "x", 2: "x", 3: "y"}, truth)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    split = pairwise_counts({1: "x", 2: "y", 3: "z"}, truth)
    assert split.recall == 0.0
    assert split.precision == 1.0


def mention(ref):
    return Mention(f"{ref}#0", ref, 0, "crime", "victim", person_ref=f"N-{ref}")


def test_person_ref_policies():
    mentions = [mention(f"C{i}") for i in range(200)]
    assert all(m.person_ref for m in apply_ref_policy(mentions, "keep"))
    assert not any(m.person_ref for m in apply_ref_policy(mentions, "none"))
    half = apply_ref_policy(mentions, "half")
    kept = [m.mention_id for m in half if m.person_ref]
    assert 70 < len(kept) < 130
    assert kept == [m.mention_id for m in apply_ref_policy(mentions, "half") if m.person_ref]
    assert all(keeps_ref(k) for k in kept)


def test_evaluate_linkage_command(tmp_path, capsys):
    people = [
        ("I1", {"forename": "Robert", "surname": "Sample", "dob": "1988-07-12"}),
        ("I1", {"forename": "Bob", "surname": "SAMPLE", "dob": "1988-07-12"}),
        ("I2", {"forename": "Amy", "surname": "Example", "dob": "1990-02-01"}),
        ("I2", {"forename": "Amy", "surname": "Example", "dob": "1990-02-01", "person_ref": "N2"}),
        ("I3", {"forename": "Carl", "surname": "Other", "dob": "1970-05-05"}),
    ]
    crimes, truth = [], []
    for number, (individual, person) in enumerate(people):
        ref = f"C{number}"
        crimes.append(
            {
                "crime_ref": ref,
                "recorded_at": "2025-01-01",
                "classification": "8L",
                "people": [{"role": "victim", **person}],
            }
        )
        truth.append({"type": "mention", "source_ref": ref, "mention": 0, "individual": individual})
    truth.append({"type": "course", "id": "X"})
    (tmp_path / "crimes.jsonl").write_text("".join(json.dumps(c) + "\n" for c in crimes))
    (tmp_path / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth))
    assert len(read_truth(tmp_path / "truth.jsonl")) == 5

    assert run([str(tmp_path / "truth.jsonl"), "--person-refs", "none", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["mentions_scored"] == 5
    assert figures["true_pairs"] == 2
    assert figures["precision"] == 1.0
    assert figures["recall"] == 1.0
    assert figures["mentions_with_person_ref"] == 0

    assert run([str(tmp_path / "truth.jsonl")]) == 0
    assert "precision 1.0000  recall 1.0000" in capsys.readouterr().out
    assert run([str(tmp_path / "missing.jsonl")]) == 1
