"""The shipped data, checked as a curator's reviewer would: every complaint, then fail."""

from __future__ import annotations

import datetime
import re
from typing import Any

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
    problems = integrity.overlapping_spells(data.participations)
    assert problems == []


def test_members_left_pfp_by_accession(data: nr._dataset.Dataset) -> None:
    assert integrity.partner_after_accession(data.participations) == []


def test_nothing_before_its_programme(data: nr._dataset.Dataset) -> None:
    assert integrity.before_programme_existed(data.programmes, data.participations, data.events) == []


def test_nothing_after_the_release_date(data: nr._dataset.Dataset) -> None:
    assert integrity.after_release(data.info.as_of, data.participations, data.events) == []


def test_every_fact_falls_within_its_states_lifetime(data: nr._dataset.Dataset) -> None:
    assert integrity.outside_lifetime(data.countries) == []


def test_no_duplicate_records(data: nr._dataset.Dataset) -> None:
    problems = integrity.duplicates(data.participations, "spell") + integrity.duplicates(data.events, "event")
    problems += integrity.duplicates([(p.country, p.programme, p.start) for p in data.participations], "spell start")
    assert problems == []


def test_sources(data: nr._dataset.Dataset) -> None:
    cited = [r.sources for records in (data.programmes, data.participations, data.events) for r in records]
    assert all(cited)
    cited += [c.sources for c in data.countries]
    assert integrity.source_problems(data.info.as_of, [s for sources in cited for s in sources]) == []


def test_codes_are_iso_3166(data: nr._dataset.Dataset) -> None:
    problems = []
    for c in data.countries:
        if len(c.alpha2) == 4:  # a former state, by its ISO 3166-3 code
            old = pycountry.historic_countries.get(alpha_4=c.alpha2)
            iso = None if old is None else (c.alpha2, old.alpha_3, str(old.numeric))
        else:
            entry = pycountry.countries.get(alpha_2=c.alpha2)
            iso = None if entry is None else (entry.alpha_2, entry.alpha_3, entry.numeric)
        problems += integrity.iso_problems(c.alpha2, c.alpha3, c.numeric, iso)
    assert problems == []


def test_every_iso_country_is_answered(data: nr._dataset.Dataset) -> None:
    ours = {c.alpha2 for c in data.countries}
    assert {entry.alpha_2 for entry in pycountry.countries} <= ours


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
        if e.kind is nr.EventKind.ACCESSION and "NATO" in e.programmes:
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


#: Programmes that replace others: a country's spell in the first ends when its successor begins.
SUCCESSORS = {
    "ID": frozenset({"MAP", "ANP"}),
    "IPAP": frozenset({"MAP", "ANP"}),
    "IPCP": frozenset({"ITPP"}),
}


def test_events_and_spells_tell_one_story(data: nr._dataset.Dataset) -> None:
    problems = integrity.events_without_spells(data.participations, data.events)
    problems += integrity.spells_without_events(data.programmes, data.participations, data.events, data.countries)
    assert problems == []


def test_every_programme_has_participants(data: nr._dataset.Dataset) -> None:
    assert integrity.empty_programmes(data.programmes, data.participations) == []


def test_every_programme_has_a_cited_founding_date(data: nr._dataset.Dataset) -> None:
    assert integrity.undated_programmes(data.programmes) == []


def test_no_act_is_recorded_twice(data: nr._dataset.Dataset) -> None:
    assert integrity.near_duplicate_events(data.events) == []


#: Pairs the looser check finds that were reviewed and are distinct acts, each with the reason.
DISTINCT_ACTS = {
    ("event 1981-12 ES NATO application", "event 1981-12-10 ES NATO protocol"):
        "Spain's letter of application, then the Allies' signature of its accession protocol a week later",
    ("event 1998-10 YUCS - agreement", "event 1998-10-13 YUCS - agreement"):
        "NATO's air-verification accord with the FRY, distinct from the Holbrooke-Milosevic deal it followed",
    ("event 1998-10 YUCS - agreement", "event 1998-10-25 YUCS - agreement"):
        "the air-verification accord and the later NATO/FRY agreement on force levels in Kosovo",
    ("event 2011-02 CY PfP statement", "event 2011-02-24 CY PfP decision"):
        "the House of Representatives' resolution, and the government's announcement that it would veto it",
    ("event 2023-07-12 JP ITPP agreement", "event 2023-07-12 JP PATG summit"):
        "Japan's leader at the Vilnius summit's partners' meeting, and the ITPP adopted on its margins",
}  # fmt: skip


def test_no_act_is_recorded_twice_under_other_programmes_or_kinds(data: nr._dataset.Dataset) -> None:
    """One act, one record: same country and month or day, shared programme, kind, a summit or most words."""
    assert integrity.same_act_twice(data.events, DISTINCT_ACTS) == []


def test_one_rule_for_successor_programmes(data: nr._dataset.Dataset) -> None:
    assert integrity.successors_start_when_predecessors_end(data.participations, SUCCESSORS) == []


def test_aspirations_end_at_accession(data: nr._dataset.Dataset) -> None:
    assert integrity.aspirations_end_at_accession(data.participations) == []


