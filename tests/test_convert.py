"""convert: a whole column of names or codes into one code system, year-aware, loud about what it cannot match."""

from __future__ import annotations

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
