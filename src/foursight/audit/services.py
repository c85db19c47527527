"""Writing, reading and verifying the audit log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from .chain import GENESIS_HASH, compute_hash
from .context import current_channel
from .models import AuditEntry, ChainHead, Operation

MAX_IDS_PER_ENTRY = 500


def log(
    actor: Any,
    operation: Operation | str,
    object_type: str,
    object_ids: Iterable[Any] = (),
    *,
    fields: Sequence[str] = (),
    recipient: str = "",
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside the transaction that makes the change it describes."""
    if not connection.in_atomic_block:
        raise RuntimeError(
            "audit.log must be called inside the transaction of the change it records"
        )
    ids = [str(i) for i in object_ids]
    extra = dict(detail or {})
    if len(ids) > MAX_IDS_PER_ENTRY:
        extra["ids_total"] = len(ids)
        ids = ids[:MAX_IDS_PER_ENTRY]
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
    entry = AuditEntry(
        sequence=head.sequence + 1,
        at=timezone.now(),
        actor=actor,
        actor_username=actor.get_username(),
        actor_role=getattr(actor, "role", "") or "",
        channel=current_channel(),
        operation=str(operation),
        object_type=object_type,
        object_ids=ids,
        fields=list(fields),
        recipient=recipient,
        reason=reason,
        detail=extra,
        prev_hash=head.entry_hash if head.sequence else GENESIS_HASH,
    )
    entry.entry_hash = compute_hash(entry)
    entry.save(force_insert=True)
    head.sequence, head.entry_hash = entry.sequence, entry.entry_hash
    head.save(update_fields=["sequence", "entry_hash"])
    return entry


def _parse_anchors(anchors: Sequence[str]) -> dict[int, str]:
    parsed: dict[int, str] = {}
    for anchor in anchors:
        sequence, _, digest = anchor.partition(":")
        if not sequence.isdigit() or len(digest) != 64:
            raise ValueError(f"an anchor is 'sequence:sha256-hex', not {anchor!r}")
        parsed[int(sequence)] = digest
    return parsed


def consulted(actor: Any, object_type: str, object_ids: Iterable[Any], **kwargs: Any) -> AuditEntry:
    """Log a read of personal data in its own short transaction.

    What a partner advocate reads leaves the force for their service: that is a disclosure, so
    it is logged as one with the service as the recipient.
    """
    operation = Operation.CONSULTATION
    if getattr(actor, "role", "") == "partner_advocate" and actor.partner_service_id:
        operation = Operation.DISCLOSURE
        kwargs["recipient"] = kwargs.get("recipient") or actor.partner_service.name
    with transaction.atomic():
        return log(actor, operation, object_type, object_ids, **kwargs)


@dataclass
class VerifyReport:
    checked: int = 0
    breaks: list[str] = field(default_factory=list)
    last_sequence: int = 0
    last_hash: str = GENESIS_HASH

    @property
    def anchor(self) -> str:
        """ "sequence:hash" of the last entry, to keep outside the database for the next check."""
        return f"{self.last_sequence}:{self.last_hash}"

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify(chunk_size: int = 5000, anchors: Sequence[str] = ()) -> VerifyReport:
    """Recompute every hash and link; report each break (edited, inserted or removed entries).

    The chain alone cannot stop someone with write access to the database from rewriting every
    entry consistently. ``anchors`` ("sequence:hash" pairs printed by earlier checks and kept
    elsewhere, e.g. in the force's SIEM) catch that: each must still be in the chain.
    """
    report = VerifyReport()
    wanted = _parse_anchors(anchors)
    expected_prev = GENESIS_HASH
    expected_sequence = 1
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=chunk_size):
        report.checked += 1
        if entry.sequence != expected_sequence:
            report.breaks.append(
                f"entries {expected_sequence} to {entry.sequence - 1} are missing"
                if entry.sequence > expected_sequence
                else f"entry {entry.sequence} is out of order"
            )
        if entry.prev_hash != expected_prev:
            report.breaks.append(f"entry {entry.sequence} does not follow the entry before it")
        if compute_hash(entry) != entry.entry_hash:
            report.breaks.append(f"entry {entry.sequence} was altered after it was written")
        if entry.sequence in wanted and wanted.pop(entry.sequence) != entry.entry_hash:
            report.breaks.append(f"entry {entry.sequence} differs from its anchor kept outside")
        expected_prev = entry.entry_hash
        expected_sequence = entry.sequence + 1
    for sequence in sorted(wanted):
        report.breaks.append(f"entry {sequence}, anchored outside, is no longer in the log")
    report.last_sequence, report.last_hash = expected_sequence - 1, expected_prev
    head = ChainHead.objects.filter(pk=1).first()
    last = expected_sequence - 1
    if head is not None and head.sequence != last:
        report.breaks.append(f"the chain head says {head.sequence} entries but {last} were found")
    if head is not None and report.checked and head.entry_hash != expected_prev:
        report.breaks.append("the last entry's hash does not match the chain head")
    return report
