"""How much the dataset holds: counts per programme and status, and date precision."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ._dataset import Dataset
from ._dates import PartialDate, Precision

__all__ = ["coverage_tables"]

Table = tuple[tuple[str, ...], Sequence[tuple[str, ...]]]


def _share(dates: list[PartialDate]) -> str:
    days = sum(d.precision is Precision.DAY for d in dates)
    return f"{days}/{len(dates)} ({100 * days / len(dates):.0f}%)" if dates else "0/0"


def coverage_tables(dataset: Dataset, on: datetime.date) -> list[tuple[str, Table]]:
    """Titled tables describing ``dataset``; statuses are counted on ``on``."""
    programmes: list[tuple[str, ...]] = [
        (
            p.code,
            str(len(spells := [s for s in dataset.participations if s.programme == p.code])),
            str(len({s.country for s in spells})),
            str(sum(s.overlaps(on, on) for s in spells)),
            str(sum(p.code in e.programmes for e in dataset.events)),
        )
        for p in dataset.programmes
    ]
    statuses: dict[str, int] = {}
    for country in dataset.countries:
        value = country.status_on(on).value
        statuses[value] = statuses.get(value, 0) + 1
    spell_dates = [s.start for s in dataset.participations] + [s.end for s in dataset.participations if s.end]
    precision: list[tuple[str, ...]] = [
        ("participation dates", _share(spell_dates)),
        ("event dates", _share([e.date for e in dataset.events])),
        (
            "countries with at least one event",
            f"{sum(bool(c.events) for c in dataset.countries)}/{len(dataset.countries)}",
        ),
        ("countries with a summary", f"{sum(bool(c.summary) for c in dataset.countries)}/{len(dataset.countries)}"),
    ]
    return [
        ("Programmes", (("programme", "spells", "countries", f"on {on.isoformat()}", "events"), programmes)),
        (f"Status on {on.isoformat()}", (("status", "countries"), [(k, str(v)) for k, v in sorted(statuses.items())])),
        ("Precision and reach", (("measure", "value"), precision)),
    ]
