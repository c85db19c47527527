"""The Screener: narrative analysis plus course of conduct, one result per crime record."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .catalogue import PURSUIT
from .config import ScreeningConfig
from .decision import Evidence, decide
from .narrative import Finding, NarrativeAnalyser, NarrativeFindings
from .series import link_records

# Conduct that, reported by one victim without a named suspect, may still be one course of
# conduct: contact, gifts, publishing and surveillance (not burglary or damage, which are
# usually unrelated crimes by strangers).
ANONYMOUS_CONDUCT = PURSUIT | {"B06", "B08", "B09", "B11", "B12", "B21", "B22", "B24"}

_GENDER = {"f": "f", "female": "f", "woman": "f", "m": "m", "male": "m", "man": "m"}


class Screener:
    """Screens crime records for hidden stalking.

    ``scan(text)`` analyses one narrative; ``screen(crimes, orders, person_ids)`` returns one
    result dict per crime record, in input order, valid against the screening-result schema.
    """

    def __init__(self, config: ScreeningConfig | None = None) -> None:
        self.config = config or ScreeningConfig()
        self.analyser = NarrativeAnalyser(fuzzy=self.config.fuzzy_spelling)

    def scan(self, text: str) -> NarrativeFindings:
        return self.analyser.scan(text)

    def screen(
        self,
        crimes: Sequence[dict[str, Any]],
        orders: Sequence[dict[str, Any]] = (),
        person_ids: Mapping[tuple[str, int], str] | None = None,
        *,
        progress: Callable[[int], object] | None = None,
    ) -> list[dict[str, Any]]:
        """One result per crime record, in input order.

        ``person_ids`` maps (crime_ref or order_ref, mention index) to a person id from linkage
        (for an order the subject is index 0 and protected people follow from 1). Without it the
        RMS ``person_ref`` is used, and otherwise each mention is its own person. ``progress``
        is called with 1 after each narrative is analysed.
        """
        findings: list[NarrativeFindings] = []
        for crime in crimes:
            findings.append(self._scan_record(crime))
            if progress is not None:
                progress(1)
        anonymous = {
            index
            for index, found in enumerate(findings)
            if found.codes(current_only=True) & ANONYMOUS_CONDUCT
            and not found.signal("FRAUD")
            and not found.signal("PROPERTY_CRIME")
        }
        linked = link_records(crimes, orders, person_ids, self.config.series_window_days, anonymous)
        # the first dispute signals in each series, found once per series rather than once per
        # record (a long series would otherwise be read over again for each of its records)
        series_disputes: dict[str, list[Finding]] = {}
        results: list[dict[str, Any]] = []
        for index, crime in enumerate(crimes):
            link = linked[index]
            series_findings: list[NarrativeFindings] = []
            series_refs: list[str] = []
            dispute = findings[index].signal("DISPUTE")
            if link.series is not None:
                series_refs = link.series.crime_refs(crimes)
                series_findings = [findings[i] for i in link.series.indexes if i != index]
                if not dispute:
                    key = link.series.series_id
                    if key not in series_disputes:
                        signals = (findings[i].signal("DISPUTE") for i in link.series.indexes)
                        series_disputes[key] = next((found for found in signals if found), [])
                    dispute = series_disputes[key]
            evidence = Evidence(crime, findings[index], link, series_findings, series_refs, dispute)
            results.append(decide(evidence, self.config))
        return results

    def _scan_record(self, crime: Mapping[str, Any]) -> NarrativeFindings:
        names: dict[str, str] = {}
        genders: dict[str, str] = {}
        for person in crime.get("people") or ():
            role = person.get("role")
            if role not in ("suspect", "victim"):
                continue
            for key in ("forename", "surname"):
                value = str(person.get(key) or "").strip().lower()
                if len(value) > 1:
                    names[value] = role
            gender = _GENDER.get(str(person.get("gender") or "").strip().lower())
            if gender:
                genders[role] = gender
        return self.analyser.scan(
            str(crime.get("narrative") or ""), names=names or None, genders=genders or None
        )
