"""Data checks as pure functions: each takes records and returns its complaints.

Every check is tested on tiny good and bad inputs (``test_integrity_checks.py``)
and then run over the shipped data (``test_data_integrity.py``), which
collects every complaint before failing.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from nato_relations import Event, EventKind, Participation, Programme, Source


def _spell(p: Participation) -> str:
    return f"{p.country} {p.programme} {p.start}..{p.end or ''}"


def spell_order(spells: Iterable[Participation]) -> list[str]:
    """Spells that end before they start."""
    return [
        f"{_spell(p)}: ends before it starts" for p in spells if p.end is not None and p.end.latest < p.start.earliest
    ]


def overlapping_spells(spells: Iterable[Participation]) -> list[str]:
    """Two spells of one country in one programme that may overlap."""
    groups: dict[tuple[str, str], list[Participation]] = {}
    for p in spells:
        groups.setdefault((p.country, p.programme), []).append(p)
    problems = []
    for group in groups.values():
        group.sort(key=lambda p: p.first_day)
        for before, after in pairwise(group):
            if after.first_day < before.last_day:
                problems.append(f"{_spell(before)} overlaps {_spell(after)}")
    return problems


def partner_after_accession(
    spells: Iterable[Participation], exempt: frozenset[str] = frozenset({"NATO", "MNNA"})
) -> list[str]:
    """Partnership spells of a member state that go on after its NATO accession.

    Membership itself and designations by other states are ``exempt``.
    """
    spells = list(spells)
    joined = {p.country: p.start for p in spells if p.programme == "NATO"}
    problems = []
    for p in spells:
        accession = joined.get(p.country)
        if p.programme not in exempt and accession is not None and (p.end is None or p.end.earliest > accession.latest):
            problems.append(f"{_spell(p)}: goes on after NATO accession on {accession}")
    return problems


def before_programme_existed(
    programmes: Iterable[Programme], spells: Iterable[Participation], events: Iterable[Event]
) -> list[str]:
    """Spells and events dated wholly before their programme was established.

    A decision to set a programme up naturally comes before it, so
    ``decision`` events are exempt.
    """
    established = {p.code: p.established for p in programmes if p.established is not None}
    problems = []
    for p in spells:
        start = established.get(p.programme)
        if start is not None and p.start.latest < start.earliest:
            problems.append(f"{_spell(p)}: starts before {p.programme} was established ({start})")
    for e in events:
        start = established.get(e.programme or "")
        if start is not None and e.date.latest < start.earliest and e.kind is not EventKind.DECISION:
            problems.append(
                f"event {e.date} {e.country} {e.kind.value}: before {e.programme} was established ({start})"
            )
    return problems


def after_release(as_of: datetime.date, spells: Iterable[Participation], events: Iterable[Event]) -> list[str]:
    """Facts dated after the release's as-of date (a typo in the year, usually)."""
    problems = [
        f"{_spell(p)}: dated after {as_of}"
        for p in spells
        if p.start.earliest > as_of or (p.end and p.end.earliest > as_of)
    ]
    problems += [f"event {e.date} {e.country}: dated after {as_of}" for e in events if e.date.earliest > as_of]
    return problems


def duplicates(records: Sequence[object], describe: str) -> list[str]:
    """Records that appear more than once."""
    return [f"duplicate {describe}: {record!r:.120}" for record, n in Counter(records).items() if n > 1]


def source_problems(as_of: datetime.date, sources: Iterable[Source]) -> list[str]:
    """Sources without an http(s) URL, accessed after the release, or cited with two titles."""
    problems = []
    titles: dict[str, set[tuple[str, str]]] = {}
    for s in sources:
        if not s.url.startswith(("https://", "http://")):
            problems.append(f"source {s.url!r}: not an http(s) URL")
        if s.accessed > as_of:
            problems.append(f"source {s.url}: accessed {s.accessed}, after the release date {as_of}")
        titles.setdefault(s.url, set()).add((s.title, s.publisher))
    problems += [f"source {url}: cited as {sorted(seen)}" for url, seen in titles.items() if len(seen) > 1]
    return problems


def iso_problems(alpha2: str, alpha3: str, numeric: str | None, iso: tuple[str, str, str] | None) -> list[str]:
    """A country whose codes differ from ISO 3166-1 (``iso``: alpha-3 and numeric from pycountry)."""
    if alpha2 == "XK":  # Kosovo: user-assigned code, no numeric
        return (
            [] if (alpha3, numeric) == ("XKX", None) else [f"XK: expected XKX and no numeric, got {alpha3} {numeric}"]
        )
    if iso is None:
        return [f"{alpha2}: not an ISO 3166-1 alpha-2 code"]
    if (alpha2, alpha3, numeric) != iso:
        return [f"{alpha2}: codes {alpha3} {numeric} differ from ISO {iso[1]} {iso[2]}"]
    return []


def revocations_match(spells: Iterable[Participation], events: Iterable[Event], programme: str = "MNNA") -> list[str]:
    """Each ended ``programme`` spell has a revocation event on its end date, and vice versa."""
    ends = {(p.country, str(p.end)) for p in spells if p.programme == programme and p.end is not None}
    revoked = {(e.country, str(e.date)) for e in events if e.programme == programme and e.kind is EventKind.REVOCATION}
    problems = [
        f"{country} {programme} ends {end} without a revocation event that day"
        for country, end in sorted(ends - revoked)
    ]
    problems += [
        f"{country} {programme} revoked {date} but no spell ends that day"
        for country, date in sorted(revoked - ends, key=str)
    ]
    return problems


def outside_region(
    spells: Iterable[Participation], region_of: dict[str, str], allowed: dict[str, set[str]]
) -> list[str]:
    """Spells in a regional programme by a country outside its regions."""
    return [
        f"{_spell(p)}: {region_of[p.country]} is not among {sorted(allowed[p.programme])}"
        for p in spells
        if p.programme in allowed and region_of[p.country] not in allowed[p.programme]
    ]


def orphan_events(events: Iterable[Event]) -> list[str]:
    """Events with neither a country nor a programme: about nothing in particular."""
    return [
        f"event {e.date} {e.kind.value}: no country and no programme"
        for e in events
        if e.country is None and e.programme is None
    ]
