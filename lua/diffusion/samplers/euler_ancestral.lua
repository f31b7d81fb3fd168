--- Euler ancestral (k-diffusion's sample_euler_ancestral): an Euler step down
-- to s_down, then fresh noise of scale s_up, with s_up^2 + s_down^2 = s'^2 and
-- s_up = eta * sqrt(s'^2 (s^2 - s'^2) / s^2), in k-diffusion's variables
-- (xs = x / alpha, s = sigma / alpha): xs' = xs + (s_down - s) (xs - x0) / s
-- + s_up z, applied to x = alpha xs. diffusers: EulerAncestralDiscreteScheduler.
-- opts: eta (1), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Euler ancestral",
  options = { "eta", "s_noise" },
  stochastic = true,
  diffusers = "EulerAncestralDiscreteScheduler",
  k_diffusion = "sample_euler_ancestral",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local eta, s_noise = opts.eta or 1, opts.s_noise or 1
  local noise = util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local x0 = D(x, cur)
    local s_down, s_up = util.ancestral(s, s_next, eta)
    local h = (s_down - s) / s
    -- noise is drawn on every step, as diffusers does (s_up is 0 on the last)
    x:lincomb_({ nxt.alpha * (1 + h) / cur.alpha, -nxt.alpha * h, nxt.alpha * s_up * s_noise },
      { x, x0, noise(x, i, nxt) })
    util.report(opts, i, n, x, x0)
  end
  return x
end
