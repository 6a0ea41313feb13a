"""Rehearse a release against a real package index on this machine: upload, install by version, pin downstream.

    python3 -m venv /tmp/r && /tmp/r/bin/pip install ".[release]" && /tmp/r/bin/python scripts/rehearse_release.py

It builds the sdist and wheel of this tree and of release 2026.11.1 (from git, as scripts/changes.py
finds releases), starts pypiserver on 127.0.0.1 with upload authentication, uploads all four with twine as
the release workflow does, and then, in fresh virtual environments that install from that index alone:

1. ``pip install nato-relations`` gets this release, and ``nato-relations==2026.11.1`` the old one;
2. the sample project ``examples/downstream`` (pinned to 2026.11.1) passes its test on the pin, and fails
   with its clear message once ``pip install --upgrade nato-relations`` brings the new release;
3. every figure of the sample that differs between the two releases concerns a country or programme that
   ``nato-relations changes --since 2026.11.1`` lists: the list explains the upgrade;
4. the index serves what users see: the README as description, classifiers, extras, ``Requires-Python``
   (and pip on an older Python, where this machine has one, refuses the release).

Every wait is bounded, the server is always stopped, and any failure exits non-zero. Network: loopback,
plus the package registry for the dependencies' wheels (``pip download``).
"""

from __future__ import annotations

import contextlib
import email.parser
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from changes import release_commit

ROOT = Path(__file__).resolve().parent.parent
OLD = "2026.11.1"
SAMPLE = ROOT / "examples" / "downstream"
TIMEOUT = 600  # seconds for any one build or install
OLDER_PYTHONS = ("~/.pyenv/versions/3.9.18/bin/python", "python3.9", "python3.8")


class RehearsalError(Exception):
    """A step of the rehearsal did not give what a user would need."""


