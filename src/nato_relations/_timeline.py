"""Who took part in a programme when: a piecewise-constant index over time.

The spells of one programme cut time into segments within which the set of
participants does not change. Asking about a day is then a binary search,
and asking about a range a union of the segments it touches, instead of a
scan of every spell.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Mapping

import attr

from ._model import Country, Participation

__all__ = ["Timeline"]

_DAY = datetime.timedelta(days=1)


@attr.frozen
class Timeline:
    """Segment ``i`` runs from ``starts[i]`` to the day before ``starts[i + 1]``."""

    starts: tuple[datetime.date, ...]
    members: tuple[tuple[Country, ...], ...]
    order: Mapping[str, int]  # alpha-2 -> position in the name-sorted country list
    # For ranges: spells by first possible day, with their last possible days.
    first_days: tuple[datetime.date, ...]
    last_days: tuple[datetime.date, ...]
    owners: tuple[Country, ...]

    @classmethod
    def build(cls, spells: Iterable[tuple[Participation, Country]], order: Mapping[str, int]) -> Timeline:
        """Index ``(spell, country)`` pairs; results come back in ``order``."""
        spells = list(spells)
        cuts = {datetime.date.min}
        for spell, _ in spells:
            cuts.add(spell.first_day)
            if spell.last_day < datetime.date.max:
                cuts.add(spell.last_day + _DAY)
        starts = tuple(sorted(cuts))
        ends = (*(day - _DAY for day in starts[1:]), datetime.date.max)
        members = tuple(
            cls._sorted({country.alpha2: country for spell, country in spells if spell.overlaps(first, last)}, order)
            for first, last in zip(starts, ends, strict=True)
        )
        by_start = sorted(spells, key=lambda pair: pair[0].first_day)
        return cls(
            starts,
            members,
            order,
            tuple(spell.first_day for spell, _ in by_start),
            tuple(spell.last_day for spell, _ in by_start),
            tuple(country for _, country in by_start),
        )

    @staticmethod
    def _sorted(by_code: Mapping[str, Country], order: Mapping[str, int]) -> tuple[Country, ...]:
        # Keyed by code: hashing a Country would hash all its relations.
        return tuple(by_code[code] for code in sorted(by_code, key=order.__getitem__))

    def on(self, day: datetime.date) -> tuple[Country, ...]:
        """The participants whose spells may include ``day``."""
        return self.members[bisect.bisect_right(self.starts, day) - 1]

    def during(self, start: datetime.date, end: datetime.date) -> tuple[Country, ...]:
        """The participants with a spell overlapping ``start..end``."""
        first = bisect.bisect_right(self.starts, start) - 1
        if first == bisect.bisect_right(self.starts, end) - 1:  # inside one segment
            return self.members[first]
        last_days, owners = self.last_days, self.owners
        found = {
            owners[i].alpha2: owners[i]
            for i in range(bisect.bisect_right(self.first_days, end))
            if last_days[i] >= start
        }
        return self._sorted(found, self.order)
