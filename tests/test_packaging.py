"""The built wheel, installed in a fresh virtual environment, and run from a zip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERY = "import nato_relations as n; print(n.get_country('AT').name, len(n.members()), n.__file__)"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("needs the source tree")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("nato_relations-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "nato_relations/py.typed" in names
    for data in ("countries.json", "events.json", "meta.json", "participations.json", "programmes.json"):
        assert f"nato_relations/data/{data}" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "scripts/"))]


def test_installed_wheel_and_zipped_copy(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = str(bindir / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"  # not the source tree, so only the installed copy can be imported
    elsewhere.mkdir()

    def run(*argv: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(argv, cwd=elsewhere, check=True, capture_output=True, text=True, env=env)
        return done.stdout

    out = run(python, "-I", "-c", QUERY)
    assert out.startswith("Austria 32 ")
    assert str(env_dir) in out
    assert "Sweden" in run(str(bindir / "nato-relations"), "country", "SE")

    # The same package from a zip file: resources must come through importlib.resources.
    site = Path(
        run(python, "-c", "import nato_relations, os; print(os.path.dirname(nato_relations.__path__[0]))").strip()
    )
    archive = tmp_path / "nato_relations.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((site / "nato_relations").rglob("*")):
            if "__pycache__" not in path.parts and path.is_file():
                zipped.write(path, path.relative_to(site).as_posix())
    subprocess.run([python, "-m", "pip", "uninstall", "--quiet", "--yes", "nato-relations"], check=True)
    env = {**os.environ, "PYTHONPATH": str(archive)}
    out = run(python, "-c", QUERY, env=env)
    assert out.startswith("Austria 32 ")
    assert "nato_relations.zip" in out
    assert "Czechia" in run(python, "-m", "nato_relations", "members", "--on", "1999-03-12", env=env)
    shutil.rmtree(env_dir)
