-- Tensor op benchmark against NumPy and plain C, measured in the same run.
--   lua5.4 bench/tensor_ops.lua [threads=2] [reps=20] [rounds=3]
-- (make bench builds the C peer first). Prints a Markdown table: best-of-reps
-- wall time for each op, NumPy's time, the ratio (above 1: we are faster), and
-- for the fused ops the bandwidth reached as a share of a STREAM-style triad.
-- This machine is shared, so the whole comparison (C peer, NumPy, ours) runs
-- `rounds` times, interleaved, and each figure is the best over the rounds.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local threads = tonumber(arg[1]) or 2
local reps = tonumber(arg[2]) or 20
local rounds = tonumber(arg[3]) or 3
local sizes = { 1 << 20, 1 << 24 }
d.threads(threads)

local function best(f)
  local t = math.huge
  for _ = 1, reps do
    local t0 = d.now()
    f()
    t = math.min(t, d.now() - t0)
  end
  return t
end

local function run_lines(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  p:close()
  return out
end

local function keep_min(tbl, k, v)
  if v and (tbl[k] == nil or v < tbl[k]) then tbl[k] = v end
end

-- Bytes each op moves (STREAM convention: reads + writes of the operands).
local streams = { add = 3, axpby_ = 3, lincomb_4 = 5, sum = 1 } -- randn is compute-bound

local env = string.format("OMP_NUM_THREADS=%d OPENBLAS_NUM_THREADS=%d ", threads, threads)
local c_peer, np, ours = {}, {}, {}
local rng = d.rng(0)
local m = 1024
for _ = 1, rounds do
  for k, v in run_lines(env .. "build/bench/peer_c " .. threads):gmatch("(%S+) (%S+)") do
    keep_min(c_peer, k, k:find("gbs") and -tonumber(v) or tonumber(v)) -- bandwidth: keep the max
  end
  local np_out = run_lines(env .. "/usr/bin/python3 bench/tensor_ops_numpy.py "
    .. table.concat(sizes, ",") .. " " .. reps .. " 2>&1")
  local got = false
  for op, n, t in np_out:gmatch("(%S+) (%d+) (%S+)") do
    keep_min(np, op .. n, tonumber(t))
    got = true
  end
  if not got then io.stderr:write("NumPy peer failed:\n", np_out, "\n") end

  for _, n in ipairs(sizes) do
    local a, b, c, e = rng:randn { n }, rng:randn { n }, rng:randn { n }, rng:randn { n }
    local out = d.empty { n }
    local ops = {
      { "add", function() (a + b):free() end },
      { "axpby_", function() a:axpby_(0.9, 0.1, b) end },
      { "lincomb_4", function() out:lincomb_({ 0.1, 0.2, 0.3, 0.4 }, { a, b, c, e }) end },
      { "sum", function() return a:sum() end },
      { "randn", function() rng:randn({ n }):free() end },
    }
    for _, op in ipairs(ops) do keep_min(ours, op[1] .. n, best(op[2])) end
  end
  local x, y = rng:randn { m, m }, rng:randn { m, m }
  keep_min(ours, "matmul" .. m, best(function() d.matmul(x, y):free() end))
end
c_peer.triad_gbs_1m, c_peer.triad_gbs_16m = -c_peer.triad_gbs_1m, -c_peer.triad_gbs_16m

local rows = {}
local function row(op, n, label)
  local t, peer = ours[op .. n], np[op .. n]
  local bytes = streams[op] and streams[op] * 4 * n
  local bw = bytes and bytes / t / 1e9
  local triad = n >= (1 << 24) and c_peer.triad_gbs_16m or c_peer.triad_gbs_1m
  rows[#rows + 1] = string.format("| %s | %s | %.3f | %s | %s | %s | %s |", op, label or n,
    t * 1e3, peer and string.format("%.3f", peer * 1e3) or "-",
    peer and string.format("%.2f", peer / t) or "-",
    bw and string.format("%.1f", bw) or "-",
    bw and string.format("%.0f%%", 100 * bw / triad) or "-")
end
for _, n in ipairs(sizes) do
  for _, op in ipairs { "add", "axpby_", "lincomb_4", "sum", "randn" } do row(op, n) end
end
row("matmul", m, m .. "²")
local t_mm = ours["matmul" .. m]

print(string.format(
  "threads: %d, best of %d reps x %d rounds; STREAM-style triad: %.1f GB/s (1M floats), %.1f GB/s (16M floats)",
  threads, reps, rounds, c_peer.triad_gbs_1m, c_peer.triad_gbs_16m))
print(dofile("bench/kernels.lua"))
print(string.format("raw cblas_sgemm 1024²: %.3f ms (%.0f GFLOP/s); diffusion.matmul: %.3f ms, %+.1f%% vs raw",
  c_peer.sgemm_1024_s * 1e3, 2 * m ^ 3 / c_peer.sgemm_1024_s / 1e9, t_mm * 1e3,
  100 * (t_mm / c_peer.sgemm_1024_s - 1)))
print()
print("| op | n | diffusion (ms) | NumPy (ms) | NumPy / diffusion | GB/s | % of triad |")
print("|---|---|---|---|---|---|---|")
for _, r in ipairs(rows) do print(r) end
