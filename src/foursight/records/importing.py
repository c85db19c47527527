"""Import exchange-format exports from the RMS: keep every good line, explain every bad one.

One import is one batch: every database write of the batch happens in one transaction, so a
failure midway leaves the database as it was before the batch. Bad lines never stop the batch;
they are reported with their line numbers and kept in the batch's issue list (and a rejects
file, for the command line).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.exchange import LineError, ParsedLine, parse_when, read_stream
from foursight.exchange.reading import Format
from foursight.people.models import PersonMention
from foursight.people.namekeys import keys_field

from .bulk import insert_rows
from .models import (
    BreachLink,
    CrimeRecord,
    ImportBatch,
    ImportIssue,
    LabelKind,
    ProtectiveOrder,
    RecordLabel,
    RecordVersion,
)
from .reference import Reference, load_reference
from .retention import retention_class_for, review_date_for

CHUNK = 1000
LONDON = ZoneInfo("Europe/London")
IDENTITY_FIELDS = (
    "person_ref",
    "forename",
    "surname",
    "dob",
    "address",
    "postcode",
    "phone",
    "email",
)


@dataclass
class Source:
    """One file to import: a display name, its bytes, and its format."""

    name: str
    stream: IO[bytes]
    fmt: Format = "jsonl"


@dataclass
class FileCounts:
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class ImportResult:
    batch: ImportBatch
    crimes: FileCounts = field(default_factory=FileCounts)
    orders: FileCounts = field(default_factory=FileCounts)
    issues: list[ImportIssue] = field(default_factory=list)
    new_record_ids: list[int] = field(default_factory=list)
    changed_record_ids: list[int] = field(default_factory=list)

    @property
    def rejects(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.kind == ImportIssue.Kind.REJECT]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [i for i in self.issues if i.kind == ImportIssue.Kind.WARNING]


Progress = Callable[[int], object]


def do_import(
    actor: Any,
    crimes: Source | None,
    orders: Source | None = None,
    *,
    force: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import crimes (and orders) as one batch, audited as collection and alteration."""
    require(actor, Action.IMPORT_RECORDS)
    names = ", ".join(s.name for s in (crimes, orders) if s is not None)
    batch = ImportBatch.objects.create(
        started_by=actor,
        channel=audit.current_channel(),
        source_names=names[:500],
        force=force or settings.FORCE_NAME,
    )
    result = ImportResult(batch=batch)
    try:
        with transaction.atomic():
            writer = _BatchWriter(actor, batch, load_reference(), result)
            if orders is not None:
                for chunk in _chunks(read_stream(orders.stream, "order", orders.fmt)):
                    writer.write_orders(chunk)
                    _tick(progress, chunk)
            if crimes is not None:
                for chunk in _chunks(read_stream(crimes.stream, "crime", crimes.fmt)):
                    writer.write_crimes(chunk)
                    _tick(progress, chunk)
            writer.finish()
    except Exception as exc:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status="failed", error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    return result


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _tick(progress: Progress | None, chunk: list[Any]) -> None:
    if progress is not None:
        progress(len(chunk))


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def aware(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = parse_when(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LONDON)


def as_date(value: str | None) -> date | None:
    return parse_when(value).date() if value else None


class _BatchWriter:
    def __init__(
        self, actor: Any, batch: ImportBatch, ref: Reference, result: ImportResult
    ) -> None:
        self.actor = actor
        self.batch = batch
        self.ref = ref
        self.result = result
        self.force = batch.force

    # --- shared ---------------------------------------------------------------------------

    def _split(self, chunk: list[Any], source: str, counts: FileCounts) -> list[ParsedLine]:
        good: list[ParsedLine] = []
        for item in chunk:
            counts.read += 1
            if isinstance(item, LineError):
                counts.rejected += 1
                self._issue(ImportIssue.Kind.REJECT, source, item.line, "", item.reason, item.raw)
            else:
                good.append(item)
        return good

    def _issue(
        self, kind: str, source: str, line: int, ref: str, reason: str, raw: str = ""
    ) -> None:
        self.result.issues.append(
            ImportIssue(
                batch=self.batch,
                kind=kind,
                source=source,
                line=line,
                reference=ref[:200],
                reason=reason,
                raw=raw,
            )
        )

    # --- orders ---------------------------------------------------------------------------

    def write_orders(self, chunk: list[Any]) -> None:
        counts = self.result.orders
        good = self._split(chunk, "orders", counts)
        existing = {
            o.order_ref: o
            for o in ProtectiveOrder.objects.filter(
                force=self.force, order_ref__in=[p.data["order_ref"] for p in good]
            )
        }
        created: list[ProtectiveOrder] = []
        for parsed in good:
            data = parsed.data
            digest = content_hash(data)
            order = existing.get(data["order_ref"])
            if order is not None and order.source_hash == digest:
                counts.unchanged += 1
                continue
            fields = {
                "type": data["type"],
                "made_on": as_date(data["made_on"]),
                "expires_on": as_date(data.get("expires_on")),
                "conditions": data.get("conditions", []),
                "status": data.get("status", ""),
                "source": data,
                "source_hash": digest,
                "import_batch": self.batch,
            }
            if order is None:
                created.append(
                    ProtectiveOrder(force=self.force, order_ref=data["order_ref"], **fields)
                )
                continue
            for name, value in fields.items():
                setattr(order, name, value)
            order.version += 1
            order.save()
            self._sync_mentions(_order_people(data), order=order)
            counts.updated += 1
            with_fields = sorted(data)
            audit.log(
                self.actor, Operation.ALTERATION, "order", [order.order_ref], fields=with_fields
            )
        if created:
            ProtectiveOrder.objects.bulk_create(created)
            insert_rows(
                PersonMention,
                (
                    {"order_id": order.pk, **fields}
                    for order in created
                    for fields in _mention_rows(_order_people(order.source))
                ),
            )
            counts.imported += len(created)
            audit.log(
                self.actor,
                Operation.COLLECTION,
                "order",
                [o.order_ref for o in created],
                fields=sorted({k for o in created for k in o.source}),
                detail={"import_batch": self.batch.pk},
            )

    # --- crimes ---------------------------------------------------------------------------

    def write_crimes(self, chunk: list[Any]) -> None:
        counts = self.result.crimes
        good = self._split(chunk, "crimes", counts)
        keys = {(p.data.get("force") or self.force, p.data["crime_ref"]) for p in good}
        existing = {
            (r.force, r.crime_ref): r
            for r in CrimeRecord.objects.filter(crime_ref__in=[k[1] for k in keys])
            if (r.force, r.crime_ref) in keys
        }
        created: list[dict[str, Any]] = []
        for parsed in good:
            data = parsed.data
            self._warn_unknown_codes(parsed)
            digest = content_hash(data)
            record = existing.get((data.get("force") or self.force, data["crime_ref"]))
            if record is not None and record.source_hash == digest:
                counts.unchanged += 1
                continue
            if record is None:
                created.append(self._new_record(data, digest))
            else:
                self._update_record(record, data, digest)
                counts.updated += 1
        if created:
            self._insert_new(created)
            counts.imported += len(created)

    def _insert_new(self, created: list[dict[str, Any]]) -> None:
        insert_rows(CrimeRecord, created)
        ids: dict[tuple[str, str], int] = {}
        for force in {row["force"] for row in created}:
            refs = [row["crime_ref"] for row in created if row["force"] == force]
            found = CrimeRecord.objects.filter(force=force, crime_ref__in=refs)
            ids.update(((force, ref), pk) for ref, pk in found.values_list("crime_ref", "pk"))
        pairs = [(ids[(row["force"], row["crime_ref"])], row["source"]) for row in created]
        insert_rows(
            RecordLabel,
            ({"record_id": pk, **label} for pk, data in pairs for label in self._label_rows(data)),
        )
        insert_rows(
            PersonMention,
            (
                {"record_id": pk, **fields}
                for pk, data in pairs
                for fields in _mention_rows(data.get("people", []))
            ),
        )
        insert_rows(
            BreachLink,
            (
                {"record_id": pk, "order_ref": ref}
                for pk, data in pairs
                for ref in dict.fromkeys(data.get("order_refs", []))
            ),
        )
        self.result.new_record_ids.extend(pk for pk, _ in pairs)
        audit.log(
            self.actor,
            Operation.COLLECTION,
            "crime_record",
            [row["crime_ref"] for row in created],
            fields=sorted({k for row in created for k in row["source"]}),
            detail={"import_batch": self.batch.pk},
        )

    def _warn_unknown_codes(self, parsed: ParsedLine) -> None:
        data = parsed.data
        unknown_classes = [
            c
            for c in [data["classification"], *data.get("included_classifications", [])]
            if self.ref.resolve(c) is None
        ]
        unknown_flags = [f for f in data.get("flags", []) if f not in self.ref.flags]
        counts = self.result.crimes
        for code in unknown_classes:
            counts.warnings += 1
            self._issue(
                ImportIssue.Kind.WARNING,
                "crimes",
                parsed.line,
                data["crime_ref"],
                f"class or offence code {code!r} is not in the reference table; record kept",
            )
        for flag in unknown_flags:
            counts.warnings += 1
            self._issue(
                ImportIssue.Kind.WARNING,
                "crimes",
                parsed.line,
                data["crime_ref"],
                f"flag {flag!r} is not in the reference table; record kept",
            )

    def _record_fields(self, data: dict[str, Any], digest: str) -> dict[str, Any]:
        location = data.get("location") or {}
        outcome = data.get("outcome") or {}
        principal = self.ref.class_for_search(data["classification"])
        included = [self.ref.class_for_search(c) for c in data.get("included_classifications", [])]
        recorded_at = aware(data["recorded_at"])
        assert recorded_at is not None
        retention = retention_class_for(
            [principal, *included], data.get("flags", []), set(self.ref.stalking_related)
        )
        return {
            "recorded_at": recorded_at,
            "occurred_from": aware(data.get("occurred_from")),
            "occurred_to": aware(data.get("occurred_to")),
            "classification": data["classification"],
            "principal_class": principal,
            "narrative": data.get("narrative", ""),
            "relationship": data.get("relationship", ""),
            "officer_in_charge": data.get("officer_in_charge", ""),
            "location_address": location.get("address", ""),
            "location_postcode": location.get("postcode", ""),
            "location_lat": location.get("lat"),
            "location_lon": location.get("lon"),
            "outcome_code": outcome.get("code"),
            "outcome_date": aware(outcome.get("date")),
            "retention_class": retention,
            "review_date": review_date_for(recorded_at, retention),
            "source": data,
            "source_hash": digest,
            "import_batch": self.batch,
        }

    def _new_record(self, data: dict[str, Any], digest: str) -> dict[str, Any]:
        """A new record as a plain row for insert_rows (foreign keys by id)."""
        fields = self._record_fields(data, digest)
        fields["import_batch_id"] = fields.pop("import_batch").pk
        return {"force": data.get("force") or self.force, "crime_ref": data["crime_ref"], **fields}

    def _update_record(self, record: CrimeRecord, data: dict[str, Any], digest: str) -> None:
        previous = record.source
        RecordVersion.objects.create(
            record=record, version=record.version, source=previous, replaced_by_batch=self.batch
        )
        for name, value in self._record_fields(data, digest).items():
            setattr(record, name, value)
        record.version += 1
        record.save()
        self._sync_labels(record, data)
        self._sync_mentions(data.get("people", []), record=record)
        self._sync_breaches(record, data)
        self.result.changed_record_ids.append(record.pk)
        changed = sorted(k for k in set(previous) | set(data) if previous.get(k) != data.get(k))
        audit.log(
            self.actor,
            Operation.ALTERATION,
            "crime_record",
            [record.crime_ref],
            fields=changed,
            detail={"import_batch": self.batch.pk, "version": record.version},
        )

    # --- labels, mentions and breaches ----------------------------------------------------

    def _label_rows(self, data: dict[str, Any]) -> Iterator[dict[str, Any]]:
        for kind, codes in _label_codes(data).items():
            for code in codes:
                resolved = self.ref.class_for_search(code) if kind == LabelKind.CLASS else ""
                yield {"kind": kind, "code": code, "origin": "rms", "resolved_class": resolved}

    def _sync_labels(self, record: CrimeRecord, data: dict[str, Any]) -> None:
        """Replace the RMS's labels, keeping staff additions and staff removals."""
        wanted = _label_codes(data)
        current = {(label.kind, label.code): label for label in record.labels.all()}
        for (kind, code), label in current.items():
            if label.origin == "rms" and code not in wanted[kind]:
                label.delete()
        for row in self._label_rows(data):
            existing = current.get((row["kind"], row["code"]))
            if existing is None:
                RecordLabel.objects.create(record=record, **row)
            elif existing.origin == "staff":
                existing.origin = "rms"
                existing.save(update_fields=["origin"])

    def _sync_mentions(
        self,
        people: list[dict[str, Any]],
        *,
        record: CrimeRecord | None = None,
        order: ProtectiveOrder | None = None,
    ) -> None:
        """Update mentions in place by position, so staff link decisions on them survive."""
        current = {m.index: m for m in PersonMention.objects.filter(record=record, order=order)}
        for fields in _mention_rows(people):
            fresh = PersonMention(record=record, order=order, **fields)
            old = current.pop(fresh.index, None)
            if old is None:
                fresh.save()
                continue
            identity_changed = any(getattr(old, f) != getattr(fresh, f) for f in IDENTITY_FIELDS)
            fresh.pk, fresh.person_id, fresh.linked_by = old.pk, old.person_id, old.linked_by
            if identity_changed:
                # Linkage looks at this mention again on its next run.
                fresh.person_id, fresh.linked_by = None, ""
            fresh.save()
        for stale in current.values():
            stale.delete()

    def _sync_breaches(self, record: CrimeRecord, data: dict[str, Any]) -> None:
        wanted = list(dict.fromkeys(data.get("order_refs", [])))
        record.breaches.exclude(order_ref__in=wanted).delete()
        have = set(record.breaches.values_list("order_ref", flat=True))
        BreachLink.objects.bulk_create(
            BreachLink(record=record, order_ref=ref) for ref in wanted if ref not in have
        )

    def finish(self) -> None:
        # Breach links resolve to orders imported now or earlier.
        unresolved = BreachLink.objects.filter(order__isnull=True, record__force=self.force)
        orders = dict(
            ProtectiveOrder.objects.filter(
                force=self.force, order_ref__in=unresolved.values("order_ref")
            ).values_list("order_ref", "pk")
        )
        for link in unresolved.filter(order_ref__in=list(orders)):
            link.order_id = orders[link.order_ref]
            link.save(update_fields=["order"])
        ImportIssue.objects.bulk_create(self.result.issues)
        batch = self.batch
        batch.status = "complete"
        batch.finished_at = timezone.now()
        batch.counts = {
            "crimes": self.result.crimes.as_dict(),
            "orders": self.result.orders.as_dict(),
        }
        batch.save()


def _label_codes(data: dict[str, Any]) -> dict[str, list[str]]:
    return {
        LabelKind.CLASS: list(dict.fromkeys(data.get("included_classifications", []))),
        LabelKind.FLAG: list(dict.fromkeys(data.get("flags", []))),
    }


def _order_people(data: dict[str, Any]) -> list[dict[str, Any]]:
    subject = {"role": "subject", **data["subject"]}
    return [subject, *({"role": "protected", **p} for p in data.get("protected", []))]


def _mention_rows(people: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The fields of each person mention, without the record or order it is on."""
    for index, person in enumerate(people):
        forename, surname = person.get("forename", ""), person.get("surname", "")
        yield dict(
            index=index,
            role=person.get("role", ""),
            person_ref=person.get("person_ref", ""),
            forename=forename,
            surname=surname,
            dob=as_date(person.get("dob")),
            gender=person.get("gender", ""),
            address=person.get("address", ""),
            postcode=person.get("postcode", ""),
            phone=person.get("phone", ""),
            email=person.get("email", ""),
            handles=person.get("online_handles", []),
            name_keys=keys_field(forename, surname),
        )
