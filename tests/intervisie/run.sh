#!/bin/sh
# The intervisie quality check (see compare.py): dumps the three problems,
# doorgroei's answers beside them, and compares with CP-SAT and a plain
# local search. Not run by CI. PYTHON: a Python with ortools installed.
set -e
here=$(dirname "$0")
root="$here/../.."
out="$root/target/intervisie-compare"
mkdir -p "$out"
cargo build --release -p doorgroei-cli
bin="$root/target/release/doorgroei"
ladder="$root/pathways/welzijn-groeit.yaml"
for n in 30 35 40; do
  "$bin" intervisie "$ladder" "$here/rooster-$n.yaml" --format json \
    --dump-problem "$out/rooster-$n.json" > "$out/rooster-$n.groups.json"
done
# The 40 again, with last year's groups (vorig-jaar-40.json): pairs that
# were together before score 20 less. (That file: doorgroei on rooster-40
# with groups of 4 to 6.)
"$bin" intervisie "$ladder" "$here/rooster-40.yaml" --format json \
  --earlier "$here/vorig-jaar-40.json" \
  --dump-problem "$out/rooster-40-vorig-jaar.json" > "$out/rooster-40-vorig-jaar.groups.json"
"${PYTHON:-python3}" "$here/compare.py" "$out"/rooster-30.json "$out"/rooster-35.json \
  "$out"/rooster-40.json "$out"/rooster-40-vorig-jaar.json "$@"
