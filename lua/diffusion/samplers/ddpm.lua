--- DDPM ancestral sampling (Ho, Jain and Abbeel 2020), eqs. 6-7: the posterior
-- q(x' | x, x0) with x0 from the network,
--   mean = alpha' beta / sigma^2 x0 + (alpha / alpha') sigma'^2 / sigma^2 x,
--   beta = 1 - (alpha / alpha')^2,
-- and variance beta sigma'^2 / sigma^2 ("fixed_small") or beta ("fixed_large").
-- diffusers: DDPMScheduler. opts: variance ("fixed_small"), noise, callback.
local util = require "diffusion.samplers.util"

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
    local cur = plan[i]
    local nxt = cur.to or plan[i + 1]
    local x0 = D(x, cur)
    local ratio = cur.alpha / nxt.alpha -- sqrt of this step's alpha_t
    local beta = 1 - ratio * ratio
    local s2 = cur.sigma * cur.sigma
    local coefs = { nxt.alpha * beta / s2, ratio * nxt.sigma * nxt.sigma / s2 }
    local var = large and beta or math.max(beta * nxt.sigma * nxt.sigma / s2, 1e-20)
    if cur.t > 0 then -- as diffusers: no noise on the step from t = 0
      x:lincomb_({ coefs[1], coefs[2], math.sqrt(var) }, { x0, x, noise(x) })
    else
      x:lincomb_(coefs, { x0, x })
    end
    util.report(opts, i, n, x, x0)
  end
  return x
end
