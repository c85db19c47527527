"""Hashing for the audit chain, kept apart so verification and writing cannot drift."""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS_HASH = "0" * 64


def entry_payload(entry: Any) -> dict[str, Any]:
    return {
        "sequence": entry.sequence,
        "at": entry.at.isoformat(),
        "actor": entry.actor_username,
        "role": entry.actor_role,
        "channel": entry.channel,
        "operation": entry.operation,
        "object_type": entry.object_type,
        "object_ids": entry.object_ids,
        "fields": entry.fields,
        "recipient": entry.recipient,
        "reason": entry.reason,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }


def compute_hash(entry: Any) -> str:
    canonical = json.dumps(entry_payload(entry), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
