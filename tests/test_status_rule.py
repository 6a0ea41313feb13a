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
    # Russia: a partner in 2002 and through the 2008 freeze of the NATO-Russia Council (PfP went on);
    # no status once NATO suspended all practical cooperation on 1 April 2014.
    ("Russia", D(2002, 6, 1), P),
    ("Russia", D(2008, 10, 1), P),
    ("Russia", D(2014, 3, 31), P),
    ("Russia", D(2014, 4, 1), N),
    ("Russia", D(2026, 1, 1), N),
    # Malta: in PfP from 1995, out from October 1996, back from April 2008.
    ("Malta", D(1996, 1, 1), P),
    ("Malta", D(1997, 1, 1), N),
    ("Malta", D(2009, 1, 1), P),
    # Estonia: a partner until the Madrid declaration named the Baltic states aspiring members (8 July 1997).
    ("Estonia", D(1997, 7, 7), P),
    ("Estonia", D(1997, 7, 8), A),
    # Finland and Sweden: invited aspirants the day before accession, members on the day.
    ("Finland", D(2023, 4, 3), A),
    ("Finland", D(2023, 4, 4), M),
    ("Sweden", D(2024, 3, 6), A),
    ("Sweden", D(2024, 3, 7), M),
    # Belarus: no status once NATO halted practical cooperation.
    ("Belarus", D(2026, 1, 1), N),
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
