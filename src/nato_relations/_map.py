"""The affiliation map: countries coloured by their affiliation with NATO on a day (needs ``[plot]``)."""

from __future__ import annotations

import datetime
import json
import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ._affiliation import Affiliation, affiliation
from ._chart import check_suffix, save_figure
from ._dataset import get_dataset
from ._dates import DateLike, coerce_date
from ._loader import read_pinned
from ._model import Country
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


def affiliation_map(
    path: str | os.PathLike[str],
    *,
    on: DateLike | None = None,
    region: str = "europe",
    title: str | None = None,
) -> Path:
    """Draw the map of countries coloured by their affiliation with NATO on ``on``, to SVG or PNG.

    Each country is coloured by :class:`~nato_relations._affiliation.Affiliation`
    on the day (default: today): member, aspirant, partner by framework,
    Major non-NATO ally of the United States, or none. A state that existed
    then is drawn over its successors' shapes (the Soviet Union in 1985,
    Yugoslavia in 1999); Germany's shape shows the Federal Republic, and the
    footnote says so while the German Democratic Republic existed. The legend
    lists the categories on the map, the title gives the date, and the footnote the
    dataset release and the shapes' source (Natural Earth 1:110m, public
    domain, shipped with the package: nothing is downloaded). ``region`` is
    ``"europe"`` or ``"world"``. The file is written as :func:`timeline`
    writes its charts: beside its target, then renamed into place.

    Raises :class:`~nato_relations.exceptions.ExtraNotInstalledError` without
    matplotlib, :class:`ValueError` for another suffix than ``.svg``/``.png``
    or an unknown region, :class:`TypeError` when ``on`` is not a date,
    :class:`~nato_relations.exceptions.DataError` when the shipped shapes are
    damaged, and :class:`OSError` when the file cannot be written.

        >>> affiliation_map("europe-2024.svg", on="2024-03-07")  # doctest: +SKIP
        PosixPath('europe-2024.svg')
    """
    target = check_suffix(path)
    chosen = region.lower() if isinstance(region, str) else region
    if chosen not in _REGIONS:
        raise ValueError(f"region must be one of {', '.join(REGIONS)}, not {quote(region)}")
    day = datetime.date.today() if on is None else coerce_date(on, "on")
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ExtraNotInstalledError("drawing a map", "plot", "matplotlib") from None
    shapes = json.loads(read_pinned("shapes.json"))
    data = get_dataset()
    predecessors = {successor: c for c in data.countries for successor in c.successors}
    holders = {
        code: _holder(data.country_exact[code], predecessors, day) for code in (*shapes["polygons"], *shapes["points"])
    }
    colours = {code: affiliation(holder, day) for code, holder in holders.items()}
    merged = {code for code, holder in holders.items() if holder.alpha2 != code}
    project, corners, width = _REGIONS[chosen]
    when = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    notes = [
        f"nato-relations {data.info.version}, data as of {data.info.as_of.isoformat()}. "
        "Shapes: Natural Earth 1:110m, public domain."
    ]
    if _exists(data.country_exact["DDDE"], day):
        notes.append("Germany's shape shows the Federal Republic; the GDR is not drawn separately.")
    xs, ys = zip(*(project(lon, lat) for lon, lat in corners), strict=True)
    box = (min(xs), max(xs), min(ys), max(ys))
    figure = Figure(figsize=(width, width * (box[3] - box[2]) / (box[1] - box[0]) + 1.4), layout="constrained")
    _draw(figure, shapes, colours, merged, projection=(project, box))
    figure.legend(
        handles=[_swatch(kind) for kind in Affiliation if kind in set(colours.values())],
        loc="outside lower center",
        ncols=3,
        fontsize=8,
        frameon=False,
    )
    figure.suptitle(title or f"Affiliation with NATO, {when}", fontsize=12)
    figure.get_axes()[0].set_title(" ".join(notes), loc="right", y=-0.04, fontsize=6.5, color="#555555")
    save_figure(figure, target)
    return target


def _exists(country: Country, day: datetime.date) -> bool:
    """Whether a state with dates of existence existed on ``day``."""
    return (country.valid_from is None or country.valid_from.earliest <= day) and (
        country.valid_until is None or day <= country.valid_until.latest
    )


def _holder(country: Country, predecessors: Mapping[str, Country], day: datetime.date) -> Country:
    """The state whose affiliation colours the shape of ``country`` on ``day``.

    The country itself when it existed then by its own dates; otherwise the
    nearest predecessor (``predecessors`` maps a code to the state it
    succeeded) that did: Serbia's shape in 1999 is Yugoslavia's.
    """
    if country.valid_from is not None and _exists(country, day):
        return country
    current = predecessors.get(country.alpha2)
    while current is not None:
        if _exists(current, day):
            return current
        current = predecessors.get(current.alpha2)
    return country


def _swatch(kind: Affiliation) -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=COLOURS[kind], edgecolor="#666666", linewidth=0.4, label=kind.value)


def _draw(
    figure: Any,
    shapes: Mapping[str, Any],
    colours: Mapping[str, Affiliation],
    merged: set[str],
    *,
    projection: tuple[Projection, tuple[float, float, float, float]],
) -> None:
    """Fill each country's rings (and mark each point-sized state) on one axes without frame.

    Shapes in ``merged`` are parts of a larger state that day: their edges take
    their fill, so the borders drawn are the borders of that day.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    project, box = projection
    axes = figure.add_subplot()
    inner: list[Any] = []
    outer: list[Any] = []  # merged shapes first, so that the borders of the day are drawn over them
    for code, rings in shapes["polygons"].items():
        paths = [MplPath([project(r[i] / 100, r[i + 1] / 100) for i in range(0, len(r), 2)]) for r in rings]
        colour = COLOURS[colours[code]]
        patch = PathPatch(MplPath.make_compound_path(*paths), facecolor=colour)
        patch.set_edgecolor(colour if code in merged else "white")
        (inner if code in merged else outer).append(patch)
    axes.add_collection(PatchCollection(inner + outer, match_original=True, linewidths=0.35))
    for code, (lon, lat) in shapes["points"].items():
        x, y = project(lon / 100, lat / 100)
        axes.scatter([x], [y], s=14, color=COLOURS[colours[code]], edgecolors="#333333", linewidths=0.5, zorder=3)
    axes.set_xlim(box[0], box[1])
    axes.set_ylim(box[2], box[3])
    axes.set_aspect("equal")
    axes.set_axis_off()
