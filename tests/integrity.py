"""Data checks as pure functions: each takes records and returns its complaints.

Every check is tested on tiny good and bad inputs (``test_integrity_checks.py``)
and then run over the shipped data (``test_data_integrity.py``), which
collects every complaint before failing.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from urllib.parse import urlsplit

from nato_relations import Country, Event, EventKind, PartialDate, Participation, Programme, Source
from nato_relations._dates import Precision


def _spell(p: Participation) -> str:
    return f"{p.country} {p.programme} {p.start}..{p.end or ''}"


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
        for code in e.programmes:
            start = established.get(code)
            if start is not None and e.date.latest < start.earliest and e.kind is not EventKind.DECISION:
                problems.append(f"event {e.date} {e.country} {e.kind.value}: before {code} was established ({start})")
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


def outside_lifetime(countries: Iterable[Country]) -> list[str]:
    """Events and spells dated when their state did not exist (:meth:`Country.lifetime`).

    One act is filed on the state that acted: Yugoslavia's events of 1999 are not Serbia's (a state from
    2006). A fact counts as inside when its possible interval overlaps a period of the state's existence
    (for a spell, its start); a state with no dates of existence holds anything.
    """

    def inside(country: Country, first: datetime.date, last: datetime.date) -> bool:
        periods = country.lifetime()
        return not periods or any(start <= last and (end is None or first <= end) for start, end in periods)

    problems = []
    for c in countries:
        problems += [
            f"event {e.date} {e.kind.value} {_codes(e)} of {c.alpha2}: dated outside its lifetime"
            for e in c.events
            if not inside(c, e.date.earliest, e.date.latest)
        ]
        problems += [
            f"{_spell(p)}: starts outside its country's lifetime"
            for p in c.participations
            if not inside(c, p.start.earliest, p.start.latest)
        ]
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
    if len(alpha2) == 4 and alpha2.startswith("X"):  # a state ISO never coded: a key ISO can never assign
        ok = iso is None and len(alpha3) == 3 and alpha3.startswith("X") and numeric is None
        return [] if ok else [f"{alpha2}: a key of our own needs an X... alpha-3, no numeric and no ISO code"]
    if iso is None:
        return [f"{alpha2}: not an ISO 3166-1 alpha-2 or ISO 3166-3 code"]
    if (alpha2, alpha3, numeric) != iso:
        return [f"{alpha2}: codes {alpha3} {numeric} differ from ISO {iso[1]} {iso[2]}"]
    return []


def revocations_match(spells: Iterable[Participation], events: Iterable[Event], programme: str = "MNNA") -> list[str]:
    """Each ended ``programme`` spell has a revocation event on its end date, and vice versa."""
    ends = {(p.country, str(p.end)) for p in spells if p.programme == programme and p.end is not None}
    revoked = {(e.country, str(e.date)) for e in events if programme in e.programmes and e.kind is EventKind.REVOCATION}
    problems = [
        f"{country} {programme} ends {end} without a revocation event that day"
        for country, end in sorted(ends - revoked)
    ]
    problems += [
        f"{country} {programme} revoked {date} but no spell ends that day"
        for country, date in sorted(revoked - ends, key=str)
    ]
    return problems


def designations_without_prior_steps(
    spells: Iterable[Participation],
    events: Iterable[Event],
    statute_day: datetime.date = datetime.date(1996, 7, 21),
    programme: str = "MNNA",
) -> list[str]:
    """Designations by a presidential act with no announcement or notice to Congress recorded before them.

    Since the statute of 21 July 1996 (22 U.S.C. 2321k) a designation follows a written notice to
    Congress, usually after a public announcement; each such step is a ``statement`` event of the
    country in ``programme`` dated no later than the act. Spells that began by statute (on or before
    ``statute_day``) or that are only ``treated as`` designations have no such steps.
    """
    stated: dict[str, list[PartialDate]] = {}
    for e in events:
        if programme in e.programmes and e.kind is EventKind.STATEMENT and e.country is not None:
            stated.setdefault(e.country, []).append(e.date)
    return [
        f"{_spell(p)}: no announcement or notice to Congress recorded by {p.start}"
        for p in spells
        if p.programme == programme
        and p.start.earliest > statute_day
        and "treated as" not in p.qualifiers
        and not any(d.earliest <= p.start.latest for d in stated.get(p.country, ()))
    ]


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
        if e.country is None and not e.programmes
    ]


# --- Events and spells tell one story -------------------------------------------------

#: Event kinds that say a country entered a programme, left it, or had it suspended or resumed.
ENTERING = frozenset({EventKind.ACCESSION, EventKind.DESIGNATION})
LEAVING = frozenset({EventKind.WITHDRAWAL, EventKind.REVOCATION})
#: Event kinds that say a country agreed or signed something under a programme it must then be in.
IN_PROGRAMME = frozenset({EventKind.AGREEMENT, EventKind.SIGNATURE})


def _codes(e: Event) -> str:
    return "+".join(e.programmes) or "-"


def _event(e: Event) -> str:
    return f"event {e.date} {e.country} {_codes(e)} {e.kind.value}"


def _meets(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Whether two dates may be the same day (``1992`` meets ``1992-03``)."""
    return a is not None and b is not None and a.earliest <= b.latest and b.earliest <= a.latest


