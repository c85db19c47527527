"""Build hook: compile the screening engine's hot modules with mypyc (the same source, about
twice as fast), and record what they were compiled from. Everything else about the package is
in pyproject.toml. ``FOURSIGHT_PURE_PYTHON=1`` builds without compiling (see
src/foursight/screening/native.py, which also picks the engine at run time).
"""

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError, CCompilerError

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("native", HERE / "src/foursight/screening/native.py")
assert _spec and _spec.loader
native = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(native)

SOURCE_FOLDER = HERE / "src" / "foursight" / "screening"
# mypy's own settings for the project (the Django plugin) are not needed to compile pure modules
MYPYC_OPTIONS = ["--config-file", "", "--python-version", "3.11", "--ignore-missing-imports"]


class BuildCompiledCore(build_ext):
    """build_ext, then the manifest beside the extension modules (in place or in the wheel).

    The compiled core is an optional speed-up, as C speed-ups are in MarkupSafe or simplejson:
    where it cannot be built (no C compiler or Python headers) the package installs without
    it and runs the Python source, and says so."""

    def run(self) -> None:
        try:
            super().run()
        except (BaseError, CCompilerError, OSError) as exc:
            self._remove_outputs()
            print(
                f"WARNING: the compiled screening core was not built ({exc}); the Python source"
                " will run: the same results at about half the speed. Install gcc and the Python"
                " headers, then `make install`, to compile it.",
                file=sys.stderr,
            )
            return
        if self.extensions:
            native.write_manifest(SOURCE_FOLDER, self._output_folder())

    def _output_folder(self) -> Path:
        first = self.get_ext_fullpath(f"{native.PACKAGE}.{native.COMPILED_MODULES[0]}")
        return Path(first).parent

    def _remove_outputs(self) -> None:
        """No half-built core: the extension modules that were made, and an old manifest."""
        for extension in self.extensions:
            Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
        (self._output_folder() / native.MANIFEST).unlink(missing_ok=True)


def ext_modules() -> list:
    if native.pure_requested():
        return []
    from mypyc.build import mypycify

    sources = [f"src/foursight/screening/{name}.py" for name in native.COMPILED_MODULES]
    return mypycify(
        [*MYPYC_OPTIONS, *sources], opt_level="3", group_name=f"{native.PACKAGE}.{native.GROUP}"
    )


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildCompiledCore})
