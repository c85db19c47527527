"""Screening configuration: windows, thresholds and class/flag lists (configuration, not constants).

Forces label offences differently and the law keeps changing (recording-rules.md section 1), so
the class codes, flags and dates the engine relies on live here and can be overridden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ScreeningConfig:
    # Course of conduct: consecutive incidents for the same suspect and victim no more than this
    # many days apart belong to one series.
    series_window_days: int = 365
    # Decision thresholds on the 0..1 score. At or above ``indicate_at`` stalking is indicated;
    # at or above ``high_at`` the band is "high"; between ``review_at`` and ``indicate_at`` the
    # band is "review" (a person should look, but it is not counted as an indication).
    indicate_at: float = 0.5
    high_at: float = 0.8
    review_at: float = 0.35
    # Points at which the score crosses 0.5, and how steeply it rises around that point.
    points_midpoint: float = 2.5
    points_slope: float = 1.0
    # Since April 2020 an ex-partner course of conduct is recorded as stalking unless it is shown
    # to be harassment only (recording-rules.md section 2).
    ex_partner_rule_from: date = date(2020, 4, 1)
    # Classes whose records are already stalking: reported, never "hidden".
    stalking_classes: frozenset[str] = frozenset({"8Q", "195/12", "8/65", "8/66"})
    # Classes that are breaches of protective orders (force codes vary: configure them here).
    breach_classes: frozenset[str] = frozenset(
        {"8L-breach", "breach_restraining_order", "breach_nmo", "breach_spo"}
    )
    breach_flags: frozenset[str] = frozenset({"breach_of_order"})
    domestic_flags: frozenset[str] = frozenset({"domestic_abuse"})
    # Controlling or coercive behaviour: the class, and relationships where it can apply.
    ccb_classes: frozenset[str] = frozenset({"8U", "8/67"})
    ccb_relationships: frozenset[str] = frozenset({"current_partner", "family"})
    harassment_classes: frozenset[str] = frozenset({"8L", "8M"})
    # Relationships that count as a former intimate partner for the April 2020 rule.
    ex_partner_relationships: frozenset[str] = frozenset({"ex_partner"})
    # Use the typing-slip speller for unknown words ("harrassed", "folowed", "recieved").
    fuzzy_spelling: bool = True
    # Maximum evidence quotes per behaviour in reasons.
    quotes_per_reason: int = 2
    extra: dict[str, object] = field(default_factory=dict)
