"""Names as research datasets spell them: the alias table, ambiguity, near names, and name variants."""

from __future__ import annotations

import json
import unicodedata
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations import AmbiguousCountryError, CountryNotFoundError, _dataset, get_country
from nato_relations._names import fold, key, parts

from .conftest import load_script

TABLE: dict[str, Any] = json.loads(files("nato_relations").joinpath("data", "aliases.json").read_text("utf-8"))
COUNTRIES = nr.countries()
ALPHA2S = {c.alpha2 for c in COUNTRIES}

# The names of issue 19 that 2026.12.0 did not resolve, and the forms it asks for.
ISSUE_NAMES = [
    ("Ivory Coast", "CI"), ("Burma", "MM"), ("Swaziland", "SZ"), ("East Timor", "TL"), ("Cape Verde", "CV"),
    ("Holy See", "VA"), ("The Gambia", "GM"), ("Congo, Dem. Rep.", "CD"), ("Korea, Rep.", "KR"),
    ("Egypt, Arab Rep.", "EG"), ("Bahamas (the)", "BS"), ("Iran (Persia)", "IR"), ("Germany West", "DE"),
    ("Bosnia & Herzegovina", "BA"), ("Côte d\u2019Ivoire", "CI"), ("Gambia, The", "GM"), ("Korea South", "KR"),
    ("St. Lucia", "LC"), ("St. Kitts & Nevis", "KN"), ("Myanmar (Burma)", "MM"), ("Burma/Myanmar", "MM"),
    ("Kosovo*", "XK"), ("DRC", "CD"), ("UAE", "AE"), ("USSR", "SUHH"), ("Timor\u2013Leste", "TL"),
    ("Guinea\u2011Bissau", "GW"), ("Korea, Dem. People's Rep.", "KP"), ("Lao PDR", "LA"), ("Venezuela, RB", "VE"),
    ("Micronesia (Federated States of)", "FM"), ("Bolivia (Plurinational State of)", "BO"),
    ("Congo (Kinshasa)", "CD"), ("Congo (Brazzaville)", "CG"), ("Germany East", "DDDE"), ("Zaire", "CD"),
    ("Yugoslavia", "YUCS"), ("Serbia and Montenegro", "CSXX"), ("Czech Republic", "CZ"), ("Turkey", "TR"),
    ("Hong Kong SAR, China", "HK"), ("West Bank and Gaza", "PS"), ("Virgin Islands (U.S.)", "VI"),
    ("U.S.A.", "US"), ("United States of America", "US"), ("Russian Federation", "RU"), ("Viet Nam", "VN"),
]  # fmt: skip

# Names that look alike and name different countries: each must name its own.
NEAR_NAMES = [
    ("Niger", "NE"), ("Republic of the Niger", "NE"), ("Nigeria", "NG"), ("Federal Republic of Nigeria", "NG"),
    ("Dominica", "DM"), ("Commonwealth of Dominica", "DM"), ("Dominican Republic", "DO"), ("Dominican Rep.", "DO"),
    ("Guinea", "GN"), ("Republic of Guinea", "GN"), ("Guinea-Bissau", "GW"), ("Guinea Bissau", "GW"),
    ("Equatorial Guinea", "GQ"), ("Guinea, Equatorial", "GQ"), ("Papua New Guinea", "PG"),
    ("Sudan", "SD"), ("Republic of the Sudan", "SD"), ("South Sudan", "SS"), ("Sudan, South", "SS"),
    ("Congo", "CG"), ("Republic of the Congo", "CG"), ("Congo, Rep.", "CG"), ("Congo, Republic of", "CG"),
    ("Democratic Republic of the Congo", "CD"), ("Congo, Democratic Republic of", "CD"), ("Congo DR", "CD"),
    ("North Korea", "KP"), ("Korea North", "KP"), ("Korea, North", "KP"), ("Korea (North)", "KP"),
    ("South Korea", "KR"), ("Korea, South", "KR"), ("Korea (South)", "KR"), ("Republic of Korea", "KR"),
    ("Democratic People's Republic of Korea", "KP"), ("Korea, Republic of", "KR"),
    ("Samoa", "WS"), ("American Samoa", "AS"), ("Virgin Islands, British", "VG"), ("Virgin Islands, U.S.", "VI"),
]  # fmt: skip


def _names_of(country: nr.Country) -> list[str]:
    return [country.name, country.official_name, *country.aliases]


@pytest.mark.parametrize(("name", "alpha2"), ISSUE_NAMES)
def test_names_datasets_print_resolve(name: str, alpha2: str) -> None:
    assert get_country(name).alpha2 == alpha2


@pytest.mark.parametrize(("name", "alpha2"), NEAR_NAMES)
def test_near_names_do_not_leak_into_each_other(name: str, alpha2: str) -> None:
    assert get_country(name).alpha2 == alpha2


