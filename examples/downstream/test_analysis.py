"""The study's figures, as published with nato-relations 2026.11.1."""

from __future__ import annotations

from analysis import PINNED, answers

import nato_relations as nr

PUBLISHED = {
    "georgia-2015": "partner",
    "greece-1951": "none",
    "russia-2016": "partner",
    "sweden-2024": "partner",
    "czechia-1993": "partner",
    "france-1990": "member",
    "members-1999-03-12": 19,
}


def test_the_release_is_the_one_pinned() -> None:
    found = nr.dataset_info().version
    assert found == PINNED, (
        f"these results were computed with nato-relations {PINNED}, but {found} is installed: reinstall the pin, "
        f"or read `nato-relations changes --since {PINNED}` before updating the published figures"
    )


def test_the_published_figures() -> None:
    assert {a["question"]: a["answer"] for a in answers()} == PUBLISHED
