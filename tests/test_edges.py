"""Edges that a mutation of the query code would change without another test noticing (docs/reliability.md)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

import nato_relations as nr
from nato_relations._names import suggest

D = datetime.date


def test_a_range_starting_on_a_spells_last_day_finds_it() -> None:
    albania_eapc = [p for p in nr.get_country("AL").participations if p.programme == "EAPC"]
    assert [str(p.end) for p in albania_eapc] == ["2009-04-01"]
    found = nr.participants("EAPC", start=D(2009, 4, 1), end=D(2009, 12, 31))
    assert "AL" in {c.alpha2 for c in found}
    assert "AL" not in {c.alpha2 for c in nr.participants("EAPC", start=D(2009, 4, 2), end=D(2009, 12, 31))}


def test_defaults_are_today() -> None:
    today = D.today()
    assert nr.countries(status="member") == nr.countries(status="member", on=today)
    assert nr.members() == nr.members(today)


def test_events_with_a_start_and_no_end() -> None:
    found = nr.events(country="UA", start=D(2014, 1, 1))
    assert found
    assert all(e.date.latest >= D(2014, 1, 1) for e in found)
    assert found == tuple(e for e in nr.events(country="UA") if e.date.latest >= D(2014, 1, 1))


def test_up_to_three_suggestions() -> None:
    names = {"sweden": "Sweden", "swedes": "Swedes", "swede": "Swede", "sweet": "Sweet", "spain": "Spain"}
    assert len(suggest("Swedn", names)) == 3
    with pytest.raises(nr.CountryNotFoundError) as caught:
        nr.get_country("Swedn")
    assert len(caught.value.suggestions) == 3
    assert caught.value.suggestions[0] == "Sweden"


def test_the_length_limit_at_its_edge_and_inner_white_space() -> None:
    assert nr.get_country("Bosnia and" + " " * 200 + "Herzegovina").alpha2 == "BA"  # long runs are folded
    name = "Bosnia and Herzegovina"
    assert nr.get_country(name + " " * (200 - len(name))).alpha2 == "BA"  # exactly at the limit
    with pytest.raises(nr.CountryNotFoundError):
        nr.get_country("x" * 201)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: nr.events(end=2008), TypeError, "end must be a datetime.date"),  # type: ignore[arg-type]
        (lambda: nr.events(end="2008-13"), ValueError, "end='2008-13' is not a date"),
        (lambda: nr.events(start=2008), TypeError, "start must be a datetime.date"),  # type: ignore[arg-type]
        (lambda: nr.events(kind="party"), ValueError, "unknown kind 'party'; expected one of: accession, agreement, "),
        (lambda: nr.events(kind=5), TypeError, "kind must be a EventKind or its value, not int"),  # type: ignore[arg-type]
        (lambda: nr.countries(on="2008"), ValueError, "on='2008' is a whole year"),
        (lambda: nr.countries(status=5), TypeError, "status must be a Status or its value, not int"),  # type: ignore[arg-type]
        (lambda: nr.countries(status="ally"), ValueError, "unknown status 'ally'; expected one of: member, "),
        (lambda: nr.participants("PfP", on="1999"), ValueError, "on='1999' is a whole year"),
        (lambda: nr.participants("PfP", on=D(2000, 1, 1), start=D(1999, 1, 1)), ValueError,
         "give either on or start/end, not both"),
        (lambda: nr.get_country(365, system="COW"), ValueError, "unknown system 'COW'; expected one of: cow, gw, iso"),
        (lambda: nr.get_country(365), TypeError, "the number 365 could be an ISO, COW or G-W code: pass system="),
        (lambda: nr.get_country(3.5), TypeError, "a country identifier is a string, not float"),  # type: ignore[arg-type]
        (lambda: nr.get_programme(3.5), TypeError, "a programme identifier is a string, not float"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_errors_say_what_is_wrong(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("identifier", "system", "alpha2"),
    [
        (365, "cow", "RU"),
        ("365", "cow", "RU"),
        (" 365 ", "cow", "RU"),
        (260, "gw", "DE"),
        (40, "iso", "AT"),  # ISO numeric codes have three digits: 040
        ("040", "iso", "AT"),
        ("cow:365", None, "RU"),
    ],
)
def test_codes_of_each_system(identifier: str | int, system: str | None, alpha2: str) -> None:
    assert nr.get_country(identifier, system=system).alpha2 == alpha2


def test_names_as_the_data_writes_them_are_not_folded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path: a name written exactly as in the data is found without folding it."""
    from nato_relations import _queries

    nr.members()  # the dataset loaded

    def fold(text: str) -> str:
        raise AssertionError(f"folded {text!r}")

    monkeypatch.setattr(_queries, "key", fold)
    assert nr.get_country("Bosnia and Herzegovina").alpha2 == "BA"
    assert nr.get_programme("PfP").code == "PfP"


