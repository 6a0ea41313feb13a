"""``members(on=d)`` for every day from 1949 to today, against the enlargement table."""

from __future__ import annotations

import datetime

from nato_relations import members

FOUNDERS = ("BE", "CA", "DK", "FR", "GB", "IS", "IT", "LU", "NL", "NO", "PT", "US")

# The day each enlargement took effect (membership starts on the accession day).
ENLARGEMENTS = (
    (datetime.date(1949, 8, 24), FOUNDERS),
    (datetime.date(1952, 2, 18), ("GR", "TR")),
    (datetime.date(1955, 5, 6), ("DE",)),
    (datetime.date(1982, 5, 30), ("ES",)),
    (datetime.date(1999, 3, 12), ("CZ", "HU", "PL")),
    (datetime.date(2004, 3, 29), ("BG", "EE", "LT", "LV", "RO", "SI", "SK")),
    (datetime.date(2009, 4, 1), ("AL", "HR")),
    (datetime.date(2017, 6, 5), ("ME",)),
    (datetime.date(2020, 3, 27), ("MK",)),
    (datetime.date(2023, 4, 4), ("FI",)),
    (datetime.date(2024, 3, 7), ("SE",)),
)


def test_members_on_every_day_since_1949() -> None:
    day, today = datetime.date(1949, 1, 1), datetime.date.today()
    expected: set[str] = set()
    pending = list(ENLARGEMENTS)
    wrong = []
    while day <= today:
        while pending and pending[0][0] <= day:
            expected |= set(pending.pop(0)[1])
        found = {c.alpha2 for c in members(day)}
        if found != expected:
            wrong.append(f"{day}: extra {sorted(found - expected)}, missing {sorted(expected - found)}")
        day += datetime.timedelta(days=1)
    assert wrong == []
