-- A noise schedule from a Lua function, sampled with two samplers.
--   lua5.4 examples/custom_schedule.lua
-- The schedule: alpha_bar(t) = exp(-10 t^2) (a "quadratic log-SNR" shape,
-- made up for this example), sampled once into a 1000-step table. The data:
-- a two-mode mixture per element (modes -0.8 and 0.8, std 0.1), whose exact
-- denoiser stands in for a network. Each sampler runs 10 steps; a 500-step
-- DPM-Solver++ run is the reference.
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local sched = d.schedule.from_function(function(t) return math.exp(-10 * t * t) end, 1000)
print(sched)
print(string.format("alpha(500) = %.4f, sigma(500) = %.4f, lambda(500) = %.3f", sched:alpha(500), sched:sigma(500),
  sched:lambda(500)))

-- exact E[x0 | x] for the mixture 0.5 N(-0.8, 0.1^2) + 0.5 N(0.8, 0.1^2)
local modes, s = { -0.8, 0.8 }, 0.1
local function mixture_x0(x, alpha, sigma)
  local v = alpha * alpha * s * s + sigma * sigma
  local logits, means = {}, {}
  for k, m in ipairs(modes) do
    local r = x - alpha * m
    logits[k] = r:square():mul_(-0.5 / v) -- log N(x; alpha m, v) up to a shared constant
    means[k] = r:mul_(alpha * s * s / v):add_(m)
  end
  local w1 = (logits[2] - logits[1]):sigmoid() -- posterior weight of the second mode
  return means[1] + (means[2] - means[1]) * w1
end
local D = d.denoiser(function(x, t) -- the "network" predicts eps
  local a, sg = sched:alpha(t), sched:sigma(t)
  return (x - mixture_x0(x, a, sg) * a) / sg
end, sched)

local x_T = d.rng(7):randn { 4096 }
local reference = d.samplers.dpm_solver_multistep(D, x_T, sched:plan(500, { spacing = "trailing" }))
local plan = sched:plan(10, { sigmas = "karras" })
for _, name in ipairs { "dpmpp_2m", "unipc" } do
  local x0 = d.samplers[name](D, x_T, plan)
  local rmse = math.sqrt((x0 - reference):square():mean())
  local upper = ((x0:sign() + 1) / 2):mean()
  print(string.format("%-9s 10 steps: RMSE to the 500-step reference %.4f, share in the upper mode %.3f",
    name, rmse, upper))
end