def test_the_first_look_up_leaves_the_dataset_unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process, not only in a fresh one: one country first, the dataset when a question needs it."""
    from nato_relations import _dataset

    loaded = _dataset.get_dataset()
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})
    austria = nr.get_country("Austria")
    assert _dataset._dataset is None
    assert austria == loaded.country_exact["AT"]
    assert nr.get_country("AT") is austria  # the same object, still without the dataset
    with pytest.raises(TypeError, match=r"^the number 365 could be an ISO, COW or G-W code"):
        nr.get_country(365)  # a number is never a name, loaded or not
    assert nr.get_country(40, system="iso") is austria  # a code system needs the dataset, which keeps the object
    assert _dataset._dataset is not None


def test_members_are_those_of_the_day_not_of_all_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a member to leave, members() would drop it; participants("NATO") would still list it."""
    import attr

    from nato_relations import _dataset, _loader

    raw = _loader.load()
    spells = tuple(
        attr.evolve(p, end=nr.PartialDate(1974, 8, 14)) if (p.country, p.programme) == ("GR", "NATO") else p
        for p in raw.participations
    )
    monkeypatch.setattr(_dataset, "_dataset", _dataset.build(attr.evolve(raw, participations=spells)))
    assert "GR" not in {c.alpha2 for c in nr.members()}
    assert "GR" not in {c.alpha2 for c in nr.countries(status="member")}
    assert "GR" in {c.alpha2 for c in nr.participants("NATO")}
    assert "GR" in {c.alpha2 for c in nr.members(D(1960, 1, 1))}


def test_a_range_starting_on_an_events_day_finds_it() -> None:
    """The event's last possible day counts, as a spell's does."""
    accession = next(e for e in nr.get_country("SE").events if e.kind == "accession")
    day = accession.date.latest
    assert accession in nr.events(start=day)
    assert accession in nr.events(start=day, end=day)
    assert accession not in nr.events(start=day + datetime.timedelta(days=1))


#: A code no record holds: the whole message and the suggestions, never look-alike names.
CODE_MISSES = [
    ("Q999999999", "unknown country 'Q999999999' (no country has this Wikidata item)", ()),
    ("cow:abc", "unknown country 'cow:abc' (a COW code is a number: cow:N)", ()),
    ("gw: x", "unknown country 'gw: x' (a G-W code is a number: gw:N)", ()),
    ("999", "unknown country '999' (a number alone is read as an ISO 3166 numeric code, and no country has 999)", ()),
    ("gw:999", "unknown country 'gw:999' (no state held this code)", ()),
    ("gw:0", "unknown country 'gw:0' (no state held this code)", ()),  # 0 is a number, if no state's
    (
        " 2 ",
        "unknown country ' 2 ' (a number alone is read as an ISO 3166 numeric code, and no country has 002; "
        "state-system codes are written cow:N or gw:N: cow:2 is United States, gw:2 is United States); "
        "did you mean cow:2, gw:2?",
        ("cow:2", "gw:2"),
    ),
    (
        "cow:340",
        "unknown country 'cow:340' (no state held this code: gw:340 is Serbia); did you mean gw:340?",
        ("gw:340",),
    ),
]


