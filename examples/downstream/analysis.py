"""The figures of a (small) study computed with nato-relations 2026.11.1.

Each answer names the country and programme it is about, so that a change of release can be traced
to the facts that changed (`nato-relations changes --since 2026.11.1`). `python analysis.py` prints
the answers as JSON.
"""

from __future__ import annotations

import datetime
import json

import nato_relations as nr

#: The release these results were computed with: the run-time check in test_analysis.py refuses others.
PINNED = "2026.11.1"

#: (question, country, programme, day): the status of a country on a day, and what decides it.
STATUS_QUESTIONS = (
    ("georgia-2015", "GE", "ASPIRANT", "2015-01-01"),
    ("greece-1951", "GR", "ASPIRANT", "1951-12-01"),
    ("russia-2016", "RU", "PfP", "2016-01-01"),
    ("sweden-2024", "SE", "ASPIRANT", "2024-03-01"),
    ("czechia-1993", "CZ", "NACC", "1993-02-01"),
    ("france-1990", "FR", "NATO", "1990-01-01"),
)


def answers() -> list[dict[str, object]]:
    """Every figure of the study, each with the country and programme it is about."""
    found: list[dict[str, object]] = [
        {
            "question": question,
            "country": country,
            "programme": programme,
            "answer": nr.get_country(country).status_on(datetime.date.fromisoformat(day)).value,
        }
        for question, country, programme, day in STATUS_QUESTIONS
    ]
    found.append(
        {
            "question": "members-1999-03-12",
            "country": None,
            "programme": "NATO",
            "answer": len(nr.members(datetime.date(1999, 3, 12))),
        }
    )
    return found


if __name__ == "__main__":
    print(json.dumps(answers(), indent=1))
