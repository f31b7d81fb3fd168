--- Euler on the probability-flow ODE (Karras et al. 2022, Algorithm 2). In
-- k-diffusion's variables xs = x / alpha and s = sigma / alpha the ODE is
-- dxs/ds = (xs - x0) / s, and one step is xs' = xs + (s' - s) (xs - x0) / s;
-- it is applied here to x itself: x' = alpha' ((1 + h) x / alpha - h x0),
-- h = (s' - s) / s. With s_churn > 0 each step first adds noise to raise s
-- to s_hat = s (1 + gamma), gamma = min(s_churn / n, sqrt 2 - 1) for s in
-- [s_tmin, s_tmax]. diffusers: EulerDiscreteScheduler; k-diffusion: sample_euler.
-- opts: s_churn (0), s_tmin (0), s_tmax (inf), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Euler on the probability-flow ODE (Karras et al. 2022, Algorithm 2)",
  options = { "s_churn", "s_tmin", "s_tmax", "s_noise" },
  stochastic = false,
  diffusers = "EulerDiscreteScheduler",
  k_diffusion = "sample_euler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local churn, tmin, tmax = opts.s_churn or 0, opts.s_tmin or 0, opts.s_tmax or math.huge
  local noise = churn > 0 and util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local gamma = (churn > 0 and s >= tmin and s <= tmax) and math.min(churn / n, math.sqrt(2) - 1) or 0
    if gamma > 0 then -- xs += sqrt(s_hat^2 - s^2) z, at the new level s_hat
      local s_hat = s * (1 + gamma)
      local lvl = D.level(s_hat)
      local scale = lvl.alpha * (opts.s_noise or 1) * math.sqrt(s_hat ^ 2 - s ^ 2)
      x:axpby_(lvl.alpha / cur.alpha, scale, noise(x, i, lvl))
      s, cur = s_hat, lvl
    end
    local x0 = D(x, cur)
    local h = (s_next - s) / s
    x:lincomb_({ nxt.alpha * (1 + h) / cur.alpha, -nxt.alpha * h }, { x, x0 })
    util.report(opts, i, n, x, x0)
  end
  return x
end
