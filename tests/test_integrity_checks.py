"""The data checks themselves, on tiny good and bad inputs with exact messages."""

from __future__ import annotations

import datetime

import attrs
import pytest

from nato_relations import (
    Country,
    Event,
    EventKind,
    PartialDate,
    Participation,
    Programme,
    ProgrammeKind,
    Source,
    Suspension,
)

from . import integrity

SRC = (Source("https://example.org/a", "A", "Example", datetime.date(2026, 1, 1)),)
AS_OF = datetime.date(2026, 11, 28)


PFP = Programme(
    "PfP", "Partnership for Peace", ProgrammeKind.PARTNERSHIP_FRAMEWORK, "NATO", PartialDate.parse("1994-01"), None,
    "A programme.", SRC,
)  # fmt: skip


def spell(country: str, programme: str, start: str, end: str | None = None) -> Participation:
    return Participation(
        country, programme, PartialDate.parse(start), None if end is None else PartialDate.parse(end), SRC
    )


def event(date: str, programme: str | None = "PfP") -> Event:
    return Event(
        PartialDate.parse(date), "MT", () if programme is None else (programme,), EventKind.WITHDRAWAL, "Left.", SRC
    )


def test_a_spell_cannot_end_before_it_starts() -> None:
    """Once an integrity check, now the model's rule: such a record cannot be made or loaded."""
    assert spell("MT", "PfP", "1995", "1995").end is not None  # the same year at both ends is fine
    with pytest.raises(ValueError, match="end 1995-04-26 is before the start, 1996-10"):
        spell("MT", "PfP", "1996-10", "1995-04-26")
    with pytest.raises(ValueError, match="before the start"):
        Suspension(PartialDate.parse("2014-04-01"), PartialDate.parse("2014-03"))


def test_overlapping_spells() -> None:
    left_and_rejoined = [spell("MT", "PfP", "1995-04-26", "1996-10-27"), spell("MT", "PfP", "2008-04-03")]
    assert integrity.overlapping_spells(left_and_rejoined) == []
    assert integrity.overlapping_spells([spell("MT", "PfP", "1995", "1997"), spell("MT", "PfP", "1996")]) == [
        "MT PfP 1995..1997 overlaps MT PfP 1996.."
    ]
    # Other countries and other programmes never clash.
    assert (
        integrity.overlapping_spells(
            [spell("MT", "PfP", "1995"), spell("AT", "PfP", "1995"), spell("MT", "EAPC", "1995")]
        )
        == []
    )


def test_partner_after_accession() -> None:
    ok = [spell("FI", "NATO", "2023-04-04"), spell("FI", "PfP", "1994-05-09", "2023-04-04")]
    assert integrity.partner_after_accession(ok) == []
    bad = [spell("FI", "NATO", "2023-04-04"), spell("FI", "PfP", "1994-05-09"), spell("FI", "EOP", "2014-09", "2024")]
    assert integrity.partner_after_accession(bad) == [
        "FI PfP 1994-05-09..: goes on after NATO accession on 2023-04-04",
        "FI EOP 2014-09..2024: goes on after NATO accession on 2023-04-04",
    ]
    # Membership itself, and a designation by another state, are not partnerships.
    assert integrity.partner_after_accession([spell("TR", "NATO", "1952-02-18"), spell("TR", "MNNA", "1990")]) == []


def test_before_programme_existed() -> None:
    pfp = PFP
    assert integrity.before_programme_existed([pfp], [spell("RO", "PfP", "1994")], [event("1994-01-26")]) == []
    assert integrity.before_programme_existed([pfp], [spell("RO", "PfP", "1993")], [event("1993-12-31")]) == [
        "RO PfP 1993..: starts before PfP was established (1994-01)",
        "event 1993-12-31 MT withdrawal: before PfP was established (1994-01)",
    ]


def test_after_release() -> None:
    assert integrity.after_release(AS_OF, [spell("SE", "NATO", "2024-03-07")], [event("2026-11")]) == []
    assert integrity.after_release(AS_OF, [spell("SE", "NATO", "2042")], [event("2026-12")]) == [
        "SE NATO 2042..: dated after 2026-11-28",
        "event 2026-12 MT: dated after 2026-11-28",
    ]


