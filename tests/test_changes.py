"""What changed between releases: the shipped list, its API and CLI, and the script that makes it."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import subprocess
from pathlib import Path

import attr
import pytest

import nato_relations as nr
from nato_relations import Change, ChangeAction

from .conftest import load_script, run_cli

ROOT = Path(__file__).resolve().parent.parent


def _one(changes: tuple[Change, ...], table: str, key: str, field: str | None = None) -> Change:
    found = [c for c in changes if (c.table, c.key, c.field) == (table, key, field)]
    assert len(found) == 1, found
    return found[0]


def test_changes_since_an_earlier_release() -> None:
    changes = nr.changes(since="2026.11.1")
    assert isinstance(changes, tuple)
    assert {c.release for c in changes} == {"2026.12.0", "2026.12.1", "2026.12.2"}  # each release's, in order
    releases = [c.release for c in changes]
    assert releases == sorted(releases, key=lambda r: tuple(int(n) for n in r.split(".")))
    earlier = tuple(c for c in changes if c.release == "2026.12.0")
    assert _one(earlier, "events", "PE 2026-01-14 designation MNNA").action is ChangeAction.ADDED
    ukraine = _one(earlier, "participations", "UA ID 2005-04-21", "end")
    assert (ukraine.action, ukraine.old, ukraine.new) == ("changed", None, "2009")
    czechia = _one(earlier, "participations", "CZ NACC 1993-03-29", "start")  # named by its newer key
    assert (czechia.old, czechia.new) == ("1991-12-20", "1993-03-29")
    parp = _one(earlier, "programmes", "PARP")
    assert parp.action == "removed"
    assert parp.new is None
    assert parp.old is not None
    assert '"PARP"' in parp.old


def test_changes_of_the_installed_release() -> None:
    changes = nr.changes()  # the default: what the installed release changed
    assert changes == nr.changes(since="2026.12.1")
    assert {c.release for c in changes} == {nr.__version__}
    assert {c.previous for c in changes} == {"2026.12.1"}
    # One act, one record: Russia's three suspension records of 1 April 2014 became one naming three programmes.
    merged = _one(changes, "events", "RU 2014-04-01 suspension NRC+PfP+EAPC")
    assert merged.action is ChangeAction.ADDED
    for code in ("NRC", "PfP", "EAPC"):
        assert _one(changes, "events", f"RU 2014-04-01 suspension {code}").action is ChangeAction.REMOVED


def test_changes_of_an_earlier_release_keep_its_own_previous() -> None:
    changes = tuple(c for c in nr.changes(since="2026.12.0") if c.release == "2026.12.1")
    assert {c.previous for c in changes} == {"2026.12.0"}
    greece = _one(changes, "participations", "GR ASPIRANT 1951-09-20")
    assert greece.action is ChangeAction.ADDED
    assert greece.new is not None
    assert '"1951-09-20"' in greece.new


def test_since_the_installed_release_nothing_changed() -> None:
    assert nr.changes(since=nr.__version__) == ()


@pytest.mark.parametrize(("since", "error"), [("2026.11.0", ValueError), ("latest", ValueError), (2026, TypeError)])
def test_unknown_releases_are_named(since: object, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        nr.changes(since=since)  # type: ignore[arg-type]
    if error is ValueError:
        assert "2026.11.1, 2026.12.0, 2026.12.1" in str(caught.value)


def test_changes_are_frozen_records() -> None:
    change = nr.changes()[0]
    with pytest.raises(attr.exceptions.FrozenInstanceError):
        change.key = "XX"  # type: ignore[misc]
    assert all(isinstance(getattr(change, f.name), (str, type(None))) for f in attr.fields(Change))


def test_damaged_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_relations import _release

    monkeypatch.setitem(_release.SHA256, "changes.json", "0" * 64)
    with pytest.raises(nr.DataError, match=r"^data/changes.json: SHA-256"):
        nr.changes()


def test_cli_changes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "changes", "--since", "2026.11.1", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == len(nr.changes(since="2026.11.1"))
    assert list(rows[0]) == ["release", "previous", "action", "table", "key", "field", "old", "new"]
    code, out, _ = run_cli(capsys, "changes")
    assert code == 0
    assert out.startswith(f"{nr.__version__} (since 2026.12.1): {len(nr.changes())} changes")
    code, _, err = run_cli(capsys, "changes", "--since", "1999.1.0")
    assert code == 2
    assert "usage: nato-relations changes" in err
    assert "2026.11.1" in err


# --- releases, the default and the errors, on lists written out -------------------------------------------


def _ship(monkeypatch: pytest.MonkeyPatch, installed: str, chain: tuple[str, ...]) -> tuple[Change, ...]:
    """Install release ``installed`` with a changes.json of one change per step of ``chain`` (oldest first).

    The list goes through the real loader (read, SHA-256 check, schema); only the file's bytes and its pin
    are this test's. Returns the changes written, in file order.
    """
    import hashlib
    import json

    from nato_relations import _changes, _loader, _release

    records = [
        {"release": new, "previous": old, "action": "added", "table": "events", "key": f"XX {new}"}
        for old, new in itertools.pairwise(chain)
    ]
    payload = json.dumps(records).encode()
    real_read = _loader.read_files

    def read_files(names: tuple[str, ...] = _loader.DATA_FILES) -> dict[str, bytes]:
        contents = real_read(tuple(name for name in names if name != "changes.json"))
        return {**contents, **({"changes.json": payload} if "changes.json" in names else {})}

    monkeypatch.setattr(_loader, "read_files", read_files)
    monkeypatch.setitem(_release.SHA256, "changes.json", hashlib.sha256(payload).hexdigest())
    monkeypatch.setattr(_changes, "__version__", installed)
    return tuple(Change(r["release"], r["previous"], ChangeAction.ADDED, "events", r["key"]) for r in records)


# (installed release, releases in changes.json oldest first, releases(), the releases changes() lists)
RELEASE_CASES = [
    ("2027.1.0", (), ("2027.1.0",), ()),  # a first release: nothing before it, nothing changed
    ("2027.1.0", ("2026.12.2", "2027.1.0"), ("2026.12.2", "2027.1.0"), ("2027.1.0",)),
    # months 9 and 10: in the order they were made, not as text ("2026.10.0" < "2026.9.0")
    ("2026.10.0", ("2026.8.1", "2026.9.0", "2026.10.0"), ("2026.8.1", "2026.9.0", "2026.10.0"), ("2026.10.0",)),
    (
        "2026.12.0",
        ("2026.8.1", "2026.9.0", "2026.10.0", "2026.11.0", "2026.12.0"),
        ("2026.8.1", "2026.9.0", "2026.10.0", "2026.11.0", "2026.12.0"),
        ("2026.12.0",),
    ),
    ("2027.2.0", ("2026.12.2", "2027.1.0"), ("2026.12.2", "2027.1.0", "2027.2.0"), ()),  # installed, no list yet
]


@pytest.mark.parametrize(("installed", "chain", "known", "listed"), RELEASE_CASES)
def test_releases_and_the_default_since(
    monkeypatch: pytest.MonkeyPatch,
    installed: str,
    chain: tuple[str, ...],
    known: tuple[str, ...],
    listed: tuple[str, ...],
) -> None:
    from nato_relations._changes import releases

    shipped = _ship(monkeypatch, installed, chain)
    assert releases() == known
    assert tuple(c.release for c in nr.changes()) == listed
    assert nr.changes() == nr.changes(since=None) == nr.changes(since=known[-2] if len(known) > 1 else known[-1])
    assert nr.changes(since=known[0]) == shipped  # everything, in the order of the file
    assert nr.changes(since=installed) == ()


def test_changes_since_a_release_in_the_middle(monkeypatch: pytest.MonkeyPatch) -> None:
    _ship(monkeypatch, "2026.12.0", ("2026.8.1", "2026.9.0", "2026.10.0", "2026.11.0", "2026.12.0"))
    assert [c.release for c in nr.changes(since="2026.9.0")] == ["2026.10.0", "2026.11.0", "2026.12.0"]
    assert [c.previous for c in nr.changes(since="2026.10.0")] == ["2026.10.0", "2026.11.0"]


@pytest.mark.parametrize(
    ("since", "error", "message"),
    [
        (2026, TypeError, "since must be a release number such as '2026.8.1', not int"),
        (b"2026.9.0", TypeError, "since must be a release number such as '2026.8.1', not bytes"),
        (("2026.9.0",), TypeError, "since must be a release number such as '2026.8.1', not tuple"),
        ("2026.09.0", ValueError, "unknown release '2026.09.0'; the releases with a list of changes: "),
        ("", ValueError, "unknown release ''; the releases with a list of changes: "),
        (" 2026.9.0", ValueError, "unknown release ' 2026.9.0'; the releases with a list of changes: "),
    ],
)
def test_the_exact_error_for_a_wrong_since(
    monkeypatch: pytest.MonkeyPatch, since: object, error: type[Exception], message: str
) -> None:
    _ship(monkeypatch, "2026.10.0", ("2026.8.1", "2026.9.0", "2026.10.0"))
    if error is ValueError:
        message += "2026.8.1, 2026.9.0, 2026.10.0"
    with pytest.raises(error) as caught:
        nr.changes(since=since)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("version", "key"),
    [("2026.12.0", (2026, 12, 0)), ("2026.9.10", (2026, 9, 10)), ("2027.1", (2027, 1)), ("7", (7,))],
)
def test_version_key(version: str, key: tuple[int, ...]) -> None:
    from nato_relations._changes import version_key

    assert version_key(version) == key


def test_version_key_orders_releases_as_they_were_made() -> None:
    from nato_relations._changes import version_key

    made = ["2026.9.0", "2026.9.1", "2026.10.0", "2026.11.1", "2026.12.0", "2026.12.10", "2027.1.0"]
    assert sorted(sorted(made), key=version_key) == made  # from the order as text
    with pytest.raises(ValueError, match="invalid literal for int"):
        version_key("2026.12.0rc1")


# --- the script -----------------------------------------------------------------------------------------


def test_a_redated_record_is_one_change_and_a_distant_one_two() -> None:
    script = load_script("changes")
    old = [{"country": "CZ", "programme": "NACC", "start": "1991-12-20", "notes": ""}]
    new = [{"country": "CZ", "programme": "NACC", "start": "1993-03-29", "notes": "", "suspensions": []}]
    (change,) = script.compare("participations", old, new, "2", "1")
    assert (change.action, change.key, change.field) == ("changed", "CZ NACC 1993-03-29", "start")
    events_old = [{"country": "MD", "date": "2015-06", "kind": "agreement", "programme": None, "summary": "a"}]
    events_new = [{"country": "MD", "date": "2001-06-28", "kind": "agreement", "programme": None, "summary": "b"}]
    actions = sorted(c.action.value for c in script.compare("events", events_old, events_new, "2", "1"))
    assert actions == ["added", "removed"]  # fourteen years apart: not one event corrected


def test_same_key_twice_is_numbered() -> None:
    script = load_script("changes")
    two = [{"country": "UA", "date": "2008", "kind": "statement", "programme": None, "summary": s} for s in "ab"]
    assert list(script.keyed("events", two)) == ["UA 2008 statement -", "UA 2008 statement - #2"]


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs the git history")
def test_shipped_list_and_changelog_are_current() -> None:
    try:
        subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, check=True, capture_output=True)  # noqa: S607
    except subprocess.CalledProcessError:
        pytest.skip("not a git work tree")
    assert load_script("changes").main(["--check"]) == 0, "run: python scripts/changes.py"
