--- Euler on the probability-flow ODE (Karras et al. 2022, Algorithm 2), in
-- k-diffusion's variables xs = x / alpha and s = sigma / alpha, where the ODE
-- is dxs/ds = (xs - x0) / s. With s_churn > 0 each step first adds noise to
-- raise s to s_hat = s (1 + gamma), gamma = min(s_churn / n, sqrt 2 - 1) for
-- s in [s_tmin, s_tmax].
-- diffusers: EulerDiscreteScheduler; k-diffusion: sample_euler.
-- opts: s_churn (0), s_tmin (0), s_tmax (inf), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"

return function(D, x, plan, opts)
  opts = opts or {}
  local churn, tmin, tmax = opts.s_churn or 0, opts.s_tmin or 0, opts.s_tmax or math.huge
  local noise = churn > 0 and util.noise(opts)
  local n = #plan - 1
  local xs = x / plan[1].alpha
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local gamma = (churn > 0 and s >= tmin and s <= tmax) and math.min(churn / n, math.sqrt(2) - 1) or 0
    if gamma > 0 then
      local s_hat = s * (1 + gamma)
      xs:axpby_(1, (opts.s_noise or 1) * math.sqrt(s_hat ^ 2 - s ^ 2), noise(xs))
      s, cur = s_hat, D.level(s_hat)
    end
    local x0 = D(util.unscale(xs, cur), cur)
    local h = (s_next - s) / s -- xs + (s' - s) * (xs - x0) / s
    xs:lincomb_({ 1 + h, -h }, { xs, x0 })
    if opts.callback then opts.callback(i, n, util.unscale(xs, nxt), x0) end
  end
  return util.unscale(xs, plan[#plan])
end
