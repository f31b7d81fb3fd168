--- DPM-Solver-2 ancestral (k-diffusion's sample_dpm_2_ancestral): the DPM-2
-- midpoint step taken down to s_down, then fresh noise of scale s_up, with
-- s_up^2 + s_down^2 = s'^2 as in Euler ancestral. Variables xs = x / alpha,
-- s = sigma / alpha. diffusers: KDPM2AncestralDiscreteScheduler.
-- opts: eta (1), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver-2 ancestral",
  options = { "eta", "s_noise" },
  stochastic = true,
  diffusers = "KDPM2AncestralDiscreteScheduler",
  k_diffusion = "sample_dpm_2_ancestral",
  large_sigma_diverges = true,
})
local d_lincomb = require("diffusion.core").lincomb

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
    local s_down, s_up = util.ancestral(s, s_next, eta)
    if s_down == 0 then
      xs = x0:clone() -- Euler to s = 0
    else
      local s_mid = math.exp(0.5 * (math.log(s) + math.log(s_down)))
      local mid = D.level(s_mid)
      local h1 = (s_mid - s) / s
      local x2 = d_lincomb({ 1 + h1, -h1 }, { xs, x0 })
      local x0_2 = D(util.unscale(x2, mid), mid)
      local h2 = (s_down - s) / s_mid -- xs + (s_down - s) * (x2 - x0_2) / s_mid, then noise
      xs:lincomb_({ 1, h2, -h2, s_up * s_noise }, { xs, x2, x0_2, noise(xs, i, nxt) })
      x0 = x0_2
    end
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
