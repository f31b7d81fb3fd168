-- UNet2DModel forward: diffusion against PyTorch 1.13 (and ONNX Runtime, if installed) running the same
-- function (bench/unet_torch.py, checked against the diffusers fixtures)
-- with the same random weights, in the same run. The two sides take turns
-- (PyTorch waits in `unet_torch.py serve` for a line on a FIFO), so both
-- medians come from the same minutes of a machine whose speed moves. A turn
-- is PASSES forward passes back to back: the first finds the caches holding
-- the other side's data and its threads asleep; the rest run as in a
-- sampler's loop. Both medians are printed: first passes and the others.
--   lua5.4 bench/unet_vs_torch.lua [threads=2] [turns=5] [layout]   (bench/unet_vs_torch.sh wraps it)
-- layout: only that one (ddpm-cifar10-32 or mnist-size); both by default
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local peer_protocol = dofile("bench/peer.lua")

local threads = tonumber(arg[1]) or 2
local reps = tonumber(arg[2]) or 5
local only = arg[3]
local PASSES = 3
d.threads(threads)

local layouts = {
  { "ddpm-cifar10-32", {
    block_out_channels = { 128, 256, 256, 256 }, layers_per_block = 2, norm_num_groups = 32, norm_eps = 1e-6,
    down_block_types = { "DownBlock2D", "AttnDownBlock2D", "DownBlock2D", "DownBlock2D" },
    up_block_types = { "UpBlock2D", "UpBlock2D", "AttnUpBlock2D", "UpBlock2D" },
    downsample_padding = 0, freq_shift = 1, flip_sin_to_cos = false, attention_head_dim = d.null,
    in_channels = 3, out_channels = 3, sample_size = 32,
  } },
  { "mnist-size", {
    block_out_channels = { 32, 64, 64 }, layers_per_block = 2, norm_num_groups = 8,
    down_block_types = { "DownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D" },
    up_block_types = { "AttnUpBlock2D", "AttnUpBlock2D", "UpBlock2D" },
    attention_head_dim = 16, in_channels = 1, out_channels = 1, sample_size = 32, num_class_embeds = 11,
  } },
}

if only then
  local known = false
  for _, layout in ipairs(layouts) do known = known or layout[1] == only end
  assert(known, "unet_vs_torch: no layout '" .. only .. "' (ddpm-cifar10-32 or mnist-size)")
end

local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

-- this machine's sgemm peak, measured with a large GEMM through the same path
local a, b = d.rng(0):randn { 2048, 2048 }, d.rng(1):randn { 2048, 2048 }
d.matmul(a, b)
local best = math.huge
for _ = 1, 3 do
  local t0 = d.now()
  d.matmul(a, b)
  best = math.min(best, d.now() - t0)
end
local peak = 2 * 2048 ^ 3 / best / 1e9

-- ONNX Runtime, where onnxruntime-node is installed under build/onnx (npm
-- install --ignore-scripts onnxruntime-node there): the same UNet exported
-- by bench/unet_torch.py export, run by bench/unet_onnx.js.
local ONNX_MODULES = "build/onnx/node_modules"
local have_onnx = io.open(ONNX_MODULES .. "/onnxruntime-node/package.json") ~= nil

print(string.format("threads: %d, %d turns of %d passes each, the sides taking turns (diffusion, PyTorch%s); "
  .. "sgemm peak here %.0f GFLOP/s (2048^3)", threads, reps, PASSES, have_onnx and ", ONNX Runtime" or "", peak))
print(dofile("bench/kernels.lua"))
if not have_onnx then
  print("ONNX Runtime: not installed (cd build/onnx && npm install --ignore-scripts onnxruntime-node)")
end
print()
print("| layout | params (M) | batch | diffusion (ms) | PyTorch (ms) | ONNX Runtime (ms) | diffusion / PyTorch | "
  .. "diffusion / ONNX Runtime | GFLOP/s | first pass of a turn: diffusion, PyTorch, ONNX Runtime (ms) |")
print("|---|---|---|---|---|---|---|---|---|---|")

local start_peer, peer_turn, stop_peer = peer_protocol.start, peer_protocol.turn, peer_protocol.stop

for _, layout in ipairs(layouts) do
  local name, cfg = layout[1], layout[2]
  if only and name ~= only then
    goto next_layout
  end
  local model = d.unet(cfg, { seed = 0 })
  local dir = os.tmpname()
  os.remove(dir)
  model:save(dir)
  for _, batch in ipairs { 1, 8 } do
    local x = d.rng(2):randn { batch, cfg.in_channels, cfg.sample_size, cfg.sample_size }
    local cond = cfg.num_class_embeds and { class_labels = d.zeros { batch } } or nil
    model(x, 500, cond) -- warm-up: scratch and pool
    local peers = { start_peer(string.format(
      "OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=%d /usr/bin/python3 bench/unet_torch.py serve %s %d",
      threads, dir, batch)) }
    if have_onnx then
      local onnx = dir .. "/unet_b" .. batch .. ".onnx"
      local ok = os.execute(string.format("/usr/bin/python3 bench/unet_torch.py export %s %d %s > %s.log 2>&1",
        dir, batch, onnx, onnx))
      peers[2] = ok and start_peer(string.format("NODE_PATH=%s node bench/unet_onnx.js %s %d %d %d %d %d",
        ONNX_MODULES, onnx, batch, cfg.in_channels, cfg.sample_size, threads, cfg.num_class_embeds and 1 or 0))
        or { failed = "export failed (" .. onnx .. ".log)", first = {}, warm = {} }
    end
    local first, warm = {}, {}
    local function our_turn()
      for i = 1, PASSES do
        local t0 = d.now()
        model(x, 500, cond)
        table.insert(i == 1 and first or warm, d.now() - t0)
      end
    end
    for _ = 1, reps do
      -- a moment between the turns, so the other side's OpenMP threads have stopped spinning
      os.execute("sleep 0.02")
      our_turn()
      for _, peer in ipairs(peers) do
        os.execute("sleep 0.02")
        peer_turn(peer, PASSES)
      end
    end
    -- the last started first: a peer's shell inherited the FIFOs opened
    -- before it, and the earlier peers see their end of input only once it exits
    for i = #peers, 1, -1 do
      if peers[i].pipe then stop_peer(peers[i]) end
    end
    local ours, flops = median(warm), model:flops()
    local function ms(v)
      return string.format("%.1f", v * 1e3)
    end
    local cells, ratios, firsts = {}, {}, { ms(median(first)) }
    for i = 1, 2 do
      local peer = peers[i]
      if not peer then
        cells[i], ratios[i] = "-", "-"
      elseif peer.failed then
        cells[i], ratios[i] = "failed: " .. peer.failed:gsub("\n", " "):sub(1, 80), "-"
      else
        local t = median(peer.warm)
        cells[i], ratios[i] = ms(t), string.format("%.2f", ours / t)
        firsts[#firsts + 1] = ms(median(peer.first))
      end
    end
    print(string.format("| %s | %.1f | %d | %s | %s | %s | %s | %s | %.0f | %s |", name, model:parameters() / 1e6,
      batch, ms(ours), cells[1], cells[2], ratios[1], ratios[2], flops / ours / 1e9, table.concat(firsts, ", ")))
  end
  os.execute("rm -rf " .. dir)
  ::next_layout::
end
