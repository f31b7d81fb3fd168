-- What cached Winograd transforms buy on a Stable Diffusion component: its
-- passes with no cache (a pipeline's default) and with every transform
-- cached, the time of each pass and the memory held.
--   lua5.4 bench/sd_winograd_budget.lua DIR [unet|decode] [threads=2] [batch=2] [passes=3]
-- DIR: SD1.5-shaped random weights (bench/peers/sd_torch.py make DIR).
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local dir = assert(arg[1], "usage: lua5.4 bench/sd_winograd_budget.lua DIR [unet|decode] [threads] [batch] [passes]")
local part, threads = arg[2] or "unet", tonumber(arg[3] or "2")
local batch, passes = tonumber(arg[4] or "2"), tonumber(arg[5] or "3")
d.threads(threads)
local function rss_gib(key)
  local f = io.open("/proc/self/status")
  local s = f:read("a")
  f:close()
  return tonumber(s:match(key .. ":%s*(%d+)")) / 2 ^ 20
end
local function now()
  local p = io.popen("date +%s.%N")
  local t = p:read("n")
  p:close()
  return t
end

local model = d.load(dir .. (part == "unet" and "/unet" or "/vae"))
local rng = d.rng(0)
local run
if part == "unet" then
  local x, e = rng:randn { batch, 4, 64, 64 }, rng:randn { batch, 77, 768 }
  run = function() return model(x, 500, { encoder_hidden_states = e }) end
else
  local z = rng:randn { batch, 4, 64, 64 }
  run = function() return model:decode(z) end
end
print(string.format("# %s, batch %d, threads %d, %s", part, batch, threads, dofile("bench/kernels.lua")))
print("| cache | passes (s), the first making the cache | transforms held (GiB) | resident (GiB) |")
print("|---|---|---|---|")
for _, budget in ipairs { 0, true } do
  model:winograd { cache = budget }
  local times = {}
  for i = 1, passes do
    local t0 = now()
    run()
    times[i] = string.format("%.2f", now() - t0)
  end
  print(string.format("| %s | %s | %.2f | %.2f |", budget == 0 and "none" or "all", table.concat(times, ", "),
    model:winograd().cached / 2 ^ 30, rss_gib("VmRSS")))
end