def events_without_spells(spells: Iterable[Participation], events: Iterable[Event]) -> list[str]:
    """Events about a country in a programme that no spell of that country in that programme matches.

    An accession or designation must start a spell that day, a withdrawal or
    revocation must end one, a suspension or resumption must start or end a
    suspension of one, and an agreement or signature must fall within one.
    """
    spells_of: dict[tuple[str, str], list[Participation]] = {}
    for p in spells:
        spells_of.setdefault((p.country, p.programme), []).append(p)
    problems = []
    for e, code in ((event, code) for event in events for code in event.programmes):  # every programme it names
        if e.country is None:
            continue
        mine = spells_of.get((e.country, code), [])
        if e.kind in ENTERING:
            ok = any(_meets(p.start, e.date) for p in mine)
            wanted = "a spell starting that day"
        elif e.kind in LEAVING:
            ok = any(_meets(p.end, e.date) for p in mine)
            wanted = "a spell ending that day"
        elif e.kind is EventKind.SUSPENSION:
            ok = any(_meets(s.start, e.date) for p in mine for s in p.suspensions)
            wanted = "a suspension starting that day"
        elif e.kind is EventKind.RESUMPTION:
            ok = any(_meets(s.end, e.date) for p in mine for s in p.suspensions)
            wanted = "a suspension ending that day"
        elif e.kind in IN_PROGRAMME:
            ok = any(p.overlaps(e.date.earliest, e.date.latest) for p in mine)
            wanted = "a spell running then"
        else:
            continue
        if not ok:
            problems.append(f"{_event(e)}: no {wanted} in {code}")
    return problems


