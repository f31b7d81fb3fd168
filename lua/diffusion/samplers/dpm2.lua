--- DPM-Solver-2 in k-diffusion's form (sample_dpm_2; Karras et al. 2022,
-- Algorithm 1 with a midpoint step): a half step to the log-midpoint
-- s_mid = sqrt(s s'), then the full step with the slope there; Euler when
-- s' = 0. Variables xs = x / alpha, s = sigma / alpha.
-- diffusers: KDPM2DiscreteScheduler. opts: callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver-2 in k-diffusion's form (Karras et al. 2022, Algorithm 1 with a midpoint step)",
  options = {},
  stochastic = false,
  diffusers = "KDPM2DiscreteScheduler",
  k_diffusion = "sample_dpm_2",
})
local d_lincomb = require("diffusion.core").lincomb

return function(D, x, plan, opts)
  opts = opts or {}
  local n = #plan - 1
  local xs = x / plan[1].alpha
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local x0 = D(util.unscale(xs, cur), cur)
    if s_next == 0 then
      xs = x0:clone() -- Euler to s = 0
    else
      local s_mid = math.exp(0.5 * (math.log(s) + math.log(s_next)))
      local mid = D.level(s_mid)
      local h1 = (s_mid - s) / s
      local x2 = d_lincomb({ 1 + h1, -h1 }, { xs, x0 })
      local x0_2 = D(util.unscale(x2, mid), mid)
      local h2 = (s_next - s) / s_mid -- xs + (s' - s) * (x2 - x0_2) / s_mid
      xs:lincomb_({ 1, h2, -h2 }, { xs, x2, x0_2 })
      x0 = x0_2
    end
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
