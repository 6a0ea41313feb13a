"""The shipped data, checked as a curator's reviewer would: every complaint, then fail."""

from __future__ import annotations

import datetime

import pycountry
import pytest

import nato_relations as nr
from nato_relations._dataset import get_dataset
from nato_relations._names import key

from . import integrity


@pytest.fixture(scope="module")
def data() -> nr._dataset.Dataset:
    return get_dataset()


def test_spells_are_consistent(data: nr._dataset.Dataset) -> None:
    problems = integrity.spell_order(data.participations) + integrity.overlapping_spells(data.participations)
    assert problems == []


def test_members_left_pfp_by_accession(data: nr._dataset.Dataset) -> None:
    assert integrity.partner_after_accession(data.participations) == []


def test_nothing_before_its_programme(data: nr._dataset.Dataset) -> None:
    assert integrity.before_programme_existed(data.programmes, data.participations, data.events) == []


def test_nothing_after_the_release_date(data: nr._dataset.Dataset) -> None:
    assert integrity.after_release(data.info.as_of, data.participations, data.events) == []


def test_no_duplicate_records(data: nr._dataset.Dataset) -> None:
    problems = integrity.duplicates(data.participations, "spell") + integrity.duplicates(data.events, "event")
    problems += integrity.duplicates([(p.country, p.programme, p.start) for p in data.participations], "spell start")
    assert problems == []


def test_sources(data: nr._dataset.Dataset) -> None:
    cited = [r.sources for records in (data.programmes, data.participations, data.events) for r in records]
    assert all(cited)
    assert integrity.source_problems(data.info.as_of, [s for sources in cited for s in sources]) == []


def test_codes_are_iso_3166(data: nr._dataset.Dataset) -> None:
    problems = []
    for c in data.countries:
        entry = pycountry.countries.get(alpha_2=c.alpha2)
        iso = None if entry is None else (entry.alpha_2, entry.alpha_3, entry.numeric)
        problems += integrity.iso_problems(c.alpha2, c.alpha3, c.numeric, iso)
    assert problems == []


def test_names_match_iso_somewhere(data: nr._dataset.Dataset) -> None:
    """Each country answers to at least one of ISO's names for it (Kosovo excepted)."""
    problems = []
    for c in data.countries:
        entry = pycountry.countries.get(alpha_2=c.alpha2)
        if entry is None:
            continue
        iso_names = {
            key(n) for n in (entry.name, getattr(entry, "official_name", ""), getattr(entry, "common_name", "")) if n
        }
        ours = {key(n) for n in (c.name, c.official_name, *c.aliases)}
        if not iso_names & ours:
            problems.append(f"{c.alpha2}: none of {sorted(ours)} is an ISO name ({sorted(iso_names)})")
    assert problems == []


def test_programme_catalogue_is_complete(data: nr._dataset.Dataset) -> None:
    expected = {"NATO", "PfP", "EAPC", "NACC", "MAP", "IPAP", "ID", "MD", "ICI", "PATG", "EOP", "MNNA"}
    assert expected <= {p.code for p in data.programmes}
    assert nr.get_programme("MNNA").run_by == "United States"
    assert {p.run_by for p in data.programmes if p.code != "MNNA"} == {"NATO"}


def test_every_member_has_one_ongoing_membership(data: nr._dataset.Dataset) -> None:
    today = datetime.date.today()
    for country in nr.members(today):
        spells = [p for p in country.participations if p.programme == "NATO"]
        assert len(spells) == 1
        assert spells[0].end is None


def test_every_accession_event_matches_the_spell(data: nr._dataset.Dataset) -> None:
    problems = []
    for e in data.events:
        if e.kind is nr.EventKind.ACCESSION and e.programme == "NATO":
            assert e.country is not None
            starts = [str(p.start) for p in nr.get_country(e.country).participations if p.programme == "NATO"]
            if str(e.date) not in starts:
                problems.append(f"{e.country}: accession event {e.date} but membership starts {starts}")
    assert problems == []


def test_designations_end_at_revocation(data: nr._dataset.Dataset) -> None:
    assert integrity.revocations_match(data.participations, data.events) == []


def test_regional_programmes_stay_in_their_regions(data: nr._dataset.Dataset) -> None:
    allowed = {
        "MD": {"Northern Africa", "Western Africa", "Western Asia"},  # Mauritania is in Western Africa
        "ICI": {"Western Asia"},
    }
    region_of = {c.alpha2: c.region for c in data.countries}
    assert integrity.outside_region(data.participations, region_of, allowed) == []


def test_every_event_is_about_a_country_or_a_programme(data: nr._dataset.Dataset) -> None:
    assert integrity.orphan_events(data.events) == []