def test_duplicates() -> None:
    assert integrity.duplicates([spell("SE", "NATO", "2024-03-07")], "spell") == []
    found = integrity.duplicates([spell("SE", "NATO", "2024-03-07")] * 2, "spell")
    assert len(found) == 1
    assert found[0].startswith("duplicate spell: Participation(country='SE'")


def test_source_problems() -> None:
    assert integrity.source_problems(AS_OF, list(SRC)) == []
    bad = [
        Source("ftp://example.org", "A", "Example", AS_OF),
        Source("https://example.org/a", "A", "Example", datetime.date(2027, 1, 1)),
        Source("https://example.org/a", "Another title", "Example", AS_OF),
    ]
    assert integrity.source_problems(AS_OF, bad) == [
        "source 'ftp://example.org': not an http(s) URL",
        "source https://example.org/a: accessed 2027-01-01, after the release date 2026-11-28",
        "source https://example.org/a: cited as [('A', 'Example'), ('Another title', 'Example')]",
    ]


def test_iso_problems() -> None:
    assert integrity.iso_problems("SE", "SWE", "752", ("SE", "SWE", "752")) == []
    assert integrity.iso_problems("XK", "XKX", None, None) == []
    assert integrity.iso_problems("XK", "KOS", None, None) == ["XK: expected XKX and no numeric, got KOS None"]
    assert integrity.iso_problems("QQ", "QQQ", None, None) == ["QQ: not an ISO 3166-1 alpha-2 or ISO 3166-3 code"]
    assert integrity.iso_problems("SE", "SWD", "752", ("SE", "SWE", "752")) == [
        "SE: codes SWD 752 differ from ISO SWE 752"
    ]


def test_decisions_may_precede_their_programme() -> None:
    pfp = PFP
    decision = Event(PartialDate.parse("1993-10"), None, ("PfP",), EventKind.DECISION, "Proposed.", SRC)
    assert integrity.before_programme_existed([pfp], [], [decision]) == []


def test_revocations_match() -> None:
    spells = [spell("AF", "MNNA", "2012-07-06", "2022-09"), spell("JO", "MNNA", "1996-11-13")]
    revoked = Event(PartialDate.parse("2022-09"), "AF", ("MNNA",), EventKind.REVOCATION, "Revoked.", SRC)
    assert integrity.revocations_match(spells, [revoked]) == []
    assert integrity.revocations_match(spells, []) == ["AF MNNA ends 2022-09 without a revocation event that day"]
    early = Event(PartialDate.parse("2022-07"), "AF", ("MNNA",), EventKind.REVOCATION, "Revoked.", SRC)
    assert integrity.revocations_match(spells, [early]) == [
        "AF MNNA ends 2022-09 without a revocation event that day",
        "AF MNNA revoked 2022-07 but no spell ends that day",
    ]


def test_designations_without_prior_steps() -> None:
    def statement(country: str, date: str) -> Event:
        return Event(PartialDate.parse(date), country, ("MNNA",), EventKind.STATEMENT, "Announced.", SRC)

    spells = [spell("NZ", "MNNA", "1996-07-21"), spell("CO", "MNNA", "2022-05"), spell("TN", "MNNA", "2015-07")]
    taiwan = attrs.evolve(spell("TW", "MNNA", "2002-09-30"), qualifiers=("treated as",))
    steps = [statement("CO", "2022-04-21"), statement("TN", "2015-07")]  # a step in the act's month may be first
    assert integrity.designations_without_prior_steps([*spells, taiwan], steps) == []
    late = [statement("CO", "2022-06-01")]  # after the act: not a step toward it
    assert integrity.designations_without_prior_steps(spells, late) == [
        "CO MNNA 2022-05..: no announcement or notice to Congress recorded by 2022-05",
        "TN MNNA 2015-07..: no announcement or notice to Congress recorded by 2015-07",
    ]
    other_kind = Event(PartialDate.parse("2022-03"), "CO", ("MNNA",), EventKind.OTHER, "Ceremony.", SRC)
    other_programme = Event(PartialDate.parse("2022-03"), "CO", ("PATG",), EventKind.STATEMENT, "Said.", SRC)
    assert len(integrity.designations_without_prior_steps(spells, [other_kind, other_programme, *steps[1:]])) == 1


