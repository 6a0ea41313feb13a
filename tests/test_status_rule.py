"""The status rule over its hard cases, one table for everyone (docs/data.md, "Status")."""

from __future__ import annotations

import datetime

import pytest

import nato_relations as nr
from nato_relations import Status

D = datetime.date
A, P, M, N = Status.ASPIRANT, Status.PARTNER, Status.MEMBER, Status.NONE

CASES = [
    # Georgia: a partner through PfP; an aspirant from the Intensified Dialogue of 2006, and still.
    ("Georgia", D(2005, 1, 1), P),
    ("Georgia", D(2007, 1, 1), A),
    ("Georgia", D(2009, 6, 1), A),  # ANP in place of the ID: still an aspirant (Bucharest 2008)
    ("Georgia", D(2026, 1, 1), A),
    # Ukraine: aspirant from its Intensified Dialogue (2005) until the non-bloc law of 2010;
    # a partner again until NATO counted it among its aspirants once more; an aspirant since.
    ("Ukraine", D(2004, 1, 1), P),
    ("Ukraine", D(2006, 1, 1), A),
    ("Ukraine", D(2011, 1, 1), P),
    ("Ukraine", D(2014, 6, 1), P),
    ("Ukraine", D(2023, 8, 1), A),
    # Bosnia and Herzegovina: PfP from December 2006, Intensified Dialogue from 2008, MAP from 2010.
    ("Bosnia and Herzegovina", D(2007, 6, 1), P),
    ("Bosnia and Herzegovina", D(2011, 1, 1), A),
    ("Bosnia and Herzegovina", D(2026, 1, 1), A),
    # North Macedonia: MAP from 1999 to accession on 27 March 2020.
    ("North Macedonia", D(2000, 1, 1), A),
    ("North Macedonia", D(2020, 3, 26), A),
    ("North Macedonia", D(2020, 3, 27), M),
    # Russia: a partner in 2002 and through the 2008 freeze of the NATO-Russia Council (PfP went on); still a
    # partner after NATO suspended all practical cooperation on 1 April 2014, as NATO's lists kept counting it
    # (EAPC page, 3 July 2024: 18 partners, "partnerships with Russia and Belarus are currently suspended").
    ("Russia", D(2002, 6, 1), P),
    ("Russia", D(2008, 10, 1), P),
    ("Russia", D(2014, 3, 31), P),
    *(("Russia", D(year, 6, 30), P) for year in range(2014, 2023)),
    ("Russia", D(2022, 6, 29), P),  # the Strategic Concept's words are a statement, not a change of status
    ("Russia", D(2026, 1, 1), P),
    # Malta: in PfP from 1995, out from October 1996, back from April 2008.
    ("Malta", D(1996, 1, 1), P),
    ("Malta", D(1997, 1, 1), N),
    ("Malta", D(2009, 1, 1), P),
    # Estonia: a partner until the Madrid declaration named the Baltic states aspiring members (8 July 1997).
    ("Estonia", D(1997, 7, 7), P),
    ("Estonia", D(1997, 7, 8), A),
    # The seven of 2004, Albania and Croatia (2009) and Montenegro (2017): aspirants to the day before accession.
    ("Estonia", D(2004, 3, 28), A),
    ("Estonia", D(2004, 3, 29), M),
    ("Slovakia", D(2004, 3, 28), A),
    ("Slovakia", D(2004, 3, 29), M),
    ("Albania", D(2009, 3, 31), A),
    ("Albania", D(2009, 4, 1), M),
    ("Croatia", D(2009, 3, 31), A),
    ("Croatia", D(2009, 4, 1), M),
    ("Montenegro", D(2017, 6, 4), A),
    ("Montenegro", D(2017, 6, 5), M),
    # Finland and Sweden: invited aspirants the day before accession, members on the day.
    ("Finland", D(2023, 4, 3), A),
    ("Finland", D(2023, 4, 4), M),
    ("Sweden", D(2024, 3, 6), A),
    ("Sweden", D(2024, 3, 7), M),
    # The founders: members from the treaty's entry into force on 24 August 1949, not from its signature.
    ("Belgium", D(1949, 8, 23), N),
    ("Belgium", D(1949, 8, 24), M),
    # Greece and Turkey: aspirants from the North Atlantic Council's Ottawa resolution of 20 September 1951
    # (not only from the protocol of 22 October), members on depositing their instruments on 18 February 1952.
    ("Greece", D(1951, 9, 19), N),
    ("Greece", D(1951, 9, 20), A),
    ("Greece", D(1951, 10, 22), A),
    ("Greece", D(1952, 2, 17), A),
    ("Greece", D(1952, 2, 18), M),
    ("Türkiye", D(1951, 9, 19), N),
    ("Türkiye", D(1951, 9, 20), A),
    ("Türkiye", D(1952, 2, 17), A),
    ("Türkiye", D(1952, 2, 18), M),
    # The Federal Republic of Germany: invited by the Council in Paris on 22 October 1954, a day before the
    # protocol was signed; a member from 6 May 1955.
    ("West Germany", D(1954, 10, 21), N),
    ("West Germany", D(1954, 10, 22), A),
    ("West Germany", D(1955, 5, 5), A),
    ("West Germany", D(1955, 5, 6), M),
    # Spain: aspirant from the protocol's signature in Brussels on 10 December 1981; a member from 30 May 1982.
    ("Spain", D(1981, 12, 9), N),
    ("Spain", D(1981, 12, 10), A),
    ("Spain", D(1982, 5, 29), A),
    ("Spain", D(1982, 5, 30), M),
    # Czechia and Slovakia: no NATO act dates their NACC participation before the meeting of 29 March 1993.
    ("Czechia", D(1992, 12, 31), N),  # the state did not exist; Czechoslovakia held the seat
    ("Czechia", D(1993, 3, 28), N),
    ("Czechia", D(1993, 3, 29), P),
    ("Slovakia", D(1993, 3, 28), N),
    ("Slovakia", D(1993, 3, 29), P),
    # Poland, Hungary, Czechia: invited at Madrid on 8 July 1997; members from 12 March 1999.
    ("Poland", D(1997, 7, 7), P),
    ("Poland", D(1997, 7, 8), A),
    ("Poland", D(1999, 3, 11), A),
    ("Poland", D(1999, 3, 12), M),
    # Belarus: a partner from 1995, still counted by NATO's lists after it halted cooperation in November 2021.
    *(("Belarus", D(year, 6, 30), P) for year in range(2015, 2023)),
    ("Belarus", D(2026, 1, 1), P),
]