def test_near_name_groups_name_distinct_countries() -> None:
    groups = [("Niger", "Nigeria"), ("Dominica", "Dominican Republic"),
              ("Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"), ("Sudan", "South Sudan"),
              ("Congo", "Congo, Dem. Rep."), ("North Korea", "South Korea")]  # fmt: skip
    for group in groups:
        assert len({get_country(name).alpha2 for name in group}) == len(group), group


@pytest.mark.parametrize("entry", TABLE["aliases"], ids=lambda e: e["name"])
def test_every_alias_resolves_to_its_country(entry: dict[str, Any]) -> None:
    if entry["country"] not in ALPHA2S:  # pragma: no cover - format_data.py refuses such a table
        pytest.fail(f"{entry['name']!r} names {entry['country']}, which has no record")
    assert get_country(entry["name"]).alpha2 == entry["country"]
    assert entry["origins"], "every alias records the lists that print it"
    assert set(entry["origins"]) <= set(TABLE["sources"])


@pytest.mark.parametrize("entry", TABLE["ambiguous"], ids=lambda e: e["name"])
def test_ambiguous_names_raise_with_every_candidate_suggested(entry: dict[str, Any]) -> None:
    with pytest.raises(AmbiguousCountryError) as caught:
        get_country(entry["name"])
    assert isinstance(caught.value, CountryNotFoundError)
    candidates = [get_country(code).name for code in entry["countries"] if code in ALPHA2S]
    assert sorted(caught.value.suggestions) == sorted(candidates)
    assert all(name in str(caught.value) for name in candidates)


def test_korea_alone_is_ambiguous_and_each_korea_is_named() -> None:
    with pytest.raises(AmbiguousCountryError, match="North Korea or South Korea"):
        get_country("Korea")
    with pytest.raises(CountryNotFoundError):  # what code catching the old error sees
        get_country("korea")


def test_no_key_names_two_countries_unless_declared_ambiguous() -> None:
    named: dict[str, set[str]] = {}
    for country in COUNTRIES:
        for name in _names_of(country):
            named.setdefault(key(name), set()).add(country.alpha2)
    for entry in TABLE["aliases"]:
        named.setdefault(key(entry["name"]), set()).add(entry["country"])
    declared = {key(entry["name"]) for entry in TABLE["ambiguous"]}
    shared = {k: v for k, v in named.items() if len(v) > 1}
    assert not shared, shared
    assert not declared & set(named), "a name declared ambiguous is also one country's name"


@pytest.mark.parametrize("name", ["Atlantis", "Hanover", "Abkhazia", "Prussia", "Channel Islands", "World", "Korea X"])
def test_states_without_a_record_are_not_found(name: str) -> None:
    with pytest.raises(CountryNotFoundError):
        get_country(name)


@pytest.mark.parametrize("name", ["Serbia/Croatia", "Russia (Soviet Union)", "Congo (Nigeria)", "Niger/Nigeria"])
def test_a_name_whose_parts_disagree_names_nothing(name: str) -> None:
    with pytest.raises(CountryNotFoundError):
        get_country(name)


def test_parts_are_set_off_by_parentheses_and_slashes() -> None:
    assert parts("Tanzania/Tanganyika") == ("Tanzania", "Tanganyika")
    assert parts("Congo, Democratic Republic of (Zaire)") == ("Congo, Democratic Republic of", "Zaire")
    assert parts("(Burma)") == ()


_TYPOGRAPHIC = str.maketrans({"'": "\u2019", "-": "\u2013"})


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


NAMES = sorted({name for country in COUNTRIES for name in _names_of(country)} | {e["name"] for e in TABLE["aliases"]})


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("  Bosnia   and HERZEGOVINA ", "bosnia and herzegovina"),
        (" Türkiye ", "turkiye"),
        ("São Tomé and Príncipe", "sao tome and principe"),
        ("Côte d\u2019Ivoire", "cote d\u2019ivoire"),  # folding keeps punctuation and the order of words
        ("Korea, Rep.", "korea, rep."),
        ("Åland\tIslands\n", "aland islands"),
        ("", ""),
    ],
)
def test_fold_gives_the_text_names_sort_by(name: str, folded: str) -> None:
    assert fold(name) == folded


@given(
    name=st.sampled_from(NAMES),
    case=st.sampled_from([str.upper, str.lower, str.title, str.casefold, str.swapcase]),
    accents=st.booleans(),
    typographic=st.booleans(),
    mark=st.sampled_from(["", "*", "\u2020", "\u00b9", " [a]", " "]),
    space=st.sampled_from([" ", "  ", "\t"]),
)
def test_case_accent_and_punctuation_variants_resolve_alike(
    name: str, case: Any, accents: bool, typographic: bool, mark: str, space: str
) -> None:
    expected = get_country(name)
    variant = case(name)
    variant = _strip_accents(variant) if accents else variant
    variant = variant.translate(_TYPOGRAPHIC) if typographic else variant
    variant = space + space.join(variant.split(" ")) + mark
    assert get_country(variant) is expected


