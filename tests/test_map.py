"""The affiliation map: the category rule, the state drawn on each shape, and the files drawn."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attr
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations import Affiliation
from nato_relations._affiliation import affiliation
from nato_relations._cli import main
from nato_relations._dataset import Dataset, get_dataset
from nato_relations._map import COLOURS, holder, holders_on

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
    ("Russia", "2024-03-07", A.SUSPENDED_PARTNER),  # still on NATO's lists, every NATO-run spell suspended
    ("Russia", "2009-01-01", A.EURO_ATLANTIC_PARTNER),  # only the NATO-Russia Council suspended then
    ("Belarus", "2021-10-31", A.EURO_ATLANTIC_PARTNER),
    ("Belarus", "2021-11-01", A.SUSPENDED_PARTNER),
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
        ("SK", "1993-01-01", "SK"),
        ("RS", "1999-12-31", "YUCS"),
        ("ME", "2004-06-01", "CSXX"),
        ("RS", "2010-06-01", "RS"),
        # Yugoslavia's republics are drawn as themselves from their independence (issue 23)
        ("SI", "1991-06-01", "YUCS"),
        ("SI", "1992-01-15", "SI"),
        ("SI", "1995-01-01", "SI"),
        ("HR", "1995-01-01", "HR"),
        ("BA", "1992-04-06", "YUCS"),
        ("BA", "1992-04-07", "BA"),
        ("MK", "1999-12-31", "MK"),
        ("MK", "2001-01-01", "MK"),
        # the two Germanys
        ("DE", "1980-06-01", "DE"),
        ("DDDE", "1980-06-01", "DDDE"),
        ("DDDE", "1990-10-02", "DDDE"),
        ("DDDE", "1990-10-03", "DE"),  # the GDR's shape is Germany's after unification
        ("DE", "1949-04-04", "DE"),  # before the Federal Republic, the shape's own record (none)
        ("FR", "1950-01-01", "FR"),
    ],
)
def test_the_state_that_held_the_territory_is_drawn(shape: str, day: str, state: str) -> None:
    data = get_dataset()
    assert holder(data.country_exact[shape], data, datetime.date.fromisoformat(day)).alpha2 == state


def _existed(country: nr.Country, day: datetime.date) -> bool:
    periods = country.lifetime()
    return not periods or any(a <= day and (b is None or day <= b) for a, b in periods)


def _kin(data: Dataset, code: str) -> set[str]:
    """The records linked to ``code`` through successors, either way, at any distance."""
    found, todo = {code}, [code]
    while todo:
        current = todo.pop()
        linked = set(data.country_exact[current].successors)
        linked |= {c.alpha2 for c in data.countries if current in c.successors}
        todo += sorted(linked - found)
        found |= linked
    return found


@given(day=st.dates(min_value=datetime.date(1949, 1, 1), max_value=datetime.date(2026, 11, 30)))
def test_the_holder_rule_holds_for_every_shape(day: datetime.date) -> None:
    """The state drawn existed that day and is the shape's own or kin; the shape's own state, when it existed."""
    data = get_dataset()
    for code in _shape_codes():
        own = data.country_exact[code]
        found = holder(own, data, day)
        if _existed(own, day):
            assert found is own
        else:
            assert found is own or (_existed(found, day) and found.alpha2 in _kin(data, code))


def test_lifetime_reads_the_dates_of_existence() -> None:
    data = get_dataset()
    assert data.country_exact["DDDE"].lifetime() == ((datetime.date(1949, 10, 7), datetime.date(1990, 10, 2)),)
    slovenia = data.country_exact["SI"].lifetime()  # no valid_from: the state-system periods
    assert min(first for first, _ in slovenia) == datetime.date(1992, 1, 15)
    assert all(last is None for _, last in slovenia)


def _shape_codes() -> list[str]:
    import json

    from nato_relations._loader import read_pinned

    shapes = json.loads(read_pinned("shapes.json"))
    return [*shapes["polygons"], *shapes["points"]]


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
    assert any(f"nato-relations {nr.__version__}" in t and "Natural Earth" in t for t in texts)
    assert not any("GDR" in t for t in texts)
    again = nr.affiliation_map(tmp_path / "again.svg", on=datetime.date(2024, 3, 7))
    assert again.read_bytes() == path.read_bytes()  # the same day draws the same file


ON_2024 = {A.MEMBER, A.ASPIRANT, A.EURO_ATLANTIC_PARTNER, A.MEDITERRANEAN_DIALOGUE}
ON_2024 |= {A.ISTANBUL_COOPERATION_INITIATIVE, A.PARTNER_ACROSS_THE_GLOBE, A.NONE}  # Iraq, Kuwait in the frame
ON_2024 |= {A.SUSPENDED_PARTNER}  # Russia, Belarus


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("europe", ON_2024),  # Brazil, Argentina ... (Major non-NATO allies only) lie outside the frame
        ("world", ON_2024 | {A.MAJOR_NON_NATO_ALLY}),
    ],
)
def test_the_legend_lists_the_categories_drawn_inside_the_frame(
    tmp_path: Path, region: str, expected: set[Affiliation]
) -> None:
    texts = set(_legend(nr.affiliation_map(tmp_path / "m.svg", on="2024-03-07", region=region).read_text()))
    assert {kind for kind in Affiliation if kind.value in texts} == expected


_SHAPE = re.compile(
    r'<g id="(?P<id>[A-Z]+)" data-record="(?P<record>[A-Z]+)">\s*<title>(?P<title>[^<]*)</title>'
    r".*?fill: (?P<fill>#[0-9a-f]{6})",
    re.DOTALL,
)


def _shapes_drawn(svg: str) -> dict[str, tuple[str, str, str]]:
    """Each shape's id -> (record, title, fill colour), read from the SVG."""
    return {m["id"]: (m["record"], m["title"], m["fill"]) for m in _SHAPE.finditer(svg)}


