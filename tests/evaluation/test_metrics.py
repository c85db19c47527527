from __future__ import annotations

from foursight.evaluation.metrics import Confusion, fmt


def test_rates():
    conf = Confusion()
    for expected, predicted in (
        [(True, True)] * 9 + [(True, False)] + [(False, True)] + [(False, False)] * 9
    ):
        conf.add(expected, predicted)
    assert (conf.tp, conf.fn, conf.fp, conf.tn) == (9, 1, 1, 9)
    assert conf.recall == 0.9
    assert conf.precision == 0.9
    assert conf.specificity == 0.9
    assert conf.false_indication_rate == conf.fp / (conf.fp + conf.tn)
    assert "indicated" in conf.table()


def test_empty_denominators_are_not_numbers():
    conf = Confusion()
    assert conf.recall is None and conf.precision is None and conf.f1 is None
    assert fmt(conf.recall) == "n/a"
