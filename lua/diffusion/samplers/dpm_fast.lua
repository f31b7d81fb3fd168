--- DPM-Solver-fast (Lu et al. 2022, section 3.4; k-diffusion's
-- sample_dpm_fast): #plan - 1 network evaluations spent on steps uniform in
-- t = -log sigma from the plan's largest sigma to its smallest nonzero one,
-- third-order singlestep steps, with a second- and first-order one (or one
-- of order NFE mod 3) at the end. Only the plan's sigma range and length are
-- used; like k-diffusion it stops at the smallest nonzero sigma (no final
-- denoising). eta > 0 makes each step ancestral. Variables xs = x / alpha.
-- opts: eta (0), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver-fast (Lu et al. 2022)",
  options = { "eta", "s_noise" },
  stochastic = false,
  k_diffusion = "sample_dpm_fast",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local eta, s_noise = opts.eta or 0, opts.s_noise or 1
  local nfe = #plan - 1
  local lo, hi = util.sigma_range(plan)
  local S = util.dpm_solver(D)
  local t_start, t_end = S.t(hi), S.t(lo)
  local m = nfe // 3 + 1
  local orders = {}
  if nfe % 3 == 0 then
    for k = 1, m - 2 do orders[k] = 3 end
    orders[m - 1], orders[m] = 2, 1
  else
    for k = 1, m - 1 do orders[k] = 3 end
    orders[m] = nfe % 3
  end
  local noise = eta > 0 and util.noise(opts)
  local first = D.level(hi)
  local xs = x / first.alpha
  local n = #orders
  for i = 1, n do
    local t, t_next = t_start + (t_end - t_start) * (i - 1) / m, t_start + (t_end - t_start) * i / m
    local t_to, s_up = S.ancestral(t, t_next, t_end, eta)
    local cache = {}
    xs = (S["step" .. orders[i]](xs, t, t_to, cache))
    local level = D.level(S.sigma(t_next))
    if s_up > 0 then xs:axpby_(1, s_up * s_noise, noise(xs, i, level)) end
    util.report(opts, i, n, xs, cache.eps_x0, level)
  end
  return util.unscale(xs, D.level(lo))
end
