#!/bin/sh
# The bundled model's likelihood on the 1,000 held-out digits, split over
# single-threaded processes: the same numbers as
#   bin/diffusion nll -n 1000 --method both --batch 10 --csv nll.csv
# (each batch's seed is keyed on its first digit, and results do not depend
# on the thread count), in a fraction of the wall time on a machine with
# many cores.
#   sh bench/nll_parallel.sh WORKERS OUTDIR [SECONDS] [asc|desc]
# A task is one batch of 10 digits for one method, claimed with mkdir so
# workers never repeat one; a worker starts a task only while its slowest
# task so far still fits before SECONDS (default: no limit). Each task
# writes OUTDIR/<method>_<first digit>.csv; bench/nll_summary.lua merges them
# into OUTDIR/ode.csv and OUTDIR/vlb.csv and prints the figures. Batches
# already in those merged files are skipped, so a run can be resumed (the
# committed bench/results/nll1000/ included) or shared between machines.
set -eu
workers=$1
out=$2
limit=${3:-0}
order=${4:-asc}
here=$(dirname "$0")
mkdir -p "$out/claims"
for method in ode vlb; do # batches merged into OUTDIR/<method>.csv by an earlier run are done
  if [ -f "$out/$method.csv" ]; then
    awk -F, 'NR > 1 { print int(($1 - 9001) / 10) * 10 + 9001 }' "$out/$method.csv" | sort -u | while read -r from; do
      mkdir -p "$out/claims/${method}_$from"
    done
  fi
done
start=$(date +%s)

tasks() {
  if [ "$order" = desc ]; then seq 9991 -10 9001; else seq 9001 10 9991; fi | while read -r from; do
    echo "ode $from"
    echo "vlb $from"
  done
}

worker() {
  slowest=0
  tasks | while read -r method from; do
    now=$(date +%s)
    if [ "$limit" -gt 0 ] && [ $((now - start + slowest)) -gt "$limit" ]; then break; fi
    mkdir "$out/claims/${method}_$from" 2>/dev/null || continue
    t0=$(date +%s)
    "$here/../bin/diffusion" nll --from "$from" -n 10 --batch 10 --method "$method" --threads 1 --quiet \
      --csv "$out/${method}_$from.part" >/dev/null
    mv "$out/${method}_$from.part" "$out/${method}_$from.csv"
    took=$(($(date +%s) - t0))
    if [ "$took" -gt "$slowest" ]; then slowest=$took; fi
  done
}

i=0
while [ "$i" -lt "$workers" ]; do
  worker &
  i=$((i + 1))
done
wait
