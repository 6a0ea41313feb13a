"""Reliability, third round: checkouts that rewrite line endings, and output streams that cannot encode."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "LC_", "PYTHONUTF8"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "nato_relations", *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=environment, timeout=120,
        check=False,
    )  # fmt: skip


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}])
def test_json_is_valid_json_through_a_stream_that_cannot_encode(env: dict[str, str]) -> None:
    done = _cli("country", "TR", "--format", "json", **env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["name"] == "Türkiye"  # escaped as \\u00fc, the same JSON
    assert "T\\xfc" not in done.stdout


@pytest.mark.parametrize("fmt", ["csv", "text"])
def test_csv_and_text_are_refused_rather_than_altered(fmt: str) -> None:
    done = _cli("country", "TR", "--format", fmt, PYTHONIOENCODING="ascii")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "cannot write this output without altering it" in done.stderr
    assert done.stderr.count("\n") == 1


def test_ascii_output_that_fits_is_written() -> None:
    done = _cli("members", "--on", "1950-01-01", "--format", "csv", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "Belgium" in done.stdout


def test_ascii_json_escapes_as_ensure_ascii_does() -> None:
    from nato_relations._render import ascii_json

    for value in (["Türkiye"], {"kéy": "𝄞 clef"}, "plain"):
        text = json.dumps(value, ensure_ascii=False)
        assert ascii_json(text) == json.dumps(value, ensure_ascii=True)


def test_a_checkout_with_autocrlf_keeps_the_data_byte_for_byte(tmp_path: Path) -> None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    head = subprocess.run([git, "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    if head.returncode != 0:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(
        [git, "clone", "--quiet", "--no-local", "-c", "core.autocrlf=true", str(ROOT), str(clone)],
        check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    data = clone / "src" / "nato_relations" / "data"
    files = sorted(data.iterdir())
    assert files
    for path in files:
        blob = subprocess.run(
            [git, "-C", str(clone), "cat-file", "blob", f"HEAD:src/nato_relations/data/{path.name}"],
            capture_output=True, check=True, timeout=60,
        ).stdout  # fmt: skip
        assert path.read_bytes() == blob, f"{path.name} was rewritten on checkout"
    # And the package in that checkout answers.
    done = subprocess.run(
        [sys.executable, "-c", "import nato_relations as nr; print(nr.get_country('SE').name)"],
        capture_output=True, text=True, timeout=120, check=False, env={**os.environ, "PYTHONPATH": str(clone / "src")},
    )  # fmt: skip
    assert (done.returncode, done.stdout.strip()) == (0, "Sweden"), done.stderr


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    from nato_relations._files import write_files

    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    new = tmp_path / "new.csv"
    umask = os.umask(0o027)
    try:
        write_files([(kept, b"new"), (new, b"new")])
    finally:
        os.umask(umask)
    assert kept.read_bytes() == b"new"
    assert kept.stat().st_mode & 0o777 == 0o600
    assert new.stat().st_mode & 0o777 == 0o666 & ~0o027


def test_a_name_as_long_as_the_file_system_allows_can_be_written(tmp_path: Path) -> None:
    from nato_relations._files import write_files

    target = tmp_path / ("n" * 236 + ".svg")  # 240 bytes
    write_files([(target, b"<svg/>")])
    assert target.read_bytes() == b"<svg/>"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_every_write_error_names_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from nato_relations import _files

    class Full:
        def __init__(self, descriptor: int, mode: str) -> None:
            os.close(descriptor)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, content: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "map.svg"
    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(OSError, match="No space left on device") as caught:
        _files.write_files([(target, b"x")])
    assert caught.value.filename == str(target)
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone, and no target was made


@pytest.mark.parametrize("argument", ["system", "rule", "unit"])
def test_panel_messages_quote_their_input_short(argument: str) -> None:
    import nato_relations as nr

    with pytest.raises(ValueError, match=f"unknown {argument}") as caught:
        nr.panel(**{argument: "x" * 100_000})  # type: ignore[arg-type]
    assert len(str(caught.value)) < 400
    with pytest.raises(TypeError, match=f"{argument} must be a string, not NoneType"):
        nr.panel(**{argument: None})  # type: ignore[arg-type]


def test_a_huge_path_is_quoted_short(tmp_path: Path) -> None:
    done = _cli("export", "--out", str(tmp_path / ("d" * 100_000)))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert len(done.stderr) < 400


def test_a_path_with_a_newline_is_printed_on_one_line(tmp_path: Path) -> None:
    done = _cli("map", "--on", "1995-01-01", "--out", str(tmp_path / "two\nlines.svg"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    assert "two\\nlines.svg" in done.stdout


def test_a_huge_unknown_argument_is_echoed_short() -> None:
    done = _cli("country", "SE", "--bogus=" + "b" * 100_000)
    assert done.returncode == 2
    assert len(done.stderr) < 800  # the usage line and one short message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_to_a_full_disk_exit_1(flag: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "nato_relations", flag], stdout=full, stderr=subprocess.PIPE, text=True,
            timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "cannot write the output" in done.stderr


def test_the_fingerprint_covers_every_data_file() -> None:
    import nato_relations as nr
    from nato_relations._release import SHA256

    info = nr.dataset_info()
    assert dict(info.files) == SHA256  # changes.json, shapes.json and aliases.json included
    assert info.sha256 in nr.cite("cff")


#: Fields a table holds elsewhere, and where: every other field of a record must be a column of its table.
ELSEWHERE = {
    "Country": {"participations": "participations table", "events": "events table", "systems": "state_systems table",
                "sources": "source_ids"},
    "Participation": {"sources": "source_ids", "run_by": "programmes table (run_by)"},
    "Event": {"sources": "source_ids", "date": "date, precision, earliest, latest"},
    "Programme": {"sources": "source_ids"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("record", "table"), [("Country", "countries"), ("Participation", "participations"), ("Event", "events"),
                          ("Programme", "programmes")],
)  # fmt: skip
def test_every_field_of_the_model_reaches_its_export(record: str, table: str) -> None:
    import attr

    import nato_relations as nr
    from nato_relations._dictionary import COLUMNS

    fields = {f.name for f in attr.fields(getattr(nr, record))}
    missing = fields - set(COLUMNS[table]) - set(ELSEWHERE[record])
    assert missing == set()


def test_suspensions_reach_the_country_csv_and_text() -> None:
    import csv
    import io

    import nato_relations as nr

    for country in (c for c in nr.countries() if any(p.suspensions for p in c.participations)):
        rows = list(csv.DictReader(io.StringIO(_cli("country", country.alpha2, "--format", "csv").stdout)))
        got = {(r["programme"], r["start"]) for r in rows if r["record"] == "suspension"}
        expected = {(p.programme, str(s.start)) for p in country.participations for s in p.suspensions}
        assert got == expected, country.alpha2
        text = _cli("country", country.alpha2, COLUMNS="200").stdout
        assert text.count("suspended ") >= len(expected), country.alpha2


FORK_AT = r"""
import os, sys, threading, time
delay = float(sys.argv[1])
import nato_relations as nr
def first_use() -> None:  # the first load, then the first programme query (which builds a timeline)
    nr.countries()
    nr.participants("PfP")
