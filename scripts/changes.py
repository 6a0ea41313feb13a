"""List every fact that changed since the previous release: data/changes.json and the CHANGELOG's list.

    python scripts/changes.py          # write both
    python scripts/changes.py --check  # exit 1 if either is not what the data says

The previous release's data is read from git: the tag ``v<version>`` of the
newest release before this one (``git tag v2026.11.1 <commit>`` marks a
release). Without the tag, as in a clone that did not fetch tags, the last
commit whose ``_version.py`` still named that release stands in for it.
Records are compared as the shipped JSON, by key (see
``nato_relations.Change``): a record whose key changed but that is the only
one of its kind for its country (one PfP spell re-dated, one event moved to
its right day, within a year) is reported as changed, not as removed and
added. Changes of
earlier releases already in data/changes.json are kept as they are.

Run ``python scripts/format_data.py`` afterwards: it pins the file's SHA-256.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from nato_relations import __version__
from nato_relations._changes import version_key
from nato_relations._converter import file_converter
from nato_relations._records import Change
from nato_relations._records import ChangeAction as Action

ROOT = Path(__file__).resolve().parent.parent
DATA = "src/nato_relations/data"
OUT = ROOT / DATA / "changes.json"
CHANGELOG = ROOT / "CHANGELOG.md"
TABLES = ("countries", "programmes", "participations", "events")
Record = dict[str, Any]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout  # noqa: S603, S607


def _named_releases() -> list[tuple[str, str]]:
    """(version, the last commit whose ``_version.py`` named it), newest first, from git history."""
    path = "src/nato_relations/_version.py"
    history = _git("log", "--format=%H", "--", path).split()
    versions = [(commit, re.search(r'"([\d.]+)"', _git("show", f"{commit}:{path}"))) for commit in history]
    # The commit that set a version changed the file; the release's data is the commit before the next change.
    return [
        (found.group(1), f"{newer}^")
        for (newer, _), (_commit, found) in itertools.pairwise(versions)
        if found is not None
    ]


def release_commit(version: str) -> str:
    """The git revision holding release ``version``'s data: its tag ``v<version>``, else from ``_version.py``.

    Exits with a message when no such release is found.
    """
    if f"v{version}" in _git("tag", "--list", f"v{version}").split():
        return f"v{version}"
    for found, revision in _named_releases():
        if found == version:
            return revision
    sys.exit(f"no release {version} found: tag it, e.g. git tag v{version} <commit>")


def previous_release() -> tuple[str, str]:
    """The newest release before this one, and the git revision holding its data."""
    tags = [t.removeprefix("v") for t in _git("tag", "--list", "v*").split()]
    older = [t for t in tags if re.fullmatch(r"\d+\.\d+\.\d+", t) and version_key(t) < version_key(__version__)]
    if older:
        version = max(older, key=version_key)
        return version, f"v{version}"
    # No tag: the last commit before _version.py stopped naming the release before this one.
    for version, revision in _named_releases():
        if version != __version__:
            return version, revision
    sys.exit("no earlier release found: tag it, e.g. git tag v2026.11.1 <commit>")


def _text(value: Any) -> str | None:
    if not value and value != 0:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _codes(e: Record) -> str:
    return "+".join(e.get("programmes") or ()) or "-"


def _event_base(e: Record) -> str:
    return f"{e.get('country') or '-'} {e['date']} {e['kind']} {_codes(e)}"


def normalised(table: str, record: Record) -> Record:
    """A record in this release's shape: an event of a release before 2026.12.2 named one ``programme``."""
    if table != "events" or "programme" not in record:
        return record
    shaped = {k: v for k, v in record.items() if k != "programme"}
    shaped["programmes"] = [record["programme"]] if record["programme"] else []
    return shaped


KEYS: dict[str, Callable[[Record], str]] = {
    "countries": lambda c: c["alpha2"],
    "programmes": lambda p: p["code"],
    "participations": lambda p: f"{p['country']} {p['programme']} {p['start']}",
    "events": _event_base,
}
# Records that may be one record re-dated: same country and programme (and kind, for events).
GROUPS: dict[str, Callable[[Record], str]] = {
    "countries": lambda c: c["alpha2"],
    "programmes": lambda p: p["code"],
    "participations": lambda p: f"{p['country']} {p['programme']}",
    "events": lambda e: f"{e.get('country') or '-'} {e['kind']} {_codes(e)}",
}


def _near(table: str, old: Record, new: Record) -> bool:
    """Whether two records of one group can be one record corrected: events at most a year apart."""
    return table != "events" or abs(int(old["date"][:4]) - int(new["date"][:4])) <= 1


def keyed(table: str, records: Iterable[Record]) -> dict[str, Record]:
    """The records of ``table`` by key; a key's second record gets ``#2``, and so on."""
    result: dict[str, Record] = {}
    for record in records:
        base = KEYS[table](record)
        key, n = base, 1
        while key in result:
            n += 1
            key = f"{base} #{n}"
        result[key] = record
    return result