def _change_days() -> list[datetime.date]:
    """Every day from 1949 to the as-of date on which a spell, a suspension or a state's existence changes."""
    data = get_dataset()
    one = datetime.timedelta(days=1)
    days = set()
    for country in data.countries:
        for spell in country.participations:
            days |= {spell.first_day, spell.last_day + one if spell.end is not None else spell.first_day}
            for pause in spell.suspensions:
                days |= {
                    pause.start.earliest,
                    pause.end.latest + one if pause.end is not None else pause.start.earliest,
                }
        for first, last in country.lifetime():
            days |= {first, last + one if last is not None else first}
    return sorted(d for d in days if datetime.date(1949, 1, 1) <= d <= data.info.as_of)


def test_every_shape_is_drawn_in_the_colour_of_its_state_on_every_change_day(tmp_path: Path) -> None:
    """Issue 23: over the whole history, the map never contradicts ``affiliation()``."""
    data = get_dataset()
    codes = set(_shape_codes())
    days = _change_days()
    assert len(days) > 200
    assert {datetime.date(1990, 10, 3), datetime.date(1992, 1, 15)} <= set(days)
    for day in days:
        svg = nr.affiliation_map(tmp_path / "world.svg", on=day, region="world").read_text(encoding="utf-8")
        drawn = _shapes_drawn(svg)
        assert set(drawn) == codes, day
        held = holders_on(data, codes, day)
        for code, (record, title, fill) in drawn.items():
            state = data.country_exact[record]
            assert state is held[code], (day, code)
            kind = affiliation(state, day)
            assert fill == COLOURS[kind].lower(), (day, code, record)
            assert title.endswith(f": {kind.value}"), (day, code, title)
            assert title.startswith(state.name), (day, code, title)