loader = threading.Thread(target=first_use)
loader.start()
time.sleep(delay)
pid = os.fork()
if pid == 0:  # the child: must be able to load and answer
    try:
        code = 0 if nr.get_country("SE").name == "Sweden" and nr.participants("PfP") else 3
    finally:
        os._exit(locals().get("code", 4))
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        loader.join()
        sys.exit(os.waitstatus_to_exitcode(status))
    time.sleep(0.01)
os.kill(pid, 9)
os.waitpid(pid, 0)
sys.exit(5)  # the child hung
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_fork_at_any_moment_of_the_first_load_is_safe() -> None:
    """Forks at 32 moments across the first load and programme query, each in a fresh interpreter: none hangs."""
    outcomes = {}
    for step in range(32):
        delay = step * 0.0015  # 0 to 47 ms: before, during and after a load of about 20-30 ms and a timeline
        done = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", FORK_AT, str(delay)], capture_output=True, text=True, timeout=60,
            check=False,
        )  # fmt: skip
        outcomes[delay] = (done.returncode, done.stderr[-200:])
    assert {d: o for d, o in outcomes.items() if o[0] != 0} == {}


def test_days_after_the_as_of_date_are_answered_with_a_warning() -> None:
    import warnings

    import nato_relations as nr

    as_of = nr.dataset_info().as_of
    later = "2100-01-01"
    asks: list[Callable[[], tuple[nr.Country, ...]]] = [
        lambda: nr.members(later),
        lambda: nr.participants("PfP", on=later),
        lambda: nr.countries(status="member", on=later),
    ]
    for ask in asks:
        with pytest.warns(nr.BeyondDataWarning, match=f"the data stops at {as_of.isoformat()}"):
            answer = ask()
        assert answer  # answered, from what was known then
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nr.members(as_of) == nr.members()  # the as-of day itself, and the default (today): no warning


def test_the_command_line_says_the_data_stops(tmp_path: Path) -> None:
    done = _cli("country", "SE", "--on", "9999-12-31")
    assert done.returncode == 0
    assert "member" in done.stdout
    assert done.stderr.count("\n") == 1
    assert "the data stops at" in done.stderr
    assert _cli("country", "SE", "--on", "2024-03-07").stderr == ""


def test_the_map_says_when_it_speaks_beyond_the_data(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import nato_relations as nr

    with pytest.warns(nr.BeyondDataWarning):
        svg = nr.affiliation_map(tmp_path / "later.svg", on="2100-01-01").read_text(encoding="utf-8")
    assert "The data stops at" in svg
    with pytest.warns(nr.BeyondDataWarning, match="NATO did not exist"):
        svg = nr.affiliation_map(tmp_path / "before.svg", on="1940-01-01").read_text(encoding="utf-8")
    assert "NATO did not exist before the treaty" in svg
