"""Shared test settings: hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` runs more examples)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

# No deadlines: speed is measured by the benchmarks, never by timed tests.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line in this process: its exit status, stdout and stderr."""
    from nato_relations._cli import main

    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse exits on usage errors and --help
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` (a development tool, not part of the package)."""
    path = SCRIPTS / f"{name}.py"
    if not path.is_file():
        pytest.skip("needs the source tree")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