def run(args: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run a command with a time limit; its output is kept for the error message."""
    done = subprocess.run(  # noqa: S603
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    if check and done.returncode != 0:
        raise RehearsalError(f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def build(source: Path, out: Path) -> list[Path]:
    """The sdist and wheel of the project in ``source``."""
    run([sys.executable, "-m", "build", "--outdir", out, source])
    return sorted(out.glob("nato_relations-*"))


def old_source(version: str, into: Path) -> Path:
    """The tree of release ``version`` from git, written into ``into``."""
    revision = release_commit(version)
    with subprocess.Popen(["git", "-C", str(ROOT), "archive", revision], stdout=subprocess.PIPE) as git:  # noqa: S603,S607
        subprocess.run(["tar", "-x", "-C", str(into)], stdin=git.stdout, check=True, timeout=TIMEOUT)  # noqa: S603,S607
    return into


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def index(packages: Path, htpasswd: Path) -> Iterator[str]:
    """A pypiserver on 127.0.0.1 serving ``packages``, uploads allowed to the users in ``htpasswd``."""
    port = free_port()
    log = (packages.parent / "pypiserver.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port), "-P", str(htpasswd),
         "-a", "update", "--disable-fallback", str(packages)],  # no redirect to PyPI for what it lacks
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/simple/", timeout=2):  # noqa: S310 (loopback)
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RehearsalError(f"pypiserver did not start on {url}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def venv(path: Path, python: str = sys.executable) -> Path:
    run([python, "-m", "venv", path])
    return path / "bin" / "python"


def pip_env() -> dict[str, str]:
    """The environment for pip calls that may use the local index alone."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull  # no configured extra index, find-links folder or constraint either
    env["PIP_FIND_LINKS"] = ""
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def install(python: Path, url: str, *requirements: str) -> None:
    run([python, "-m", "pip", "install", "--no-cache-dir", "--index-url", f"{url}/simple/", *requirements],
        env=pip_env())  # fmt: skip


def version_of(python: Path) -> str:
    return run([python, "-c", "import nato_relations as nr; print(nr.dataset_info().version)"]).stdout.strip()


def sample_answers(python: Path, sample: Path) -> dict[str, dict[str, object]]:
    out = run([python, "analysis.py"], cwd=sample).stdout
    return {a["question"]: a for a in json.loads(out)}


def check_metadata(wheel: Path) -> None:
    """What the index shows users: description, classifiers, extras and the Python it needs."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))
    body = meta.get_payload()
    problems = []
    if meta["Description-Content-Type"] != "text/markdown" or "# nato-relations" not in str(body):
        problems.append("the README is not the long description")
    if not meta.get_all("Classifier"):
        problems.append("no classifiers")
    if not {"plot", "pandas"} <= set(meta.get_all("Provides-Extra") or ()):
        problems.append("extras missing")
    if meta["Requires-Python"] != ">=3.10":
        problems.append(f"Requires-Python is {meta['Requires-Python']}")
    if problems:
        raise RehearsalError(f"{wheel.name}: " + "; ".join(problems))


def older_python() -> str | None:
    """A Python older than 3.10 that runs here (a pyenv shim may exist and still refuse), or None."""
    for candidate in OLDER_PYTHONS:
        path = shutil.which(os.path.expanduser(candidate))
        if path and run([path, "-c", "import sys; assert sys.version_info < (3, 10)"], check=False).returncode == 0:
            return path
    return None


def rehearse(work: Path) -> None:
    """Every step of the rehearsal in ``work``; raises RehearsalError at the first that fails."""
    from passlib.apache import HtpasswdFile

    packages = work / "packages"
    packages.mkdir()
    new = build(ROOT, work / "dist-new")
    old = build(old_source(OLD, Path(tempfile.mkdtemp(dir=work))), work / "dist-old")
    print(f"built {', '.join(p.name for p in [*new, *old])}")
    # The dependencies come from the registry once, and are served by the local index like the rest.
    run([sys.executable, "-m", "pip", "download", "--dest", packages, "--only-binary=:all:", "attrs", "cattrs",
         "pytest", "hatchling", "importlib-resources"])  # fmt: skip
    user, password = "rehearsal", secrets.token_urlsafe(16)
    passwords = HtpasswdFile(str(work / "htpasswd"), new=True)
    passwords.set_password(user, password)
    passwords.save()
    with index(packages, work / "htpasswd") as url:
        run([sys.executable, "-m", "twine", "upload", "--non-interactive", "--repository-url", f"{url}/",
             "-u", user, "-p", password, *new, *old])  # fmt: skip
        refused = run([sys.executable, "-m", "twine", "upload", "--non-interactive", "--repository-url", f"{url}/",
                       "-u", user, "-p", "wrong", *new], check=False)  # fmt: skip
        if refused.returncode == 0:
            raise RehearsalError("the index accepted an upload with a wrong password")
        latest = venv(work / "latest")
        install(latest, url, "nato-relations")
        pinned = venv(work / "pinned")
        install(pinned, url, f"nato-relations=={OLD}")
        found = (version_of(latest), version_of(pinned))
        expected = (new[0].name.split("-")[1].removesuffix(".tar.gz"), OLD)
        if found != expected:
            raise RehearsalError(f"installed {found}, expected {expected}")
        print(f"pip install nato-relations -> {found[0]}; nato-relations=={OLD} -> {found[1]}")

        downstream_step(work, url)
        served_step(work, url, new, old)


def downstream_step(work: Path, url: str) -> None:
    """The pinned sample keeps its answers, fails clearly after an upgrade, and `changes` explains why."""
    sample = work / "downstream"
    shutil.copytree(SAMPLE, sample)
    downstream = venv(work / "downstream-venv")
    install(downstream, url, f"{sample}[test]")
    before = sample_answers(downstream, sample)
    run([downstream, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=sample)
    print("downstream test passes on its pin")
    install(downstream, url, "--upgrade", "nato-relations")
    after = sample_answers(downstream, sample)
    failed = run([downstream, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=sample, check=False)
    if failed.returncode == 0 or f"computed with nato-relations {OLD}" not in failed.stdout:
        raise RehearsalError(f"after the upgrade the downstream test should fail clearly:\n{failed.stdout}")
    print("after the upgrade the downstream test fails, naming the pin")

    listed = json.loads(
        run([downstream.parent / "nato-relations", "changes", "--since", OLD, "--format", "json"]).stdout
    )
    explained(before, after, listed)


def served_step(work: Path, url: str, new: list[Path], old: list[Path]) -> None:
    """What the index serves users: metadata, every artefact, and Requires-Python honoured."""
    for artefact in new:
        if artefact.suffix == ".whl":
            check_metadata(artefact)
    page = urllib.request.urlopen(f"{url}/simple/nato-relations/", timeout=10).read().decode()  # noqa: S310
    if not all(p.name in page for p in [*new, *old]):
        raise RehearsalError("the index does not list every artefact uploaded")
    older = older_python()
    if older is None:
        print("no Python older than 3.10 on this machine: Requires-Python not tried with pip")
    else:
        old_venv = venv(work / "older", older)
        refused = run([old_venv, "-m", "pip", "install", "--no-cache-dir", "--index-url", f"{url}/simple/",
                       "nato-relations"], env=pip_env(), check=False)  # fmt: skip
        said = refused.stdout + refused.stderr
        if refused.returncode == 0 or not ("Requires-Python" in said or "require a different Python" in said):
            raise RehearsalError(f"pip on {older} should refuse for Requires-Python:\n{refused.stderr}")
        print(f"pip on Python {older} refuses the release for its Requires-Python (>=3.10)")


def explained(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]],
              listed: list[dict[str, str]]) -> None:  # fmt: skip
    """Every figure that differs is about a country or programme that the list of changes names.

    A change names a country by its key (``"GE ASPIRANT 2006-09-21"``, ``"GR"``) and a programme by its
    code in the key (``"- 1991-12-20 founding NACC"``, ``"ASPIRANT"``).
    """
    differing = sorted(q for q in before if before[q]["answer"] != after[q]["answer"])
    if not differing:
        raise RehearsalError("no figure of the sample changed between the releases: the sample proves nothing")
    words = [set(c["key"].replace("#", " ").split()) for c in listed]
    unexplained = []
    for question in differing:
        subject = {str(v) for v in (before[question]["country"], before[question]["programme"]) if v}
        if not any(subject & w for w in words):
            unexplained.append(question)
    if unexplained:
        raise RehearsalError(f"changes --since {OLD} does not explain: {', '.join(unexplained)}")
    print(f"{len(differing)} figures changed, each explained by `nato-relations changes --since {OLD}`: "
          + ", ".join(differing))  # fmt: skip


def main() -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rehearsal-") as work:
        try:
            rehearse(Path(work))
        except (RehearsalError, subprocess.TimeoutExpired, subprocess.CalledProcessError) as error:
            print(f"rehearse_release: FAILED: {error}", file=sys.stderr)
            return 1
    print(f"rehearse_release: all steps passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
