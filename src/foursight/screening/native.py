"""The compiled screening core: which engine runs, and why.

``setup.py`` compiles the modules every record passes through (``COMPILED_MODULES``) with
mypyc into extension modules beside their source: the same code, about twice as fast. Python
prefers an extension module to its ``.py``, so one built from an older source would run in
its place after an edit or a checkout. The build therefore records the SHA-256 of each source
(``MANIFEST``), and ``choose()``, called when the package is imported, runs the Python source
instead whenever the extension modules are missing, out of date, or turned off with
``FOURSIGHT_PURE_PYTHON=1`` (as CI does for its second run of the suite, so both engines are
tested). Results are the same either way; only the speed differs.

Standard library only, and nothing happens at import: ``setup.py`` loads this file on its own.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

COMPILED_MODULES = ("text", "phrases", "rules", "narrative", "series", "decision")
GROUP = "core"  # mypyc's shared library for the group: core__mypyc.*.so
MANIFEST = "compiled-sources.json"
PURE_ENV = "FOURSIGHT_PURE_PYTHON"
PACKAGE = "foursight.screening"
_FOLDER = Path(__file__).resolve().parent

_engine = "python"
_reason = "not chosen yet"


def pure_requested() -> bool:
    """Whether ``FOURSIGHT_PURE_PYTHON`` asks for the Python source (at build and at run time)."""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def source_digests(folder: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((folder / f"{name}.py").read_bytes()).hexdigest()
        for name in COMPILED_MODULES
    }


def write_manifest(source_folder: Path, out_folder: Path) -> None:
    """Record what the extension modules in ``out_folder`` were compiled from (setup.py)."""
    manifest = {"sources": source_digests(source_folder)}
    (out_folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")


def _extension_files(folder: Path) -> list[bool]:
    """For each compiled module, whether an extension module for it lies in ``folder``."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return [
        any((folder / f"{name}{suffix}").exists() for suffix in suffixes)
        for name in COMPILED_MODULES
    ]


def _up_to_date(folder: Path) -> bool:
    try:
        recorded = json.loads((folder / MANIFEST).read_text())["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return bool(recorded == source_digests(folder))


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the compiled modules' ``.py`` files ahead of the extension modules beside them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names = {f"{PACKAGE}.{name}": name for name in COMPILED_MODULES}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        name = self.names.get(fullname)
        if name is None:
            return None
        return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")


def choose(folder: Path = _FOLDER) -> str:
    """Decide, before any of them is imported, whether the compiled modules or their source
    run; returns the engine ("compiled" or "python")."""
    global _engine, _reason
    built = _extension_files(folder)
    if pure_requested():
        _engine, _reason = "python", f"{PURE_ENV} is set"
    elif not all(built):
        _engine, _reason = "python", "the compiled core is not built"
    elif not _up_to_date(folder):
        _engine, _reason = "python", "the compiled core is older than its source"
        warnings.warn(
            "foursight: the compiled screening core is out of date with its source; running the "
            "Python source (slower, same results). Rebuild it with `make install`.",
            RuntimeWarning,
            stacklevel=2,
        )
    else:
        _engine, _reason = "compiled", "mypyc extension modules, built from this source"
    shadowed = _engine == "python" and any(built)  # an extension module would win
    hooked = any(isinstance(f, _SourceFirst) and f.folder == folder for f in sys.meta_path)
    if shadowed and not hooked:
        sys.meta_path.insert(0, _SourceFirst(folder))
    return _engine


def engine() -> dict[str, str]:
    """Which screening engine this process runs, for benchmarks and diagnostics."""
    return {"engine": _engine, "why": _reason}