def spells_without_events(
    programmes: Iterable[Programme],
    spells: Iterable[Participation],
    events: Iterable[Event],
    countries: Iterable[Country] = (),
) -> list[str]:
    """Spell starts, ends and suspension edges that no event dates.

    A date is traced when an event of that country may fall on it (joining
    PfP and the EAPC on one day is one act, recorded once), or an event of
    the programme as a whole does (the EAPC's founding members joined at its
    founding), or it is the programme's own founding or closing date, or, for
    an end, another spell of the country starts that day (a successor
    programme, or NATO accession), or the state itself began or ended that
    day (its cited dates of existence, :meth:`Country.lifetime`: Russia took
    the Soviet Union's NACC seat when the union ended).
    """
    spells = list(spells)
    dates_of: dict[str | None, list[PartialDate]] = {}
    for e in events:
        for about in [e.country] if e.country is not None else [f"programme {code}" for code in e.programmes]:
            dates_of.setdefault(about, []).append(e.date)
    for programme in programmes:
        dates = (programme.established, programme.ended)
        dates_of.setdefault(f"programme {programme.code}", []).extend(d for d in dates if d is not None)
    for spell in spells:
        dates_of.setdefault(f"starts {spell.country}", []).append(spell.start)
    for country in countries:
        edges = dates_of.setdefault(f"lifetime {country.alpha2}", [])
        for first, last in country.lifetime():
            edges += [PartialDate.parse(d.isoformat()) for d in (first, last) if d not in (None, datetime.date.min)]

    def traced(p: Participation, day: PartialDate, *extra: str) -> bool:
        return any(
            _meets(day, other)
            for owner in (p.country, f"programme {p.programme}", *extra)
            for other in dates_of.get(owner, ())
        )

    problems = []
    for p in spells:
        if not traced(p, p.start, f"lifetime {p.country}"):
            problems.append(f"{_spell(p)}: no event on its start")
        if p.end is not None and not traced(p, p.end, f"starts {p.country}", f"lifetime {p.country}"):
            problems.append(f"{_spell(p)}: no event on its end")
        problems += [
            f"{_spell(p)}: no event on its suspension's edge {edge}"
            for s in p.suspensions
            for edge in (s.start, s.end)
            if edge is not None and not traced(p, edge)
        ]
    return problems


def empty_programmes(programmes: Iterable[Programme], spells: Iterable[Participation]) -> list[str]:
    """Programmes in the catalogue that nobody took part in."""
    used = {p.programme for p in spells}
    return [f"programme {p.code}: no participant" for p in programmes if p.code not in used]


def undated_programmes(programmes: Iterable[Programme]) -> list[str]:
    """Programmes without a founding date, or whose notes do not say where the founding year comes from.

    The panel leaves a programme's column empty before it existed, so a
    missing date reads as 0 back to 1949; a date the notes never mention is
    one a reviewer cannot check against the cited sources.
    """
    problems = []
    for p in programmes:
        if p.established is None:
            problems.append(f"programme {p.code}: no founding date")
        elif str(p.established.earliest.year) not in p.notes:
            problems.append(
                f"programme {p.code}: founded {p.established}, but its notes never name {p.established.earliest.year}"
            )
        problems += poorly_sourced(f"programme {p.code}", p.sources, p.notes)
    return problems


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "it", "of", "on", "or", "the", "to"}
    | {"with", "was", "were", "that", "this", "which"}
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def _same_day_pairs(events: Iterable[Event]) -> Iterator[tuple[Event, Event]]:
    """Each pair of events of one country whose dates may fall on one day, the earlier-starting first."""
    by_country: dict[str, list[Event]] = {}
    for e in events:
        if e.country is not None:
            by_country.setdefault(e.country, []).append(e)
    for group in by_country.values():
        group.sort(key=lambda e: (e.date.earliest, e.date.latest))
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if second.date.earliest > first.date.latest:
                    break
                yield first, second


def _shared_words(first: Event, second: Event) -> float:
    """The Jaccard index of two summaries' words (0 when neither has any)."""
    a, b = _words(first.summary), _words(second.summary)
    return len(a & b) / len(a | b) if a | b else 0.0


def near_duplicate_events(events: Sequence[Event], threshold: float = 0.5) -> list[str]:
    """Pairs of events that record one act twice for one country on overlapping dates.

    Two events are the same act when they share a country, their dates may
    overlap, and either they share a programme and a kind (statements
    aside), or their summaries share most of their words (Jaccard index at
    or above ``threshold``), whatever kind or programme each was filed
    under. Two different statements on one day are not duplicates.
    """
    problems = []
    for first, second in _same_day_pairs(events):
        statements = EventKind.STATEMENT in (first.kind, second.kind)
        same_programme = bool(set(first.programmes) & set(second.programmes))
        both_statements = first.kind is second.kind is EventKind.STATEMENT
        if (same_programme and first.kind is second.kind and not statements) or (
            _shared_words(first, second) >= threshold and not both_statements
        ):
            problems.append(f"{_event(first)} and {_event(second)}: the same act twice?")
    return problems


