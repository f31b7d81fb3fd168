--- DPM-Solver++(2S) ancestral (k-diffusion's sample_dpmpp_2s_ancestral): a
-- second-order singlestep DPM-Solver++ step, with its midpoint at half the
-- log-sigma distance, taken down to s_down, then fresh noise of scale s_up
-- (as in Euler ancestral). Variables xs = x / alpha, s = sigma / alpha.
-- opts: eta (1), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver++(2S) ancestral",
  options = { "eta", "s_noise" },
  stochastic = true,
  k_diffusion = "sample_dpmpp_2s_ancestral",
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
      xs = x0:clone()
    else
      local s_mid = math.sqrt(s * s_down) -- t + h/2 in t = -log s
      local mid = D.level(s_mid)
      local x2 = d_lincomb({ s_mid / s, 1 - s_mid / s }, { xs, x0 })
      local x0_2 = D(util.unscale(x2, mid), mid)
      xs:lincomb_({ s_down / s, 1 - s_down / s }, { xs, x0_2 })
      x0 = x0_2
    end
    if s_next > 0 then xs:axpby_(1, s_up * s_noise, noise(xs, i, nxt)) end
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
