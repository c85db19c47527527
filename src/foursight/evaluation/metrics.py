"""Binary classification figures for screening: a confusion table and the rates built on it.

* recall (sensitivity) = TP / (TP + FN): the share of real stalking that is indicated;
* precision = TP / (TP + FP): the share of indications that are real stalking;
* specificity = TN / (TN + FP): the share of non-stalking left quiet;
* false-indication rate = FP / (FP + TN) = 1 - specificity;
* F1 = harmonic mean of precision and recall.

A rate whose denominator is zero is reported as None ("n/a"), never as 0 or 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.tp += 1
        elif expected:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def specificity(self) -> float | None:
        return _ratio(self.tn, self.tn + self.fp)

    @property
    def false_indication_rate(self) -> float | None:
        return _ratio(self.fp, self.fp + self.tn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def figures(self) -> dict[str, float | int | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "recall": self.recall,
            "precision": self.precision,
            "specificity": self.specificity,
            "false_indication_rate": self.false_indication_rate,
            "f1": self.f1,
        }

    def table(self, positive: str = "stalking", negative: str = "not stalking") -> str:
        width = max(len(positive), len(negative), 12)
        head = f"{'':{width}}  {'indicated':>9}  {'not indicated':>13}"
        rows = [
            f"{positive:{width}}  {self.tp:>9}  {self.fn:>13}",
            f"{negative:{width}}  {self.fp:>9}  {self.tn:>13}",
        ]
        return "\n".join([head, *rows])

    def summary(self) -> str:
        return (
            f"recall {fmt(self.recall)}  precision {fmt(self.precision)}  "
            f"specificity {fmt(self.specificity)}  "
            f"false-indication rate {fmt(self.false_indication_rate)}  F1 {fmt(self.f1)}"
        )


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
