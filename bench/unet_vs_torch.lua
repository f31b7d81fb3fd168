-- UNet2DModel forward: diffusion against PyTorch 1.13 running the same
-- function (bench/unet_torch.py, checked against the diffusers fixtures)
-- with the same random weights, in the same run. The two sides take turns,
-- one forward pass each (PyTorch waits in `unet_torch.py serve` for a line
-- on a FIFO), so both medians come from the same minutes of a machine whose
-- speed moves.
--   lua5.4 bench/unet_vs_torch.lua [threads=2] [reps=5]   (bench/unet_vs_torch.sh wraps it)
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local threads = tonumber(arg[1]) or 2
local reps = tonumber(arg[2]) or 5
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

print(string.format("threads: %d, median of %d, taking turns with PyTorch; sgemm peak here %.0f GFLOP/s (2048^3)",
  threads, reps, peak))
print()
print("| layout | params (M) | batch | diffusion (ms) | PyTorch (ms) | diffusion / PyTorch | GFLOP/s | "
  .. "% of sgemm peak |")
print("|---|---|---|---|---|---|---|---|")
for _, layout in ipairs(layouts) do
  local name, cfg = layout[1], layout[2]
  local model = d.unet(cfg, { seed = 0 })
  local dir = os.tmpname()
  os.remove(dir)
  model:save(dir)
  for _, batch in ipairs { 1, 8 } do
    local x = d.rng(2):randn { batch, cfg.in_channels, cfg.sample_size, cfg.sample_size }
    local cond = cfg.num_class_embeds and { class_labels = d.zeros { batch } } or nil
    model(x, 500, cond) -- warm-up: scratch and pool
    local fifo = os.tmpname()
    os.remove(fifo)
    assert(os.execute("mkfifo " .. fifo), "mkfifo failed")
    local p = assert(io.popen(string.format(
      "OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=%d /usr/bin/python3 bench/unet_torch.py serve %s %d < %s 2>&1",
      threads, dir, batch, fifo)))
    local cmd = assert(io.open(fifo, "w")) -- (blocks until the shell opens the FIFO to read)
    local ready = p:read("l")
    local times, torch_times, failed = {}, {}, nil
    if ready ~= "ready" then
      failed = (ready or "") .. " " .. (p:read("a") or "")
    end
    for _ = 1, failed and 0 or reps do
      -- a moment between the turns, so the other side's OpenMP threads have stopped spinning
      os.execute("sleep 0.02")
      local t0 = d.now()
      model(x, 500, cond)
      times[#times + 1] = d.now() - t0
      os.execute("sleep 0.02")
      cmd:write("run\n")
      cmd:flush()
      local line = p:read("l")
      if not tonumber(line) then
        failed = (line or "PyTorch stopped") .. " " .. (p:read("a") or "")
        break
      end
      torch_times[#torch_times + 1] = tonumber(line)
    end
    cmd:close()
    p:close()
    os.remove(fifo)
    for _ = #times + 1, reps do -- ours alone, if PyTorch failed
      local t0 = d.now()
      model(x, 500, cond)
      times[#times + 1] = d.now() - t0
    end
    local ours = median(times)
    local torch_ms = not failed and median(torch_times) or nil
    local out = failed or ""
    local flops = model:flops()
    print(string.format("| %s | %.1f | %d | %.1f | %s | %s | %.0f | %.0f%% |", name, model:parameters() / 1e6, batch,
      ours * 1e3, torch_ms and string.format("%.1f", torch_ms) or "failed: " .. out:gsub("\n", " "),
      torch_ms and string.format("%.2f", ours * 1e3 / torch_ms) or "-", flops / ours / 1e9,
      100 * flops / ours / 1e9 / peak))
  end
  os.execute("rm -rf " .. dir)
end
