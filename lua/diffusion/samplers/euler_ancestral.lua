--- Euler ancestral (k-diffusion's sample_euler_ancestral): an Euler step down to
-- s_down, then fresh noise of scale s_up, with s_up^2 + s_down^2 = s'^2 and
-- s_up = eta * sqrt(s'^2 (s^2 - s'^2) / s^2), in k-diffusion's variables
-- (s = sigma / alpha). diffusers: EulerAncestralDiscreteScheduler.
-- opts: eta (1), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"

return function(D, x, plan, opts)
  opts = opts or {}
  local eta, s_noise = opts.eta or 1, opts.s_noise or 1
  local noise = util.noise(opts)
  local n = #plan - 1
  local xs = x / plan[1].alpha
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local x0 = D(util.unscale(xs, cur), cur)
    local s_up = math.min(s_next, eta * math.sqrt(s_next ^ 2 * (s ^ 2 - s_next ^ 2) / s ^ 2))
    local s_down = math.sqrt(s_next ^ 2 - s_up ^ 2)
    local h = (s_down - s) / s
    -- noise is drawn on every step, as diffusers does (s_up is 0 on the last)
    xs:lincomb_({ 1 + h, -h, s_up * s_noise }, { xs, x0, noise(xs) })
    if opts.callback then opts.callback(i, n, util.unscale(xs, nxt), x0) end
  end
  return util.unscale(xs, plan[#plan])
end
