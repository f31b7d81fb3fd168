#!/bin/sh
# The bundled model's likelihood on the 1,000 held-out digits, split over
# single-threaded processes: the same numbers as
#   bin/diffusion nll -n 1000 --method both --csv nll.csv   (batches of 10)
# (each batch's seed is keyed on its first digit, and results do not depend
# on the thread count), in a fraction of the wall time on a machine with
# many cores.
#   sh bench/nll_parallel.sh WORKERS OUTDIR [SECONDS] [asc|desc]
# A task is one batch of 10 digits for one method; it writes
# OUTDIR/<method>_<first digit>.csv, and bench/nll_summary.lua merges those
# into OUTDIR/ode.csv and OUTDIR/vlb.csv and prints the figures. Batches
# already in OUTDIR are skipped, so a run resumes where an earlier one (the
# committed bench/results/nll1000/ included) stopped, and the order lets two
# machines work from both ends. SECONDS: see bench/parallel.sh.
set -eu
workers=$1
out=$2
limit=${3:-0}
order=${4:-asc}
here=$(dirname "$0")
mkdir -p "$out"
rm -rf "$out/claims" "$out"/*.part # what an interrupted run left unfinished is redone
for method in ode vlb; do
  {
    if [ -f "$out/$method.csv" ]; then
      awk -F, 'NR > 1 { print int(($1 - 9001) / 10) * 10 + 9001 }' "$out/$method.csv"
    fi
    ls "$out" | sed -n "s/^${method}_\([0-9]*\)\.csv\$/\1/p"
  } | sort -u >"$out/.done_$method"
done

if [ "$order" = desc ]; then seq 9991 -10 9001; else seq 9001 10 9991; fi | while read -r from; do
  for method in ode vlb; do
    if ! grep -qx "$from" "$out/.done_$method"; then
      part="$out/${method}_$from.part"
      echo "${method}_$from $here/../bin/diffusion nll --from $from -n 10 --method $method --threads 1 --quiet" \
        "--csv $part >/dev/null && mv $part $out/${method}_$from.csv"
    fi
  done
done | sh "$here/parallel.sh" "$workers" "$out/claims" "$limit"
rm -f "$out/.done_ode" "$out/.done_vlb"
