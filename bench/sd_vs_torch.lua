-- Stable Diffusion's components at SD1.5's shapes: diffusion against diffusers
-- 0.31 on PyTorch 1.13 (bench/peers/sd_torch.py), the same random weights
-- (written by diffusers' save_pretrained), the two sides taking turns. One
-- UNet2DConditionModel evaluation at 64 x 64 latents, batch 1 and 2 (a CFG
-- step), and the AutoencoderKL decode to 512 x 512.
--   /usr/bin/python3 bench/peers/sd_torch.py make DIR      (once; 3.8 GB; PYTHONPATH as the peers README says)
--   lua5.4 bench/sd_vs_torch.lua DIR [threads=2] [turns=3]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local peer = dofile("bench/peer.lua")

local dir = assert(arg[1], "usage: lua5.4 bench/sd_vs_torch.lua DIR [threads] [turns]")
local threads = tonumber(arg[2]) or 2
local turns = tonumber(arg[3]) or 3
local PASSES = 2
d.threads(threads)

local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

local function rss_gib()
  local f = io.open("/proc/self/status")
  local s = f:read("a")
  f:close()
  return tonumber(s:match("VmHWM:%s*(%d+)")) / 2 ^ 20
end

print(string.format("threads: %d, %d turns of %d passes each, taking turns with diffusers on PyTorch", threads,
  turns, PASSES))
print(dofile("bench/kernels.lua"))
print()
print("| what | diffusion (s) | PyTorch (s) | diffusion / PyTorch | first pass of a turn: diffusion, PyTorch (s) |")
print("|---|---|---|---|---|")
local unet = d.load(dir .. "/unet")
local vae = d.load(dir .. "/vae")
local rng = d.rng(0)
local cases = {
  { "UNet, 64 x 64 latents, batch 1", "unet", 1 },
  { "UNet, 64 x 64 latents, batch 2 (one CFG step)", "unet", 2 },
  { "VAE decode to 512 x 512", "decode", 1 },
}
for _, case in ipairs(cases) do
  local what, part, batch = case[1], case[2], case[3]
  local run
  if part == "unet" then
    local x, e = rng:randn { batch, 4, 64, 64 }, rng:randn { batch, 77, 768 }
    run = function() return unet(x, 500, { encoder_hidden_states = e }) end
  else
    local z = rng:randn { batch, 4, 64, 64 }
    run = function() return vae:decode(z) end
  end
  run()
  -- PyTorch's best case (../shared/peers/README.md): glibc keeps its big buffers instead of
  -- returning them to the system between passes
  local p = peer.start(string.format("GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967295:"
    .. "glibc.malloc.trim_threshold=4294967295 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=%d /usr/bin/python3 "
    .. "bench/peers/sd_torch.py serve %s %s %d", threads, dir, part, batch))
  local first, warm = {}, {}
  for _ = 1, turns do
    os.execute("sleep 0.1")
    for i = 1, PASSES do
      local t0 = d.now()
      run()
      table.insert(i == 1 and first or warm, d.now() - t0)
    end
    os.execute("sleep 0.1")
    peer.turn(p, PASSES)
  end
  peer.stop(p)
  local ours = median(warm)
  if p.failed then
    print(string.format("| %s | %.2f | failed: %s | - | %.2f |", what, ours, p.failed:gsub("\n", " "):sub(1, 100),
      median(first)))
  else
    local theirs = median(p.warm)
    print(string.format("| %s | %.2f | %.2f | %.2f | %.2f, %.2f |", what, ours, theirs, ours / theirs, median(first),
      median(p.first)))
  end
end
print()
print(string.format("peak resident memory of this process (both models loaded, F32): %.2f GiB", rss_gib()))