@given(name=st.sampled_from(NAMES))
def test_word_order_and_fillers_do_not_matter(name: str) -> None:
    words = name.replace(",", " ").split()
    reordered = ", ".join([" ".join(words[1:]), words[0]]) if len(words) > 1 else f"The {name}"
    if "(" in name or ")" in name:
        return
    assert get_country(reordered) is get_country(name)


def test_the_first_lookup_answers_aliases_without_loading_the_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})
    monkeypatch.setattr(_dataset, "_early_names", {})
    burma = get_country("Burma")
    assert get_country("Burma") is burma  # the warm path: remembered, the same object
    assert get_country("Myanmar (Burma)") is burma
    assert _dataset._dataset is None
    assert set(_dataset._early_names) == {"Burma", "Myanmar (Burma)"}
    with pytest.raises(AmbiguousCountryError):  # the full look-up explains what the index found ambiguous
        get_country("Korea")
    assert _dataset._dataset is not None
    assert get_country("Burma") is burma  # the loaded dataset keeps the object handed out first
    assert not _dataset._early_names


def test_the_remembered_first_lookups_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_dataset, "_dataset", None)
    monkeypatch.setattr(_dataset, "_first", None)
    monkeypatch.setattr(_dataset, "_early", {})
    monkeypatch.setattr(_dataset, "_early_names", {})
    monkeypatch.setattr(_dataset, "_EARLY_NAMES", 3)
    for name in ("AT", "at", "Austria", "AUSTRIA", "aut"):
        assert get_country(name).alpha2 == "AT"
    assert len(_dataset._early_names) == 3


def test_an_index_that_is_not_the_releases_own_gives_no_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_relations import _release

    monkeypatch.setattr(_dataset, "_lines", None)
    monkeypatch.setitem(_release.SHA256, "index.txt", "0" * 64)
    assert _dataset.alias_codes(key("Burma")) == ()
    monkeypatch.setattr(_dataset, "_lines", None)
    monkeypatch.undo()
    monkeypatch.setattr(_dataset, "_lines", None)
    assert _dataset.alias_codes(key("Burma")) == ("MM",)


def test_the_table_cites_its_sources() -> None:
    for sid, source in TABLE["sources"].items():
        assert source["publisher"], sid
        assert source["title"], sid
    docs = Path(__file__).resolve().parent.parent / "docs" / "data.md"
    if docs.is_file():
        text = docs.read_text(encoding="utf-8")
        for source in TABLE["sources"].values():
            assert source["publisher"] in text, f"docs/data.md does not cite {source['publisher']}"


SOURCES = Path("/work/research/names-src")


@pytest.mark.skipif(not SOURCES.is_dir(), reason="needs the lists read by scripts/make_aliases.py")
def test_the_table_is_what_the_generator_makes_of_the_lists() -> None:  # pragma: no cover - on curators' machines
    script = load_script("make_aliases")
    records = {
        c["alpha2"]: c
        for c in json.loads(files("nato_relations").joinpath("data", "countries.json").read_text("utf-8"))
    }
    table, _, _ = script.build(SOURCES, records)
    assert table == TABLE, "run: python scripts/make_aliases.py && python scripts/format_data.py"


def test_names_found_by_key_or_alias_are_remembered_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_relations import _queries

    dataset = _dataset.get_dataset()
    monkeypatch.setattr(dataset, "country_remembered", {})
    monkeypatch.setattr(_queries, "_REMEMBERED", 2)
    burma = get_country("Burma")
    assert get_country("Burma") is burma
    for name in ("AUSTRIA", "Austria", "austria ", "Korea, Rep."):  # "Austria" is exact: never remembered
        get_country(name)
    assert dataset.country_remembered == {"Burma": burma, "AUSTRIA": get_country("AT")}
    with pytest.raises(AmbiguousCountryError):
        get_country("Korea")
    assert "Korea" not in dataset.country_remembered


@pytest.mark.parametrize(
    ("aliases", "match"),
    [
        ({"aliases": [{"name": "Nigeria, Federal Rep. of", "country": "NE"}], "ambiguous": []}, "a name of NG"),
        ({"aliases": [{"name": "Narnia", "country": "XN"}], "ambiguous": []}, "XN, which has no record"),
        ({"aliases": [], "ambiguous": [{"name": "the Niger", "countries": ["NE", "NG"]}]}, "declared ambiguous"),
    ],
)
def test_the_index_refuses_an_alias_table_that_contradicts_the_records(aliases: dict[str, Any], match: str) -> None:
    formatter = load_script("format_data")
    exact = {name: c.alpha2 for c in COUNTRIES for name in _names_of(c)}
    with pytest.raises(ValueError, match=match):
        formatter.names(exact, aliases, ALPHA2S)


def test_the_index_holds_every_alias_and_ambiguous_name() -> None:
    formatter = load_script("format_data")
    exact = {name: c.alpha2 for c in COUNTRIES for name in _names_of(c)}
    table = formatter.names(exact, TABLE, ALPHA2S)
    assert table[key("Korea")] == "KP,KR"
    assert table[key("Ivory Coast")] == "CI"
