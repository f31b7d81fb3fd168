--- PNDM (Liu et al. 2022, "Pseudo Numerical Methods for Diffusion Models"):
-- the DDIM transfer x' = (alpha'/alpha) x + (sigma' - alpha' sigma / alpha) e,
-- driven by a linear-multistep combination e of past noise predictions
-- (PLMS: Adams-Bashforth up to 4th order), started either by a second-order
-- step (prk = false) or by three pseudo Runge-Kutta steps (prk = true, 4
-- evaluations each, half steps at the mid time).
-- diffusers: PNDMScheduler (skip_prk_steps = not prk). opts: prk (false),
-- prk_half (the warm-up's half step in t; default half of each step), callback.
-- A level's `to` (and the second level's `from`) replace the plan's
-- neighbours as the ends of a transfer, as diffusers' stepping off its grid needs.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = 'PNDM (Liu et al. 2022, "Pseudo Numerical Methods for Diffusion Models")',
  options = { "prk", "prk_half" },
  stochastic = false,
  diffusers = "PNDMScheduler",
  large_sigma_diverges = true,
})
local lincomb = require("diffusion.core").lincomb

local function transfer(x, a, b, e)
  return x:lincomb_({ b.alpha / a.alpha, b.sigma - b.alpha * a.sigma / a.alpha }, { x, e })
end

local function eps_at(D, x, level)
  local _, eps = D(x, level)
  return eps
end

return function(D, x, plan, opts)
  opts = opts or {}
  local n = #plan - 1
  local sched = D.schedule
  local ets = {} -- newest last
  local i = 1
  x = x:clone()
  if opts.prk then
    if not sched then error("pndm: prk needs D.schedule for the half steps", 2) end
    for _ = 1, math.min(3, n - 1) do -- pseudo RK4 warm-up
      local cur, nxt = plan[i], plan[i + 1]
      -- the half step: half the gap, or diffusers' N // n // 2 (opts.prk_half),
      -- which leaves from t - half but evaluates at t' + half
      local half = opts.prk_half or (cur.t - nxt.t) / 2
      local function level(t) return { t = t, alpha = sched:alpha(t), sigma = sched:sigma(t) } end
      local mid_out, mid = level(cur.t - half), level(nxt.t + half)
      local k1 = eps_at(D, x, cur)
      ets[#ets + 1] = k1
      local k2 = eps_at(D, transfer(x:clone(), cur, mid_out, k1), mid)
      local k3 = eps_at(D, transfer(x:clone(), cur, mid, k2), mid)
      local k4 = eps_at(D, transfer(x:clone(), cur, nxt, k3), nxt)
      local e = lincomb({ 1 / 6, 1 / 3, 1 / 3, 1 / 6 }, { k1, k2, k3, k4 })
      transfer(x, cur, nxt, e)
      util.report(opts, i, n, x, nil)
      i = i + 1
    end
  end
  while i <= n do
    local cur, nxt = plan[i], plan[i + 1]
    local e = eps_at(D, x, cur)
    local combo
    local from, to = cur, cur.to or nxt -- `to`, `from`: where diffusers' PNDM steps off the grid
    if #ets == 0 then -- second-order start: predict, evaluate again, average
      local x1 = transfer(x:clone(), cur, to, e)
      local e1 = eps_at(D, x1, nxt)
      combo = (e + e1) / 2
      from, to = nxt.from or cur, nxt
    else
      ets[#ets + 1] = e
      while #ets > 4 do table.remove(ets, 1) end
      local m = #ets
      if m == 2 then
        combo = (ets[2] * 3 - ets[1]) / 2
      elseif m == 3 then
        combo = lincomb({ 23 / 12, -16 / 12, 5 / 12 }, { ets[3], ets[2], ets[1] })
      else
        combo = lincomb({ 55 / 24, -59 / 24, 37 / 24, -9 / 24 },
          { ets[4], ets[3], ets[2], ets[1] })
      end
    end
    if #ets == 0 then ets[1] = e end
    transfer(x, from, to, combo)
    util.report(opts, i, n, x, nil)
    i = i + 1
  end
  return x
end