def test_outside_region() -> None:
    allowed = {"ICI": {"Western Asia"}}
    region_of = {"QA": "Western Asia", "MA": "Northern Africa"}
    assert integrity.outside_region([spell("QA", "ICI", "2005")], region_of, allowed) == []
    assert integrity.outside_region([spell("MA", "ICI", "2005"), spell("MA", "MD", "1995")], region_of, allowed) == [
        "MA ICI 2005..: Northern Africa is not among ['Western Asia']"
    ]


def test_orphan_events() -> None:
    assert integrity.orphan_events([event("1996", programme=None)]) == []  # it has a country
    orphan = Event(PartialDate.parse("1996"), None, (), EventKind.OTHER, "Something.", SRC)
    assert integrity.orphan_events([orphan]) == ["event 1996 other: no country and no programme"]


def ev(
    date: str, kind: EventKind, programme: str | None = "PfP", summary: str = "Happened.", country: str = "MT"
) -> Event:
    return Event(PartialDate.parse(date), country, () if programme is None else (programme,), kind, summary, SRC)


def test_events_without_spells() -> None:
    spells = [spell("MT", "PfP", "1995-04-26", "1996-10-27")]
    ok = [
        ev("1995-04-26", EventKind.ACCESSION),
        ev("1996-10-27", EventKind.WITHDRAWAL),
        ev("1996", EventKind.AGREEMENT),
    ]
    assert integrity.events_without_spells(spells, ok) == []
    bad = [ev("1995-05", EventKind.ACCESSION), ev("1997", EventKind.WITHDRAWAL), ev("2001", EventKind.SIGNATURE)]
    assert integrity.events_without_spells(spells, bad) == [
        "event 1995-05 MT PfP accession: no a spell starting that day in PfP",
        "event 1997 MT PfP withdrawal: no a spell ending that day in PfP",
        "event 2001 MT PfP signature: no a spell running then in PfP",
    ]
    suspended = [attrs.evolve(spells[0], suspensions=(Suspension(PartialDate.parse("1996"), None),))]
    assert integrity.events_without_spells(suspended, [ev("1996", EventKind.SUSPENSION)]) == []
    assert integrity.events_without_spells(spells, [ev("1996", EventKind.SUSPENSION)]) == [
        "event 1996 MT PfP suspension: no a suspension starting that day in PfP"
    ]


def test_spells_without_events() -> None:
    spells = [spell("MT", "PfP", "1995-04-26", "1996-10-27"), spell("MT", "EAPC", "1997-05-30", "1999-01-01")]
    events = [ev("1995-04-26", EventKind.SIGNATURE), ev("1996-10", EventKind.WITHDRAWAL), ev("1999", EventKind.OTHER)]
    assert integrity.spells_without_events([PFP], spells, events) == [
        "MT EAPC 1997-05-30..1999-01-01: no event on its start"
    ]
    founding = Event(PartialDate.parse("1997-05-30"), None, ("EAPC",), EventKind.FOUNDING, "Founded.", SRC)
    assert integrity.spells_without_events([PFP], spells, [*events, founding]) == []


def test_empty_programmes() -> None:
    assert integrity.empty_programmes([PFP], [spell("MT", "PfP", "1995")]) == []
    assert integrity.empty_programmes([PFP], [spell("MT", "EAPC", "1997")]) == ["programme PfP: no participant"]


def test_undated_programmes() -> None:
    noted = attrs.evolve(PFP, notes="Launched at the Brussels Summit of January 1994.")
    assert integrity.undated_programmes([noted]) == []
    assert integrity.undated_programmes([attrs.evolve(noted, established=None)]) == ["programme PfP: no founding date"]
    assert integrity.undated_programmes([PFP]) == ["programme PfP: founded 1994-01, but its notes never name 1994"]
    weak = (Source("https://example.blogspot.com/a", "A", "A blog", datetime.date(2026, 1, 1)),)
    assert integrity.undated_programmes([attrs.evolve(noted, sources=weak)]) == [
        "programme PfP: rests only on weak sources (A blog)"
    ]


