"""Benchmarks for nato-relations: cold start, warm latency, load cost, panels and scaling.

    python -m venv /tmp/bench && /tmp/bench/bin/pip install . pycountry countryinfo
    /tmp/bench/bin/python benchmarks/run.py            # the full table (a few minutes)
    /tmp/bench/bin/python benchmarks/run.py --quick    # fewer repetitions

Run it against an installed wheel, not an editable checkout: with
PYTHONDONTWRITEBYTECODE=1 (set on this project's machines) a source checkout
recompiles every module in every process. Cold-start figures come from fresh
interpreter processes, run interleaved so that machine noise hits every
command alike; the ratios are medians of per-run (paired) ratios. pycountry is
the reference; countryinfo and a bare interpreter are reported beside it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from typing import Any

COLD = {
    "python -c pass": "pass",
    "import nato_relations": "import nato_relations",
    "import + get_country('AT')": "import nato_relations; nato_relations.get_country('AT')",
    # The floor that the design's constraints set: attrs, the date and JSON modules, and the SHA-256 of every data
    # file checked before first use, with no code of this package run.
    "floor: attr, json, data SHA-256": (
        "import attr, datetime, json, os, importlib.util; from _hashlib import openssl_sha256 as h; "
        "d = os.path.join(os.path.dirname(importlib.util.find_spec('nato_relations').origin), 'data'); "
        "[h(open(os.path.join(d, n), 'rb').read()).hexdigest() for n in sorted(os.listdir(d)) "
        "if n not in ('changes.json', 'shapes.json')]"
    ),
    "pycountry import + get('AT')": "import pycountry; pycountry.countries.get(alpha_2='AT')",
    "countryinfo import + iso('AT')": "from countryinfo import CountryInfo; CountryInfo('AT').iso(2)",
}

# Time without tracemalloc (it slows allocation down); memory in a second process with it.
LOAD_TIME = """
import json, time
import nato_relations
from nato_relations import _dataset
t = time.perf_counter()
_dataset.get_dataset()
print(json.dumps(time.perf_counter() - t))
"""
LOAD_MEMORY = """
import json, resource, tracemalloc
import nato_relations
from nato_relations import _dataset
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
_dataset.get_dataset()
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"retained": current, "peak": peak, "rss_kib": rss1 - rss0}))
"""
# The full COW state-year panel, on a loaded dataset: time, then memory in another process.
PANEL_TIME = """
import json, time
import nato_relations
nato_relations.get_country("AT")
t = time.perf_counter()
nato_relations.panel(system="cow")
print(json.dumps(time.perf_counter() - t))
"""
PANEL_MEMORY = """
import json, tracemalloc
import nato_relations
nato_relations.get_country("AT")
tracemalloc.start()
table = nato_relations.panel(system="cow")
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"retained": current, "peak": peak, "rows": len(table.rows)}))
"""


def in_fresh_process(code: str) -> Any:
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def cold(runs: int) -> dict[str, list[float]]:
    commands = {name: code for name, code in COLD.items() if available(code)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, code in commands.items():
            done = subprocess.run(
                [sys.executable, "-c", f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"],
                capture_output=True,
                text=True,
                check=True,
            )
            times[name].append(float(done.stdout))
    return times


def available(code: str) -> bool:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=False).returncode == 0


def whole_process(runs: int) -> dict[str, list[float]]:
    """Wall time of whole processes, interpreter start-up included (commands that fail here are left out)."""
    import time

    commands = {name: code for name, code in COLD.items() if available(code)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    return times


def paired(values: list[float], reference: list[float]) -> float:
    """The median of the per-run ratios ``values[i] / reference[i]``."""
    return statistics.median(v / r for v, r in zip(values, reference, strict=True))


def spread(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4)
    return statistics.median(values), q[2] - q[0]


def warm(number: int) -> dict[str, float]:
    import nato_relations as nr

    d = datetime.date
    nr.members()  # the whole dataset loaded: warm figures, not the first look-up
    # Arguments are built here, outside the timed calls.
    y2000, y1990, y2010, first, last = d(2000, 1, 1), d(1990, 1, 1), d(2010, 1, 1), d(2008, 1, 1), d(2008, 12, 31)
    calls: dict[str, Callable[[], Any]] = {
        "get_country('AT')": lambda: nr.get_country("AT"),
        "get_country('Bosnia and Herzegovina')": lambda: nr.get_country("Bosnia and Herzegovina"),
        "members(on=2000-01-01)": lambda: nr.members(y2000),
        "participants('PfP', on=2000-01-01)": lambda: nr.participants("PfP", on=y2000),
        "participants('PfP', 1990..2010)": lambda: nr.participants("PfP", start=y1990, end=y2010),
        "events(2008-01-01..2008-12-31)": lambda: nr.events(start=first, end=last),
        "events(country='UA')": lambda: nr.events(country="UA"),
    }
    return {name: min(timeit.repeat(call, number=number, repeat=5)) / number for name, call in calls.items()}


def scaled(factor: int, number: int) -> dict[str, float]:
    """The same queries on a synthetic dataset ``factor`` times the real one."""
    import attr

    import nato_relations as nr
    from nato_relations import _dataset, _loader

    raw = _loader.load()
    countries, spells, events = list(raw.countries), list(raw.participations), list(raw.events)
    for copy in range(1, factor):
        for c in raw.countries:
            code = f"{c.alpha2}{copy}"
            renamed = attr.evolve(c, name=f"{c.name} {copy}", official_name=f"{c.official_name} {copy}", aliases=())
            countries.append(
                attr.evolve(renamed, alpha2=code, alpha3=f"{c.alpha3}{copy}", numeric=None, wikidata=None, systems=())
            )
        spells += [attr.evolve(p, country=f"{p.country}{copy}") for p in raw.participations]
        events += [attr.evolve(e, country=f"{e.country}{copy}") if e.country else e for e in raw.events]
    big = _dataset.build(
        attr.evolve(raw, countries=tuple(countries), participations=tuple(spells), events=tuple(events))
    )
    saved = _dataset._dataset
    _dataset._dataset = big
    try:
        d = datetime.date
        y2000, first, last = d(2000, 1, 1), d(2008, 1, 1), d(2008, 12, 31)
        calls: dict[str, Callable[[], Any]] = {
            "get_country('AT')": lambda: nr.get_country("AT"),
            "members(on=2000-01-01)": lambda: nr.members(y2000),
            "participants('PfP', on=2000-01-01)": lambda: nr.participants("PfP", on=y2000),
            "events(2008-01-01..2008-12-31)": lambda: nr.events(start=first, end=last),
        }
        return {name: min(timeit.repeat(call, number=number, repeat=3)) / number for name, call in calls.items()}
    finally:
        _dataset._dataset = saved


def main() -> int:
    parser = argparse.ArgumentParser(description="nato-relations benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs, number = (10, 200) if args.quick else (40, 2000)
    import nato_relations

    print(f"nato-relations {nato_relations.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{platform.system()}; {runs} interleaved runs per cold command")  # fmt: skip

    print("\n## Cold start, whole process (interpreter start-up included); ratios: medians of paired runs")
    procs = whole_process(runs)
    base, pyc = procs["python -c pass"], procs["pycountry import + get('AT')"]
    info = procs.get("countryinfo import + iso('AT')")
    print(f"| {'command':<32} | median ms | IQR ms | / bare python | / pycountry | / countryinfo |")
    print(f"| {'-' * 32} | --------- | ------ | ------------- | ----------- | ------------- |")
    for name, values in procs.items():
        median, iqr = spread(values)
        vs_info = f"{paired(values, info):13.2f}" if info else f"{'-':>13}"
        print(
            f"| {name:<32} | {median * 1e3:9.1f} | {iqr * 1e3:6.1f} | {paired(values, base):13.2f} "
            f"| {paired(values, pyc):11.2f} | {vs_info} |"
        )

    print("\n## Cold start, import and first call only (measured inside the fresh process)")
    inside = cold(runs)
    pyc_in = inside["pycountry import + get('AT')"]
    print(f"| {'command':<32} | median ms | IQR ms | / pycountry |")
    print(f"| {'-' * 32} | --------- | ------ | ----------- |")
    for name, values in inside.items():
        median, iqr = spread(values)
        print(f"| {name:<32} | {median * 1e3:9.2f} | {iqr * 1e3:6.2f} | {paired(values, pyc_in):11.2f} |")

    print("\n## Loading the whole dataset (fresh process)")
    seconds = statistics.median(in_fresh_process(LOAD_TIME) for _ in range(max(runs // 4, 3)))
    memory = in_fresh_process(LOAD_MEMORY)
    mib = 2**20
    print(f"time {seconds * 1e3:.1f} ms (median); memory retained {memory['retained'] / mib:.2f} MiB,")
    print(f"peak {memory['peak'] / mib:.2f} MiB (tracemalloc); max RSS grew {memory['rss_kib'] / 1024:.2f} MiB")

    print("\n## The full COW state-year panel (fresh process, dataset already loaded)")
    seconds = statistics.median(in_fresh_process(PANEL_TIME) for _ in range(max(runs // 4, 3)))
    memory = in_fresh_process(PANEL_MEMORY)
    print(
        f"{memory['rows']} rows in {seconds * 1e3:.0f} ms (median); memory retained {memory['retained'] / mib:.2f} MiB,"
    )
    print(f"peak {memory['peak'] / mib:.2f} MiB (tracemalloc)")

    print("\n## Warm latency per call, real data")
    print(f"| {'call':<40} | µs |")
    print(f"| {'-' * 40} | -- |")
    for name, seconds in warm(number).items():
        print(f"| {name:<40} | {seconds * 1e6:.2f} |")

    print("\n## Scaling: the same queries on synthetic data 1x, 10x, 100x the real size (µs per call)")
    results = {factor: scaled(factor, max(number // factor, 20)) for factor in (1, 10, 100)}
    print(f"| {'call':<40} | 1x | 10x | 100x |")
    print(f"| {'-' * 40} | -- | --- | ---- |")
    for name in results[1]:
        row = " | ".join(f"{results[f][name] * 1e6:.2f}" for f in (1, 10, 100))
        print(f"| {name:<40} | {row} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
