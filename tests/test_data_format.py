"""The shipped data files are in the canonical form that scripts/format_data.py writes."""

from __future__ import annotations

import json
from importlib.resources import files
from types import ModuleType

import pytest

from nato_relations._loader import DATA_FILES

from .conftest import load_script


@pytest.fixture(scope="module")
def formatter() -> ModuleType:
    return load_script("format_data")


def test_files_are_canonical(formatter: ModuleType) -> None:
    texts = {name: files("nato_relations").joinpath("data", name).read_text(encoding="utf-8") for name in DATA_FILES}
    assert formatter.canonical_release(texts) == texts, "run: python scripts/format_data.py"


def test_canonical_form_sorts_records(formatter: ModuleType) -> None:
    text = files("nato_relations").joinpath("data", "countries.json").read_text(encoding="utf-8")
    shuffled = json.dumps(list(reversed(json.loads(text))))
    assert shuffled != text
    assert formatter.canonical("countries.json", shuffled) == text
