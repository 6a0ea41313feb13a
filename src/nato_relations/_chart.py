"""Timeline charts of membership and partnership spells (needs ``nato-relations[plot]``)."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ._catalogue import Programme
from ._dataset import get_dataset
from ._dates import DateLike, check_range
from ._files import write_files
from ._model import Country, Participation
from ._queries import get_country, get_programme
from .exceptions import ExtraNotInstalledError, quote

__all__ = ["timeline"]

_EARLIEST = datetime.date(1945, 1, 1)
#: The programmes' colours, given in order of first appearance: Okabe and Ito's eight, safe for colour-blind
#: readers, then colours from Kelly's and Tol's sets chosen one by one as the farthest (CIELAB) from all before
#: and from the white background, so that no two are alike (no two purples side by side, as in Kelly's list).
_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#C2B280", "#332288", "#BE0032", "#654522", "#F99379", "#848482", "#882255", "#8DB600",
    "#882D17", "#999933", "#2B3D26", "#604E97", "#AA4499",
)  # fmt: skip


def timeline(
    path: str | os.PathLike[str],
    *,
    programme: str | Programme | None = None,
    countries: str | Country | Iterable[str | Country] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    title: str | None = None,
    events: bool = False,
) -> Path:
    """Draw the spells of countries in programmes over time, to SVG or PNG.

    Which spells: those of ``programme`` (default ``"NATO"``: the history of
    enlargement), for every country that took part or only for ``countries``
    (one identifier or several);
    with ``countries`` and no ``programme``, every spell of those countries.
    ``start``/``end`` limit the time axis. Spells still running are drawn to
    the release's as-of date. Each programme has a colour of its own, named
    in full in the legend, each country a row with a lane per programme and
    its name centred on them; rows come in the order of ``countries`` when
    given (the first on top), else in order of first spell. A qualified spell
    is hatched whole, a suspended one only over its suspensions;
    ``events=True`` also marks each country's events (those of the programmes
    drawn, and those of no programme). The format follows the suffix of
    ``path``.

    The file is written beside its target and renamed into place; a
    symbolic link at ``path`` is refused, and a missing folder is an error
    (it is not created).

    Raises :class:`~nato_relations.exceptions.ExtraNotInstalledError` without
    matplotlib, :class:`ValueError` for a suffix other than ``.svg``/``.png``,
    for a range that ends before it starts once limited to the data (1945 to
    the as-of date), or when nothing is left to draw; :class:`OSError` when
    the file cannot be written; and the look-up errors for unknown countries
    or programmes.

        >>> timeline("enlargement.svg")  # doctest: +SKIP
        PosixPath('enlargement.svg')
    """
    target = check_suffix(path)
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ExtraNotInstalledError("drawing a timeline", "plot", "matplotlib") from None

    low, high = check_range(start, end)
    data = get_dataset()
    if isinstance(countries, (str, Country)):  # one country, not the letters of its name
        countries = (countries,)
    chosen = None if countries is None else list(dict.fromkeys(get_country(c).alpha2 for c in countries))
    code = get_programme(programme).code if programme is not None else (None if chosen else "NATO")
    left, right = max(low, _EARLIEST), min(high, data.info.as_of)
    if left > right:
        raise ValueError(
            f"nothing to draw between {left.isoformat()} and {right.isoformat()}: the chart runs from "
            f"{_EARLIEST.isoformat()} to the data's as-of date, {data.info.as_of.isoformat()}"
        )
    rows = _rows(data.countries, chosen, code, left, right)
    if start is None:  # start the axis shortly before the first spell drawn
        first_drawn = min(p.first_day for _, spells in rows for p in spells)
        left = max(left, datetime.date(first_drawn.year - 1, 1, 1))
    default = f"{get_programme(code).name}: participation over time" if code else "Participation in programmes"
    footer = (
        f"nato-relations {data.info.version}, data as of {data.info.as_of.isoformat()}; "
        "hatched: a qualified spell, or the suspended part of a spell"
    )
    figure = _draw(Figure, rows, left=left, right=right, labels=(title or default, footer), events=events)
    save_figure(figure, target)
    return target


def check_suffix(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`~pathlib.Path`; :class:`ValueError` unless it ends in .svg or .png."""
    target = Path(path)
    if target.suffix.lower() not in (".svg", ".png"):
        raise ValueError(f"the file name must end in .svg or .png, not {quote(target.suffix)}")
    return target


def save_figure(figure: Any, target: Path, *, edit: Callable[[bytes], bytes] | None = None) -> None:
    """Write ``figure`` to ``target`` in the format its suffix names, by :func:`write_files`.

    ``edit``, when given, rewrites the bytes of an SVG file before they are written.
    """
    import io

    import matplotlib

    # No timestamps or random ids, so the same data draws the same file.
    suffix = target.suffix.lower()
    metadata = {"Date": None} if suffix == ".svg" else {"Software": None}
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "nato-relations"}):
        figure.savefig(buffer, format=suffix[1:], metadata=metadata)
    content = buffer.getvalue()
    if edit is not None and suffix == ".svg":
        content = edit(content)
    write_files([(target, content)])  # the folder must exist: a chart is one file, not a folder


