"""convert: a whole column of names or codes into one code system, year-aware, loud about what it cannot match."""

from __future__ import annotations

import decimal
import os
import subprocess
import sys
import warnings
from typing import Any

import pytest

import nato_relations as nr
from nato_relations import convert

from .conftest import run_cli

CASES = [
    # (value, to, year, expected)
    ("Germany West", "cow", 1989, 260),
    ("Germany", "cow", 1989, 260),
    ("Germany", "cow", 1990, 255),  # both codes that year: the last one held
    ("Germany", "cow", 1991, 255),
    ("Germany", "cow", None, 255),
    ("Germany", "gw", 2000, 260),
    ("Serbia", "cow", 2010, 345),
    ("Serbia", "gw", 2010, 340),
    ("Serbia", "cow", None, 345),
    ("USSR", "cow", 1980, 365),
    ("Soviet Union", "gw", 1980, 365),
    ("Russia", "cow", 2000, 365),
    ("Russia", "cow", None, 365),
    ("Yugoslavia", "cow", 1980, 345),
    ("Korea, Rep.", "iso3", None, "KOR"),
    ("Congo, Dem. Rep.", "alpha2", None, "CD"),
    ("USSR", "alpha2", None, "SUHH"),
    ("Côte d'Ivoire", "name", None, "Côte d'Ivoire"),
    ("Burma", "wikidata", None, "Q836"),
    ("cow:260", "iso3", 1970, "DEU"),
]


@pytest.mark.parametrize(("value", "to", "year", "expected"), CASES)
def test_each_value_converts_to_the_code_held_that_year(
    value: str, to: Any, year: int | None, expected: object
) -> None:
    assert convert([value], to=to, year=year) == (expected,)


def test_a_state_outside_the_system_that_year_has_no_code_and_is_named() -> None:
    with pytest.warns(UserWarning, match=r"^2 values had no cow code in 1980: 'Serbia', 'Russia'$"):
        assert convert(["Serbia", "Russia", "Germany"], to="cow", year=1980) == (None, None, 260)


def test_unmatched_values_give_none_and_one_warning_listing_them() -> None:
    values = ["Korea", "Atlantis", "France", "Atlantis", 42, "Niger"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = convert(values, to="iso3")
    assert found == (None, None, "FRA", None, None, "NER")
    assert len(caught) == 1
    assert caught[0].category is UserWarning
    assert str(caught[0].message) == "3 values match no country: 'Korea', 'Atlantis', 42"


def test_missing_values_are_none_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert convert([None, float("nan"), "Malta"], to="cow") == (None, None, 338)


def test_a_long_list_of_unmatched_values_is_cut_in_the_warning() -> None:
    with pytest.warns(UserWarning, match=r"^25 values match no country: 'x0', .*'x19' and 5 more$"):
        convert([f"x{i}" for i in range(25)], to="cow")


def test_any_iterable_and_a_pandas_series() -> None:
    pd = pytest.importorskip("pandas")
    names = ["Korea South", "Ivory Coast", "Holy See"]
    expected = ("KOR", "CIV", "VAT")
    assert convert(pd.Series(names), to="iso3") == expected
    assert convert(iter(names), to="iso3") == expected
    assert convert((n for n in names), to="iso3") == expected
    assert convert([], to="iso3") == ()


def test_an_unhashable_value_is_unmatched_not_an_error() -> None:
    with pytest.warns(UserWarning, match="1 value matches no country"):
        assert convert([["AT"], "AT"], to="alpha2") == (None, "AT")


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"values": "Austria", "to": "cow"}, TypeError, "one string"),
        ({"values": ["Austria"], "to": "iso2"}, ValueError, "unknown target 'iso2'"),
        ({"values": ["Austria"], "to": "cow", "year": 1990.0}, TypeError, "year must be a whole number"),
        ({"values": ["Austria"], "to": "cow", "year": True}, TypeError, "year must be a whole number"),
        ({"values": ["Austria"], "to": "cow", "year": 0}, TypeError, "year must be a whole number"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        convert(**kwargs)


def test_every_name_of_every_record_converts_to_its_own_key() -> None:
    countries = nr.countries()
    names = [name for c in countries for name in (c.name, c.official_name, *c.aliases, c.alpha3)]
    owners = [c.alpha2 for c in countries for _ in (c.name, c.official_name, *c.aliases, c.alpha3)]
    assert convert(names, to="alpha2") == tuple(owners)


def test_convert_does_not_import_pandas() -> None:
    code = "import sys, nato_relations as nr; nr.convert(['Austria'], to='cow'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_cli_convert_reads_one_value_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Germany West\nKorea\n\nCongo, Dem. Rep.\nUSSR\nSerbia\n"))
    code, out, err = run_cli(capsys, "convert", "--to", "cow", "--year", "1980")
    assert code == 0
    assert out == "260\n\n\n490\n365\n\n"
    assert err == "nato-relations: 1 value matches no country: 'Korea'; 1 value had no cow code in 1980: 'Serbia'\n"


