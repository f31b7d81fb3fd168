#!/bin/sh
# The sampler lab's whole FD-vs-NFE table on the bundled MNIST model
# (bench/mnist_fd_vs_nfe.lua cells: every sampler at NFE 3 to 50 and the
# 1,000-step DDPM reference, 1,000 samples each), one cell per
# single-threaded process, skipping the cells OUT/rows.csv already has.
# Run from the repository root:
#   sh bench/mnist_table_parallel.sh WORKERS [OUT] [SECONDS] [SAMPLERS|all] [NFES]
# then `lua5.4 bench/mnist_fd_vs_nfe.lua report OUT`. The reference cell runs
# as 10 chunk tasks of 100 samples (100,000 network evaluations, 12-13
# minutes on one core, each); the chunk that completes the set writes its row.
set -eu
workers=$1
out=${2:-bench/results/mnist_lab}
here=$(dirname "$0")
rm -rf "$out/claims"
lua5.4 "$here/mnist_fd_vs_nfe.lua" todo "$out" 1 "${4:-all}" ${5:+"$5"} | sh "$here/parallel.sh" "$workers" "$out/claims" "${3:-0}"
