#!/usr/bin/env python3
"""Means over seeds of bench/intents.sh rows, as the Markdown table in BENCHMARKS.md (points, 1 decimal;
± half the range over seeds)."""
import csv, sys
from collections import OrderedDict

rows = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else "bench/out/intents-rows.tsv"), delimiter="\t"))
groups = OrderedDict()
for r in rows:
    groups.setdefault((r["encoder"], r["dataset"], r["setting"]), []).append(r)
speed = {}
for r in rows:
    if r["texts_per_s"]:
        speed[(r["encoder"], r["dataset"])] = max(speed.get((r["encoder"], r["dataset"]), 0), float(r["texts_per_s"]))

def mean(rs, key, scale=100):
    vals = [float(r[key]) for r in rs if r.get(key) not in (None, "")]
    if not vals:
        return "—"
    m = sum(vals) / len(vals)
    return ("%.1f" % (m * scale)) + ("" if len(vals) == 1 else " ± %.1f" % ((max(vals) - min(vals)) * scale / 2))

print("| encoder | data set | setting | seeds | in-scope accuracy | out-of-scope recall | macro-F1 | top intent (no threshold) | training s | encoding texts/s |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (enc, ds, setting), rs in groups.items():
    s = speed.get((enc, ds))
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (enc, ds, setting, "/".join(r["seed"] for r in rs),
          mean(rs, "inScope"), mean(rs, "oosRecall"), mean(rs, "macroF1"), mean(rs, "topIntent"), mean(rs, "train_s", 1),
          "%.0f" % s if s and setting == "full" else ""))
