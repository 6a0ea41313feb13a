"""The documentation promises only what the code and the repository do (issue 23), and reads well on the site."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import nato_relations as nr

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _text(path: Path) -> str:
    if not path.is_file():
        pytest.skip("needs the source tree")
    return path.read_text(encoding="utf-8")


def _hooks() -> ModuleType:
    path = DOCS / "hooks.py"
    if not path.is_file():
        pytest.skip("needs the source tree")
    spec = importlib.util.spec_from_file_location("docs_hooks", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: A release that broke the month rule, kept as published; docs/versioning.md says so.
_EARLY = {"2026.12.0": "2026-11-30"}


def test_each_release_is_numbered_for_its_month() -> None:
    changelog = _text(ROOT / "CHANGELOG.md")
    releases = re.findall(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4})-(\d{2})-(\d{2})$", changelog, flags=re.M)
    assert len(releases) >= 3
    for year, month, patch, y, m, _ in releases:
        version = f"{year}.{month}.{patch}"
        if version in _EARLY:
            assert f"## [{version}] - {_EARLY[version]}" in changelog
            continue
        assert (int(year), int(month)) == (int(y), int(m)), f"{version} is dated {y}-{m}"
    versioning = " ".join(_text(DOCS / "versioning.md").split())
    for version in _EARLY:
        assert f"{version} was made on" in versioning


def test_the_guide_states_the_aspirant_rule_of_the_code() -> None:
    guide = " ".join(_text(DOCS / "guide.md").split())
    assert "(in the Membership Action Plan or an Intensified Dialogue)" not in guide
    assert "does not by itself make a country an aspirant" in guide
    assert "does not by itself make a country an aspirant" in " ".join((nr.Status.__doc__ or "").split())


def test_readme_commands_use_a_virtual_environment() -> None:
    readme = _text(ROOT / "README.md")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    assert blocks
    for block in blocks:
        for line in block.splitlines():
            assert not re.match(r"\s*(python3 -m pip|pip3? |mkdocs |mypy|ruff|python3 -m pytest)", line), line
    assert any(".venv/bin/mkdocs build" in block for block in blocks)


def test_docs_promise_no_index_or_tags_that_do_not_exist() -> None:
    index = _text(DOCS / "index.md")
    versioning = " ".join(_text(DOCS / "versioning.md").split())
    assert "pip install nato-relations\n" not in index
    assert "git+https://github.com/nato-relations/nato-relations@<commit>" in index
    assert "git+https://github.com/nato-relations/nato-relations@<commit>" in versioning
    assert "No release has been tagged yet" in versioning
    assert "Releases are tagged in git" not in versioning


def test_doctest_directives_are_stripped_for_readers() -> None:
    hooks = _hooks()
    guide = _text(DOCS / "guide.md")
    assert "# doctest:" in guide  # the tests need them ...
    shown = hooks.on_page_markdown(guide)
    assert "doctest" not in shown  # ... readers do not
    assert shown.count(">>>") == guide.count(">>>")
    html = (
        '<span class="gp">&gt;&gt;&gt; </span><span class="n">frame</span> <span class="o">=</span> '
        '<span class="n">to_dataframe</span><span class="p">()</span>  <span class="c1"># doctest: +SKIP</span>\n'
        '<span class="n">x</span>  <span class="c1"># a comment</span>\n'
    )
    cleaned = hooks.on_page_content(html)
    assert "doctest" not in cleaned
    assert '<span class="p">()</span>\n' in cleaned
    assert "# a comment" in cleaned


def test_code_blocks_wrap_on_the_site() -> None:
    config = _text(ROOT / "mkdocs.yml")
    sheets = re.findall(r"^extra_css:\n((?:  - .*\n)+)", config, flags=re.M)
    assert sheets
    css = "".join(_text(DOCS / line.strip()[2:]) for line in sheets[0].splitlines())
    assert re.search(r"pre\s*>\s*code\s*\{[^}]*white-space:\s*pre-wrap", css)
