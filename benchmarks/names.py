"""Benchmarks of name look-ups: warm get_country with and without the whole dataset, and convert on a column.

    python -m venv /tmp/bench && /tmp/bench/bin/pip install . country_converter
    cd /tmp && /tmp/bench/bin/python /path/to/nato-relations/benchmarks/names.py   # --runs 21 (default)

Run it against an installed wheel, not an editable checkout (see README.md).
Warm ``get_country`` is timed in fresh processes: once on the first-look-up
path (only ``get_country`` called, the dataset never loaded), once with the
dataset loaded. ``convert`` is timed on 100,000 names drawn (seed 19) from the
names the package answers to: the alias table (data/aliases.json) and the
records' names, official names and aliases; its first call in a fresh process
(dataset loaded by it) and warm calls, each run converting the whole column.
country_converter, the peer, converts the same column in the same process, and
the share of the column each resolves is reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from typing import Any

WARM = """
import json, timeit, nato_relations as nr
from nato_relations import _dataset
names = {names!r}
if {loaded!r}:
    nr.members()
for name in names:
    nr.get_country(name)
assert (_dataset._dataset is not None) == {loaded!r}
out = {{}}
for name in names:
    call = lambda: nr.get_country(name)
    out[name] = min(timeit.repeat(call, number=20000, repeat=5)) / 20000 * 1e6
print(json.dumps(out))
"""

CONVERT = """
import json, random, time, warnings
from importlib.resources import files
import nato_relations as nr
table = json.loads(files("nato_relations").joinpath("data", "aliases.json").read_text("utf-8"))
countries = json.loads(files("nato_relations").joinpath("data", "countries.json").read_text("utf-8"))
pool = {{a["name"] for a in table["aliases"]}}
pool = sorted(pool | {{n for c in countries for n in (c["name"], c["official_name"], *c["aliases"])}})
names = random.Random(19).choices(pool, k=100_000)
warnings.simplefilter("ignore")
t = time.perf_counter(); first = nr.convert(names, to="iso3"); cold = time.perf_counter() - t
warm = []
for _ in range({runs}):
    t = time.perf_counter(); nr.convert(names, to="iso3"); warm.append(time.perf_counter() - t)
out = {{"pool": len(pool), "cold": cold, "warm": warm, "resolved": sum(v is not None for v in first) / len(names)}}
if {peer!r}:
    import logging
    import country_converter as coco
    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    cc = coco.CountryConverter()
    peer = []
    for _ in range({peer_runs}):
        t = time.perf_counter()
        found = cc.convert(names, to="ISO3", not_found="-")
        peer.append(time.perf_counter() - t)
    out["peer"] = peer
    out["peer_resolved"] = sum(v != "-" for v in found) / len(names)
print(json.dumps(out))
"""

NAMES = ("AT", "Bosnia and Herzegovina", "Burma", "Korea, Rep.")


def fresh(code: str) -> Any:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="fresh processes / timed runs per figure (default 21)")
    parser.add_argument("--peer-runs", type=int, default=3, help="timed runs of country_converter (default 3)")
    args = parser.parse_args()
    import importlib.util

    import nato_relations as nr

    print(f"nato-relations {nr.__version__}, Python {sys.version.split()[0]}, {args.runs} runs\n")
    print("## Warm get_country, µs per call (median over fresh processes of the best of 5 x 20,000 calls)")
    print("| name | first-look-up path | dataset loaded |")
    print("| --- | --- | --- |")
    lone = [fresh(WARM.format(names=NAMES, loaded=False)) for _ in range(args.runs)]
    full = [fresh(WARM.format(names=NAMES, loaded=True)) for _ in range(args.runs)]
    for name in NAMES:
        a = statistics.median(r[name] for r in lone)
        b = statistics.median(r[name] for r in full)
        print(f"| get_country({name!r}) | {a:.2f} | {b:.2f} |")
    peer = importlib.util.find_spec("country_converter") is not None
    result = fresh(CONVERT.format(runs=args.runs, peer=peer, peer_runs=args.peer_runs))
    print(f"\n## convert: 100,000 names drawn from {result['pool']} names the package answers to, to ISO alpha-3")
    print("| converter | first call s | warm s (median) | resolved |")
    print("| --- | --- | --- | --- |")
    print(
        f"| nato_relations.convert | {result['cold']:.3f} | {statistics.median(result['warm']):.3f} | "
        f"{result['resolved']:.1%} |"
    )
    if peer:
        runs = result["peer"]
        print(f"| country_converter {_version()} | {runs[0]:.3f} | {statistics.median(runs):.3f} | "
              f"{result['peer_resolved']:.1%} |")  # fmt: skip
        ratio = statistics.median(runs) / statistics.median(result["warm"])
        print(f"\nratio, warm: country_converter / nato_relations = {ratio:.0f}")
    return 0


def _version() -> str:
    from importlib.metadata import version

    return version("country_converter")


if __name__ == "__main__":
    sys.exit(main())