def test_same_act_twice_finds_one_act_under_two_programmes_or_kinds() -> None:
    suspended = [
        ev("2014-04-01", EventKind.SUSPENSION, "NRC", "Ministers suspended cooperation under the council.", "RU"),
        ev("2014-04-01", EventKind.SUSPENSION, "PfP", "Practical cooperation was frozen.", "RU"),
    ]
    assert integrity.same_act_twice(suspended) == [
        "event 2014-04-01 RU NRC suspension and event 2014-04-01 RU PfP suspension: one act recorded twice?"
    ]
    merged = Event(PartialDate.parse("2014-04-01"), "RU", ("NRC", "PfP"), EventKind.SUSPENSION, "Suspended.", SRC)
    assert integrity.same_act_twice([merged]) == []
    summit_and_decision = [
        ev("2008-04-03", EventKind.DECISION, "MAP", "Leaders backed the application.", "GE"),
        ev("2008-04-03", EventKind.SUMMIT, "NATO", "The summit met in Bucharest.", "GE"),
    ]
    assert len(integrity.same_act_twice(summit_and_decision)) == 1
    in_a_month = [
        ev("2008-12", EventKind.DECISION, "ANP", "Ministers chose annual programmes.", "GE"),
        ev("2008-12-03", EventKind.DECISION, "IPAP", "The action plan was replaced.", "GE"),
    ]
    assert len(integrity.same_act_twice(in_a_month)) == 1
    reworded = [
        ev("2014-09", EventKind.DECISION, None, "At the Wales Summit leaders offered Moldova capacity building.", "MD"),
        ev(
            "2014-09",
            EventKind.INVITATION,
            "DCB",
            "At the Wales Summit Moldova was invited to capacity building.",
            "MD",
        ),
    ]
    assert len(integrity.same_act_twice(reworded)) == 1
    # Not paired: two statements, a year-only date, different months, other countries, unrelated acts.
    apart = [
        ev("2022-05", EventKind.STATEMENT, "NATO", "One minister spoke.", "FI"),
        ev("2022-05", EventKind.STATEMENT, "NATO", "Another minister spoke.", "FI"),
        ev("2022", EventKind.DECISION, "NATO", "Parliament voted.", "SE"),
        ev("2022-05", EventKind.DECISION, "NATO", "The government decided.", "SE"),
        ev("2022-06", EventKind.DECISION, "NATO", "The government decided again.", "NO"),
        ev("2022-07", EventKind.DECISION, "NATO", "The government decided again.", "NO"),
        ev("2022-05-18", EventKind.APPLICATION, "NATO", "Applied.", "DK"),
        ev("2022-05-18", EventKind.OTHER, "PfP", "A centre opened.", "DK"),
    ]
    assert integrity.same_act_twice(apart) == []
    pair = (
        "event 2014-04-01 RU NRC suspension",
        "event 2014-04-01 RU PfP suspension",
    )
    assert integrity.same_act_twice(suspended, [pair]) == []  # reviewed as distinct
    assert integrity.same_act_twice([], [pair]) == [
        f"{pair[0]} and {pair[1]}: reviewed as distinct, no longer both in the data"
    ]


