--- Euler for rectified flow / flow matching (Liu et al. 2022; Esser et al. 2024):
-- x_s = (1 - s) x0 + s eps moves with velocity v = eps - x0, so
-- x' = x + (s' - s) v. diffusers: FlowMatchEulerDiscreteScheduler. On a flow
-- plan this is the same update as DDIM; it is written here in the velocity
-- form flow-matching papers use. opts: callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Euler for rectified flow / flow matching (Liu et al. 2022; Esser et al. 2024)",
  options = {},
  stochastic = false,
  diffusers = "FlowMatchEulerDiscreteScheduler",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local n = #plan - 1
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    local ds = nxt.sigma - cur.sigma
    x:lincomb_({ 1, ds, -ds }, { x, eps, x0 }) -- x + ds * (eps - x0)
    util.report(opts, i, n, x, x0)
  end
  return x
end
