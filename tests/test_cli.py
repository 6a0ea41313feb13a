"""The command line: subcommands, formats and exit codes."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys

import pytest

import nato_relations as nr
from nato_relations import __version__, dataset_info, events

from .conftest import run_cli

run = run_cli


def test_country_text_reads_like_a_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "country", "malta", "--on", "2000-01-01")
    assert (code, err) == (0, "")
    assert out.startswith("Malta (Republic of Malta)\n")
    assert "Status on 2000-01-01: none" in out
    assert "PfP        1995-04-26  1996-10-27" in out
    assert "withdrawal" in out


def test_country_json_is_the_full_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "country", "SE", "--format", "json")
    record = json.loads(out)
    assert code == 0
    assert record["alpha3"] == "SWE"
    assert {"programme": "NATO", "start": "2024-03-07", "end": None}.items() <= record["participations"][-1].items()
    assert all(p["sources"] for p in record["participations"])


def test_country_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "country", "FI", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:6] == ["record", "alpha2", "name", "on", "status", "suspended"]
    assert ["participation", "FI", "", "", "", "", "NATO", "", "2023-04-04", "", "", ""] in rows
    assert rows[1][5] == ""  # nothing suspended


def test_country_shows_what_is_suspended_beside_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "country", "RU", "--on", "2016-01-01", "--format", "csv")
    head = next(r for r in csv.DictReader(io.StringIO(out)) if r["record"] == "country")
    assert (head["status"], head["suspended"]) == ("partner", "PfP; EAPC; NRC")
    _, out, _ = run(capsys, "country", "RU", "--on", "2016-01-01", "--format", "json")
    assert (json.loads(out)["status"], json.loads(out)["suspended"]) == ("partner", ["PfP", "EAPC", "NRC"])
    _, out, _ = run(capsys, "country", "RU", "--on", "2016-01-01")
    assert "Status on 2016-01-01: partner (cooperation suspended: PfP, EAPC, NRC)" in out
    _, out, _ = run(capsys, "country", "RU", "--on", "2010-01-01")
    assert "Status on 2010-01-01: partner\n" in out


def test_members(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "members", "--on", "1999-03-12", "--format", "json")
    assert code == 0
    assert len(json.loads(out)) == 19
    _, text, _ = run(capsys, "members", "--on", "1949-08-24")
    assert text.splitlines()[0].split() == ["alpha2", "alpha3", "name", "region"]
    assert len(text.splitlines()) == 2 + 12


def test_programme_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "programme", "pfp", "--on", "2000-01-01")
    assert code == 0
    assert out.startswith("Partnership for Peace (PfP)\n")
    code, out, _ = run(capsys, "programme", "PfP", "--from", "1996-01-01", "--to", "1996-12-31", "--format", "json")
    assert "MT" in [c["alpha2"] for c in json.loads(out)["participants"]]
    _, listing, _ = run(capsys, "programme", "--format", "csv")
    assert "MNNA,Major non-NATO ally,external designation,United States" in listing


def test_events_and_countries(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--country", "MT", "--format", "json")
    assert code == 0
    assert [e["summary"] for e in json.loads(out)] == [e.summary for e in events(country="MT")]
    _, out, _ = run(
        capsys, "events", "--kind", "accession", "--from", "2004-01-01", "--to", "2004-12-31", "--format", "csv"
    )
    in_2004 = events(kind="accession", start=datetime.date(2004, 1, 1), end=datetime.date(2004, 12, 31))
    assert len(out.splitlines()) == 1 + len(in_2004) >= 1 + 7
    _, out, _ = run(capsys, "countries", "--status", "member", "--on", "1952-02-18", "--format", "json")
    assert len(json.loads(out)) == 14


def test_info(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "info", "--format", "json")
    assert json.loads(out)["sha256"] == dataset_info().sha256
    _, out, _ = run(capsys, "info")
    assert f"version         {__version__}" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("country", "Swedn"), "unknown country 'Swedn'; did you mean Sweden"),
        (("programme", "Partnership for Peas"), "did you mean Partnership for Peace"),
        (("events", "--country", "Atlantis"), "unknown country 'Atlantis'"),
    ],
)
def test_not_found_exits_1_with_suggestions(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert message in err


@pytest.mark.parametrize(
    "argv",
    [
        (),
        ("country",),
        ("members", "--on", "2024-13-01"),
        ("members", "--on", "yesterday"),
        ("events", "--kind", "party"),
        ("members", "--format", "xml"),
        ("events", "--from", "2001-01-01", "--to", "2000-01-01"),
        ("programme", "PfP", "--on", "2000-01-01", "--from", "2000-01-01"),
        ("nonsense",),
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage:" in err


def test_control_characters_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "country", "\x1b[31mred\x07")
    assert code == 1
    assert "\x1b" not in err
    assert "\x07" not in err


def test_python_dash_m_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nato_relations", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"nato-relations {__version__}"


def test_coverage_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "coverage", "--on", "2024-03-07", "--format", "json")
    report = json.loads(out)
    assert code == 0
    nato = next(row for row in report["Programmes"] if row["programme"] == "NATO")
    assert nato["on 2024-03-07"] == "32"
    statuses = {row["status"]: int(row["countries"]) for row in report["Status on 2024-03-07"]}
    assert statuses["member"] == 32
    assert sum(statuses.values()) == dataset_info().countries
    _, text, _ = run(capsys, "coverage")
    assert "participation dates" in text


def test_panel_csv_joins_like_a_state_year_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "panel", "--system", "cow", "--from", "2024", "--to", "2024", "--format", "csv")
    assert code == 0
    reader = list(csv.DictReader(io.StringIO(out)))
    assert list(reader[0])[:5] == ["year", "ccode", "iso3", "country", "status"]
    sweden = next(row for row in reader if row["ccode"] == "380")
    assert (sweden["year"], sweden["status"], sweden["nato"], sweden["nacc"]) == ("2024", "member", "1", "")
    assert reader == [
        {k: "" if v is None else str(v) for k, v in row.items()}
        for row in nr.panel(system="cow", start=2024, end=2024).records()
    ]


def test_panel_json_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "panel", "--system", "gw", "--rule", "first", "--from", "2024", "--to", "2024", "--format", "json"
    )
    assert code == 0
    assert json.loads(out) == list(nr.panel(system="gw", rule="first", start=2024, end=2024).records())


@pytest.mark.parametrize(
    "argv",
    [
        ("panel", "--rule", "sometimes"),
        ("panel", "--system", "ccode"),
        ("panel", "--from", "49"),
        ("panel", "--from", "2020", "--to", "2010"),
    ],
)
def test_panel_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert "error" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("members", "--on", "1999-03-12"),
        ("countries", "--status", "partner", "--on", "2010-01-01"),
        ("events", "--country", "MT"),
        ("panel", "--from", "2024", "--to", "2024"),
    ],
)
def test_json_carries_every_csv_field(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    _, as_csv, _ = run(capsys, *argv, "--format", "csv")
    _, as_json, _ = run(capsys, *argv, "--format", "json")
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    records = json.loads(as_json)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert set(row) <= set(record)
        assert all(row[k] == _cell(record[k]) for k in row if k not in ("date",))


def _cell(value: object) -> str:
    """A JSON value as its CSV cell: a list of codes (an event's programmes) joined by '; '."""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)
