"""The analysis core must never load Textual: it is meant to run headless, in workers and in exports."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.analysis


def test_analysis_modules_do_not_import_textual() -> None:
    modules = [f"reader.analysis.{m.name}" for m in pkgutil.walk_packages(reader.analysis.__path__) if not m.ispkg]
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import reader.export, reader.cli\n"
        "assert 'textual' not in sys.modules, [m for m in sys.modules if m.startswith('textual')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
