"""The compiled screening core runs only when it was built from the source beside it."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from foursight.screening import narrative, native

EXTENSION = importlib.machinery.EXTENSION_SUFFIXES[0]


def test_the_engine_reported_is_the_one_imported():
    compiled = native.engine()["engine"] == "compiled"
    assert narrative.__file__.endswith(EXTENSION) is compiled
    assert narrative.__file__.endswith(".py") is not compiled


def _run(code: str, **env: str) -> dict:
    """Run ``code`` in a fresh interpreter (choosing installs an import hook) and read the JSON
    it prints last."""
    done = subprocess.run(
        [sys.executable, "-W", "always", "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "stderr": done.stderr}


def test_pure_python_is_chosen_when_asked():
    seen = _run(
        """
        import json
        from foursight.screening import narrative, native
        print(json.dumps({**native.engine(), "file": narrative.__file__}))
        """,
        FOURSIGHT_PURE_PYTHON="1",
    )
    assert seen["engine"] == "python"
    assert seen["why"] == "FOURSIGHT_PURE_PYTHON is set"
    assert seen["file"].endswith("narrative.py")


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    """A folder with every compiled module's source, an extension file beside each, and the
    manifest of that source."""
    for name in native.COMPILED_MODULES:
        (tmp_path / f"{name}.py").write_text(f"WHERE = 'source of {name}'\n")
        (tmp_path / f"{name}{EXTENSION}").write_bytes(b"")
    native.write_manifest(tmp_path, tmp_path)
    return tmp_path


def _choose(folder: Path) -> dict:
    return _run(
        f"""
        import json, sys
        from pathlib import Path
        from foursight.screening import native
        engine = native.choose(Path({str(folder)!r}))
        hooks = [f for f in sys.meta_path if isinstance(f, native._SourceFirst)]
        spec = hooks[0].find_spec("foursight.screening.text", None) if hooks else None
        print(json.dumps({{
            **native.engine(), "returned": engine,
            "hooked": [str(f.folder) for f in hooks],
            "origin": spec.origin if spec else None,
        }}))
        """,
        FOURSIGHT_PURE_PYTHON="",
    )


def test_a_build_of_this_source_runs_compiled(fake_build: Path):
    seen = _choose(fake_build)
    assert seen["returned"] == seen["engine"] == "compiled"
    assert str(fake_build) not in seen["hooked"]


def test_a_build_of_older_source_runs_the_source_and_says_so(fake_build: Path):
    (fake_build / "rules.py").write_text("WHERE = 'edited since the build'\n")
    seen = _choose(fake_build)
    assert seen["returned"] == seen["engine"] == "python"
    assert seen["why"] == "the compiled core is older than its source"
    assert "out of date with its source" in seen["stderr"]
    # the source is found ahead of the extension module beside it
    assert str(fake_build) in seen["hooked"]
    assert seen["origin"] == str(fake_build / "text.py")


def test_no_build_runs_the_source_without_a_warning(tmp_path: Path):
    for name in native.COMPILED_MODULES:
        (tmp_path / f"{name}.py").write_text("")
    seen = _choose(tmp_path)
    assert seen["engine"] == "python"
    assert seen["why"] == "the compiled core is not built"
    assert "out of date" not in seen["stderr"]


def test_a_missing_or_broken_manifest_is_out_of_date(fake_build: Path):
    (fake_build / native.MANIFEST).write_text("not json")
    assert _choose(fake_build)["engine"] == "python"
    (fake_build / native.MANIFEST).unlink()
    assert _choose(fake_build)["engine"] == "python"


def test_a_partial_build_is_not_used(fake_build: Path):
    # a build that failed half way: the modules left are not imported in place of the source
    (fake_build / f"narrative{EXTENSION}").unlink()
    seen = _choose(fake_build)
    assert seen["engine"] == "python"
    assert seen["why"] == "the compiled core is not built"
    assert str(fake_build) in seen["hooked"]
