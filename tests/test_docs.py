"""The documentation's examples run against the shipped data, so they cannot go stale."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = ["index.md", "guide.md", "versioning.md", "panels.md"]


@pytest.mark.parametrize("page", PAGES)
def test_examples_in_the_docs(page: str) -> None:
    if not (DOCS / page).is_file():
        pytest.skip("needs the source tree")
    result = doctest.testfile(
        str(DOCS / page), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0
