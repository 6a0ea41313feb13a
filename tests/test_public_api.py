"""The front door: what ``nato_relations`` exports, and its docstring examples."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import nato_relations


def test_all_is_sorted_and_importable() -> None:
    assert nato_relations.__all__ == sorted(nato_relations.__all__)
    for name in nato_relations.__all__:
        assert getattr(nato_relations, name) is not None


@pytest.mark.parametrize(
    "name",
    [
        "get_country",
        "countries",
        "get_programme",
        "programmes",
        "participants",
        "members",
        "events",
        "lineage",
        "dataset_info",
        "Country",
        "Programme",
        "Participation",
        "Event",
        "Source",
        "Status",
        "DatasetInfo",
        "PartialDate",
        "CountryNotFoundError",
        "ProgrammeNotFoundError",
        "__version__",
    ],
)
def test_the_documented_names_are_exported(name: str) -> None:
    assert name in nato_relations.__all__


def test_errors_are_lookup_errors() -> None:
    assert issubclass(nato_relations.CountryNotFoundError, LookupError)
    assert issubclass(nato_relations.ProgrammeNotFoundError, LookupError)
    assert issubclass(nato_relations.DataError, ValueError)


def test_version_is_calendar_based() -> None:
    year, month, patch = (int(part) for part in nato_relations.__version__.split("."))
    assert year >= 2026
    assert 1 <= month <= 12
    assert patch >= 0


MODULES = sorted(
    info.name
    for info in pkgutil.iter_modules(nato_relations.__path__, "nato_relations.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("module_name", ["nato_relations", *MODULES])
def test_docstring_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
