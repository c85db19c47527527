"""The reference tables in memory: resolving a class or offence code, recognising a flag."""

from __future__ import annotations

from dataclasses import dataclass

from .models import CrimeFlag, OffenceClass, OffenceCode


@dataclass(frozen=True)
class Reference:
    classes: frozenset[str]
    ho_codes: dict[str, str]
    flags: frozenset[str]
    stalking_related: frozenset[str]

    def resolve(self, code: str) -> str | None:
        """The HOCR class a class code or Home Office offence code counts under, if known."""
        cleaned = code.strip().upper()
        if cleaned in self.classes:
            return cleaned
        return self.ho_codes.get(code.strip())

    def class_for_search(self, code: str) -> str:
        return self.resolve(code) or code.strip().upper()


def load_reference() -> Reference:
    return Reference(
        classes=frozenset(OffenceClass.objects.values_list("code", flat=True)),
        ho_codes=dict(OffenceCode.objects.values_list("ho_code", "offence_class__code")),
        flags=frozenset(CrimeFlag.objects.values_list("code", flat=True)),
        stalking_related=frozenset(
            OffenceClass.objects.filter(stalking_related=True).values_list("code", flat=True)
        ),
    )
