--- Trajectory Consistency Distillation sampling (Zheng et al. 2024, strategic
-- stochastic sampling): from level t, jump along the DDIM trajectory to the
-- intermediate time s = floor((1 - gamma) t'), x_s = alpha_s x0 + sigma_s eps,
-- then add noise forward to the next level t':
-- x' = (alpha'/alpha_s) x_s + sqrt(1 - (alpha'/alpha_s)^2) z. gamma = 0 is
-- deterministic; the last step returns x_s. Needs D.schedule (integer times).
-- diffusers: TCDScheduler. opts: gamma (0.3; diffusers calls it eta), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Trajectory Consistency Distillation sampling (Zheng et al. 2024, strategic stochastic sampling)",
  options = { "gamma" },
  stochastic = true,
  diffusers = "TCDScheduler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local gamma = opts.gamma or 0.3
  local sched = D.schedule
  if not sched then error("tcd: needs D.schedule for the intermediate levels", 2) end
  local noise = gamma > 0 and util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    local ts = math.floor((1 - gamma) * nxt.t)
    local a_s, s_s = sched:alpha(ts), sched:sigma(ts)
    if gamma > 0 and i < n then
      local r = nxt.alpha / a_s
      local z = math.sqrt(math.max(1 - r * r, 0))
      x:lincomb_({ r * a_s, r * s_s, z }, { x0, eps, noise(x, i, nxt) })
    else
      x:lincomb_({ a_s, s_s }, { x0, eps })
    end
    util.report(opts, i, n, x, x0)
  end
  return x
end
