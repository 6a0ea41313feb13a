"""The release checks: version agreement and byte-identical builds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def check_release() -> ModuleType:
    return load_script("check_release")


def test_this_release_is_consistent(check_release: ModuleType) -> None:
    assert check_release.main() == 0


@pytest.mark.parametrize(
    ("changelog", "version", "data", "as_of", "expected"),
    [
        ("## [2026.11.1] - 2026-11-28\n", "2026.11.1", "2026.11.1", "2026-11-28", []),
        ("## [2026.11.0] - 2026-11-28\n", "2026.11.1", "2026.11.1", "2026-11-28",
         ["newest CHANGELOG.md heading is 2026.11.0, the package is 2026.11.1"]),
        ("## [2026.11.1] - 2026-11-28\n", "2026.11.1", "2026.11.0", "2026-11-28",
         ["the dataset reports version 2026.11.0, the package is 2026.11.1"]),
        ("## [2026.13.0] - 2026-11-28\n", "2026.13.0", "2026.13.0", "2026-11-28",
         ["2026.13.0 is not a calendar version YYYY.M.PATCH"]),
        ("## [2026.11.1] - 2026-11-01\n", "2026.11.1", "2026.11.1", "2026-11-28",
         ["the release is dated 2026-11-01, before its data's as-of date 2026-11-28"]),
        ("# Changelog\n", "2026.11.1", "2026.11.1", "2026-11-28",
         ["CHANGELOG.md has no '## [VERSION] - YYYY-MM-DD' heading"]),
    ],
)  # fmt: skip
def test_problems(
    check_release: ModuleType, changelog: str, version: str, data: str, as_of: str, expected: list[str]
) -> None:
    assert check_release.problems(changelog, version, data, as_of) == expected


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("needs the source tree")
    digests = []
    for attempt in ("a", "b"):
        out = tmp_path / attempt
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000"}
        subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        digests.append(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in out.iterdir()))
    assert len(digests[0]) == 2  # an sdist and a wheel
    assert digests[0] == digests[1]
