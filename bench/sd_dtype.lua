-- What keeping a Stable Diffusion component's weights in 16 bits costs in time: the same
-- component loaded with float32 and with float16 (or bfloat16) weights, passes taking turns, as
-- a pipeline runs it (no cached Winograd transforms), with the weights' resident size; with
-- matmul = bf16, the 16-bit model's passes multiply in bf16 too (diffusion.matmul_precision).
--   lua5.4 bench/sd_dtype.lua DIR [unet|decode] [threads=2] [batch=2] [passes=3] [f16|bf16] [float32|bf16]
-- DIR: an SD1.5-shaped folder (bench/peers/sd_torch.py make DIR; bench/sd_pipeline_folder.lua DIR).
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local dir = assert(arg[1], "usage: lua5.4 bench/sd_dtype.lua DIR [unet|decode] [threads] [batch] [passes] [f16|bf16]")
local part, threads = arg[2] or "unet", tonumber(arg[3] or "2")
local batch, passes, half = tonumber(arg[4] or "2"), tonumber(arg[5] or "3"), arg[6] or "f16"
local matmul = arg[7] or "float32"
d.threads(threads)

local path = dir .. (part == "unet" and "/unet" or "/vae")
local models = { f32 = d.load(path), [half] = d.load(path, { dtype = half }) }
local rng = d.rng(0)
local inputs = part == "unet" and { rng:randn { batch, 4, 64, 64 }, rng:randn { batch, 77, 768 } }
  or { rng:randn { batch, 4, 64, 64 } }
local function run(model)
  if part == "unet" then return model(inputs[1], 500, { encoder_hidden_states = inputs[2] }) end
  return model:decode(inputs[1])
end
print(string.format("# %s, batch %d, threads %d, %s, no cached transforms; the %s model's products in %s", part,
  batch, threads, dofile("bench/kernels.lua"), half, matmul))
local times, outs = { f32 = {}, [half] = {} }, {}
for _, m in pairs(models) do m:winograd { cache = 0 } end
for _ = 1, passes do
  for _, dtype in ipairs { "f32", half } do
    d.matmul_precision(dtype == "f32" and "float32" or matmul)
    local t0 = d.now()
    outs[dtype] = run(models[dtype])
    times[dtype][#times[dtype] + 1] = d.now() - t0
  end
end
local function summary(ts)
  local s, best = {}, math.huge
  for i, t in ipairs(ts) do
    s[i] = string.format("%.2f", t)
    best = math.min(best, t)
  end
  return table.concat(s, ", "), best
end
local f32s, f32best = summary(times.f32)
local halfs, halfbest = summary(times[half])
print("| weights | passes (s) | weights held (GiB) |")
print("|---|---|---|")
print(string.format("| float32 | %s | %.2f |", f32s, models.f32:parameters() * 4 / 2 ^ 30))
print(string.format("| %s | %s | %.2f |", half, halfs, models[half]:parameters() * 2 / 2 ^ 30))
print(string.format("%s / float32, best passes: %.3f; outputs differ by %.3g relative (the rounding)",
  half, halfbest / f32best, (outs[half] - outs.f32):abs():max() / outs.f32:abs():max()))
