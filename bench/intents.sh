#!/usr/bin/env bash
# Intent quality on the public data sets: ./bench/intents.sh [DATA_DIR] [SEEDS...]
# Prints one row per (data set, regime, seed) from `loopwise eval-intents --json`.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
shift || true
seeds=("${@:-42}")
[ ${#seeds[@]} -eq 0 ] && seeds=(42)
printf '%-10s %-10s %5s %9s %9s %10s %10s %9s %8s %8s\n' dataset setting seed accuracy macroF1 in-scope oos-recall handover train_s encode_s
for set in clinc150/clinc150_full.csv bitext/bitext_customer_support.csv; do
  name=$(dirname "$set")
  for setting in full shots5 shots10 zeroshot; do
    for seed in "${seeds[@]}"; do
      args=(--train "$data/$set" --test "$data/$set" --seed "$seed" --json)
      case $setting in
        shots5) args+=(--shots 5) ;;
        shots10) args+=(--shots 10) ;;
        zeroshot) args+=(--regime zero_shot) ;;
      esac
      ./loopwise eval-intents "${args[@]}" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
f = lambda v: "-" if v is None else "%.4f" % v
print("%-10s %-10s %5s %9s %9s %10s %10s %9s %8.1f %8.1f" % (sys.argv[1], sys.argv[2], sys.argv[3], f(d["accuracy"]), f(d["macroF1"]),
      f(d["inScopeAccuracy"]), f(d["outOfScopeRecall"]), f(d["handoverRate"]), d["trainingSeconds"], d["encodingSeconds"]))' "$name" "$setting" "$seed"
    done
  done
done
