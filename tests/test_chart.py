"""Timeline charts drawn from the real data."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

import nato_relations as nr
from nato_relations._cli import main

pytest.importorskip("matplotlib")


def test_enlargement_svg_is_drawn_and_reproducible(tmp_path: Path) -> None:
    first = nr.timeline(tmp_path / "a.svg")
    second = nr.timeline(tmp_path / "b.svg")
    text = first.read_text(encoding="utf-8")
    assert text.startswith("<?xml")
    for name in ("Belgium", "Sweden", "North Macedonia"):
        assert name in text  # fonts are drawn as text, so names are searchable
    assert first.read_bytes() == second.read_bytes()


def test_png_for_a_programme_and_countries(tmp_path: Path) -> None:
    png = nr.timeline(tmp_path / "pfp.png", programme="PfP", start=datetime.date(1990, 1, 1))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = nr.timeline(tmp_path / "three.svg", countries=["UA", "Georgia", nr.get_country("SE")])
    assert "Ukraine" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"path": "chart.pdf"}, ValueError),
        ({"path": "chart.svg", "countries": ["Atlantis"]}, nr.CountryNotFoundError),
        ({"path": "chart.svg", "programme": "XYZ"}, nr.ProgrammeNotFoundError),
        ({"path": "chart.svg", "programme": "NATO", "countries": ["AT"]}, ValueError),  # Austria never joined
    ],
)
def test_timeline_errors(tmp_path: Path, kwargs: dict[str, object], error: type[Exception]) -> None:
    kwargs["path"] = tmp_path / str(kwargs["path"])
    with pytest.raises(error):
        nr.timeline(**kwargs)  # type: ignore[arg-type]


def test_cli_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.svg"
    assert main(["timeline", "--programme", "MAP", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    with pytest.raises(SystemExit) as caught:  # a usage error: Austria never joined NATO
        main(["timeline", "--country", "AT", "--programme", "NATO", "--out", str(out)])
    assert caught.value.code == 2


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour written #rrggbb."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_no_two_programme_colours_are_alike() -> None:
    """Issue 23: Kelly's purple and violet (15 apart) were both drawn; now every pair is as far apart as Okabe-Ito's."""
    import itertools
    import math

    from nato_relations._chart import _COLOURS

    assert len(_COLOURS) >= len({p.programme for c in nr.countries() for p in c.participations})
    for a, b in itertools.combinations((*_COLOURS, "#FFFFFF"), 2):
        assert math.dist(_lab(a), _lab(b)) >= 25, (a, b)
    assert math.dist(_lab("#875692"), _lab("#604E97")) < 25  # the rule catches the two purples of old


def test_the_legend_names_programmes_in_full_and_events_can_be_marked(tmp_path: Path) -> None:
    plain = nr.timeline(tmp_path / "plain.svg", countries=["UA", "GE"]).read_text(encoding="utf-8")
    marked = nr.timeline(tmp_path / "marked.svg", countries=["UA", "GE"], events=True).read_text(encoding="utf-8")
    assert "<!-- event -->" in marked
    assert "<!-- event -->" not in plain
    for name in ("Intensified Dialogue", "Annual National Programme", "Partnership for Peace"):
        assert f"<!-- {name} -->" in plain
    for code in ("ID", "ANP", "PfP"):
        assert f"<!-- {code} -->" not in plain


def _figure(countries: list[str] | None, programme: str | None) -> object:
    from matplotlib.figure import Figure

    from nato_relations._chart import _draw, _rows
    from nato_relations._dataset import get_dataset

    data = get_dataset()
    left, right = datetime.date(1990, 1, 1), data.info.as_of
    rows = _rows(data.countries, countries, programme, left, right)
    return _draw(Figure, rows, left=left, right=right, labels=("t", "f"), events=False)


def test_a_suspended_spell_is_hatched_from_its_suspension_only() -> None:
    """Issue 23: Russia's and Belarus's PfP bars were hatched from 1994."""
    import matplotlib.dates

    num2date: Callable[[float], datetime.datetime] = matplotlib.dates.num2date  # untyped in matplotlib
    figure = _figure(["RU", "BY"], "PfP")
    bars = [p for p in figure.get_axes()[0].patches if p.get_width() > 0]  # type: ignore[attr-defined]
    hatched = sorted(num2date(p.get_x()).date() for p in bars if p.get_hatch())
    plain = sorted(num2date(p.get_x()).date() for p in bars if not p.get_hatch())
    assert hatched == [datetime.date(2014, 4, 1), datetime.date(2021, 11, 1)]  # Belarus's: November 2021
    assert plain == [datetime.date(1994, 6, 22), datetime.date(1995, 1, 11)]


@pytest.mark.parametrize("order", [["SE", "GE", "UA"], ["UA", "SE", "GE"], ["GE", "UA", "SE"]])
def test_countries_are_drawn_in_the_order_passed(order: list[str]) -> None:
    axes = _figure(order, None).get_axes()[0]  # type: ignore[attr-defined]
    names = [label.get_text() for label in axes.get_yticklabels()]
    assert names == [nr.get_country(c).name for c in order]
    assert list(axes.get_yticks()) == sorted(axes.get_yticks())
    assert axes.yaxis_inverted()  # so the first passed is drawn on top


def test_cli_timeline_with_events(tmp_path: Path) -> None:
    out = tmp_path / "ua.svg"
    assert main(["timeline", "--country", "UA", "--events", "--out", str(out)]) == 0
    assert "<!-- event -->" in out.read_text(encoding="utf-8")
