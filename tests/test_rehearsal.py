"""The release rehearsal's own checks (the rehearsal itself runs in .ci/run), and the release workflow."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _answer(country: str | None, programme: str, answer: object) -> dict[str, object]:
    return {"country": country, "programme": programme, "answer": answer}


def test_a_changed_figure_must_be_explained_by_the_list_of_changes() -> None:
    rehearsal = load_script("rehearse_release")
    before = {"georgia": _answer("GE", "ASPIRANT", "partner"), "france": _answer("FR", "NATO", "member")}
    after = {"georgia": _answer("GE", "ASPIRANT", "aspirant"), "france": _answer("FR", "NATO", "member")}
    rehearsal.explained(before, after, [{"key": "GE ASPIRANT 2006-09-21"}])  # names Georgia: explained
    with pytest.raises(rehearsal.RehearsalError, match="does not explain: georgia"):
        rehearsal.explained(before, after, [{"key": "SE PfP 1994-05-09"}])
    with pytest.raises(rehearsal.RehearsalError, match="proves nothing"):
        rehearsal.explained(before, before, [])


def test_the_release_workflow_rehearses_and_publishes_to_testpypi_first() -> None:
    yaml = pytest.importorskip("yaml")
    path = ROOT / ".github" / "workflows" / "release.yml"
    if not path.is_file():
        pytest.skip("needs the source tree")
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    assert jobs["publish"]["needs"] == "smoke-testpypi"
    assert jobs["smoke-testpypi"]["needs"] == "publish-testpypi"
    testpypi = jobs["publish-testpypi"]["steps"][-1]["with"]["repository-url"]
    assert testpypi == "https://test.pypi.org/legacy/"
    assert any("rehearse_release.py" in str(step.get("run", "")) for step in jobs["build"]["steps"])


def test_the_downstream_sample_pins_the_release_it_checks() -> None:
    sample = ROOT / "examples" / "downstream"
    if not sample.is_dir():
        pytest.skip("needs the source tree")
    pin = "nato-relations==2026.11.1"
    assert pin in (sample / "pyproject.toml").read_text(encoding="utf-8")
    assert pin in (sample / "requirements.txt").read_text(encoding="utf-8")
    assert 'PINNED = "2026.11.1"' in (sample / "analysis.py").read_text(encoding="utf-8")