def test_cli_convert_needs_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "convert")
    assert code == 2
    assert "--to" in err


# --- the contract in detail: code selection at the edges of a year, the warning's exact text, the arguments ---

EDGE_CASES = [
    # (value, to, year, expected): a code held for one day of the year counts, whichever day
    ("Comoros", "cow", 1975, 581),  # from 31 December 1975
    ("Comoros", "cow", 1974, None),
    ("Morocco", "gw", 1904, 600),  # until 1 January 1904
    ("Morocco", "gw", 1905, None),
    ("Czechoslovakia", "cow", 1992, 315),  # until 31 December 1992
    ("Czechoslovakia", "cow", 1993, None),
    ("Czechia", "cow", 1993, 316),  # from 1 January 1993
    ("Czechia", "cow", 1992, None),
    ("Tunisia", "gw", 1881, 616),
    ("Tunisia", "gw", 1882, None),
    ("Tunisia", "gw", 1956, 616),
    ("Germany", "cow", 9999, 255),  # the last year accepted
    ("Serbia", "gw", None, 340),  # without a year: the code of the system asked for
    ("Serbia", "gw", 9999, 340),
    ("Yemen", "gw", None, 678),
    ("Yemen", "cow", None, 679),
]


@pytest.mark.parametrize(("value", "to", "year", "expected"), EDGE_CASES)
def test_a_code_held_on_the_first_or_last_day_of_the_year_is_that_years(
    value: str, to: Any, year: int | None, expected: int | None
) -> None:
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert convert([value], to=to, year=year) == (expected,)


def _quoted(values: list[str]) -> str:
    return ", ".join(repr(v) for v in values)


TERRITORIES = ["AX", "AS", "AI", "AQ", "AW", "BM", "BQ", "BV", "IO", "KY", "CX"]  # no COW or G-W code
TWENTY = [f"x{i}" for i in range(20)]

MESSAGES = [
    # (values, to, year, the warning's whole text)
    (["Atlantis"], "cow", None, "1 value matches no country: 'Atlantis'"),
    (["Atlantis", "Korea"], "cow", None, "2 values match no country: 'Atlantis', 'Korea'"),
    (["Atlantis", "Korea", "Atlantis"], "iso3", None, "2 values match no country: 'Atlantis', 'Korea'"),
    (["Åland Islands"], "cow", None, "1 value had no cow code: 'Åland Islands'"),
    (["Åland Islands", "Liechtenstein"], "gw", None, "2 values had no gw code: 'Åland Islands', 'Liechtenstein'"),
    (["Germany"], "cow", 1, "1 value had no cow code in 1: 'Germany'"),
    (["Kosovo", "Slovakia"], "gw", 1900, "2 values had no gw code in 1900: 'Kosovo', 'Slovakia'"),
    (
        ["Atlantis", "Serbia", "Utopia", "Russia"],
        "cow",
        1980,
        "2 values match no country: 'Atlantis', 'Utopia'; 2 values had no cow code in 1980: 'Serbia', 'Russia'",
    ),
    (TWENTY, "cow", None, f"20 values match no country: {_quoted(TWENTY)}"),  # all twenty named, nothing more
    ([*TWENTY, "x20"], "cow", None, f"21 values match no country: {_quoted(TWENTY)} and 1 more"),
    (
        TERRITORIES * 2,
        "cow",
        None,
        f"11 values had no cow code: {_quoted(TERRITORIES)}",
    ),
    (
        [f"{c}{n}" for n in range(2) for c in ("x", "y")] + TERRITORIES * 2 + ["AX"] * 3,
        "gw",
        2000,
        f"4 values match no country: 'x0', 'y0', 'x1', 'y1'; 11 values had no gw code in 2000: {_quoted(TERRITORIES)}",
    ),
    ([b"DE", 3.5, ["AT"], {"AT": 1}, 42], "cow", None, "5 values match no country: b'DE', 3.5, ['AT'], {'AT': 1}, 42"),
]