def same_act_twice(
    events: Sequence[Event], allowed: Iterable[tuple[str, str]] = (), threshold: float = 0.3
) -> list[str]:
    """Pairs of events that may record one act twice for one country, under any wording.

    Two events of one country are paired when their dates may be the same
    day and both are known to the month or day, they are not both
    statements (two people may speak on one day), and any of these holds:
    they share a programme, they are of one kind, one is a summit, or their
    summaries share at least ``threshold`` of their words. Looser than
    :func:`near_duplicate_events`, it also finds one act filed under two
    programmes or two kinds (a summit and its decision). ``allowed`` holds
    the pairs reviewed as distinct acts, each as the two events'
    descriptions in sorted order; a reviewed pair no longer in the data is
    reported too, so the list cannot go stale.
    """
    reviewed = {(first, second) for first, second in allowed}
    found: set[tuple[str, str]] = set()
    for first, second in _same_day_pairs(e for e in events if e.date.precision is not Precision.YEAR):
        if first.kind is second.kind is EventKind.STATEMENT:
            continue
        if (
            set(first.programmes) & set(second.programmes)
            or first.kind is second.kind
            or EventKind.SUMMIT in (first.kind, second.kind)
            or _shared_words(first, second) >= threshold
        ):
            low, high = sorted((_event(first), _event(second)))
            found.add((low, high))
    problems = [f"{a} and {b}: one act recorded twice?" for a, b in sorted(found - reviewed)]
    problems += [f"{a} and {b}: reviewed as distinct, no longer both in the data" for a, b in sorted(reviewed - found)]
    return problems


def successors_start_when_predecessors_end(
    spells: Iterable[Participation], successors: dict[str, frozenset[str]]
) -> list[str]:
    """A spell that a successor programme replaced must end the day the successor began.

    ``successors`` maps a programme to those that replace it (an Intensified
    Dialogue by the MAP or an Annual National Programme; an IPCP by an ITPP):
    one rule for every country, so that similar records are dated alike.
    """
    spells = list(spells)
    problems = []
    for p in spells:
        later = [
            q
            for q in spells
            if q.country == p.country and q.programme in successors.get(p.programme, ()) and q.first_day > p.first_day
        ]
        if not later:
            continue
        first = min(later, key=lambda q: q.first_day)
        if p.end is None or str(p.end) != str(first.start):
            problems.append(f"{_spell(p)}: should end when {first.programme} began on {first.start}")
    return problems


def aspirations_end_at_accession(spells: Iterable[Participation]) -> list[str]:
    """A member's recognised aspiration ends on its accession day, no sooner and no later."""
    spells = list(spells)
    joined = {p.country: p.start for p in spells if p.programme == "NATO"}
    problems = []
    for p in spells:
        if p.programme == "ASPIRANT" and p.country in joined:
            later = [
                q for q in spells if q.country == p.country and q.programme == "ASPIRANT" and q.first_day > p.first_day
            ]
            if not later and str(p.end) != str(joined[p.country]):
                problems.append(f"{_spell(p)}: should end on accession, {joined[p.country]}")
    return problems


# --- Sources a reviewer accepts ------------------------------------------------------

