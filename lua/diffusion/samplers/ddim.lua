--- DDIM (Song, Meng and Ermon 2021), eq. 12:
--   x' = alpha' x0 + sqrt(sigma'^2 - std^2) eps + std z,
--   std = eta * sqrt(sigma'^2 / sigma^2 * (1 - alpha^2 / alpha'^2)).
-- eta = 0 is the deterministic sampler (the probability-flow ODE's first-order
-- exponential integrator); eta = 1 is DDPM's ancestral variance.
-- diffusers: DDIMScheduler. opts: eta (0), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DDIM (Song, Meng and Ermon 2021)",
  options = { "eta" },
  stochastic = false,
  diffusers = "DDIMScheduler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local eta = opts.eta or 0
  local noise = eta > 0 and util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur = plan[i]
    local nxt = cur.to or plan[i + 1] -- `to`: diffusers lands DDIM at t - T/n even off the grid
    local x0, eps = D(x, cur)
    local std = 0
    if eta > 0 then
      local var = (nxt.sigma / cur.sigma) ^ 2 * (1 - (cur.alpha / nxt.alpha) ^ 2)
      std = eta * math.sqrt(math.max(var, 0))
    end
    local dir = math.sqrt(math.max(nxt.sigma ^ 2 - std ^ 2, 0))
    if eta > 0 then -- a draw on every step, as diffusers (std is 0 on the last)
      x:lincomb_({ nxt.alpha, dir, std }, { x0, eps, noise(x, i, nxt) })
    else
      x:lincomb_({ nxt.alpha, dir }, { x0, eps })
    end
    util.report(opts, i, n, x, x0)
  end
  return x
end