@pytest.mark.parametrize(("values", "to", "year", "message"), MESSAGES)
def test_the_warning_names_each_value_once_in_the_order_met(
    values: list[object], to: Any, year: int | None, message: str
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        convert(values, to=to, year=year)
    assert [(w.category, str(w.message)) for w in caught] == [(UserWarning, message)]


def test_uncoded_values_beyond_twenty_are_counted() -> None:
    no_code = [c.alpha2 for c in nr.countries() if c.cow_code is None][:23]
    assert len(no_code) == 23
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert convert(no_code, to="cow") == (None,) * 23
    assert str(caught[0].message) == f"23 values had no cow code: {_quoted(no_code[:20])} and 3 more"


def test_the_warning_points_at_the_line_that_called_convert() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        convert(["Atlantis"], to="cow")
        line = sys._getframe().f_lineno - 1
    filename = caught[0].filename
    assert not filename.startswith(os.path.dirname(nr.__file__))  # never a line inside the library
    if f"{os.sep}mutmut{os.sep}" not in filename:  # mutation testing puts its trampoline between caller and callee
        assert (filename, caught[0].lineno) == (__file__, line)


def test_each_distinct_value_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_relations import _queries

    looked_up: list[object] = []
    real = _queries.get_country

    def get_country(identifier: Any, **kwargs: Any) -> nr.Country:
        looked_up.append(identifier)
        return real(identifier, **kwargs)

    monkeypatch.setattr(_queries, "get_country", get_country)
    column = ["Germany", "France", "Germany", "Atlantis", "Germany", "Atlantis", ["AT"], ["AT"], None, "France"]
    with pytest.warns(UserWarning, match=r"^2 values match no country: 'Atlantis', \['AT'\]$"):
        found = convert(column, to="iso3")
    assert found == ("DEU", "FRA", "DEU", None, "DEU", None, None, None, None, "FRA")
    assert looked_up == ["Germany", "France", "Atlantis", ["AT"], ["AT"]]  # a list cannot be remembered


MISSING = [None, float("nan"), decimal.Decimal("NaN")]


@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_value_is_none_and_not_reported(missing: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert convert([missing, "Malta", missing], to="iso3", year=2000) == (None, "MLT", None)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"values": "Austria", "to": "cow"}, TypeError, "values is one string: pass a list of names, e.g. [name]"),
        ({"values": b"AT", "to": "cow"}, TypeError, "values is one string: pass a list of names, e.g. [name]"),
        (
            {"values": ["Austria"], "to": "iso2"},
            ValueError,
            "unknown target 'iso2'; expected one of: cow, gw, iso3, alpha2, name, wikidata",
        ),
        (
            {"values": ["Austria"], "to": "COW"},
            ValueError,
            "unknown target 'COW'; expected one of: cow, gw, iso3, alpha2, name, wikidata",
        ),
        (
            {"values": ["Austria"], "to": None},
            ValueError,
            "unknown target None; expected one of: cow, gw, iso3, alpha2, name, wikidata",
        ),
        ({"values": ["Austria"], "to": "cow", "year": 0}, TypeError, "not 0"),
        ({"values": ["Austria"], "to": "cow", "year": -1}, TypeError, "not -1"),
        ({"values": ["Austria"], "to": "cow", "year": 10000}, TypeError, "not 10000"),
        ({"values": ["Austria"], "to": "cow", "year": True}, TypeError, "not True"),
        ({"values": ["Austria"], "to": "cow", "year": False}, TypeError, "not False"),
        ({"values": ["Austria"], "to": "cow", "year": 1990.0}, TypeError, "not 1990.0"),
        ({"values": ["Austria"], "to": "cow", "year": "1990"}, TypeError, "not '1990'"),
    ],
)
def test_the_exact_message_of_each_argument_error(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    if message.startswith("not "):
        message = f"year must be a whole number from 1 to 9999, {message}"
    with pytest.raises(error) as caught:
        convert(**kwargs)
    assert type(caught.value) is error
    assert str(caught.value) == message


@pytest.mark.parametrize("year", [1, 2, 9998, 9999])
def test_every_year_from_1_to_9999_is_accepted(year: int) -> None:
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert convert(["France", "Atlantis"], to="iso3", year=year) == ("FRA", None)
        assert convert(["Malta"], to="cow", year=year) == ((338,) if year > 1964 else (None,))