def test_designations_start_on_their_legal_act(data: nr._dataset.Dataset) -> None:
    """Every MNNA spell starts on the day of a designation event (the act), not an announcement; a spell whose act
    is undated says so with the qualifier 'provisional start' and starts on the announcement (a statement)."""
    kinds = (nr.EventKind.DESIGNATION, nr.EventKind.STATEMENT)
    starts = {kind: {(e.country, str(e.date)) for e in data.events if e.kind is kind} for kind in kinds}
    problems = []
    provisional: set[str] = set()
    for p in data.participations:
        if p.programme != "MNNA":
            continue
        if "provisional start" in p.qualifiers:
            provisional.add(p.country)
            if (p.country, str(p.start)) not in starts[nr.EventKind.STATEMENT]:
                problems.append(f"{p.country} MNNA starts provisionally {p.start} with no announcement that day")
        elif (p.country, str(p.start)) not in starts[nr.EventKind.DESIGNATION]:
            problems.append(f"{p.country} MNNA starts {p.start} with no designation event that day")
    assert problems == []
    # Saudi Arabia's presidential determination (Federal Register document 2026-01421) was read undated;
    # drop it here once its date is in the data.
    assert provisional == {"SA"}


#: MNNA designations by a presidential act whose earlier steps were searched for and not found; the test fails
#: when one is found (drop it here) and when a new designation comes without its steps.
NO_PRIOR_STEP_FOUND: dict[str, str] = {
    "JO": "no report of the 1996 announcement or of the notice to Congress was found",
    "MA": "no report of an announcement or of the notice to Congress before June 2004 was found",
}


def test_designations_come_after_their_announcement_or_notice(data: nr._dataset.Dataset) -> None:
    """Each designation made under 22 U.S.C. 2321k has its announcement or notice to Congress recorded before it."""
    problems = integrity.designations_without_prior_steps(data.participations, data.events)
    assert sorted(problems) == [
        f"{c} MNNA {p.start}..: no announcement or notice to Congress recorded by {p.start}"
        for c in sorted(NO_PRIOR_STEP_FOUND)
        for p in data.participations
        if p.country == c and p.programme == "MNNA"
    ]


#: Records kept on weak sources alone, each with the reason; the test fails when one is mended (drop it here)
#: and when a new one appears. Key: (kind of event, or "spell"; country; programme; date or start).
KNOWN_WEAK: dict[tuple[str, str | None, str | None, str], str] = {
    ("decision", "KW", "ICI", "2012-05-20"): "only KUNA (Kuwait's state agency) reports date the Chicago endorsement",
    ("agreement", "KW", "IPCP", "2014"): "only KUNA reports say Kuwait joined the IPCP in 2014; no NATO text found",
    ("spell", "KW", "IPCP", "2014"): "the same KUNA reports; no NATO text found",
}


def test_no_record_rests_only_on_weak_sources(data: nr._dataset.Dataset) -> None:
    problems = []
    weak = set()
    records: list[tuple[tuple[str, str | None, str | None, str], str, Any]] = [
        (("programme", None, p.code, ""), "programme", p) for p in data.programmes
    ]
    records += [(("spell", p.country, p.programme, str(p.start)), "spell", p) for p in data.participations]
    records += [
        ((e.kind.value, e.country, "+".join(e.programmes) or None, str(e.date)), "event", e) for e in data.events
    ]
    for record_key, label, r in records:
        found = integrity.poorly_sourced(f"{label} {r!r:.80}", r.sources, r.notes)
        if found and record_key in KNOWN_WEAK:
            weak.add(record_key)
        else:
            problems += found
    assert problems == []
    assert weak == set(KNOWN_WEAK)


def test_every_summary_and_date_of_existence_is_cited(data: nr._dataset.Dataset) -> None:
    problems = []
    for c in data.countries:
        if c.summary or c.valid_from or c.valid_until:
            problems += integrity.poorly_sourced(f"summary or dates of {c.alpha2}", c.sources, c.notes)
        elif c.sources:
            problems.append(f"{c.alpha2}: sources but neither a summary nor dates")
    assert problems == []


#: Records without a Wikidata item, each with the reason; the test fails when one gains an item (drop it
#: here) and when another record lacks one. No source a reviewer would accept as reading Wikidata was found
#: for these four: their items appear only unlabelled (OpenSanctions' rigour lists Q199841 and Q180573 among
#: Yemen's and Vietnam's other items) or under contradictory labels in code repositories.
NO_WIKIDATA_ITEM = {
    "XRVN": "the Republic of Vietnam: Q180573 is labelled South Vietnam by some repositories and otherwise by others",
    "XTBT": "Tibet 1912-1951: rigour's Tibet item is the region of China (Q17252), not the state",
    "XZAN": "the People's Republic of Zanzibar: no item found in a source read",
    "YDYE": "South Yemen: Q199841 is listed unlabelled among Yemen's items in rigour",
}


def test_every_record_has_its_wikidata_item(data: nr._dataset.Dataset) -> None:
    missing = {c.alpha2 for c in data.countries if not c.wikidata}
    assert missing == set(NO_WIKIDATA_ITEM)
    assert all(re.fullmatch(r"Q[1-9][0-9]*", c.wikidata) for c in data.countries if c.wikidata)
    items = [c.wikidata for c in data.countries if c.wikidata]
    assert len(items) == len(set(items))  # one item, one record
