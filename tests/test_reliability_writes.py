"""Second round of reliability: safe writes, exit codes, encodings, fork safety, chart bounds, small leaks.

Each test here failed on 2026.11.1 (see docs/reliability.md).
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import nato_relations as nr
from nato_relations import _dataset, _loader

from .conftest import run_cli


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "nato_relations", *argv],
        capture_output=True, encoding="utf-8", errors="replace", env=full_env, check=False,
    )  # fmt: skip


def sh(snippet: str) -> subprocess.CompletedProcess[str]:
    """A shell snippet in which ``$NR`` is the command line (for redirections such as ``>&-``)."""
    script = snippet.replace("$NR", f"{sys.executable} -m nato_relations")
    return subprocess.run(
        ["/bin/sh", "-c", script], capture_output=True, encoding="utf-8", errors="replace", check=False
    )


run = run_cli


# --- 1. writes never follow a planted symlink; an export is all or nothing -----------------------------


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("precious")
    return path


def test_export_refuses_a_planted_symlink_and_writes_nothing(tmp_path: Path, victim: Path) -> None:
    out = tmp_path / "shared"
    out.mkdir()
    (out / "events.csv").symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        nr.export(out, format="csv")
    assert victim.read_text() == "precious"
    assert sorted(p.name for p in out.iterdir()) == ["events.csv"]  # nothing else written, no temporary left


def test_an_export_that_cannot_finish_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    nr.export(out, format="csv")
    (out / "countries.csv").write_text("the old export")
    (out / "sources.csv").unlink()
    (out / "sources.csv").mkdir()  # the last file cannot be written
    with pytest.raises(IsADirectoryError):
        nr.export(out, format="csv")
    assert (out / "countries.csv").read_text() == "the old export"  # the first file was not replaced
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("draw", ["timeline", "affiliation_map"])
def test_drawings_refuse_a_symlink_and_create_no_folder(tmp_path: Path, victim: Path, draw: str) -> None:
    pytest.importorskip("matplotlib")
    drawing = getattr(nr, draw)
    link = tmp_path / "chart.svg"
    link.symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        drawing(link)
    assert victim.read_text() == "precious"
    with pytest.raises(FileNotFoundError):
        drawing(tmp_path / "missing" / "chart.svg")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("argv", [("export", "--out", ""), ("timeline", "--out", ""), ("map", "--out", "")])
def test_an_empty_out_is_a_usage_error(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert "empty path" in err


# --- 2. a damaged install exits 1 from every subcommand ------------------------------------------------


@pytest.fixture
def damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _loader.read_files

    def read(names: tuple[str, ...] = _loader.DATA_FILES) -> dict[str, bytes]:
        contents = real(names)
        if "events.json" in contents:
            contents["events.json"] = b"[{"
        return contents

    monkeypatch.setattr(_loader, "read_files", read)
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})


@pytest.mark.usefixtures("damaged")
@pytest.mark.parametrize(
    "argv",
    [
        ("events",),
        ("events", "--from", "2008-01-01"),
        ("country", "SE"),
        ("members",),
        ("programme", "PfP", "--from", "1996-01-01"),
        ("panel", "--from", "2000", "--to", "2000"),
        ("timeline", "--out", "x.svg"),
        ("map", "--out", "x.svg"),
    ],
)
def test_a_damaged_install_exits_1_with_one_line(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith("nato-relations: data/events.json: not valid JSON")
    assert err.count("\n") == 1


# --- 3. output that cannot be encoded or written -----------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
    ],
)
def test_text_the_terminal_cannot_show_is_refused_never_altered(env: dict[str, str]) -> None:
    """Text and CSV are written whole or not at all: exit 1 and one line, never escapes passed off as data.

    (JSON, which has an escape of its own, is written escaped: tests/test_reliability_third.py.)
    """
    for argv in (("country", "TR"), ("events", "--country", "TR")):
        done = cli(*argv, env=env)
        assert "Traceback" not in done.stderr
        assert "\\x" not in done.stdout  # no backslash escapes in place of letters
        if done.returncode == 0:  # the encoding could write it all (latin-1 and Türkiye)
            assert "\\u" not in done.stdout
        else:
            assert done.returncode == 1
            assert done.stdout == ""
            assert done.stderr.count("\n") == 1
            assert "cannot write this output without altering it" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_1() -> None:
    done = sh("$NR events > /dev/full")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "cannot write the output" in done.stderr


def test_closed_streams_are_handled_quietly() -> None:
    closed_out = sh("$NR events >&-")
    assert closed_out.returncode == 1
    assert "Traceback" not in closed_out.stderr
    closed_err = sh("$NR country Atlantis 2>&-")
    assert closed_err.returncode == 1
    assert closed_err.stdout == ""  # the message never lands on stdout
    usage = sh("$NR events --kind party 2>&-")
    assert usage.returncode == 2
    assert usage.stdout == ""


def test_printed_paths_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "a\x1b[31mb"
    done = cli("export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "\\x1b" in done.stdout


# --- 4. fork while another thread holds the first-load lock ------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_during_the_first_load_does_not_deadlock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})
    started = threading.Event()
    real = _loader.load

    def slow(*args: Any, **kwargs: Any) -> Any:
        started.set()
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(_loader, "load", slow)
    loader = threading.Thread(target=nr.members)
    loader.start()
    started.wait(5)
    pid = os.fork()
    if pid == 0:  # the child: one query, then out, whatever happens
        try:
            code = 0 if nr.members(datetime.date(2024, 3, 7)) else 3
        except BaseException:
            code = 4
        os._exit(code)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("the forked child hung on the first-load lock")
    loader.join()
    assert os.waitstatus_to_exitcode(status) == 0


# --- 5. a chart's range must make sense once limited to the data ----------------------------------------


def test_a_reversed_chart_range_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    as_of = nr.dataset_info().as_of.isoformat()
    with pytest.raises(ValueError, match=f"as-of date, {as_of}"):
        nr.timeline(tmp_path / "x.svg", start=datetime.date.max)
    code, out, err = run(capsys, "timeline", "--from", "2030-01-01", "--out", str(tmp_path / "y.svg"))
    assert (code, out) == (2, "")
    assert as_of in err
    assert not (tmp_path / "x.svg").exists()
    assert not (tmp_path / "y.svg").exists()


# --- 6. smaller leaks ------------------------------------------------------------------------------------


def test_huge_dates_are_quoted_short() -> None:
    with pytest.raises(ValueError, match="not a YYYY") as caught:
        nr.PartialDate.parse("9" * 1_000_000)
    assert len(str(caught.value)) < 200
    with pytest.raises(ValueError, match="year out of range") as caught:
        nr.PartialDate(10**100)
    assert len(str(caught.value)) < 200


class Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


def test_hostile_reprs_do_not_escape(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="table must be a string"):
        nr.to_dataframe(Hostile())  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="format must be a string"):
        nr.export(tmp_path, format=Hostile())  # type: ignore[arg-type]


def test_nat_is_not_a_day() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="NaT"):
        nr.countries(on=pd.NaT)
    with pytest.raises(TypeError, match="NaT"):
        nr.members(pd.NaT)


def test_an_end_before_its_start_is_refused_at_load() -> None:
    contents = _loader.read_files()
    spells = json.loads(contents["participations.json"])
    spells[0] = {**spells[0], "start": "2000", "end": "1999"}
    contents["participations.json"] = json.dumps(spells).encode()
    with pytest.raises(nr.DataError, match=r"^data/participations.json\[0\]: end 1999 is before the start, 2000"):
        _loader.load(contents)


# --- 7. no public answer hands out a mutable container ----------------------------------------------------


def _mutable_inside(value: object, seen: set[int], depth: int = 0) -> list[str]:
    if id(value) in seen or depth > 6:
        return []
    seen.add(id(value))
    if isinstance(value, (list, dict, set, bytearray)):
        return [type(value).__name__]
    if isinstance(value, tuple):
        return [found for item in value for found in _mutable_inside(item, seen, depth + 1)]
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is not None:
        return [found for field in fields for found in _mutable_inside(getattr(value, field.name), seen, depth + 1)]
    return []


def test_no_public_answer_holds_a_mutable_container() -> None:
    day = datetime.date(2010, 1, 1)
    answers: list[object] = [
        nr.get_country("SE"),
        nr.get_country("SUHH"),
        nr.countries(),
        nr.members(day),
        nr.participants("PfP", on=day),
        nr.events(country="UA"),
        nr.programmes(),
        nr.get_programme("MNNA"),
        nr.dataset_info(),
        nr.panel(start=2020, end=2020),
    ]
    seen: set[int] = set()
    assert [found for answer in answers for found in _mutable_inside(answer, seen)] == []