@pytest.mark.parametrize(("identifier", "message", "suggestions"), CODE_MISSES)
def test_a_code_miss_says_why_in_full(identifier: str, message: str, suggestions: tuple[str, ...]) -> None:
    with pytest.raises(nr.CountryNotFoundError) as caught:
        nr.get_country(identifier)
    assert (str(caught.value), caught.value.suggestions) == (message, suggestions)


def test_a_state_system_code_with_spaces_is_named_without_them() -> None:
    from nato_relations._queries import _code_miss

    found = _code_miss("cow: 2", ("cow", 2), {"cow:2": nr.get_country("US")})
    message = "unknown country 'cow: 2' (write it without spaces: cow:2); did you mean cow:2?"
    assert (str(found), found.suggestions) == (message, ("cow:2",))
    iso = _code_miss("2", ("iso", 2), {"cow:2": nr.get_country("US")})  # an ISO number never suggests itself
    assert iso.suggestions == ("cow:2",)


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("Q1246", ("wikidata", 1246)),
        (" q 1246 ", ("wikidata", 1246)),
        ("cow:abc", ("cow", -1)),
        ("GW:", ("gw", -1)),
        ("12", ("iso", 12)),
        (" gw : 260 ", ("gw", 260)),
        ("COW:365", ("cow", 365)),
        ("Kosovo", None),
        ("q12x", None),
        ("1" * 201, None),
        ("1" * 200, ("iso", int("1" * 200))),
        (5, None),
    ],
)
def test_what_looks_like_a_code(identifier: object, expected: tuple[str, int] | None) -> None:
    from nato_relations._queries import _code_number

    assert _code_number(identifier) == expected


def _points_at_this_file(filename: str) -> None:
    import os

    assert not filename.startswith(os.path.dirname(nr.__file__))  # never a line inside the library
    if f"{os.sep}mutmut{os.sep}" not in filename:  # mutation testing puts its trampoline between caller and callee
        assert filename == __file__


def test_the_warning_beyond_the_data_in_full_and_where_it_points() -> None:
    as_of = nr.dataset_info().as_of
    later = as_of + datetime.timedelta(days=1)
    with pytest.warns(nr.BeyondDataWarning) as caught:
        nr.members(later)
    (warning,) = caught
    assert str(warning.message) == (
        f"the data stops at {as_of.isoformat()}: the answer for {later.isoformat()} repeats what was known then"
    )
    _points_at_this_file(warning.filename)  # the line that asked, not the library
    with pytest.warns(nr.BeyondDataWarning) as caught:
        nr.participants("PfP", on=later)
    _points_at_this_file(caught[0].filename)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nr.members(as_of)  # the as-of day itself: no warning
        nr.members()


def test_members_names_its_argument_in_errors() -> None:
    with pytest.raises(ValueError, match=r"^on='x' is not a date") as caught:
        nr.members("x")
    assert str(caught.value) == "on='x' is not a date: use YYYY-MM-DD (or YYYY, YYYY-MM for a range)"


def test_a_lineage_with_two_routes_to_one_state_names_it_once_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """No state in the data has two predecessors yet; were one to, the walk stays breadth first and sorted."""
    import types

    import attr

    from nato_relations import _queries

    base = nr.get_country("DE")

    def state(code: str, successors: tuple[str, ...]) -> nr.Country:
        return attr.evolve(base, alpha2=code, successors=successors, participations=(), events=())

    # ZD split into ZB and ZC; ZB and ZC later joined as ZA. ZA's lineage reaches ZD twice.
    a, b, c, d = state("ZA", ()), state("ZB", ("ZA",)), state("ZC", ("ZA",)), state("ZD", ("ZC", "ZB"))
    fake = types.SimpleNamespace(countries=(d, c, a, b))  # in no useful order
    monkeypatch.setattr(_queries, "get_dataset", lambda: fake)
    walk = _queries._lineage(a)
    assert [s.alpha2 for s, _ in walk] == ["ZA", "ZB", "ZC", "ZD"]
    assert {s.alpha2: [x.alpha2 for x in absent] for s, absent in walk} == {
        "ZA": [], "ZB": [], "ZC": [], "ZD": ["ZB"],
    }  # fmt: skip