@pytest.mark.parametrize(("country", "day", "expected"), CASES, ids=[f"{c}-{d}" for c, d, _ in CASES])
def test_status_rule(country: str, day: datetime.date, expected: Status) -> None:
    assert nr.get_country(country).status_on(day) is expected


def test_a_suspended_spell_is_still_returned_with_its_suspension() -> None:
    russia = nr.get_country("Russia")
    day = D(2020, 1, 1)
    running = {p.programme: p for p in russia.participations_on(day)}
    assert "PfP" in running
    assert running["PfP"].suspended_on(day)
    assert not running["PfP"].suspended_on(D(2010, 1, 1))


#: What is suspended, beside the status: (country, day, programmes suspended that day).
SUSPENDED = [
    ("Russia", D(2008, 10, 1), {"NRC"}),  # the council frozen after the Georgia war; PfP and the EAPC went on
    ("Russia", D(2010, 1, 1), set()),
    ("Russia", D(2014, 3, 31), set()),
    ("Russia", D(2014, 4, 1), {"NRC", "PfP", "EAPC"}),
    ("Russia", D(2022, 1, 12), {"NRC", "PfP", "EAPC"}),
    ("Belarus", D(2021, 10, 31), set()),
    ("Belarus", D(2021, 11, 1), {"PfP", "EAPC"}),  # November 2021: the month NATO gives
    ("Belarus", D(2026, 1, 1), {"PfP", "EAPC"}),
    ("Sweden", D(2020, 1, 1), set()),
    ("Afghanistan", D(2021, 8, 19), set()),
    ("Afghanistan", D(2023, 1, 1), {"PATG"}),  # support suspended on 20 August 2021; NATO's 2024 page lists it
]


