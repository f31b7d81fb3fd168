-- Writing a sampler: the exponential-integrator Heun step ("DPM-Solver-2"
-- with its midpoint at the end of the step), in a dozen lines, checked
-- against the exact probability-flow ODE of Gaussian data.
--   lua5.4 examples/my_sampler.lua
-- docs/writing-a-sampler.md walks through it.
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

-- The sampler: one function, sampler(D, x, plan, opts) -> x.
-- DDIM (first order, data prediction) is x' = (sigma'/sigma) x + alpha' (1 - e^-h) x0
-- with h = lambda' - lambda. Heun's idea: take that step, evaluate x0 again
-- at the end, and redo the step with the average of the two estimates.
local function exp_heun(D, x, plan, opts)
  x = x:clone()
  local n = #plan - 1
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0 = D(x, cur)
    local a, b = nxt.sigma / cur.sigma, nxt.alpha * (1 - math.exp(cur.lambda - nxt.lambda))
    if nxt.sigma > 0 then
      local x_end = d.lincomb({ a, b }, { x, x0 }) -- the DDIM predictor
      local x0_end = D(x_end, nxt)
      x:lincomb_({ a, b / 2, b / 2 }, { x, x0, x0_end }) -- trapezoid in x0
    else
      x:lincomb_({ a, b }, { x, x0 }) -- last step to sigma = 0: plain DDIM
    end
    if opts and opts.callback then opts.callback(i, n, x, x0) end
  end
  return x
end

-- Ground truth: data x0 ~ N(mu, s^2) has the exact denoiser
-- E[x0 | x] = mu + alpha s^2 / (alpha^2 s^2 + sigma^2) (x - alpha mu),
-- and the ODE keeps z = (x - alpha mu) / sqrt(alpha^2 s^2 + sigma^2).
local mu, s = 0.3, 0.7
local sched = d.schedule.linear {}
local D = d.denoiser(function(x, t) -- a "network" predicting eps exactly
  local a, sg = sched:alpha(t), sched:sigma(t)
  local x0 = (x - a * mu) * (a * s * s / (a * a * s * s + sg * sg)) + mu
  return (x - x0 * a) / sg
end, sched)

local function error_at(sampler, n)
  local plan = sched:plan(n, { sigmas = "exponential", sigma_min = 0.05, sigma_max = 20, final = "none" })
  local first, last = plan[1], plan[#plan]
  local x = d.rng(0):randn { 1000 } * math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2) + first.alpha * mu
  local z = (x - first.alpha * mu) / math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2)
  local exact = z * math.sqrt(last.alpha ^ 2 * s * s + last.sigma ^ 2) + last.alpha * mu
  return (sampler(D, x, plan) - exact):abs():max()
end

print("steps   DDIM error   exp-Heun error")
local prev
for _, n in ipairs { 8, 16, 32, 64 } do
  local e1, e2 = error_at(d.samplers.ddim, n), error_at(exp_heun, n)
  print(string.format("%5d   %.3e    %.3e%s", n, e1, e2,
    prev and string.format("   (order %.2f)", math.log(prev / e2, 2)) or ""))
  prev = e2
end
