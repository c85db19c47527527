"""Spelling-tolerant name keys: a phonetic code per name part, so 'Smyth' finds 'Smith'."""

from __future__ import annotations

import re
import unicodedata

import jellyfish

_NON_LETTERS = re.compile(r"[^a-z]+")


def name_parts(*names: str) -> list[str]:
    parts: list[str] = []
    for name in names:
        folded = (
            unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
        )
        # "O'Connor" and "OConnor" are one part; "Smith-Jones" is two.
        folded = folded.replace("'", "")
        parts.extend(p for p in _NON_LETTERS.split(folded) if p)
    return parts


def phonetic_keys(*names: str) -> list[str]:
    return [jellyfish.metaphone(part) or part.upper() for part in name_parts(*names)]


def keys_field(forename: str, surname: str) -> str:
    """The stored form: each key surrounded by spaces, so LIKE '% KEY %' finds whole keys."""
    keys = sorted(set(phonetic_keys(forename, surname)))
    return f" {' '.join(keys)} " if keys else ""
