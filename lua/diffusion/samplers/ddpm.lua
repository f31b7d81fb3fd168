--- DDPM ancestral sampling (Ho, Jain and Abbeel 2020, eqs. 6-7): draw x' from
-- the Gaussian posterior q(x' | x, x0) with x0 from the network. For levels
-- (alpha, sigma) -> (alpha', sigma'), with a = alpha / alpha' and
-- v = sigma^2 - a^2 sigma'^2 (the step's added variance):
--   mean = a sigma'^2 / sigma^2 x + alpha' v / sigma^2 x0,
--   variance = v sigma'^2 / sigma^2 ("fixed_small") or v ("fixed_large").
-- On a VP schedule v = 1 - a^2 = beta_t, as in the paper.
-- diffusers: DDPMScheduler. opts: variance ("fixed_small"), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DDPM ancestral sampling (Ho, Jain and Abbeel 2020, eqs. 6-7)",
  options = { "variance" },
  stochastic = true,
  diffusers = "DDPMScheduler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local large = opts.variance == "fixed_large"
  if opts.variance and not large and opts.variance ~= "fixed_small" then
    error(string.format("ddpm: unknown variance '%s'", tostring(opts.variance)), 2)
  end
  local noise = util.noise(opts)
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    nxt = cur.to or nxt
    local x0 = D(x, cur)
    local a = cur.alpha / nxt.alpha
    local s2, s2n = cur.sigma * cur.sigma, nxt.sigma * nxt.sigma
    local v = s2 - a * a * s2n
    local coefs = { nxt.alpha * v / s2, a * s2n / s2 }
    local var = large and v or math.max(v * s2n / s2, 1e-20)
    if cur.t ~= 0 then -- as diffusers: no noise on the step from t = 0
      x:lincomb_({ coefs[1], coefs[2], math.sqrt(var) }, { x0, x, noise(x, i, nxt) })
    else
      x:lincomb_(coefs, { x0, x })
    end
    util.report(opts, i, n, x, x0)
  end
  return x
end
