-- The samplers' own cost per step, the network replaced by a copy, against
-- the same updates written with PyTorch tensor ops (bench/sampler_overhead_torch.py)
-- in the same run, with the thread count stated:
--   lua5.4 bench/sampler_overhead.lua [threads=2] [steps=50]
-- Also: at 64x1x32x32, the time per step against the memory time of the
-- tensor passes each step makes (a pass = reading or writing one tensor,
-- timed with copy_), and resident memory over a 10,000-step run.
package.path = "lua/?.lua;lua/?/init.lua;spec/?.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local support = require "support"

local threads = tonumber(arg[1]) or 2
local steps = tonumber(arg[2]) or 50
d.threads(threads)

-- The plan the PyTorch peer uses: Karras sigmas 80 .. 0.002 in VP form, then 0.
local function plan_of(n)
  local plan = {}
  for k = 0, n - 1 do
    local r = k / (n - 1)
    local s = (80 ^ (1 / 7) + r * (0.002 ^ (1 / 7) - 80 ^ (1 / 7))) ^ 7
    local a = 1 / math.sqrt(1 + s * s)
    plan[k + 1] = { t = k, alpha = a, sigma = s * a, lambda = -math.log(s) }
  end
  plan[n + 1] = { t = 0, alpha = 1, sigma = 0, lambda = math.huge }
  return plan
end

local D = d.denoiser(function(x) return x:clone() end, nil)
local plan = plan_of(steps)
local samplers = {
  { "ddim", d.samplers.ddim, nil, 8 },
  { "euler", d.samplers.euler, nil, 8 },
  { "euler_ancestral", d.samplers.euler_ancestral, { noise = d.rng(0) }, 9 },
  { "dpmpp_2m", d.samplers.dpmpp_2m, nil, 9 },
  { "unipc_3", d.samplers.unipc, { order = 3 }, 18 },
}
-- passes per step (last column above): the copy "network" 2, the denoiser's
-- x0 = (x - sigma eps) / alpha 3, then each sampler's fused updates (reads of
-- every term plus the write; UniPC also copies x for its corrector).

local function best_per_step(f, x)
  local t = math.huge
  for _ = 1, 5 do
    local t0 = d.now()
    f(x)
    t = math.min(t, d.now() - t0)
  end
  return t / steps
end

local p = assert(io.popen(string.format(
  "OMP_NUM_THREADS=%d /usr/bin/python3 bench/sampler_overhead_torch.py %d %d 2>&1", threads, threads, steps)))
local torch_out = p:read("a")
p:close()
local torch = {}
for name, shape, us in torch_out:gmatch("(%S+) (%S+) (%S+)") do torch[name .. " " .. shape] = tonumber(us) end
if not next(torch) then io.stderr:write("PyTorch peer failed:\n", torch_out, "\n") end

local diffusers_us = { ddim = 67, euler = 32, euler_ancestral = 58, dpmpp_2m = 116, unipc_3 = 364 }

print(string.format("threads: %d, %d steps, best of 5; per step, network replaced by a copy", threads, steps))
print(dofile("bench/kernels.lua"))
print()
print("| sampler | shape | diffusion (µs/step) | PyTorch (µs/step) | PyTorch / diffusion | "
  .. "diffusers step (µs, 1x3x32x32) | diffusers / diffusion |")
print("|---|---|---|---|---|---|---|")
local per = {}
for _, shape in ipairs { { 1, 3, 32, 32 }, { 64, 1, 32, 32 } } do
  local label = table.concat(shape, "x")
  local x = d.rng(1):randn(shape)
  for _, sm in ipairs(samplers) do
    local us = best_per_step(function(xx) return sm[2](D, xx, plan, sm[3]) end, x) * 1e6
    per[sm[1] .. " " .. label] = us
    local pt = torch[sm[1] .. " " .. label]
    local ref = label == "1x3x32x32" and diffusers_us[sm[1]]
    print(string.format("| %s | %s | %.1f | %s | %s | %s | %s |", sm[1], label, us,
      pt and string.format("%.1f", pt) or "-",
      pt and string.format("%.1f", pt / us) or "-", ref and tostring(ref) or "-",
      ref and string.format("%.1f", ref / us) or "-"))
  end
end

-- memory time of one tensor pass at 64x1x32x32 (256 KiB: L2 and L3 resident)
local a, b = d.rng(2):randn { 64, 1, 32, 32 }, d.empty { 64, 1, 32, 32 }
local t_copy = math.huge
for _ = 1, 200 do
  local t0 = d.now()
  b:copy_(a)
  t_copy = math.min(t_copy, d.now() - t0)
end
local t_pass = t_copy / 2
local t_randn = math.huge
local r = d.rng(3)
for _ = 1, 50 do
  local t0 = d.now()
  r:randn(b)
  t_randn = math.min(t_randn, d.now() - t0)
end
print()
print(string.format("64x1x32x32: one tensor pass %.2f µs (copy_ / 2); randn fill %.1f µs", t_pass * 1e6, t_randn * 1e6))
print()
print("| sampler | passes per step | memory time (µs) | measured (µs) | measured / memory time |")
print("|---|---|---|---|---|")
for _, sm in ipairs(samplers) do
  local bound = sm[4] * t_pass + (sm[1] == "euler_ancestral" and t_randn or 0)
  local us = per[sm[1] .. " 64x1x32x32"]
  print(string.format("| %s | %d%s | %.1f | %.1f | %.2f |", sm[1], sm[4],
    sm[1] == "euler_ancestral" and " + randn" or "",
    bound * 1e6, us, us / (bound * 1e6)))
end

-- resident memory over a 10,000-step run
local long = plan_of(10000)
local rss = {}
d.samplers.dpmpp_2m(D, d.rng(4):randn { 1, 3, 32, 32 }, long, {
  callback = function(i)
    if i == 100 or i % 2500 == 0 then rss[#rss + 1] = string.format("step %d: %.1f MiB", i, support.rss_mib()) end
  end,
})
print()
print("DPM++ 2M, 10,000 steps at 1x3x32x32, resident memory: " .. table.concat(rss, ", "))
