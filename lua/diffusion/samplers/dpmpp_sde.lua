--- DPM-Solver++ (stochastic), k-diffusion's sample_dpmpp_sde (diffusers:
-- DPMSolverSDEScheduler): per step, an ancestral DPM-Solver++ step to the
-- midpoint s = t + r h (t = -log sigma), a second evaluation there, and the
-- ancestral step from t to t' with the outputs mixed as (1 - 1/2r) x0 +
-- (1/2r) x0_mid; Euler into sigma = 0. The noise of both half steps comes
-- from one Brownian path (Brownian-tree noise, so the two draws of a step
-- are correlated as they are in k-diffusion); a noise function replays
-- recorded draws instead (noise(x, i, level), level the draw's target).
-- Variables xs = x / alpha, s = sigma / alpha.
-- opts: eta (1), s_noise (1), r (1/2), noise, seed, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver++ SDE (Lu et al. 2022b; k-diffusion's stochastic DPM-Solver++)",
  options = { "eta", "s_noise", "r" },
  stochastic = true,
  diffusers = "DPMSolverSDEScheduler",
  k_diffusion = "sample_dpmpp_sde",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local eta, s_noise, r = opts.eta or 1, opts.s_noise or 1, opts.r or 0.5
  local n = #plan - 1
  local noise = opts.noise and util.noise(opts)
  if not noise then
    local lo, hi = util.sigma_range(plan)
    local tree = util.brownian_tree(x:shape(), lo, hi, opts.seed or 0)
    noise = function(_, _, _, s_from, s_to) return tree(s_from, s_to) end
  end
  local xs = x / plan[1].alpha
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local x0 = D(util.unscale(xs, cur), cur)
    if s_next == 0 then -- Euler: xs + (0 - s) (xs - x0) / s
      xs = x0:clone()
    else
      local h = math.log(s) - math.log(s_next)
      local s_mid = s * math.exp(-r * h)
      local mid = D.level(s_mid)
      -- step 1: to the midpoint
      local down, up = util.ancestral(s, s_mid, eta)
      local x2 = xs * (down / s) + x0 * (1 - down / s)
      if up > 0 then x2:axpby_(1, up * s_noise, noise(x2, i, mid, s, s_mid)) end
      local x0_2 = D(util.unscale(x2, mid), mid)
      -- step 2: from t to t' with the mixed output
      local fac = 1 / (2 * r)
      down, up = util.ancestral(s, s_next, eta)
      local mixed = fac == 1 and x0_2 or x0 * (1 - fac) + x0_2 * fac
      xs:lincomb_({ down / s, 1 - down / s }, { xs, mixed })
      if up > 0 then xs:axpby_(1, up * s_noise, noise(xs, i, nxt, s, s_next)) end
      x0 = x0_2
    end
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
