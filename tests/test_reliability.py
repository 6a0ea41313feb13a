"""The library under hostile input, concurrency, damage and odd environments.

Only documented exceptions may come out of the public API, with short,
terminal-safe messages; the CLI never shows a traceback and exits 0, 1 or 2.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations import _dataset, _loader
from nato_relations._cli import main

# Anything a caller might pass by mistake.
anything: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Co"])),
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(),
    st.just(datetime.date.min),
    st.just(datetime.date.max),
    st.just("x" * 1_000_000),
    st.just("\x1b[2J\x1b[31mred"),
    st.lists(st.integers(), max_size=3),
    st.builds(object),
    st.sampled_from(list(nr.Status) + list(nr.EventKind)),
    st.sampled_from(["SE", "Sweden", "PfP", "NATO", "member", "accession", "   ", ""]),
)
optional = st.none() | anything
DOCUMENTED = (nr.CountryNotFoundError, nr.ProgrammeNotFoundError, TypeError, ValueError)


def only_documented(call: Callable[[], object]) -> None:
    """Run ``call``: it returns, or raises a documented error with a safe message."""
    try:
        call()
    except DOCUMENTED as error:
        message = str(error)
        assert len(message) < 400, message[:100]
        assert message.isprintable(), repr(message[:200])


@given(anything)
def test_get_country_fuzz(value: Any) -> None:
    only_documented(lambda: nr.get_country(value))


@given(anything)
def test_get_programme_fuzz(value: Any) -> None:
    only_documented(lambda: nr.get_programme(value))


@given(anything, optional, optional, optional)
def test_participants_fuzz(programme: Any, on: Any, start: Any, end: Any) -> None:
    only_documented(lambda: nr.participants(programme, on=on, start=start, end=end))


@given(optional)
def test_members_fuzz(on: Any) -> None:
    only_documented(lambda: nr.members(on))


@given(optional, optional, optional)
def test_countries_fuzz(programme: Any, on: Any, status: Any) -> None:
    only_documented(lambda: nr.countries(programme=programme, on=on, status=status))


@given(optional, optional, optional, optional, optional)
def test_events_fuzz(country: Any, programme: Any, kind: Any, start: Any, end: Any) -> None:
    only_documented(lambda: nr.events(country=country, programme=programme, kind=kind, start=start, end=end))


@given(anything)
def test_country_methods_fuzz(when: Any) -> None:
    sweden = nr.get_country("SE")
    only_documented(lambda: sweden.status_on(when))
    only_documented(lambda: sweden.participations_on(when))


WORDS = ["country", "programme", "members", "countries", "events", "info", "coverage", "--on", "--from", "--to",
         "--format", "json", "csv", "text", "--kind", "--country", "--programme", "--status", "SE", "PfP",
         "2024-03-07", "1999-02-30", "-h"]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=30), max_size=6))
def test_cli_fuzz(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse: usage errors and --help
            code = exit_.code if isinstance(exit_.code, int) else 2
    assert code in (0, 1, 2)
    for text in (out.getvalue(), err.getvalue()):
        assert all(ch.isprintable() or ch == "\n" for ch in text), repr(text[:200])


def all_at_once(count: int, call: Callable[[int], Any]) -> list[Any]:
    """``call(i)`` in ``count`` threads released together; their results in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def worker(i: int) -> None:
        barrier.wait()
        results[i] = call(i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty dataset cache for the test, the real one restored afterwards."""
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})


@pytest.mark.usefixtures("fresh_cache")
def test_concurrent_first_calls_load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_load = _loader.load

    def slow_load(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.get_ident())
        time.sleep(0.05)  # widen the window in which a second load could start
        return real_load(*args, **kwargs)

    monkeypatch.setattr(_loader, "load", slow_load)
    results = all_at_once(16, lambda i: nr.members())
    assert len(calls) == 1
    assert all(result is results[0] for result in results)


@pytest.mark.usefixtures("fresh_cache")
def test_concurrent_first_look_ups_read_once_and_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first question about one country reads the files once, however many threads ask."""
    calls = []
    real_read = _loader.read_files

    def slow_read() -> Any:
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return real_read()

    monkeypatch.setattr(_loader, "read_files", slow_read)
    results = all_at_once(16, lambda i: nr.get_country("SE" if i % 2 else "sweden"))
    assert len(calls) == 1
    assert all(result is results[0] for result in results)
    assert _dataset._dataset is None  # one country was built, not the dataset
    full = next(c for c in nr.members(datetime.date(2024, 3, 7)) if c.alpha2 == "SE")
    assert results[0] == full  # the same record as the full load builds


@pytest.mark.usefixtures("fresh_cache")
def test_a_failed_load_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = _loader.load
    failures = iter([nr.DataError("data/events.json", "damaged"), nr.DataError("data/events.json", "damaged")])

    def flaky_load(*args: Any, **kwargs: Any) -> Any:
        error = next(failures, None)
        if error is not None:
            raise error
        return real_load(*args, **kwargs)

    monkeypatch.setattr(_loader, "load", flaky_load)
    messages = []
    for _ in range(2):
        with pytest.raises(nr.DataError) as caught:
            nr.members()
        messages.append(str(caught.value))
        assert _dataset._dataset is None
    assert messages == ["data/events.json: damaged"] * 2
    assert nr.members()  # the next call retries, and succeeds


@pytest.mark.usefixtures("fresh_cache")
def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    nr.get_country("SE")
    nr.members(datetime.date(2000, 1, 1))
    nr.events(start=datetime.date(2008, 1, 1))
    with contextlib.redirect_stdout(io.StringIO()):
        for argv in (["country", "SE", "--format", "json"], ["events", "--format", "csv"], ["coverage"], ["info"]):
            assert main(argv) == 0


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the installed package in a folder of its own, to damage or lock."""
    root = tmp_path / "site"
    shutil.copytree(Path(nr.__path__[0]), root / "nato_relations", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def run_copy(
    root: Path, *args: str, cwd: Path | None = None, flags: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, *flags, *args], cwd=cwd or root, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: (data / "events.json").unlink(), "data/events.json: cannot be read"),
        (lambda data: (data / "events.json").write_text("[{"), "data/events.json: not valid JSON"),
        (
            lambda data: (data / "countries.json").write_text(
                (data / "countries.json").read_text().replace('"SWE"', '"SWX"')
            ),
            "data/countries.json: SHA-256",
        ),
        (
            lambda data: (data / "participations.json").write_text(
                (data / "participations.json").read_text().replace('"start": "2024-03-07"', '"start": "2024-03-32"')
            ),
            "data/participations.json[",
        ),
    ],
)
def test_a_damaged_install_is_named_not_a_traceback(package_copy: Path, damage: Any, message: str) -> None:
    damage(package_copy / "nato_relations" / "data")
    api = run_copy(package_copy, "-c", "import nato_relations as n; n.get_country('SE')")
    assert "DataError" in api.stderr
    assert message in api.stderr
    cli = run_copy(package_copy, "-m", "nato_relations", "country", "SE")
    assert cli.returncode == 1
    assert message in cli.stderr
    assert "Traceback" not in cli.stderr


def snapshot(*folders: Path) -> set[tuple[str, int, float]]:
    return {(str(p), p.stat().st_size, p.stat().st_mtime) for folder in folders for p in folder.rglob("*")}


@pytest.mark.parametrize("flags", [("-B",), ("-B", "-OO"), ("-B", "-I")])
def test_hostile_environments_write_nothing(package_copy: Path, tmp_path: Path, flags: tuple[str, ...]) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    before = snapshot(package_copy, elsewhere)
    os.chmod(package_copy / "nato_relations", 0o555)  # noqa: S103 - read-only (root may still write: the snapshot decides)
    try:
        query = (
            "import sys; sys.path.insert(0, sys.argv[1]); import datetime, json, nato_relations as n; "
            "print(json.dumps([n.get_country('SE').name, len(n.members(datetime.date(2024, 3, 7))), "
            "n.dataset_info().version]))"
        )
        done = run_copy(package_copy, "-c", query, str(package_copy), cwd=elsewhere, flags=flags)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == ["Sweden", 32, nr.__version__]
        cli = run_copy(
            package_copy, "-m", "nato_relations", "members", "--on", "2024-03-07", cwd=elsewhere, flags=flags
        )
        if "-I" not in flags:  # -I ignores PYTHONPATH, so the module is not found there
            assert cli.returncode == 0, cli.stderr
            assert "Sweden" in cli.stdout
    finally:
        os.chmod(package_copy / "nato_relations", 0o755)  # noqa: S103 - restore for cleanup
    assert snapshot(package_copy, elsewhere) == before
