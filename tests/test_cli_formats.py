"""The command line's three formats: text that fits the terminal, JSON that carries every CSV field."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import nato_relations as nr
from nato_relations._cli import FORMATS
from nato_relations._render import fit

from .conftest import run_cli

COMMANDS = [
    ("country", "UA", "--on", "2024-03-01"),
    ("country", "Sweden", "--on", "2024-03-01"),
    ("programme",),
    ("programme", "PfP", "--on", "2024-03-01"),
    ("members", "--on", "2024-03-07"),
    ("countries", "--status", "partner", "--on", "2024-03-07"),
    ("events", "--from", "2008", "--to", "2009"),
    ("info",),
    ("coverage", "--on", "2024-03-07"),
    ("panel", "--system", "gw", "--from", "2023", "--to", "2024"),
    ("changes", "--since", "2026.11.1"),
]


@pytest.mark.parametrize("argv", [c for c in COMMANDS if c[0] != "panel"], ids=" ".join)
def test_text_fits_80_columns(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0
    too_long = [line for line in out.splitlines() if len(line) > 80]
    assert too_long == []


def test_wrapped_tables_stay_aligned(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run_cli(capsys, "events", "--country", "SE")
    header, rule, *rows = out.splitlines()
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    summary = starts[-1]
    assert header[summary:].strip() == "summary"
    continued = [row for row in rows if row[:summary].strip() == ""]
    assert continued, "a long summary wraps onto lines of its own"
    for row in rows:  # every line, first or continued, puts the summary in its column
        assert row[summary - 2 : summary] == "  " or len(row) <= summary
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = run_cli(capsys, "events", "--country", "SE")
    assert len(wide.splitlines()) < len(out.splitlines())  # a wider terminal wraps less


@pytest.mark.parametrize(
    ("widths", "total", "expected"),
    [
        ([10, 20], 80, [10, 20]),  # fits: unchanged
        ([10, 100], 80, [10, 68]),  # only the widest shrinks
        ([30, 60, 60], 80, [25, 25, 25]),  # the widest share the room
        ([10, 60, 60], 80, [10, 33, 33]),  # the narrow keep theirs
        ([3, 3, 3], 4, [3, 3, 3]),  # never below the narrowest width: longer lines instead
    ],
)
def test_column_widths(widths: list[int], total: int, expected: list[int]) -> None:
    fitted = fit(widths, total)
    assert sum(fitted) + 2 * (len(fitted) - 1) <= max(total, sum(min(w, 8) for w in widths) + 2 * (len(widths) - 1))
    assert fitted == expected


def _scalars(value: Any) -> set[str]:
    """Every value in a JSON document as text, with lists of strings also joined as the CSV joins them."""
    if isinstance(value, dict):
        return set(value) | {text for item in value.values() for text in _scalars(item)}
    if isinstance(value, list):
        joined = {", ".join(value), "; ".join(value)} if all(isinstance(v, str) for v in value) else set()
        return joined | {text for item in value for text in _scalars(item)}
    return {"" if value is None else str(value)}


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_json_carries_every_csv_field(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    _, as_csv, _ = run_cli(capsys, *argv, "--format", "csv")
    _, as_json, _ = run_cli(capsys, *argv, "--format", "json")
    found = _scalars(json.loads(as_json))
    lines = [line for line in as_csv.splitlines() if not line.startswith("# ")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    assert len(rows) > 1
    # country's first column names the kind of row ('participation'), which JSON says by nesting
    data = [row[1:] if rows[0][0] == "record" else row for row in rows[1:]]
    missing = {cell for row in data for cell in row if cell and cell not in found}
    assert missing == set()


def test_every_subcommand_with_formats_documents_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert {c[0] for c in COMMANDS} == set(FORMATS)
    for name, text in FORMATS.items():
        _, out, _ = run_cli(capsys, name, "--help")
        assert " ".join(text.split()[:6]) in " ".join(out.split())


def test_country_csv_has_status_spells_and_events(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "country", "SE", "--on", "2024-03-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    sweden = nr.get_country("SE")
    assert rows[0]["record"] == "country"
    assert (rows[0]["on"], rows[0]["status"]) == ("2024-03-01", "aspirant")
    spells = [r for r in rows if r["record"] == "participation"]
    events = [r for r in rows if r["record"] == "event"]
    assert len(spells) == len(sweden.participations)
    assert len(events) == len(sweden.events)
    assert {"programme": "NATO", "kind": "accession", "start": "2024-03-07"}.items() <= events[-1].items() or any(
        (e["programme"], e["kind"], e["start"]) == ("NATO", "accession", "2024-03-07") for e in events
    )
    _, text, _ = run_cli(capsys, "country", "SE", "--on", "2024-03-01", "--format", "json")
    document = json.loads(text)
    assert (document["on"], document["status"], document["alpha2"]) == ("2024-03-01", "aspirant", "SE")
