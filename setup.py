"""Build hook: compile the screening engine's hot modules with mypyc (the same source, about
twice as fast), and record what they were compiled from. Everything else about the package is
in pyproject.toml. ``FOURSIGHT_PURE_PYTHON=1`` builds without compiling (see
src/foursight/screening/native.py, which also picks the engine at run time).
"""

import importlib.util
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("native", HERE / "src/foursight/screening/native.py")
assert _spec and _spec.loader
native = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(native)

SOURCE_FOLDER = HERE / "src" / "foursight" / "screening"
# mypy's own settings for the project (the Django plugin) are not needed to compile pure modules
MYPYC_OPTIONS = ["--config-file", "", "--python-version", "3.11", "--ignore-missing-imports"]


class BuildCompiledCore(build_ext):
    """build_ext, then the manifest beside the extension modules (in place or in the wheel)."""

    def run(self) -> None:
        super().run()
        if self.extensions:
            first = self.get_ext_fullpath(f"{native.PACKAGE}.{native.COMPILED_MODULES[0]}")
            native.write_manifest(SOURCE_FOLDER, Path(first).parent)


def ext_modules() -> list:
    if os.environ.get(native.PURE_ENV, "") not in ("", "0"):
        return []
    from mypyc.build import mypycify

    sources = [f"src/foursight/screening/{name}.py" for name in native.COMPILED_MODULES]
    return mypycify(
        [*MYPYC_OPTIONS, *sources], opt_level="3", group_name=f"{native.PACKAGE}.{native.GROUP}"
    )


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildCompiledCore})
