"""Search crime records by classification (principal or included), flag, person, dates and text.

The one query behind the search page, its CSV export and the API. Access rules (restricted
records, partner advocates) are applied by the caller through ``policy.visible_records``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from rapidfuzz import fuzz

from foursight.people.models import PersonMention
from foursight.people.namekeys import name_parts, phonetic_keys

from .models import CrimeRecord, LabelKind, RecordLabel
from .reference import Reference

LONDON = ZoneInfo("Europe/London")
PERSON_MATCH_THRESHOLD = 75
MAX_PERSON_CANDIDATES = 20_000

SORTS = {
    "recorded": "recorded_at",
    "-recorded": "-recorded_at",
    "ref": "crime_ref",
    "-ref": "-crime_ref",
    "class": "principal_class",
    "-class": "-principal_class",
}


@dataclass
class SearchParams:
    classification: str = ""
    flag: str = ""
    person: str = ""
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    sort: str = "-recorded"

    def is_empty(self) -> bool:
        return not any(
            (self.classification, self.flag, self.person, self.date_from, self.date_to, self.text)
        )

    def as_detail(self) -> dict[str, Any]:
        """The filters as plain data, for audit entries and links."""
        return {k: str(v) for k, v in self.__dict__.items() if v not in ("", None)}


@dataclass
class SearchOutcome:
    records: QuerySet[CrimeRecord]
    searched_class: str = ""
    person_scores: dict[int, int] = field(default_factory=dict)


def search(records: QuerySet[CrimeRecord], params: SearchParams, ref: Reference) -> SearchOutcome:
    outcome = SearchOutcome(records=records)
    qs = records
    if params.classification:
        code = ref.class_for_search(params.classification)
        outcome.searched_class = code
        # An uncorrelated IN (...) lets the database read the label index once, not per record.
        included = RecordLabel.objects.filter(
            kind=LabelKind.CLASS, resolved_class=code, removed=False
        ).values("record_id")
        qs = qs.filter(Q(principal_class=code) | Q(pk__in=included)).annotate(
            class_match=Case(
                When(principal_class=code, then=Value("principal")),
                default=Value("included"),
                output_field=CharField(),
            )
        )
    if params.flag:
        flagged = RecordLabel.objects.filter(
            kind=LabelKind.FLAG, code=params.flag, removed=False
        ).values("record_id")
        qs = qs.filter(pk__in=flagged)
    if params.date_from:
        qs = qs.filter(recorded_at__gte=datetime.combine(params.date_from, time.min, LONDON))
    if params.date_to:
        end = datetime.combine(params.date_to + timedelta(days=1), time.min, LONDON)
        qs = qs.filter(recorded_at__lt=end)
    if params.text.strip():
        qs = qs.filter(_fulltext(params.text))
    if params.person.strip():
        scores = person_matches(params.person)
        outcome.person_scores = scores
        qs = qs.filter(pk__in=list(scores))
    outcome.records = qs.order_by(SORTS.get(params.sort, "-recorded_at"), "pk")
    return outcome


def _fulltext(text: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(
            pk__in=RawSQL(
                "SELECT id FROM records_crimerecord WHERE to_tsvector('english', narrative)"
                " @@ websearch_to_tsquery('english', %s)",
                [text],
            )
        )
    return Q(
        pk__in=RawSQL(
            "SELECT rowid FROM records_narrative_fts WHERE records_narrative_fts MATCH %s",
            [fts5_query(text)],
        )
    )


_WORD = re.compile(r"[\w']+")


def fts5_query(text: str) -> str:
    """Words (and "quoted phrases") as FTS5 string literals, all required: no syntax injection."""
    terms: list[str] = []
    for phrase, word in re.findall(r'"([^"]+)"|([\w\']+)', text):
        words = _WORD.findall(phrase) if phrase else [word]
        if words:
            terms.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
    return " ".join(terms) or '""'


def person_matches(query: str) -> dict[int, int]:
    """Record ids whose people resemble the name searched for, with the best similarity (0-100).

    Candidates share a phonetic key with any part of the name ("Smyth" finds "Smith"; forename
    and surname in either order). Each part searched for is then scored against the closest part
    of the candidate's name (100 when they sound alike, else edit similarity), so a typo
    ("Jonh Smtih") or a surname alone still finds "John Smith".
    """
    wanted = list(zip(name_parts(query), phonetic_keys(query), strict=True))
    if not wanted:
        return {}
    any_key = Q()
    for _, key in wanted:
        any_key |= Q(name_keys__contains=f" {key} ")
    candidates = PersonMention.objects.filter(any_key, record__isnull=False).values_list(
        "record_id", "forename", "surname"
    )[:MAX_PERSON_CANDIDATES]
    best: dict[int, int] = {}
    for record_id, forename, surname in candidates:
        score = name_similarity(wanted, forename, surname)
        if score >= PERSON_MATCH_THRESHOLD and score > best.get(record_id, 0):
            best[record_id] = score
    return best


def name_similarity(wanted: list[tuple[str, str]], forename: str, surname: str) -> int:
    parts = list(zip(name_parts(forename, surname), phonetic_keys(forename, surname), strict=True))
    if not parts:
        return 0
    total = 0.0
    for part, key in wanted:
        total += max(100.0 if key == k else fuzz.ratio(part, p) for p, k in parts)
    return int(total / len(wanted))