def compare(table: str, old: list[Record], new: list[Record], release: str, previous: str) -> list[Change]:
    """The changes of one table between two releases."""
    before = keyed(table, (normalised(table, r) for r in old))
    after = keyed(table, (normalised(table, r) for r in new))
    pairs = [(key, key) for key in after if key in before]
    removed = [key for key in before if key not in after]
    added = [key for key in after if key not in before]
    by_group: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for key in removed:
        by_group[GROUPS[table](before[key])][0].append(key)
    for key in added:
        by_group[GROUPS[table](after[key])][1].append(key)
    for gone, came in by_group.values():
        matched = list(zip(sorted(gone), sorted(came), strict=False))
        if len(gone) == len(came) and all(_near(table, before[a], after[b]) for a, b in matched):
            pairs += matched  # one record re-dated, not one removed and another added
            removed = [k for k in removed if k not in gone]
            added = [k for k in added if k not in came]
    result = [Change(release, previous, Action.REMOVED, table, key, old=_text(before[key])) for key in removed]
    result += [Change(release, previous, Action.ADDED, table, key, new=_text(after[key])) for key in added]
    for old_key, new_key in pairs:
        a, b = before[old_key], after[new_key]
        for field in sorted(set(a) | set(b)):
            if (a.get(field) or None) != (b.get(field) or None):  # a missing field is an empty one: no fact
                old_value, new_value = _text(a.get(field)), _text(b.get(field))
                result.append(Change(release, previous, Action.CHANGED, table, new_key, field, old_value, new_value))
    return result


def order(change: Change) -> tuple[Any, ...]:
    return (version_key(change.release), TABLES.index(change.table), change.key, change.field or "", change.action)


def current_changes() -> list[Change]:
    """The list for data/changes.json: earlier releases' changes kept, this release's computed."""
    previous, revision = previous_release()
    result: list[Change] = []
    for table in TABLES:
        old = json.loads(_git("show", f"{revision}:{DATA}/{table}.json"))
        new = json.loads((ROOT / DATA / f"{table}.json").read_text(encoding="utf-8"))
        result += compare(table, old, new, __version__, previous)
    kept = list(file_converter.structure(json.loads(OUT.read_text("utf-8")), tuple[Change, ...]))
    result += [c for c in kept if c.release != __version__]
    return sorted(result, key=order)


def render_file(changes: list[Change]) -> str:
    """data/changes.json: one change per line, so that a diff shows changed changes."""
    lines = [json.dumps(file_converter.unstructure(c), ensure_ascii=False, sort_keys=True) for c in changes]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def render_changelog(changes: list[Change], release: str) -> str:
    """The CHANGELOG's generated list for ``release``, between its markers."""
    mine = [c for c in changes if c.release == release]
    counts = {a: len({(c.table, c.key) for c in mine if c.action == a}) for a in Action}
    previous = mine[0].previous if mine else "-"
    lines = [
        f"<!-- changes:{release} generated by scripts/changes.py from data/changes.json: do not edit -->",
        "<details>",
        f"<summary>Every record changed since {previous}: {counts[Action.ADDED]} added, "
        f"{counts[Action.REMOVED]} removed, {counts[Action.CHANGED]} changed "
        f"(<code>nato-relations changes --since {previous}</code> gives the values)</summary>",
        "",
    ]
    for table in TABLES:
        rows = [c for c in mine if c.table == table]
        for action in Action:
            keys = list(dict.fromkeys(c.key for c in rows if c.action == action))
            if not keys:
                continue
            if action == Action.CHANGED:
                fields = defaultdict(list)
                for c in rows:
                    if c.action == action:
                        fields[c.key].append(c.field or "")
                items = [f"{key} ({', '.join(fields[key])})" for key in keys]
            else:
                items = keys
            lines.append(f"- **{table}, {action.value}** ({len(keys)}): " + "; ".join(items) + ".")
    lines += ["", "</details>", f"<!-- /changes:{release} -->"]
    return "\n".join(lines)


def changelog_with(text: str, block: str, release: str) -> str:
    """The CHANGELOG with ``block`` in place of the old one, or at the end of the release's Data section."""
    pattern = re.compile(rf"<!-- changes:{re.escape(release)} .*?<!-- /changes:{re.escape(release)} -->", re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text)
    section = re.search(rf"^## \[{re.escape(release)}\].*?(?=^## \[)", text, re.S | re.M)
    assert section, f"CHANGELOG.md has no section for {release}"
    data = re.search(r"^### Data\n", section.group(0), re.M)
    assert data, f"CHANGELOG.md has no Data section for {release}"
    end = section.end()
    return text[:end].rstrip("\n") + "\n\n" + block + "\n\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files; change nothing")
    args = parser.parse_args(argv)
    changes = current_changes()
    expected = {
        OUT: render_file(changes),
        CHANGELOG: changelog_with(
            CHANGELOG.read_text(encoding="utf-8"), render_changelog(changes, __version__), __version__
        ),
    }
    stale = [path for path, text in expected.items() if path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run: python scripts/changes.py)", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(expected[path], encoding="utf-8")
    print(f"{len(changes)} changes; rewrote: {', '.join(str(p.relative_to(ROOT)) for p in stale) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
