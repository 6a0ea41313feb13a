"""The affiliation map: the category rule, the state drawn on each shape, and the files drawn."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attr
import pytest

import nato_relations as nr
from nato_relations import Affiliation
from nato_relations._affiliation import affiliation
from nato_relations._cli import main
from nato_relations._dataset import get_dataset
from nato_relations._map import _holder

A = Affiliation

AFFILIATIONS = [
    ("Sweden", "2024-03-06", A.ASPIRANT),
    ("Sweden", "2024-03-07", A.MEMBER),
    ("Switzerland", "2024-03-07", A.EURO_ATLANTIC_PARTNER),
    ("Morocco", "2024-03-07", A.MEDITERRANEAN_DIALOGUE),
    ("Qatar", "2024-03-07", A.ISTANBUL_COOPERATION_INITIATIVE),
    ("Japan", "2024-03-07", A.PARTNER_ACROSS_THE_GLOBE),  # also an MNNA: the NATO colour wins
    ("Brazil", "2024-03-07", A.MAJOR_NON_NATO_ALLY),
    ("Russia", "2010-01-01", A.EURO_ATLANTIC_PARTNER),
    ("Russia", "2024-03-07", A.NONE),  # suspended relations confer nothing
    ("Malta", "1999-12-31", A.NONE),  # PfP suspended from 1996
    ("Malta", "2009-12-31", A.EURO_ATLANTIC_PARTNER),
    ("Georgia", "2024-03-07", A.ASPIRANT),
    ("China", "2024-03-07", A.NONE),
]


@pytest.mark.parametrize(("country", "day", "expected"), AFFILIATIONS)
def test_affiliation_rule(country: str, day: str, expected: Affiliation) -> None:
    assert affiliation(nr.get_country(country), datetime.date.fromisoformat(day)) is expected


def test_a_partner_outside_every_framework_is_other() -> None:
    dcb = next(p for p in nr.get_country("Moldova").participations if p.programme == "DCB")
    only_dcb = attr.evolve(nr.get_country("Moldova"), participations=(dcb,))
    assert affiliation(only_dcb, datetime.date(2020, 1, 1)) is A.OTHER_PARTNER


@pytest.mark.parametrize(
    ("shape", "day", "state"),
    [
        ("LT", "1985-06-01", "LT"),  # the Baltic states are no successors of the USSR in this dataset
        ("UA", "1985-06-01", "SUHH"),
        ("UA", "1992-06-01", "UA"),
        ("SK", "1990-06-01", "CSHH"),
        ("RS", "1999-12-31", "YUCS"),
        ("ME", "2004-06-01", "CSXX"),
        ("RS", "2010-06-01", "RS"),
        ("DE", "1980-06-01", "DE"),  # the Federal Republic, not the GDR
        ("FR", "1950-01-01", "FR"),
    ],
)
def test_the_state_of_the_day_is_drawn_on_its_successors_shapes(shape: str, day: str, state: str) -> None:
    data = get_dataset()
    predecessors = {successor: c for c in data.countries for successor in c.successors}
    found = _holder(data.country_exact[shape], predecessors, datetime.date.fromisoformat(day))
    assert found.alpha2 == state


def test_every_country_ever_affiliated_can_be_drawn() -> None:
    """A curator who adds a spell for a state the shapes lack is told here."""
    import json

    from nato_relations._loader import read_pinned

    shapes = json.loads(read_pinned("shapes.json"))
    drawn = set(shapes["polygons"]) | set(shapes["points"])
    data = get_dataset()

    def drawable(code: str) -> bool:  # a shape of its own, or all its successors drawable (Yugoslavia, via CSXX)
        successors = data.country_exact[code].successors
        return code in drawn or (bool(successors) and all(drawable(s) for s in successors))

    missing = [c.alpha2 for c in data.countries if c.participations and not drawable(c.alpha2)]
    assert missing == []
    assert set(drawn) <= set(data.country_exact), "every shape is a country of the dataset"


pytest.importorskip("matplotlib")


def _legend(svg: str) -> list[str]:
    # matplotlib writes each text it draws as a comment before its glyphs
    return re.findall(r"<!-- (.*?) -->", svg)


def test_map_for_a_day(tmp_path: Path) -> None:
    path = nr.affiliation_map(tmp_path / "europe.svg", on="2024-03-07")
    svg = path.read_text(encoding="utf-8")
    texts = _legend(svg)
    assert "Affiliation with NATO, 7 March 2024" in texts
    shown = {kind.value for kind in Affiliation} & set(texts)
    expected = {affiliation(c, datetime.date(2024, 3, 7)).value for c in get_dataset().countries} - {"other partner"}
    assert shown == expected  # the legend lists the categories on the map, and only those
    assert any(f"nato-relations {nr.__version__}" in t and "Natural Earth" in t for t in texts)
    assert not any("GDR" in t for t in texts)
    again = nr.affiliation_map(tmp_path / "again.svg", on=datetime.date(2024, 3, 7))
    assert again.read_bytes() == path.read_bytes()  # the same day draws the same file


def test_map_of_a_divided_germany_says_so(tmp_path: Path) -> None:
    texts = _legend(nr.affiliation_map(tmp_path / "1985.svg", on="1985-06-01").read_text(encoding="utf-8"))
    assert any("GDR is not drawn separately" in t for t in texts)
    assert {"member", "none"} <= set(texts)
    assert "aspirant" not in texts


def test_world_map_png(tmp_path: Path) -> None:
    png = nr.affiliation_map(tmp_path / "world.png", on="2009-04-04", region="World")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"path": "map.pdf"}, ValueError),
        ({"path": "map.svg", "region": "asia"}, ValueError),
        ({"path": "map.svg", "on": "2009"}, ValueError),  # a year is not a day
        ({"path": "map.svg", "on": datetime.datetime(2009, 1, 1)}, TypeError),
        ({"path": "missing/map.svg"}, OSError),  # the folder is not created
    ],
)
def test_map_errors(tmp_path: Path, kwargs: dict[str, object], error: type[Exception]) -> None:
    kwargs["path"] = tmp_path / str(kwargs["path"])
    with pytest.raises(error):
        nr.affiliation_map(**kwargs)  # type: ignore[arg-type]


def test_damaged_shapes_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_relations import _release

    monkeypatch.setitem(_release.SHA256, "shapes.json", "0" * 64)
    with pytest.raises(nr.DataError, match=r"^data/shapes.json: SHA-256"):
        nr.affiliation_map(tmp_path / "map.svg")
    assert main(["map", "--out", str(tmp_path / "map.svg")]) == 1


def test_cli_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.svg"
    assert main(["map", "--on", "2024-03-07", "--region", "EUROPE", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes() == nr.affiliation_map(tmp_path / "api.svg", on="2024-03-07").read_bytes()
    with pytest.raises(SystemExit) as caught:
        main(["map", "--on", "2024", "--out", str(out)])
    assert caught.value.code == 2
    assert "usage: nato-relations map" in capsys.readouterr().err
