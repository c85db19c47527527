"""Linking the people in the database: the Django side of the pure ``foursight.linkage`` engine.

Loads mentions, runs the engine (all mentions, or only new ones against existing people), and
writes back who is who, the evidence for each link, and clusters flagged for review. Staff
decisions (confirm, split) are passed to every run as must-link / cannot-link constraints, so
they survive re-runs. Every run and every decision is audited as a "combination".
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.linkage import (
    LinkageModel,
    LinkageResult,
    LinkageSettings,
    Mention,
    default_model,
    link,
    link_incremental,
    train_model,
)
from foursight.linkage.table import build_table

from .models import (
    LinkageModelVersion,
    LinkageRun,
    LinkDecision,
    Person,
    PersonLink,
    PersonMention,
)

Progress = Callable[[str], None]
logger = logging.getLogger(__name__)
BATCH = 2000


def linkage_settings() -> LinkageSettings:
    return LinkageSettings(
        threshold=settings.LINKAGE_THRESHOLD,
        backend=settings.LINKAGE_BACKEND,  # type: ignore[arg-type]
    )


_FIELDS = (
    "pk",
    "index",
    "role",
    "person_ref",
    "forename",
    "surname",
    "dob",
    "gender",
    "address",
    "postcode",
    "phone",
    "email",
    "handles",
    "person_id",
    "record__crime_ref",
    "record__recorded_at",
    "record__occurred_from",
    "record__principal_class",
    "record__location_postcode",
    "order__order_ref",
    "order__made_on",
)


def _mention(row: dict[str, Any]) -> Mention:
    on_record = row["record__crime_ref"] is not None
    when = (
        (row["record__occurred_from"] or row["record__recorded_at"])
        if on_record
        else row["order__made_on"]
    )
    if hasattr(when, "date"):
        when = when.date()
    return Mention(
        mention_id=str(row["pk"]),
        source_ref=row["record__crime_ref"] if on_record else row["order__order_ref"],
        index=row["index"],
        source_kind="crime" if on_record else "order",
        role=row["role"] or "other",
        person_ref=row["person_ref"] or None,
        forename=row["forename"] or None,
        surname=row["surname"] or None,
        dob=row["dob"].isoformat() if row["dob"] else None,
        gender=row["gender"] or None,
        address=row["address"] or None,
        postcode=row["postcode"] or None,
        phone=row["phone"] or None,
        email=row["email"] or None,
        handles=tuple(row["handles"] or ()),
        event_date=when.isoformat() if when else None,
        record_kind=(row["record__principal_class"] or None) if on_record else None,
        place_postcode=(row["record__location_postcode"] or None) if on_record else None,
    )


def _load(queryset: Any) -> tuple[list[Mention], dict[str, str]]:
    mentions, person_of = [], {}
    for row in queryset.values(*_FIELDS).iterator(chunk_size=BATCH):
        mentions.append(_mention(row))
        if row["person_id"] is not None:
            person_of[str(row["pk"])] = str(row["person_id"])
    return mentions, person_of


def _constraints() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    must: list[tuple[str, str]] = []
    cannot: list[tuple[str, str]] = []
    # The latest decision about a pair wins.
    seen: set[frozenset[int]] = set()
    for d in LinkDecision.objects.order_by("-decided_at", "-pk"):
        pair = frozenset((d.left_id, d.right_id))
        if pair in seen:
            continue
        seen.add(pair)
        (must if d.decision == LinkDecision.Decision.CONFIRM else cannot).append(
            (str(d.left_id), str(d.right_id))
        )
    return must, cannot


def _model(
    actor: Any, mentions: list[Mention], retrain: bool, table: pa.Table | None = None
) -> tuple[LinkageModel, LinkageModelVersion]:
    active = LinkageModelVersion.objects.filter(active=True).first()
    if active is not None and not retrain:
        try:
            return LinkageModel.from_json(active.model), active
        except ValueError:
            # Saved by an earlier release whose comparisons differ: train a new version.
            logger.warning(
                "linkage model %s no longer fits this release: retraining", active.version
            )
    config = linkage_settings()
    model = (
        train_model(mentions, config, table=table)
        if len(mentions) >= config.min_training_mentions
        else default_model()
    )
    LinkageModelVersion.objects.filter(active=True).update(active=False)
    version = LinkageModelVersion.objects.create(
        version=f"{model.version}@{timezone.now():%Y%m%dT%H%M%S}",
        trained_by=actor,
        model=model.to_json(),
        mentions_trained_on=len(mentions),
    )
    return model, version


def do_link_all(
    actor: Any, *, retrain: bool = False, progress: Progress | None = None
) -> LinkageRun:
    """Link every mention afresh (keeping staff decisions), and record why."""
    require(actor, Action.RUN_LINKAGE)
    mentions, current = _load(PersonMention.objects.all())
    config = linkage_settings()
    table = build_table(mentions, blocking_key_cap=config.blocking_key_cap)
    model, version = _model(actor, mentions, retrain, table)
    must, cannot = _constraints()
    result = link(
        mentions,
        model,
        config,
        must_link=must,
        cannot_link=cannot,
        progress=progress,
        table=table,
    )
    return _save(actor, "full", version, result, current, mentions)


def link_new_mentions(actor: Any, *, progress: Progress | None = None) -> LinkageRun | None:
    """Link mentions no person has yet against the existing people (after an import)."""
    require(actor, Action.RUN_LINKAGE)
    new_qs = PersonMention.objects.filter(person__isnull=True)
    if not new_qs.exists():
        return None
    if not PersonMention.objects.filter(person__isnull=False).exists():
        return do_link_all(actor, progress=progress)
    new, _ = _load(new_qs)
    existing, current = _load(PersonMention.objects.filter(person__isnull=False))
    model, version = _model(actor, existing + new, retrain=False)
    must, cannot = _constraints()
    result = link_incremental(
        new,
        existing,
        current,
        model,
        linkage_settings(),
        must_link=must,
        cannot_link=cannot,
        progress=progress,
    )
    return _save(actor, "incremental", version, result, current, new)


def _save(
    actor: Any,
    kind: str,
    version: LinkageModelVersion,
    result: LinkageResult,
    current: dict[str, str],
    touched: list[Mention],
) -> LinkageRun:
    clusters = result.persons()
    with transaction.atomic():
        run = LinkageRun.objects.create(
            started_by=actor, kind=kind, model_version=version, threshold=settings.LINKAGE_THRESHOLD
        )
        target = _assign_person_ids(clusters, current)
        changed = _write_assignments(target, current)
        _write_edges(result, run, clusters if kind == "full" else None)
        _write_flags(result, target)
        refresh_names({target[m] for m in changed})
        orphans = Person.objects.filter(mentions__isnull=True)
        removed = orphans.count()
        orphans.delete()
        run.finished_at = timezone.now()
        run.counts = {
            "mentions": len(touched),
            "persons": len(clusters),
            "reassigned": len(changed),
            "links": len(result.edges),
            "flagged": len(result.flagged),
            "persons_removed": removed,
        }
        run.save()
        logged = sorted(target) if kind == "full" else sorted(m.mention_id for m in touched)
        for chunk in _chunks(logged, audit.MAX_IDS_PER_ENTRY):
            audit.log(
                actor,
                Operation.COMBINATION,
                "person_mention",
                chunk,
                fields=["person"],
                detail={"linkage_run": run.pk, "kind": kind},
            )
    return run


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _assign_person_ids(clusters: dict[str, list[str]], current: dict[str, str]) -> dict[str, int]:
    """Map each engine cluster to a Person row, keeping existing persons where clusters overlap."""
    claimed: set[int] = set()
    target: dict[str, int] = {}
    new_clusters: list[list[str]] = []
    for members in sorted(clusters.values(), key=len, reverse=True):
        votes = Counter(int(current[m]) for m in members if m in current)
        keep = next((pid for pid, _ in votes.most_common() if pid not in claimed), None)
        if keep is None:
            new_clusters.append(members)
            continue
        claimed.add(keep)
        target.update(dict.fromkeys(members, keep))
    created = Person.objects.bulk_create(Person() for _ in new_clusters)
    for members, person in zip(new_clusters, created, strict=True):
        target.update(dict.fromkeys(members, person.pk))
    return target


def _write_assignments(target: dict[str, int], current: dict[str, str]) -> list[str]:
    changed = [m for m, pid in target.items() if current.get(m) != str(pid)]
    by_person: dict[int, list[int]] = {}
    for m in changed:
        by_person.setdefault(target[m], []).append(int(m))
    for pid, mention_pks in by_person.items():
        for chunk in range(0, len(mention_pks), BATCH):
            PersonMention.objects.filter(pk__in=mention_pks[chunk : chunk + BATCH]).update(
                person_id=pid, linked_by="linkage"
            )
    return changed


def _write_edges(
    result: LinkageResult, run: LinkageRun, clusters: dict[str, list[str]] | None
) -> None:
    if clusters is not None:
        PersonLink.objects.all().delete()
    PersonLink.objects.bulk_create(
        (
            PersonLink(
                left_id=int(e.left),
                right_id=int(e.right),
                match_weight=e.match_weight if e.match_weight != float("inf") else 99.0,
                match_probability=e.match_probability,
                agreements={**e.agreements, "_source": e.source},
                run=run,
            )
            for e in result.edges
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def _write_flags(result: LinkageResult, target: dict[str, int]) -> None:
    flagged: dict[int, list[str]] = {}
    for flag in result.flagged:
        pid = target.get(flag.mention_ids[0]) if flag.mention_ids else None
        if pid is not None:
            flagged.setdefault(pid, []).extend(flag.reasons)
    Person.objects.filter(flagged=True).exclude(pk__in=list(flagged)).update(
        flagged=False, flag_reason=""
    )
    for pid, reasons in flagged.items():
        Person.objects.filter(pk=pid).update(
            flagged=True, flag_reason="; ".join(dict.fromkeys(reasons))
        )


def refresh_names(person_ids: set[int]) -> None:
    names: dict[int, Counter[str]] = {}
    ids = list(person_ids)
    for start in range(0, len(ids), BATCH):
        rows = PersonMention.objects.filter(person_id__in=ids[start : start + BATCH]).values_list(
            "person_id", "forename", "surname"
        )
        for pid, forename, surname in rows:
            name = " ".join(p for p in (forename, surname) if p)
            if name:
                names.setdefault(pid, Counter())[name] += 1
    for pid, counter in names.items():
        Person.objects.filter(pk=pid).update(display_name=counter.most_common(1)[0][0][:300])


def do_link_decision(
    actor: Any, left: PersonMention, right: PersonMention, decision: str, reason: str
) -> LinkDecision:
    """Confirm two mentions are one person (merging their persons) or split them apart."""
    require(actor, Action.DECIDE_LINK)
    for mention in (left, right):
        if mention.record_id is not None:
            require(actor, Action.VIEW_RECORD, mention.record)
    if left.pk == right.pk:
        raise ValidationError("Choose two different mentions")
    if not reason.strip():
        raise ValidationError("Give a reason for the decision")
    with transaction.atomic():
        made = LinkDecision.objects.create(
            left=left, right=right, decision=decision, reason=reason.strip(), decided_by=actor
        )
        if decision == LinkDecision.Decision.CONFIRM:
            keep = left.person or right.person or Person.objects.create()
            absorbed = right.person if right.person_id not in (None, keep.pk) else None
            PersonMention.objects.filter(pk__in=[left.pk, right.pk]).update(
                person=keep, linked_by="confirmed"
            )
            if absorbed is not None:
                absorbed.mentions.update(person=keep)
                absorbed.delete()
            touched = {keep.pk}
        else:
            alone = Person.objects.create()
            PersonMention.objects.filter(pk=right.pk).update(person=alone, linked_by="split")
            PersonLink.objects.filter(left=right).delete()
            PersonLink.objects.filter(right=right).delete()
            touched = {alone.pk, *([left.person_id] if left.person_id else [])}
        refresh_names(touched)
        Person.objects.filter(mentions__isnull=True).delete()
        audit.log(
            actor,
            Operation.COMBINATION,
            "person_mention",
            [left.pk, right.pk],
            fields=["person"],
            reason=reason.strip(),
            detail={"decision": decision},
        )
    return made
