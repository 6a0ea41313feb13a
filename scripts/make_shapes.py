"""Make the country shapes that the affiliation map draws (data/shapes.json).

    pip download --no-deps geopandas==0.14.4        # the wheel carries the shapes
    pip install pyshp                               # reads them (the curate extra)
    python scripts/make_shapes.py geopandas-0.14.4-py3-none-any.whl

The shapes are Natural Earth's 1:110m admin-0 countries (public domain), as
packaged in geopandas 0.14.4 (``datasets/naturalearth_lowres``, with
geopandas' correction that draws Crimea as part of Ukraine), and, for the few
affiliated states too small for that scale, their capital's point from the
same package's ``naturalearth_cities``. Each shape is keyed by the country's
alpha-2 code in this dataset. Dependent territories drawn at this scale
(Greenland, Puerto Rico, New Caledonia, the Falklands, the French Southern
Lands) are drawn as their sovereign state's, so the map shows states, not
the North Atlantic Treaty's area; Northern Cyprus and Somaliland are drawn
as part of Cyprus and Somalia, whose territory they are in law; Antarctica
is left out. Coordinates are longitude and latitude in hundredths of a
degree, so the file is small and the same input always gives the same bytes.
Run ``python scripts/format_data.py`` afterwards: it pins the file's SHA-256.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp

import nato_relations as nr

OUT = Path(__file__).resolve().parent.parent / "src" / "nato_relations" / "data" / "shapes.json"
FOLDER = "geopandas/datasets/"
#: Natural Earth units drawn as another state's territory, or (Kosovo) whose ISO code is missing.
UNITS = {
    "Antarctica": None,
    "Falkland Is.": "GB",
    "Fr. S. Antarctic Lands": "FR",
    "Greenland": "DK",
    "Kosovo": "XK",
    "N. Cyprus": "CY",
    "New Caledonia": "FR",
    "Puerto Rico": "US",
    "Somaliland": "SO",
}
#: Capitals that stand for states too small to be drawn at 1:110m.
CAPITALS = {
    "AD": "Andorra",
    "BH": "Manama",
    "LI": "Vaduz",
    "MC": "Monaco",
    "MT": "Valletta",
    "SG": "Singapore",
    "SM": "San Marino",
    "VA": "Vatican City",
}
ABOUT = {
    "title": "Natural Earth 1:110m Cultural Vectors: Admin 0 - Countries; Populated Places",
    "publisher": "Natural Earth (public domain)",
    "url": "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
    "copy": "geopandas 0.14.4 wheel from PyPI, geopandas/datasets/naturalearth_lowres and naturalearth_cities "
    "(Crimea drawn as part of Ukraine by geopandas)",
    "notes": "Dependent territories are drawn as their sovereign state's; Northern Cyprus and Somaliland as part "
    "of Cyprus and Somalia; Antarctica is left out; states too small for the scale are a point at their capital.",
}


def _reader(wheel: zipfile.ZipFile, name: str) -> shapefile.Reader:
    parts = {ext: io.BytesIO(wheel.read(f"{FOLDER}{name}/{name}.{ext}")) for ext in ("shp", "shx", "dbf")}
    encoding = wheel.read(f"{FOLDER}{name}/{name}.cpg").decode().strip()  # ISO-8859-1
    return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)


def _hundredths(value: float) -> int:
    return round(value * 100)


def shapes(wheel_path: Path) -> dict[str, Any]:
    """The document written to data/shapes.json."""
    with zipfile.ZipFile(wheel_path) as wheel:
        countries = _reader(wheel, "naturalearth_lowres")
        cities = _reader(wheel, "naturalearth_cities")
        polygons: dict[str, list[list[int]]] = {}
        for record, shape in zip(countries.records(), countries.shapes(), strict=True):
            code = UNITS[record["name"]] if record["name"] in UNITS else nr.get_country(record["iso_a3"]).alpha2
            if code is None:
                continue
            bounds = [*shape.parts, len(shape.points)]
            for first, last in itertools.pairwise(bounds):
                ring = [_hundredths(v) for point in shape.points[first:last] for v in point]
                polygons.setdefault(code, []).append(ring)
        pairs = zip(cities.records(), cities.shapes(), strict=True)
        places = {record["name"]: shape.points[0] for record, shape in pairs}
    points = {code: [_hundredths(v) for v in places[capital]] for code, capital in CAPITALS.items()}
    overlap = set(points) & set(polygons)
    assert not overlap, f"drawn twice: {sorted(overlap)}"
    for rings in polygons.values():
        rings.sort()
    return {"about": ABOUT, "polygons": dict(sorted(polygons.items())), "points": dict(sorted(points.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", type=Path, help="the geopandas 0.14.4 wheel")
    document = shapes(parser.parse_args().wheel)
    # One ring per line: small diffs, and a file a person can still read.
    lines = ["{", f'  "about": {json.dumps(document["about"], ensure_ascii=False, sort_keys=True)},']
    for section in ("points", "polygons"):
        compact = {code: json.dumps(value, separators=(",", ":")) for code, value in document[section].items()}
        entries = [f'    "{code}": {value}' for code, value in compact.items()]
        lines += [f'  "{section}": {{', ",\n".join(entries), "  }" + ("," if section == "points" else "")]
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(document['polygons'])} shapes)")


if __name__ == "__main__":
    main()
