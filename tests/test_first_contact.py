"""What a new user expects at first contact: string-like enums, default dates, the names people type, a citation."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import nato_relations as nr
from nato_relations import EventKind, ProgrammeKind, Status
from nato_relations._cli import main

from .conftest import run_cli


def test_enums_compare_equal_to_their_values() -> None:
    members: list[str] = [Status.MEMBER, EventKind.SUMMIT, ProgrammeKind.DIALOGUE]  # they are strings
    assert members == ["member", "summit", "dialogue"]
    assert str(Status.PARTNER) == "partner"
    assert f"{EventKind.ACCESSION}" == "accession"
    status: str = nr.get_country("SE").status_on(datetime.date(2024, 3, 7))
    assert status == "member"
    assert Status("member") is Status.MEMBER


def test_status_and_spells_default_to_today() -> None:
    russia = nr.get_country("RU")
    today = datetime.date.today()
    assert russia.status_on() is russia.status_on(today)
    assert russia.participations_on() == russia.participations_on(today)


ALIASES = [
    ("NATO-Ukraine Council", "NUC"),
    ("NATO-Ukraine Commission", "NUC"),
    ("global partners", "PATG"),
    ("partners across the globe", "PATG"),
    ("contact countries", "PATG"),
    ("Euro-Atlantic partners", "EAPC"),
    ("MNNA", "MNNA"),
    ("major non-NATO ally", "MNNA"),
    ("major non-NATO allies", "MNNA"),
    ("Partnership for Peace", "PfP"),
    ("North Atlantic Cooperation Council", "NACC"),
    ("Membership Action Plan", "MAP"),
    ("Intensified Dialogue", "ID"),
    ("Annual National Programme", "ANP"),
    ("Individual Partnership Action Plan", "IPAP"),
    ("Individual Partnership and Cooperation Programme", "IPCP"),
    ("Individually Tailored Partnership Programme", "ITPP"),
    ("Enhanced Opportunities Partners", "EOP"),
    ("Mediterranean Dialogue", "MD"),
    ("Istanbul Cooperation Initiative", "ICI"),
    ("Defence Capacity Building Initiative", "DCB"),
    ("NATO-Russia Council", "NRC"),
    ("Permanent Joint Council", "PJC"),
    ("NATO-Georgia Commission", "NGC"),
    ("the Alliance", "NATO"),
    ("aspirant countries", "ASPIRANT"),
]


@pytest.mark.parametrize(("name", "code"), ALIASES)
def test_the_names_people_type(name: str, code: str) -> None:
    assert nr.get_programme(name).code == code


@pytest.mark.parametrize("fmt", ["apa", "bibtex", "cff"])
def test_cite_names_the_release(fmt: str) -> None:
    info = nr.dataset_info()
    text = nr.cite(fmt)
    assert info.version in text
    assert info.as_of.isoformat() in text
    assert info.sha256 in text


def test_cite_refuses_unknown_formats() -> None:
    with pytest.raises(ValueError, match="expected one of: apa, bibtex, cff"):
        nr.cite("mla")
    with pytest.raises(TypeError):
        nr.cite(7)  # type: ignore[arg-type]


def test_cite_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--format", "bibtex"]) == 0
    assert capsys.readouterr().out == nr.cite("bibtex")


def test_citation_cff_is_the_installed_release() -> None:
    path = Path(__file__).resolve().parent.parent / "CITATION.cff"
    if not path.is_file():
        pytest.skip("needs the source tree")
    assert path.read_text(encoding="utf-8") == nr.cite("cff"), (
        "run: python -c \"import nato_relations as n, sys; sys.stdout.write(n.cite('cff'))\" > CITATION.cff"
    )


run = run_cli


def test_cli_dates_follow_the_api_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--country", "RS", "--from", "2008", "--to", "2008", "--format", "csv")
    assert code == 0
    rows = out.splitlines()[1:]
    assert rows
    assert all(line.startswith("2008") for line in rows)
    for argv in (("members", "--on", "20240101"), ("members", "--on", "2024")):  # the same on every Python
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert "usage: nato-relations members" in err


def test_cli_choices_ignore_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "events", "--kind", "SUMMIT", "--format", "JSON")[0] == 0
    assert run(capsys, "countries", "--status", "Partner", "--on", "2010-01-01")[0] == 0


def test_errors_inside_a_subcommand_show_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "events", "--from", "2009-01-01", "--to", "2008-01-01")
    assert code == 2
    assert err.startswith("usage: nato-relations events")


def test_timeline_takes_one_country_or_several(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    one = nr.timeline(tmp_path / "one.svg", countries="Ukraine")
    several = nr.timeline(tmp_path / "two.svg", countries=["Ukraine", "Georgia"])
    assert one.stat().st_size > 0
    assert several.stat().st_size > one.stat().st_size