@pytest.mark.parametrize(("country", "day", "expected"), SUSPENDED, ids=[f"{c}-{d}" for c, d, _ in SUSPENDED])
def test_suspensions_are_visible_beside_the_status(country: str, day: datetime.date, expected: set[str]) -> None:
    from nato_relations._affiliation import Affiliation, affiliation

    found = nr.get_country(country).suspensions_on(day)
    assert {p.programme for p in found} == expected
    assert all(p.suspended_on(day) and p.run_by == "NATO" for p in found)
    country_ = nr.get_country(country)
    running = {p.programme for p in country_.participations_on(day) if p.run_by == "NATO"}
    whole = bool(expected) and expected == running  # every NATO-run spell of the day suspended
    assert (affiliation(country_, day) is Affiliation.SUSPENDED_PARTNER) is whole


#: NATO's own partner lists: (day, programme, how many partners NATO counts, countries it marks suspended).
PUBLISHED_PARTNERS = [
    # "Euro-Atlantic Partnership Council", last updated 3 July 2024: "the 32 Allies and 18 partner countries",
    # with the note that the partnerships with Russia and Belarus are currently suspended.
    (D(2024, 7, 3), "EAPC", 18, {"RU", "BY"}),
    # "NATO's partnerships", last updated 6 August 2024: PfP "includes the following 18 partner countries",
    # with the same note.
    (D(2024, 8, 6), "PfP", 18, {"RU", "BY"}),
]


@pytest.mark.parametrize(("day", "code", "count", "suspended"), PUBLISHED_PARTNERS)
def test_partners_match_natos_published_lists(day: datetime.date, code: str, count: int, suspended: set[str]) -> None:
    partners = nr.participants(code, on=day)
    assert len(partners) == count
    assert all(c.status_on(day) in (P, A) for c in partners)  # Bosnia, Georgia, Ukraine are aspirants
    assert {c.alpha2 for c in partners if c.suspensions_on(day)} == suspended


#: Aspirant countries as NATO named them on a given day.
PUBLISHED_ASPIRANTS = [
    # Madrid Declaration, 8 July 1997: Czechia, Hungary and Poland invited; Romania and Slovenia, and the
    # states in the Baltic region, named as aspiring members.
    (D(1997, 7, 8), {"CZ", "HU", "PL", "RO", "SI", "EE", "LV", "LT"}),
    # Washington Summit communique, 24 April 1999: the MAP for the nine countries seeking membership.
    (D(1999, 4, 24), {"AL", "BG", "EE", "LV", "LT", "MK", "RO", "SK", "SI"}),
    # Bucharest Summit, 3 April 2008: Albania and Croatia invited, the former Yugoslav Republic of Macedonia
    # to be invited, Georgia and Ukraine "will become members", Bosnia and Herzegovina and Montenegro
    # invited to an Intensified Dialogue.
    (D(2008, 4, 3), {"AL", "HR", "MK", "GE", "UA", "BA", "ME"}),
    # NATO's website from March 2018: four partner countries with declared aspirations.
    (D(2018, 3, 10), {"BA", "GE", "MK", "UA"}),
    # "Enlargement and Article 10", last updated 8 March 2024: Bosnia and Herzegovina, Georgia and Ukraine.
    (D(2024, 3, 8), {"BA", "GE", "UA"}),
]


