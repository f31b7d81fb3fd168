-- A whole 20-step, classifier-free-guided 512 x 512 image at SD1.5's shapes: diffusion's
-- pipe:generate against diffusers 0.31's StableDiffusionPipeline on PyTorch 1.13
-- (bench/peers/sd_torch.py serve DIR pipeline), the same random weights and PNDM scheduler config,
-- the two taking turns, one image each a turn. Ours runs from the prompt (its text encoder
-- included); diffusers' from prompt embeddings (no transformers here: the issue measured its text
-- encoder at 0.10 s). Ours as a pipeline runs it: F32 (or f16) weights, no cached transforms.
--   lua5.4 bench/sd_pipeline_vs_torch.lua DIR [threads=2] [turns=1] [f32|f16|bf16] [float32|bf16 products]
-- DIR: bench/peers/sd_torch.py make DIR, then bench/sd_pipeline_folder.lua DIR.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local peer = dofile("bench/peer.lua")

local dir = assert(arg[1], "usage: lua5.4 bench/sd_pipeline_vs_torch.lua DIR [threads] [turns] [f32|f16]")
local threads, turns, dtype = tonumber(arg[2]) or 2, tonumber(arg[3]) or 1, arg[4] or "f32"
d.threads(threads)
d.matmul_precision(arg[5] or "float32")
local pipe = d.load(dir, { dtype = dtype })
local function run()
  return pipe:generate { prompt = "a lighthouse at dawn", steps = 20, guidance = 7.5, seed = 1, height = 512,
    width = 512 }
end
pipe:generate { prompt = "a lighthouse at dawn", steps = 1, guidance = 7.5, height = 512, width = 512 } -- warm

print(string.format("# a 20-step CFG 512 x 512 image, %s weights, %s products, threads %d, %d turns, taking turns "
  .. "with diffusers on PyTorch", dtype, d.matmul_precision(), threads, turns))
print(dofile("bench/kernels.lua"))
-- PyTorch's best case (../shared/peers/README.md): glibc keeps its big buffers between passes
local p = peer.start(string.format("GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967295:"
  .. "glibc.malloc.trim_threshold=4294967295 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=%d /usr/bin/python3 "
  .. "bench/peers/sd_torch.py serve %s pipeline 1", threads, dir))
local ours = {}
for _ = 1, turns do
  local t0 = d.now()
  run()
  ours[#ours + 1] = d.now() - t0
  peer.turn(p, 1)
end
peer.stop(p)
local function list(t)
  local s = {}
  for i, v in ipairs(t) do s[i] = string.format("%.1f", v) end
  return table.concat(s, ", ")
end
local best = math.min(table.unpack(ours))
if p.failed then
  print(string.format("diffusion %s s; diffusers failed: %s", list(ours), p.failed:gsub("\n", " "):sub(1, 200)))
else
  print(string.format("| diffusion (s) | diffusers (s) | best diffusion / best diffusers |\n|---|---|---|\n| %s | %s | "
    .. "%.2f |", list(ours), list(p.first), best / math.min(table.unpack(p.first))))
end