Rows = list[tuple[Country, list[Participation]]]


def _rows(
    countries: Iterable[Country], chosen: list[str] | None, code: str | None, left: datetime.date, right: datetime.date
) -> Rows:
    """The countries to draw, each with its spells: in the order of ``chosen``, else in order of first spell."""
    rows = []
    for country in countries:
        if chosen is not None and country.alpha2 not in chosen:
            continue
        spells = [
            p for p in country.participations if (code is None or p.programme == code) and p.overlaps(left, right)
        ]
        if spells:
            rows.append((country, spells))
    if not rows:
        raise ValueError("nothing to draw: no spell matches these countries, programme and dates")
    if chosen is not None:
        rows.sort(key=lambda row: chosen.index(row[0].alpha2))
    else:
        rows.sort(key=lambda row: (min(p.first_day for p in row[1]), row[0].name))
    return rows


def _draw(
    figure_class: Any,
    rows: Rows,
    *,
    left: datetime.date,
    right: datetime.date,
    labels: tuple[str, str],
    events: bool,
) -> Any:
    """A matplotlib figure with one row per country and, in it, one lane per programme it took part in.

    Each country's label is centred on its own lanes; with ``events``, its
    events in the range are marked on the lane of their programme (or the
    middle of the row), with a legend entry of their own.
    """
    import matplotlib
    import matplotlib.dates

    date2num: Callable[[datetime.date], float] = matplotlib.dates.date2num  # untyped in matplotlib
    codes = list(dict.fromkeys(p.programme for _, spells in rows for p in spells))
    colour = {c: _COLOURS[i % len(_COLOURS)] for i, c in enumerate(codes)}
    lanes: dict[tuple[str, str], float] = {}
    centres: list[float] = []
    y = 0.0
    for country, spells in rows:
        own = [c for c in codes if any(p.programme == c for p in spells)]
        lanes.update({(country.alpha2, c): y + i for i, c in enumerate(own)})
        centres.append(y + (len(own) - 1) / 2)
        y += len(own) + 0.7  # a gap between countries
    figure = figure_class(figsize=(11, 1.4 + 0.2 * y), layout="constrained")
    axes = figure.add_subplot()
    for country, spells in rows:
        for spell in spells:
            first, last = max(spell.first_day, left), min(spell.last_day, right)
            lane, fill = lanes[country.alpha2, spell.programme], colour[spell.programme]
            hatched = [(first, last)] if spell.qualifiers else []
            for pause in () if spell.qualifiers else spell.suspensions:  # hatched from the day it began
                until = right if pause.end is None else min(pause.end.latest, right)
                if max(pause.start.earliest, first) <= min(until, last):
                    hatched.append((max(pause.start.earliest, first), min(until, last)))
            axes.barh(lane, (last - first).days + 1, left=date2num(first), height=0.8, color=fill, linewidth=0)
            for since, until in hatched:
                axes.barh(
                    lane,
                    (until - since).days + 1,
                    left=date2num(since),
                    height=0.8,
                    color=fill,
                    hatch="//",
                    edgecolor="white",
                    linewidth=0,
                )
    handles = [axes.barh(0, 0, color=colour[c]) for c in codes] if len(codes) > 1 else []
    names = [get_programme(c).name for c in codes] if len(codes) > 1 else []
    if events:
        xs, ys = [], []
        for (country, _), centre in zip(rows, centres, strict=True):
            for event in country.events:
                day = event.date.earliest
                drawn = [c for c in event.programmes if c in codes]
                if left <= day <= right and (drawn or not event.programmes):
                    xs.append(date2num(day))
                    mine = [lanes[country.alpha2, c] for c in drawn if (country.alpha2, c) in lanes]
                    ys.append(mine[0] if mine else centre)  # on its first programme's lane, else mid-row
        handles.append(axes.scatter(xs, ys, marker="|", s=60, color="#222222", linewidths=1.2, zorder=3))
        names.append("event")
    axes.xaxis_date()
    axes.set_yticks(centres, [country.name for country, _ in rows], fontsize=8)
    axes.set_ylim(y - 0.7 + 0.5, -0.5)
    axes.set_xlim(date2num(left), date2num(right))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if handles:
        figure.legend(handles=handles, labels=names, loc="outside lower center", fontsize=8, ncols=min(len(names), 3))
    axes.set_title(labels[0], loc="left", fontsize=11)
    axes.set_xlabel(labels[1], loc="right", fontsize=7, color="#666666")
    return figure
