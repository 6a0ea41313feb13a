"""Check that a release is consistent before it is tagged.

    python scripts/check_release.py

Fails unless the package version, the newest CHANGELOG.md heading and the
dataset's version agree, the heading is dated on or after the data's as-of
date, and the version is a calendar version YYYY.M.PATCH.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nato_relations

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.MULTILINE)
CALVER = re.compile(r"^(?P<year>20\d\d)\.(?P<month>[1-9]|1[0-2])\.(?P<patch>0|[1-9]\d*)$")


def problems(changelog: str, version: str, data_version: str, as_of: str) -> list[str]:
    """Everything wrong with this combination; empty when the release is consistent."""
    found = []
    newest = HEADING.search(changelog)
    if newest is None:
        return ["CHANGELOG.md has no '## [VERSION] - YYYY-MM-DD' heading"]
    if newest["version"] != version:
        found.append(f"newest CHANGELOG.md heading is {newest['version']}, the package is {version}")
    if data_version != version:
        found.append(f"the dataset reports version {data_version}, the package is {version}")
    if not CALVER.match(version):
        found.append(f"{version} is not a calendar version YYYY.M.PATCH")
    if newest["date"] < as_of:
        found.append(f"the release is dated {newest['date']}, before its data's as-of date {as_of}")
    return found


def main() -> int:
    info = nato_relations.dataset_info()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    found = problems(changelog, nato_relations.__version__, info.version, info.as_of.isoformat())
    for problem in found:
        print(f"check_release: {problem}", file=sys.stderr)
    if not found:
        print(f"check_release: {nato_relations.__version__} is consistent")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
