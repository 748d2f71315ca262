#!/usr/bin/env python3
"""Medians of the last `cargo bench --bench core` run, aludel beside raw, as a Markdown table.

Reads target/criterion/*/{aludel,raw}/new/{benchmark,estimates}.json. Ratio = aludel / raw.
Usage: python3 benches/core/summarize.py [target/criterion]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
BACKENDS = ["sqlite_mem", "sqlite_file", "postgres"]
WORKLOADS = [
    "select_by_pk", "load_rows_1", "load_rows_100", "load_rows_10000", "left_join",
    "insert_returning_1", "insert_returning_100", "insert_returning_10000",
    "update_10000_by_pk", "stream_1m_sum",
]


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


medians = {}
for bench in root.glob("*/*/new/benchmark.json"):
    meta = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    medians[(meta["group_id"], meta["function_id"])] = est["median"]["point_estimate"]

print("| workload | backend | aludel | raw | ratio |")
print("|---|---|---:|---:|---:|")
for backend in BACKENDS:
    for workload in WORKLOADS:
        group = f"{backend}/{workload}"
        a, r = medians.get((group, "aludel")), medians.get((group, "raw"))
        if a is None or r is None:
            continue
        flag = " **" if a / r > 1.10 else ""
        print(f"| `{workload}` | {backend} | {fmt(a)} | {fmt(r)} | {a / r:.2f}{flag} |")
