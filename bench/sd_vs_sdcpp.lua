-- stable-diffusion.cpp beside diffusion on the same SD1.5-shaped random weights: a classifier-free
-- guided 512 x 512 image with Euler at a few steps, the two taking turns, each its own CLI-free
-- best: sd.cpp's sd-cli (built from source, ../shared/peers/README.md; it reads the diffusers
-- folder itself) and our pipe:generate. Per CFG step (batch 2 on our side; sd.cpp evaluates the
-- conditional and unconditional passes in turn) from the second step on (sd.cpp maps its weights
-- lazily during the first), and the VAE decode.
--   lua5.4 bench/sd_vs_sdcpp.lua DIR SD_CLI [threads=2] [steps=4] [turns=2] [f32|f16] [float32|bf16 products]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local usage = "usage: lua5.4 bench/sd_vs_sdcpp.lua DIR SD_CLI [threads] [steps] [turns] [f32|f16] [float32|bf16]"
local dir, cli = assert(arg[1], usage), assert(arg[2], usage)
local threads, steps, turns = tonumber(arg[3] or "2"), tonumber(arg[4] or "4"), tonumber(arg[5] or "2")
local dtype = arg[6] or "f32"
d.threads(threads)
d.matmul_precision(arg[7] or "float32")
local prompt = "a lighthouse at dawn"

local function median(t)
  local s = { table.unpack(t) }
  table.sort(s)
  return #s == 0 and 0 / 0 or (s[(#s + 1) // 2] + s[#s // 2 + 1]) / 2
end

-- sd-cli's run: its progress lines ("3/4 - 21.93s/it") and its decode's "taking X s"
local function sdcpp()
  local cmd = string.format("%s -m %s -p '%s' -W 512 -H 512 --steps %d --cfg-scale 7 --sampling-method euler -t %d "
    .. "-s 1 -o /tmp/sd_vs_sdcpp.png -v %s 2>&1", cli, dir, prompt, steps, threads,
    dtype == "f16" and "--type f16" or "")
  local t0 = d.now()
  local out = io.popen(cmd):read("a")
  local wall = d.now() - t0
  local per = {}
  for step, steps_of, secs, unit in out:gmatch("(%d+)/(%d+) %- ([%d.]+)(%a+/%a+)") do
    if tonumber(steps_of) == steps and (unit == "s/it" or unit == "it/s") then -- not the loader's MB/s
      local s = tonumber(secs)
      per[tonumber(step)] = unit == "it/s" and 1 / s or s
    end
  end
  local decode = tonumber(out:match("decode_first_stage completed, taking ([%d.]+)s"))
  if not decode then error("sd-cli gave no timings:\n" .. out:sub(-2000)) end
  local later = {}
  for i = 2, steps do later[#later + 1] = per[i] end
  return { step = median(later), decode = decode, wall = wall }
end

local pipe = d.load(dir, { dtype = dtype })
local function ours() -- the decode: from the last step's callback to the image
  local marks, t0 = {}, d.now()
  pipe:generate { prompt = prompt, steps = steps, guidance = 7, sampler = "euler", seed = 1, height = 512,
    width = 512, callback = function() marks[#marks + 1] = d.now() end }
  local t1 = d.now()
  local later = {}
  for i = 2, #marks do later[#later + 1] = marks[i] - marks[i - 1] end
  return { step = median(later), decode = t1 - marks[#marks], wall = t1 - t0 }
end

print(string.format("# a CFG 512 x 512 image, Euler, %d steps, %s weights, our products in %s, threads %d, %d turns",
  steps, dtype, d.matmul_precision(), threads, turns))
print(dofile("bench/kernels.lua"))
local runs = { sd = {}, us = {} }
for _ = 1, turns do
  runs.sd[#runs.sd + 1] = sdcpp()
  runs.us[#runs.us + 1] = ours()
end
local function col(side, key)
  local v = {}
  for i, r in ipairs(runs[side]) do v[i] = r[key] end
  return median(v)
end
print("| what | diffusion (s) | stable-diffusion.cpp (s) | diffusion / sd.cpp |")
print("|---|---|---|---|")
for _, row in ipairs { { "one CFG step (median, steps 2..)", "step" }, { "VAE decode 512 x 512", "decode" },
  { "whole run (" .. steps .. " steps, process start for sd.cpp)", "wall" } } do
  local us, sd = col("us", row[2]), col("sd", row[2])
  print(string.format("| %s | %.2f | %.2f | %.2f |", row[1], us, sd, us / sd))
end
