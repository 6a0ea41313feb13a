"""First contact, second round (issue 23, section 3): the commands a newcomer guesses, one answer everywhere."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations.exceptions import CountryNotFoundError

from .conftest import run_cli as run


def test_on_today_is_today(capsys: pytest.CaptureFixture[str]) -> None:
    today = datetime.date.today().isoformat()
    assert run(capsys, "members", "--on", "today") == run(capsys, "members", "--on", today)
    code, out, _ = run(capsys, "country", "SE", "--on", "TODAY")
    assert code == 0
    assert f"Status on {today}" in out
    assert run(capsys, "events", "--from", "2024-01-01", "--to", "today")[0] == 0
    assert run(capsys, "members", "--on", "yesterday")[0] == 2


def test_events_by_year(capsys: pytest.CaptureFixture[str]) -> None:
    by_year = run(capsys, "events", "--country", "Georgia", "--year", "2008", "--format", "csv")
    by_range = run(capsys, "events", "--country", "Georgia", "--from", "2008", "--to", "2008", "--format", "csv")
    assert by_year == by_range
    assert by_year[0] == 0
    assert len(by_year[1].splitlines()) > 2
    code, out, err = run(capsys, "events", "--year", "2008", "--from", "2007")
    assert (code, out) == (2, "")
    assert err.startswith("usage: nato-relations events")


def test_history_is_country(capsys: pytest.CaptureFixture[str]) -> None:
    history = run(capsys, "history", "Georgia", "--on", "2010-01-01")
    assert history[0] == 0
    assert history == run(capsys, "country", "Georgia", "--on", "2010-01-01")


@pytest.mark.parametrize("command", ["members", "events", "country", "map", "cite"])
def test_an_unknown_flag_shows_the_subcommands_usage(capsys: pytest.CaptureFixture[str], command: str) -> None:
    extra = ["SE"] if command == "country" else []
    code, out, err = run(capsys, command, *extra, "--bogus")
    assert (code, out) == (2, "")
    assert err.startswith(f"usage: nato-relations {command}")
    assert "unrecognized arguments: --bogus" in err


def test_map_without_out_writes_a_default_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "map", "--on", "2004-04-02")
    assert code == 0
    written = tmp_path / "nato-map-2004-04-02-europe.svg"
    assert written.stat().st_size > 0
    assert out == "nato-map-2004-04-02-europe.svg\n"
    assert str(written) in err


@pytest.mark.parametrize("fmt", ["BibTeX", "BIBTEX", "Apa", "CFF"])
def test_cite_takes_any_case(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert nr.cite(fmt) == nr.cite(fmt.lower())
    code, out, _ = run(capsys, "cite", "--format", fmt)
    assert (code, out) == (0, nr.cite(fmt.lower()))


def test_cite_still_refuses_unknown_formats() -> None:
    with pytest.raises(ValueError, match="'RIS'"):
        nr.cite("RIS")


def test_a_bare_number_is_explained_not_misspelt(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CountryNotFoundError) as caught:
        nr.get_country("365")
    assert caught.value.suggestions == ("cow:365", "gw:365")
    assert "ISO 3166 numeric" in str(caught.value)
    assert "Australia" not in str(caught.value)
    code, out, err = run(capsys, "country", "365")
    assert (code, out) == (1, "")
    assert err == f"nato-relations: {caught.value}\n"


CODES = [
    "cow:678",
    "cow:999",
    "gw:9",
    "999",
    "1",
    "99999",
    "Q99999999",
    "q0",
    "cow:255",
    "gw:255",
    "cow:  999",
    "cow:-1",
    "gw:x",
    "cow: 2",
]


@pytest.mark.parametrize("code", CODES)
def test_a_code_never_suggests_a_look_alike_name(code: str) -> None:
    """A code that is not found suggests only codes that are (the same number in a state system), or nothing."""
    try:
        found = nr.get_country(code)
    except CountryNotFoundError as error:
        for suggestion in error.suggestions:
            assert suggestion.split(":")[0] in ("cow", "gw"), suggestion
            assert suggestion.split(":")[1] == "".join(code.split()).split(":")[-1]
            nr.get_country(suggestion)  # each one is found
    else:  # a record holds it (another release may add one): fine
        assert found.cow_code is not None or found.gw_code is not None


def test_names_still_get_look_alikes() -> None:
    with pytest.raises(CountryNotFoundError) as caught:
        nr.get_country("Austrlia")
    assert "Australia" in caught.value.suggestions


def test_countries_help_says_what_on_defaults_to(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "countries", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "every country that ever took part" in text
    ever = run(capsys, "countries", "--programme", "PfP", "--format", "json")
    assert [c["alpha2"] for c in json.loads(ever[1])] == [c.alpha2 for c in nr.participants("PfP")]
    assert "RU" in [c.alpha2 for c in nr.participants("PfP")]  # suspended since 2014, yet it took part


def test_events_table_names_the_country(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--country", "GE", "--year", "2008")
    assert code == 0
    assert "Georgia (GE)" in out
    csv_rows = run(capsys, "events", "--country", "GE", "--year", "2008", "--format", "csv")[1].splitlines()
    assert csv_rows[1].split(",")[1] == "GE"  # the CSV schema keeps the code


def test_changes_text_keeps_values_at_full_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "changes")
    assert code == 0
    lines = out.splitlines()
    valued = [line for line in lines if line.startswith("    ") and '{"accessed"' in line]
    assert valued
    assert max(len(line) for line in valued) > 80  # not a 20-character column
    assert all(len(line) <= 100 for line in valued)


def test_panel_text_keeps_names_whole(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "panel", "--from", "2024", "--to", "2024")
    assert code == 0
    lines = out.splitlines()
    assert any("United States" in line for line in lines)
    assert not any(line.split() == ["States"] for line in lines)
    assert len(lines) == 2 + len(nr.panel(start=2024, end=2024).rows)  # one line per row


def test_info_json_code_sources_is_an_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info", "--format", "json")
    assert code == 0
    sources = json.loads(out)["code_sources"]
    assert isinstance(sources, dict)
    assert set(sources) == {name for name, _ in nr.dataset_info().code_sources}
    assert all(isinstance(v, list) and v and "url" in v[0] for v in sources.values())


# --- types and shapes ---------------------------------------------------------------------------


def _year_of(row: nr.PanelRecord) -> int:
    return row["year"]  # mypy --strict (run over the tests) refuses this if the value were Any or a union


@pytest.mark.parametrize("system", ["cow", "gw", "iso"])
def test_panel_records_are_a_typed_sequence(system: str) -> None:
    table = nr.panel(system=system, start=1999, end=2000)
    records = table.records()
    assert len(records) == len(table.rows) > 0
    expected = [dict(zip(table.columns, row, strict=True)) for row in table.rows[:3]]
    assert [dict(r) for r in records[:3]] == expected
    assert records[-1] == dict(zip(table.columns, table.rows[-1], strict=True))
    assert {_year_of(r) for r in records} == {1999, 2000}
    assert records[0] is not records[0]  # a new dict each time: changing one changes nothing else


def test_panel_record_declares_every_column_with_its_type() -> None:
    import typing

    hints = typing.get_type_hints(nr.PanelRecord)
    for system in ("cow", "gw", "iso"):
        table = nr.panel(system=system, start=2024, end=2025)
        assert set(table.columns) <= set(hints), "a programme was added: give it its column in PanelRecord"
        for row in table.rows:
            for column, value in zip(table.columns, row, strict=True):
                assert isinstance(value, typing.get_args(hints[column]) or hints[column]), (column, value)


def test_to_dataframe_names_its_tables() -> None:
    import typing

    from nato_relations._dictionary import COLUMNS
    from nato_relations._export import TableName

    assert set(typing.get_args(TableName)) == set(COLUMNS)


# --- names of the day ---------------------------------------------------------------------------


def test_names_of_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    day = datetime.date(1989, 11, 9)
    names = {c.name_on(day) for c in nr.members(day)}
    assert {"Federal Republic of Germany", "Turkey"} <= names
    assert not {"Germany", "Türkiye"} & names
    assert nr.get_country("DE").name_on(datetime.date(1990, 10, 3)) == "Germany"
    assert nr.get_country("TR").name_on("2022-05-31") == "Turkey"
    assert nr.get_country("TR").name_on("2022-06-01") == "Türkiye"
    assert nr.get_country("MK").name_on("2019-02-11") == "Macedonia"
    assert nr.get_country("MK").name_on("2019-02-12") == "North Macedonia"
    assert nr.get_country("FR").name_on(day) == "France"
    assert nr.get_country("TR").name_on() == "Türkiye"
    code, out, _ = run(capsys, "members", "--on", "1989-11-09", "--names", "then", "--format", "json")
    assert code == 0
    shown = [c["name"] for c in json.loads(out)]
    assert {"Federal Republic of Germany", "Turkey"} <= set(shown)
    assert shown == sorted(shown)
    assert "Germany" in run(capsys, "members", "--on", "1989-11-09")[1]  # today's names by default
    with pytest.raises(TypeError):
        nr.get_country("DE").name_on(1989)  # type: ignore[arg-type]


def test_former_names_are_curated_consistently() -> None:
    """Each former name finds its country, is dated within the state's life and before the data's as-of date,
    and is cited."""
    as_of = nr.dataset_info().as_of
    found = 0
    for country in nr.countries():
        untils = [f.until.latest for f in country.former_names]
        assert untils == sorted(set(untils)), country.alpha2
        for former in country.former_names:
            found += 1
            assert nr.get_country(former.name) is country, former.name
            assert former.name != country.name
            assert former.until.latest < as_of
            if country.valid_from is not None:
                assert former.until.latest >= country.valid_from.earliest
            if country.valid_until is not None:
                assert former.until.latest < country.valid_until.earliest
            assert former.sources
    assert found >= 3


@given(st.dates(min_value=datetime.date(1945, 1, 1), max_value=datetime.date(2030, 12, 31)))
def test_name_on_is_a_former_name_then_the_name(day: datetime.date) -> None:
    for alpha2 in ("DE", "TR", "MK", "SE"):
        country = nr.get_country(alpha2)
        name = country.name_on(day)
        later = [f for f in country.former_names if f.until.latest >= day]
        assert name == (later[0].name if later else country.name)


def test_former_names_are_in_the_data_dictionary() -> None:
    import attr

    from nato_relations._dictionary import FIELDS

    assert [f.name for f in attr.fields(nr.FormerName)] == list(FIELDS["FormerName"])
    assert "former_names" in FIELDS["Country"]