def test_near_duplicate_events() -> None:
    riga = [
        ev("2006-11-29", EventKind.INVITATION, "PfP", "At the Riga Summit Allies invited Serbia to join PfP."),
        ev("2006-11-29", EventKind.SUMMIT, None, "Allies at the Riga Summit invited Serbia to join PfP."),
    ]
    assert integrity.near_duplicate_events(riga) == [
        "event 2006-11-29 MT PfP invitation and event 2006-11-29 MT - summit: the same act twice?"
    ]
    same_programme = [ev("2012-09", EventKind.AGREEMENT, "IPCP"), ev("2012-09-10", EventKind.AGREEMENT, "IPCP")]
    assert len(integrity.near_duplicate_events(same_programme)) == 1
    reworded = [
        ev(
            "2012-09",
            EventKind.AGREEMENT,
            "IPCP",
            "NATO and Iraq signed an Individual Partnership and Cooperation Programme.",
        ),
        ev(
            "2012-09",
            EventKind.SIGNATURE,
            "IPCP",
            "Iraq and NATO signed an Individual Partnership and Cooperation Programme.",
        ),
    ]
    assert len(integrity.near_duplicate_events(reworded)) == 1
    designation_then_accord = [
        ev("1987", EventKind.DESIGNATION, "MNNA", "The United States named Israel a major non-NATO ally."),
        ev("1987-12", EventKind.AGREEMENT, "MNNA", "Defence ministers signed an accord giving effect to the status."),
    ]
    assert integrity.near_duplicate_events(designation_then_accord) == []
    two_statements = [
        ev("2023-09-03", EventKind.STATEMENT, "NATO", "The prime minister said relying on Russia was a mistake."),
        ev("2023-09-03", EventKind.STATEMENT, "NATO", "The foreign minister said talks would go on."),
    ]
    assert integrity.near_duplicate_events(two_statements) == []
    apart = [ev("2012", EventKind.AGREEMENT, "IPCP"), ev("2014", EventKind.AGREEMENT, "IPCP")]
    assert integrity.near_duplicate_events(apart) == []
    others = [ev("2012", EventKind.AGREEMENT, "IPCP"), ev("2012", EventKind.AGREEMENT, "IPCP", country="AT")]
    assert integrity.near_duplicate_events(others) == []


def test_successors_start_when_predecessors_end() -> None:
    rule = {"ID": frozenset({"MAP", "ANP"})}
    ok = [spell("GE", "ID", "2006-09-21", "2009"), spell("GE", "ANP", "2009")]
    assert integrity.successors_start_when_predecessors_end(ok, rule) == []
    still_open = [spell("UA", "ID", "2005-04-21"), spell("UA", "ANP", "2009")]
    assert integrity.successors_start_when_predecessors_end(still_open, rule) == [
        "UA ID 2005-04-21..: should end when ANP began on 2009"
    ]


def test_aspirations_end_at_accession() -> None:
    ok = [spell("SE", "ASPIRANT", "2022-06-29", "2024-03-07"), spell("SE", "NATO", "2024-03-07")]
    assert integrity.aspirations_end_at_accession(ok) == []
    early = [spell("SE", "ASPIRANT", "2022-06-29", "2024"), spell("SE", "NATO", "2024-03-07")]
    assert integrity.aspirations_end_at_accession(early) == [
        "SE ASPIRANT 2022-06-29..2024: should end on accession, 2024-03-07"
    ]


def test_source_grades() -> None:
    def source(url: str, publisher: str) -> Source:
        return Source(url, "T", publisher, datetime.date(2026, 1, 1))

    assert integrity.source_grade(source("https://www.nato.int/cps/en/natohq/topics_52044.htm", "NATO")) == "strong"
    assert integrity.source_grade(source("https://www.reuters.com/world/x", "Reuters")) == "strong"
    assert integrity.source_grade(source("https://www.financialmirror.com/x", "Financial Mirror")) == "strong"
    official_copy = source("https://www.ft.dk/samling/x", "Folketinget (Danish Parliament), copy of NATO press release")
    assert integrity.source_grade(official_copy) == "strong"
    assert integrity.source_grade(source("https://en.wikipedia.org/wiki/X", "Wikipedia")) == "wikipedia"
    for url, publisher in [
        ("https://tass.com/world/1", "TASS"),
        ("https://www.urdupoint.com/en/world/x", "UrduPoint (Sputnik)"),
        ("https://wikimili.com/en/X", "WikiMili (copy of Wikipedia)"),
        ("https://georgien.blogspot.com/x", "georgien.blogspot.com (copy of NATO text)"),
        ("https://example.org/enwiki.7z", "Wikipedia dump"),
        ("https://pdfslide.net/documents/x", "NATO (copy at pdfslide.net)"),
        ("https://www.alayham.com/x", "Al-Ayham (reprint of NATO news)"),
        ("https://de.zxc.wiki/wiki/X", "Wikipedia"),  # a mirror calling itself Wikipedia
        ("https://iiab.me/kiwix/wikipedia_en_all/X", "Wikipedia (Kiwix mirror)"),
        ("https://twocircles.net/2008apr23/x.html", "TwoCircles.net (KUNA report)"),
        ("https://timeskuwait.com/x", "Times Kuwait (KUNA report)"),
        ("https://www.einpresswire.com/article/1/x", "Government of Sweden (via EIN Presswire)"),
        ("https://www.devdiscourse.com/article/x", "Reuters (via Devdiscourse)"),
        ("https://ciao.example.edu/catalog?q=x", "Columbia International Affairs Online (catalog)"),
    ]:
        assert integrity.source_grade(source(url, publisher)) == "weak", url
    abstract = Source(
        "https://journal.example.org/x", "PfP at thirty (abstract)", "Baku Dialogues", datetime.date(2026, 1, 1)
    )
    assert integrity.source_grade(abstract) == "weak"
    archived_wiki = source("https://web.archive.org/web/2021/https://en.wikipedia.org/wiki/X", "Wikipedia")
    assert integrity.source_grade(archived_wiki) == "wikipedia"
    assert integrity.source_grade(source("https://www.mirrorspectator.com/x", "Armenian Mirror-Spectator")) == "strong"
    wiki = (source("https://en.wikipedia.org/wiki/X", "Wikipedia"),)
    assert integrity.poorly_sourced("r", wiki, "only Wikipedia found") == []
    assert integrity.poorly_sourced("r", wiki, "") == [
        "r: rests on Wikipedia without a note that nothing better was found"
    ]
    weak = (source("https://tass.com/world/1", "TASS"),)
    assert integrity.poorly_sourced("r", weak, "") == ["r: rests only on weak sources (TASS)"]
    assert integrity.poorly_sourced("r", (*weak, source("https://www.nato.int/x", "NATO")), "") == []