@pytest.mark.parametrize(("day", "named"), PUBLISHED_ASPIRANTS, ids=[str(d) for d, _ in PUBLISHED_ASPIRANTS])
def test_aspirants_match_natos_published_lists(day: datetime.date, named: set[str]) -> None:
    assert {c.alpha2 for c in nr.countries(status="aspirant", on=day)} == named


#: The day of each enlargement since 1949.
ENLARGEMENTS = [
    D(1952, 2, 18), D(1955, 5, 6), D(1982, 5, 30), D(1999, 3, 12), D(2004, 3, 29),
    D(2009, 4, 1), D(2017, 6, 5), D(2020, 3, 27), D(2023, 4, 4), D(2024, 3, 7),
]  # fmt: skip
#: Event kinds that a NATO act recognising an aspirant is recorded as.
NATO_ACTS = {"decision", "invitation", "summit", "protocol", "other"}


def test_every_enlargement_since_1949_is_in_the_table() -> None:
    accessions = sorted({p.first_day for p in nr._dataset.get_dataset().participations if p.programme == "NATO"})
    assert accessions == [D(1949, 8, 24), *ENLARGEMENTS]
    tabled = {day for _, day, status in CASES if status is M}
    assert set(ENLARGEMENTS) <= tabled


@pytest.mark.parametrize("joined", ENLARGEMENTS, ids=[str(d) for d in ENLARGEMENTS])
def test_one_rule_for_every_enlargement(joined: datetime.date) -> None:
    """Every state that joined after the founders was an aspirant the day before, from a NATO act recorded as an
    event of that state on the spell's first day, at least as early as its accession protocol."""
    newcomers = [
        c for c in nr.countries() if any(p.programme == "NATO" and p.first_day == joined for p in c.participations)
    ]
    assert newcomers
    for country in newcomers:
        assert country.status_on(joined - datetime.timedelta(days=1)) is A, country.alpha2
        assert country.status_on(joined) is M, country.alpha2
        spell = next(
            p
            for p in country.participations
            if p.programme == "ASPIRANT" and p.last_day >= joined - datetime.timedelta(days=1)
        )
        assert str(spell.end) == joined.isoformat(), country.alpha2
        acts = [e for e in country.events if e.kind.value in NATO_ACTS and {"NATO", "ASPIRANT"} & set(e.programmes)]
        assert any(str(e.date) == str(spell.start) for e in acts), country.alpha2
        protocol = next(e for e in country.events if e.kind.value == "protocol" and "NATO" in e.programmes)
        assert spell.first_day <= protocol.date.earliest, country.alpha2


SOURCE = nr.Source("https://example.org/", "t", "p", D(2026, 1, 1))


@pytest.mark.parametrize(
    ("run_by", "expected"), [("NATO", P), ("United States", N), (None, N)], ids=["NATO", "another state", "unknown"]
)
def test_a_country_answers_from_the_spells_it_holds(run_by: str | None, expected: Status) -> None:
    """The status comes from who runs each spell's programme, as the spell says: a programme the shipped
    dataset does not know counts too, and no global catalogue is consulted."""
    spell = nr.Participation("ZZ", "XYZ", nr.PartialDate(2000), None, (SOURCE,), run_by=run_by)
    country = nr.Country("ZZ", "ZZZ", None, "Zedland", "Zedland", "Europe", participations=(spell,))
    assert country.status_on(D(2001, 1, 1)) is expected
    assert country.status_on(D(1999, 1, 1)) is N


def test_every_spell_says_who_runs_its_programme() -> None:
    data = nr._dataset.get_dataset()
    run_by = {p.code: p.run_by for p in data.programmes}
    spells = [p for c in data.countries for p in c.participations]
    assert len(spells) == len(data.participations)
    assert [p for p in spells if p.run_by != run_by[p.programme]] == []
    assert {p.run_by for p in spells} == {"NATO", "United States"}
