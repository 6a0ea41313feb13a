"""Timeline charts drawn from the real data."""

from __future__ import annotations

import datetime
import re
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


def test_programmes_have_distinct_colours_and_events_can_be_marked(tmp_path: Path) -> None:
    from nato_relations._chart import _COLOURS, _MANY_COLOURS

    assert len(set(_COLOURS)) == len(_COLOURS)
    assert len(set(_MANY_COLOURS)) == len(_MANY_COLOURS) >= len(nr.programmes())
    plain = nr.timeline(tmp_path / "plain.svg", countries=["UA", "GE"]).read_text(encoding="utf-8")
    marked = nr.timeline(tmp_path / "marked.svg", countries=["UA", "GE"], events=True).read_text(encoding="utf-8")
    assert "<!-- event -->" in marked
    assert "<!-- event -->" not in plain
    fills = set(re.findall(r"fill: (#[0-9a-f]{6})", plain))
    assert {c.lower() for c in _MANY_COLOURS[:11]} <= fills  # eleven programmes, eleven colours


def test_cli_timeline_with_events(tmp_path: Path) -> None:
    out = tmp_path / "ua.svg"
    assert main(["timeline", "--country", "UA", "--events", "--out", str(out)]) == 0
    assert "<!-- event -->" in out.read_text(encoding="utf-8")
