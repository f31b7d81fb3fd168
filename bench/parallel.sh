#!/bin/sh
# Runs the task lines read from stdin ("NAME COMMAND...", one per line) on
# WORKERS processes, for the long figures that split into independent runs
# (bench/nll_parallel.sh, bench/mnist_table_parallel.sh).
#   ... | sh bench/parallel.sh WORKERS CLAIMS_DIR [SECONDS]
# A worker claims a task by creating CLAIMS_DIR/NAME (mkdir is atomic), so no
# task runs twice (a failed one is reported, not retried); it starts a task only while its slowest task so far still
# fits before SECONDS from the start (default: no limit), which lets a run
# on a borrowed machine end cleanly. Tasks record their own results.
set -eu
workers=$1
claims=$2
limit=${3:-0}
mkdir -p "$claims"
list=$(mktemp)
cat >"$list"
start=$(date +%s)

worker() {
  slowest=0
  while read -r name command; do
    now=$(date +%s)
    if [ "$limit" -gt 0 ] && [ $((now - start + slowest)) -gt "$limit" ]; then break; fi
    mkdir "$claims/$name" 2>/dev/null || continue
    t0=$(date +%s)
    sh -c "$command" </dev/null || echo "task $name failed: $command" >&2
    took=$(($(date +%s) - t0))
    if [ "$took" -gt "$slowest" ]; then slowest=$took; fi
  done <"$list"
}

i=0
while [ "$i" -lt "$workers" ]; do
  worker &
  i=$((i + 1))
done
wait
rm -f "$list"
