#!/usr/bin/env python3
"""Means over seeds of bench/intents.sh rows (one or more ROWS files), as the Markdown table in
BENCHMARKS.md: grouped by data set and setting, one line per encoder, points with 1 decimal, ± half the
range over seeds. Encoding speed is left to `loopwise bench-encoders`, which measures encoders in turns."""
import csv, sys
from collections import OrderedDict

rows = [r for name in (sys.argv[1:] or ["bench/out/intents-rows.tsv"]) for r in csv.DictReader(open(name), delimiter="\t")]
encoders = list(OrderedDict.fromkeys(r["encoder"] for r in rows))
datasets = list(OrderedDict.fromkeys(r["dataset"] for r in rows))
settings = list(OrderedDict.fromkeys(r["setting"] for r in rows))
groups = {}
for r in rows:
    groups.setdefault((r["dataset"], r["setting"], r["encoder"]), {})[r["seed"]] = r  # a repeated seed counts once

def mean(rs, key, scale=100):
    vals = [float(r[key]) for r in rs if r.get(key) not in (None, "")]
    if not vals:
        return "—"
    m = sum(vals) / len(vals)
    return ("%.1f" % (m * scale)) + ("" if len(vals) == 1 else " ± %.1f" % ((max(vals) - min(vals)) * scale / 2))

print("| data set | setting | encoder | in-scope accuracy | out-of-scope recall | macro-F1 | top intent, no threshold | training s |")
print("|---|---|---|---|---|---|---|---|")
for ds in datasets:
    for setting in settings:
        for enc in encoders:
            rs = list(groups.get((ds, setting, enc), {}).values())
            if rs:
                print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (ds, "10 per intent" if setting == "shots10" else setting, enc,
                      mean(rs, "inScope"), mean(rs, "oosRecall"), mean(rs, "macroF1"), mean(rs, "topIntent"), mean(rs, "train_s", 1)))
