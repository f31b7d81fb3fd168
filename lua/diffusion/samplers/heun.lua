--- Heun's method (Karras et al. 2022, Algorithm 1): an Euler step to s', then
-- the trapezoidal correction with the slope at s'; a plain Euler step when
-- s' = 0. k-diffusion's variables: xs = x / alpha, s = sigma / alpha.
-- diffusers: HeunDiscreteScheduler; k-diffusion: sample_heun. opts: callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Heun's method (Karras et al. 2022, Algorithm 1)",
  options = {},
  stochastic = false,
  diffusers = "HeunDiscreteScheduler",
  k_diffusion = "sample_heun",
  large_sigma_diverges = true,
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
    local h = (s_next - s) / s
    if s_next == 0 then
      xs:lincomb_({ 1 + h, -h }, { xs, x0 })
    else
      local x2 = d_lincomb({ 1 + h, -h }, { xs, x0 }) -- the Euler predictor
      local x0_2 = D(util.unscale(x2, nxt), nxt)
      -- xs + (s' - s) / 2 * ((xs - x0) / s + (x2 - x0_2) / s')
      local dt = s_next - s
      xs:lincomb_({ 1 + dt / (2 * s), -dt / (2 * s), dt / (2 * s_next), -dt / (2 * s_next) }, { xs, x0, x2, x0_2 })
      x0 = x0_2
    end
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