def test_outside_lifetime() -> None:
    def state(*facts: Participation | Event, valid: tuple[str, str] | None = None) -> Country:
        spells = tuple(f for f in facts if isinstance(f, Participation))
        events = tuple(f for f in facts if isinstance(f, Event))
        first, last = (None, None) if valid is None else (PartialDate.parse(valid[0]), PartialDate.parse(valid[1]))
        return Country("MT", "MLT", None, "Malta", "Malta", "Southern Europe", participations=spells, events=events,
                       valid_from=first, valid_until=last)  # fmt: skip

    assert integrity.outside_lifetime([state(spell("MT", "PfP", "1995"), event("1996-10"))]) == []  # no dates
    inside = state(spell("MT", "PfP", "1995"), event("1996-10"), valid=("1995-06", "1996-10-01"))
    assert integrity.outside_lifetime([inside]) == []  # "1995" and "1996-10" may fall inside
    outside = state(spell("MT", "PfP", "1994"), event("1996-11"), valid=("1995-06", "1996-10-01"))
    assert integrity.outside_lifetime([outside]) == [
        "event 1996-11 withdrawal PfP of MT: dated outside its lifetime",
        "MT PfP 1994..: starts outside its country's lifetime",
    ]


def test_a_state_beginning_or_ending_traces_its_spells_edges() -> None:
    seat = spell("MT", "NACC", "1991-12-26", "1997-05-30")
    state = Country("MT", "MLT", None, "Malta", "Malta", "Southern Europe", valid_from=PartialDate.parse("1991-12-26"))
    untraced = integrity.spells_without_events([], [seat], [])
    assert "MT NACC 1991-12-26..1997-05-30: no event on its start" in untraced
    traced = integrity.spells_without_events([], [seat], [], [state])
    assert "MT NACC 1991-12-26..1997-05-30: no event on its start" not in traced
    assert "MT NACC 1991-12-26..1997-05-30: no event on its end" in traced  # 1997 is no edge of its lifetime


def test_keys_of_our_own_cannot_be_iso_codes() -> None:
    assert integrity.iso_problems("XRVN", "XRV", None, None) == []
    assert integrity.iso_problems("XRVN", "RVN", None, None) == [
        "XRVN: a key of our own needs an X... alpha-3, no numeric and no ISO code"
    ]
    assert integrity.iso_problems("XRVN", "XRV", "999", None) != []
    assert integrity.iso_problems("RVNX", "XRV", None, None) == ["RVNX: not an ISO 3166-1 alpha-2 or ISO 3166-3 code"]