#: Publishers never to be relied on alone: state media, and reprints or copies of other pages.
_WEAK_PUBLISHER = re.compile(
    r"\b(tass|itar-tass|sputnik|xinhua|ria novosti|cgtn|global times|china daily|people's daily|iuvm|al mayadeen)\b"
    r"|cop(y|ies) of|mirror copy|wiki mirror|reprint|reproduc|blog|dump|proxy|summary of wikipedia|fandom|military wiki"
    r"|\(copy\)|copy (at|on)|copy kept|forum|mailing-list|via [a-z0-9.-]+\.(com|net|org|lt)\b"
    r"|\bkuna\b|kuwait news agency|shanghai daily|\bpresswire\b|kiwix|\(catalog\)|mirror\)",
    re.IGNORECASE,
)
#: Hosts of reprints, wiki mirrors, document dumps and state media.
_WEAK_HOST = re.compile(
    r"(^|\.)(blogspot\.com|wordpress\.com|docslib\.org|pdfslide\.net|expydoc\.com|scribd\.com|en-academic\.com"
    r"|wikimili\.com|infogalactic\.com|wn\.com|edocr\.com|owiki\.org|profilbaru\.com|fandom\.com|wikisum\.wiki"
    r"|piglix\.com|liquisearch\.com|fact-index\.com|academickids\.com|thehitchhikersgui\.de|osmarks\.net"
    r"|qaz\.wiki|owlapps\.net|wanweibaike\.com|primidi\.com|perceptionl\.com|alayham\.com|tass\.com|tass\.ru"
    r"|sputniknews\.[a-z.]+|xinhuanet\.com|urdupoint\.com|pakistanpoint\.com|tellerreport\.com|maghress\.com"
    r"|sauress\.com|djazairess\.com|udayindia\.in|moyby\.com|myc\.news|narod\.ru"
    r"|twocircles\.net|gcclub\.org|einpresswire\.com|devdiscourse\.com|miragenews\.com|menafn\.com|silkway\.news"
    r"|atozwiki\.com|kiddle\.co|iiab\.me|zxc\.wiki|wikihandbk\.com|newssniffer\.co\.uk|almayadeen\.net)$",
    re.IGNORECASE,
)


#: Hosts of governments, parliaments and international organisations: official even when they reproduce a text.
_OFFICIAL_HOST = re.compile(r"(\.gov|\.gov\.[a-z]{2}|\.gouv\.fr|\.int|\.europa\.eu|\.admin\.ch|\.gv\.at|(^|\.)ft\.dk)$")


#: Archives whose copy of a Wikipedia page is still Wikipedia (any other host that serves one is a mirror).
_ARCHIVE_HOST = re.compile(r"(^|\.)(archive\.org|waybackmachine\.org|archive\.(today|ph|li|is))$")


def source_grade(source: Source) -> str:
    """``"weak"`` (never to stand alone), ``"wikipedia"`` (alone only with a note) or ``"strong"``.

    A page that calls itself Wikipedia is graded ``"wikipedia"`` on wikipedia.org or in a web archive and
    ``"weak"`` anywhere else (a mirror); a catalogue entry or an abstract is ``"weak"``: it is not the text."""
    host = (urlsplit(source.url).hostname or "").lower()
    if _OFFICIAL_HOST.search(host):
        return "strong"
    if _WEAK_PUBLISHER.search(source.publisher) or _WEAK_HOST.search(host) or source.url.endswith(".7z"):
        return "weak"
    if re.search(r"\babstract\b", source.title, re.IGNORECASE):
        return "weak"
    if host.endswith("wikipedia.org") or (_ARCHIVE_HOST.search(host) and "wikipedia" in source.publisher.lower()):
        return "wikipedia"
    if "wikipedia" in source.publisher.lower():
        return "weak"
    return "strong"


def poorly_sourced(label: str, sources: Sequence[Source], notes: str) -> list[str]:
    """A record that rests only on weak sources, or on Wikipedia without saying nothing better was found."""
    grades = {source_grade(s) for s in sources}
    if "strong" in grades:
        return []
    if "wikipedia" in grades and "only Wikipedia" in notes:
        return []
    if "wikipedia" in grades:
        return [f"{label}: rests on Wikipedia without a note that nothing better was found"]
    return [f"{label}: rests only on weak sources ({', '.join(s.publisher for s in sources) or 'none'})"]
