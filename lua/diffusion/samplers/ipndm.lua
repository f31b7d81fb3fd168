--- Improved PNDM (Zhang and Chen 2023, "Fast Sampling of Diffusion Models with
-- Exponential Integrator", iPNDM): the DDIM transfer driven by Adams-Bashforth
-- combinations (orders 1 to 4) of the past noise predictions, with no
-- Runge-Kutta warm-up. diffusers: IPNDMScheduler. opts: order (4), callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Improved PNDM (Zhang and Chen 2023, iPNDM)",
  options = { "order" },
  stochastic = false,
  diffusers = "IPNDMScheduler",
})
local lincomb = require("diffusion.core").lincomb

local AB = { { 1 }, { 3 / 2, -1 / 2 }, { 23 / 12, -16 / 12, 5 / 12 }, { 55 / 24, -59 / 24, 37 / 24, -9 / 24 } }

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 4
  local n = #plan - 1
  local ets = {} -- newest first
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local _, eps = D(x, cur)
    table.insert(ets, 1, eps)
    ets[max_order + 1] = nil
    local e = lincomb(AB[#ets], ets)
    -- x0 = (x - sigma e) / alpha, then x' = alpha' x0 + sigma' e, in that
    -- order: with alpha floored at 1e-8 as diffusers does (its first level has
    -- alpha = 0), folding the two into one combination would cancel two huge
    -- terms in float32
    local a = math.max(cur.alpha, 1e-8)
    x:lincomb_({ 1, -cur.sigma }, { x, e }):mul_(1 / a)
    x:lincomb_({ nxt.alpha, nxt.sigma }, { x, e })
    util.report(opts, i, n, x, nil)
  end
  return x
end
