--- Latent Consistency Model sampling (Luo et al. 2023, Algorithm 1): the
-- consistency function f(x, t) = c_skip x + c_out x0(x, t), with the
-- boundary-condition scalings of Song et al. 2023 at t * timestep_scaling,
-- then fresh noise to the next level: x' = alpha' f + sigma' z. The last step
-- returns f itself. diffusers: LCMScheduler.
-- opts: timestep_scaling (10), sigma_data (0.5), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Latent Consistency Model sampling (Luo et al. 2023, Algorithm 1)",
  options = { "sigma_data", "timestep_scaling" },
  stochastic = true,
  diffusers = "LCMScheduler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local scaling, sd = opts.timestep_scaling or 10, opts.sigma_data or 0.5
  local noise = util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0 = D(x, cur)
    local ts = cur.t * scaling
    local c_skip, c_out = sd * sd / (ts * ts + sd * sd), ts / math.sqrt(ts * ts + sd * sd)
    if i < n then
      x:lincomb_({ nxt.alpha * c_skip, nxt.alpha * c_out, nxt.sigma }, { x, x0, noise(x, i, nxt) })
    else
      x:lincomb_({ c_skip, c_out }, { x, x0 })
    end
    util.report(opts, i, n, x, x0)
  end
  return x
end
