"""The Screener: narrative analysis plus course of conduct, one result per crime record."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .catalogue import PURSUIT
from .config import ScreeningConfig
from .decision import Evidence, decide
from .narrative import Finding, NarrativeAnalyser, NarrativeFindings
from .series import Linked, link_records

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
        findings: Sequence[NarrativeFindings] | None = None,
    ) -> list[dict[str, Any]]:
        """One result per crime record, in input order.

        ``person_ids`` maps (crime_ref or order_ref, mention index) to a person id from linkage
        (for an order the subject is index 0 and protected people follow from 1). Without it the
        RMS ``person_ref`` is used, and otherwise each mention is its own person. ``progress``
        is called with 1 after each narrative is analysed. ``findings`` are the narratives'
        findings when they were read already (``scan_records``, or worker processes).
        """
        if findings is None:
            findings = self.scan_records(crimes, progress=progress)
        decisions = self.decisions(crimes, orders, person_ids, findings)
        return [decisions.result(index) for index in range(len(crimes))]

    def decisions(
        self,
        crimes: Sequence[Mapping[str, Any]],
        orders: Sequence[Mapping[str, Any]],
        person_ids: Mapping[tuple[str, int], str] | None,
        findings: Sequence[NarrativeFindings],
    ) -> Decisions:
        """The records' courses of conduct, ready to decide each record (``result(index)``)."""
        if len(findings) != len(crimes):
            raise ValueError(f"{len(findings)} findings for {len(crimes)} records")
        anonymous = {
            index
            for index, found in enumerate(findings)
            if found.codes(current_only=True) & ANONYMOUS_CONDUCT
            and not found.signal("FRAUD")
            and not found.signal("PROPERTY_CRIME")
        }
        linked = link_records(crimes, orders, person_ids, self.config.series_window_days, anonymous)
        return Decisions(crimes, findings, linked, self.config)

    def scan_records(
        self,
        crimes: Iterable[Mapping[str, Any]],
        *,
        progress: Callable[[int], object] | None = None,
    ) -> list[NarrativeFindings]:
        """Each record's narrative findings, in order (one process; see parallel.py for more)."""
        return self.scan_inputs(map(scan_input, crimes), progress=progress)

    def scan_inputs(
        self,
        inputs: Iterable[ScanInput],
        *,
        progress: Callable[[int], object] | None = None,
    ) -> list[NarrativeFindings]:
        """The findings for each ``scan_input``, in order; ``progress`` is told after each."""
        scan = self.analyser.scan
        findings: list[NarrativeFindings] = []
        for text, names, genders in inputs:
            findings.append(scan(text, names, genders))
            if progress is not None:
                progress(1)
        return findings


# What reading one record's narrative needs: its text, the names of its suspect and victim
# (lower case, -> role) and their genders (role -> "f"/"m"), each None when there are none.
ScanInput = tuple[str, dict[str, str] | None, dict[str, str] | None]


def scan_input(crime: Mapping[str, Any]) -> ScanInput:
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
    return str(crime.get("narrative") or ""), names or None, genders or None


class Decisions:
    """Each record's decision, from its findings and the series it belongs to."""

    def __init__(
        self,
        crimes: Sequence[Mapping[str, Any]],
        findings: Sequence[NarrativeFindings],
        linked: Sequence[Linked],
        config: ScreeningConfig,
    ) -> None:
        self.crimes = crimes
        self.findings = findings
        self.linked = linked
        self.config = config
        # the first dispute signals in each series, found once per series rather than once per
        # record (a long series would otherwise be read over again for each of its records)
        self._series_disputes: dict[str, list[Finding]] = {}

    def __len__(self) -> int:
        return len(self.crimes)

    def result(self, index: int) -> dict[str, Any]:
        findings = self.findings
        link = self.linked[index]
        series_findings: list[NarrativeFindings] = []
        series_refs: list[str] = []
        dispute = findings[index].signal("DISPUTE")
        if link.series is not None:
            series_refs = link.series.crime_refs(self.crimes)
            series_findings = [findings[i] for i in link.series.indexes if i != index]
            if not dispute:
                key = link.series.series_id
                if key not in self._series_disputes:
                    signals = (findings[i].signal("DISPUTE") for i in link.series.indexes)
                    self._series_disputes[key] = next((found for found in signals if found), [])
                dispute = self._series_disputes[key]
        evidence = Evidence(
            self.crimes[index], findings[index], link, series_findings, series_refs, dispute
        )
        return decide(evidence, self.config)
