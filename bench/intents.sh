#!/usr/bin/env bash
# Intent quality on the public data sets, per encoder:
#   ./bench/intents.sh [DATA_DIR] [SEEDS...]
# Environment:
#   ENCODERS  encoders to compare (default: the four of the catalogue); NAME+mean / NAME+cls overrides the pooling
#   SETTINGS  any of full shots5 shots10 zeroshot (default: all four)
#   FULL_SEEDS seeds of the full-data runs (default: the seeds given)
#   DATASETS  files under DATA_DIR (default: clinc150/clinc150_full.csv bitext/bitext_customer_support.csv)
#   ROWS      where the raw rows go (default: bench/out/intents-rows.tsv)
#   LOOPWISE_JAR  run this quarkus-run.jar instead of ./loopwise (which rebuilds when sources change)
#   BENCH_CACHE  keep each encoder's vectors in BENCH_CACHE/ENCODER (a second run then encodes nothing and
#                reports no speed); without it every encoder starts from an empty cache that is deleted after
# Prints one row per (encoder, data set, setting, seed) from `loopwise eval-intents --json` (raw rows also go
# to ROWS), then one row per (encoder, data set, setting) with the mean over seeds.
# With an empty cache an encoder's first (full-data) run encodes every text: that run gives its speed.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
shift || true
seeds=("$@")
[ ${#seeds[@]} -eq 0 ] && seeds=(42)
read -r -a encoders <<< "${ENCODERS:-all-MiniLM-L6-v2 all-MiniLM-L6-v2-q bge-small-en-v1.5 bge-small-en-v1.5-q}"
read -r -a settings <<< "${SETTINGS:-full shots5 shots10 zeroshot}"
read -r -a full_seeds <<< "${FULL_SEEDS:-${seeds[*]}}"
run() { if [ -n "${LOOPWISE_JAR:-}" ]; then java -jar "$LOOPWISE_JAR" "$@"; else ./loopwise "$@"; fi; }
mkdir -p bench/out
rows="${ROWS:-bench/out/intents-rows.tsv}"
read -r -a datasets <<< "${DATASETS:-clinc150/clinc150_full.csv bitext/bitext_customer_support.csv}"
printf 'encoder\tdataset\tsetting\tseed\taccuracy\tmacroF1\tinScope\toosRecall\thandover\ttrain_s\tencode_s\ttexts_per_s\tencoder_id\ttopIntent\n' > "$rows"
for encoder in "${encoders[@]}"; do
  name="${encoder%+*}"
  pooling=()
  [ "$name" != "$encoder" ] && pooling=(--pooling "${encoder#*+}")
  if [ -n "${BENCH_CACHE:-}" ]; then cache="$BENCH_CACHE/$encoder"; mkdir -p "$cache"; else cache="$(mktemp -d)"; fi
  for set in "${datasets[@]}"; do
    for setting in "${settings[@]}"; do
      these=("${seeds[@]}")
      [ "$setting" = full ] && these=("${full_seeds[@]}")
      [ "$setting" = zeroshot ] && these=(42)
      for seed in "${these[@]}"; do
        args=(--train "$data/$set" --test "$data/$set" --seed "$seed" --encoder "$name" "${pooling[@]}" --json)
        case $setting in
          shots5) args+=(--shots 5) ;;
          shots10) args+=(--shots 10) ;;
          zeroshot) args+=(--regime zero-shot) ;;
        esac
        LOOPWISE_ENCODER_CACHE_DIR="$cache" run eval-intents "${args[@]}" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
f = lambda v: "" if v is None else "%.4f" % v
print("\t".join(sys.argv[1:5] + [f(d["accuracy"]), f(d["macroF1"]), f(d["inScopeAccuracy"]), f(d["outOfScopeRecall"]),
      f(d["handoverRate"]), "%.1f" % d["trainingSeconds"], "%.1f" % d["encodingSeconds"],
      "" if d.get("encodingTextsPerSecond") is None else "%.0f" % d["encodingTextsPerSecond"], d["encoder"], f(d["topIntentAccuracy"])]))' \
          "$encoder" "$(dirname "$set")" "$setting" "$seed" | tee -a "$rows"
      done
    done
  done
  if [ -z "${BENCH_CACHE:-}" ]; then rm -rf "$cache"; fi
done
python3 bench/summarise.py "$rows"