@pytest.mark.parametrize(
    ("day", "shape", "record", "kind"),
    [
        ("1995-01-01", "SI", "SI", A.EURO_ATLANTIC_PARTNER),  # the API: `country Slovenia --on 1995-01-01`
        ("1999-12-31", "SI", "SI", A.ASPIRANT),
        ("2001-01-01", "MK", "MK", A.ASPIRANT),
        ("2001-01-01", "HR", "HR", A.EURO_ATLANTIC_PARTNER),
        ("2001-01-01", "RS", "YUCS", A.NONE),
        ("1985-06-01", "DDDE", "DDDE", A.NONE),  # the GDR in its own colour, never a member
        ("1985-06-01", "DE", "DE", A.MEMBER),
        ("1990-10-03", "DDDE", "DE", A.MEMBER),
        ("1985-06-01", "UA", "SUHH", A.NONE),
    ],
)
def test_the_svg_names_each_shape_and_its_record(
    tmp_path: Path, day: str, shape: str, record: str, kind: Affiliation
) -> None:
    drawn = _shapes_drawn(nr.affiliation_map(tmp_path / "m.svg", on=day).read_text(encoding="utf-8"))
    found_record, title, fill = drawn[shape]
    assert (found_record, fill) == (record, COLOURS[kind].lower())
    held, own = get_dataset().country_exact[record], get_dataset().country_exact[shape]
    expected = f"{held.name}: {kind.value}" if shape == record else f"{held.name} (the territory of {own.name})"
    assert title.startswith(expected)
    assert title.endswith(f": {kind.value}")


def test_the_gdr_is_its_own_shape_until_unification(tmp_path: Path) -> None:
    texts = _legend(nr.affiliation_map(tmp_path / "1985.svg", on="1985-06-01").read_text(encoding="utf-8"))
    assert any("GDR is drawn with all of Berlin" in t for t in texts)  # the footnote says how Berlin is drawn
    assert {"member", "none"} <= set(texts)
    assert "aspirant" not in texts
    after = _legend(nr.affiliation_map(tmp_path / "1991.svg", on="1991-01-01").read_text(encoding="utf-8"))
    assert not any("GDR" in t for t in after)


def test_labels_write_the_names_of_the_day(tmp_path: Path) -> None:
    plain = set(_legend(nr.affiliation_map(tmp_path / "plain.svg", on="1985-06-01").read_text(encoding="utf-8")))
    named = set(_legend(nr.affiliation_map(tmp_path / "named.svg", on="1985-06-01", labels=True).read_text()))
    assert {"Soviet Union", "Yugoslavia", "France"} <= named - plain
    assert "Ukraine" not in named  # the state of the day, not today's
    assert any(t.startswith("German Democratic") for t in named)


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
    labelled = tmp_path / "labelled.svg"
    assert main(["map", "--on", "2024-03-07", "--labels", "--out", str(labelled)]) == 0
    capsys.readouterr()
    assert labelled.read_bytes() == nr.affiliation_map(tmp_path / "api2.svg", on="2024-03-07", labels=True).read_bytes()
    with pytest.raises(SystemExit) as caught:
        main(["map", "--on", "2024", "--out", str(out)])
    assert caught.value.code == 2
    assert "usage: nato-relations map" in capsys.readouterr().err


def test_the_guide_shows_the_historical_maps_the_docs_draw() -> None:
    """Issue 23: the guide shows the maps of 1985, 1995, 1999 and 2001, which docs/hooks.py draws."""
    import ast

    docs = Path(__file__).resolve().parent.parent / "docs"
    guide = (docs / "guide.md").read_text(encoding="utf-8")
    hooks = ast.parse((docs / "hooks.py").read_text(encoding="utf-8"))
    days = next(
        ast.literal_eval(node.value)
        for node in ast.walk(hooks)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MAP_DAYS" for t in node.targets)
    )
    assert {"1985-06-01", "1995-01-01", "1999-12-31", "2001-01-01"} <= set(days)
    for day in days:
        assert f"(generated/map-{day[:4]}.svg)" in guide
