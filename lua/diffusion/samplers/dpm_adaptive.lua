--- DPM-Solver-12 and -23 with adaptive step size (Lu et al. 2022, section
-- 3.4; k-diffusion's sample_dpm_adaptive): each step takes a low- and a
-- high-order singlestep DPM-Solver step from the same evaluations, measures
-- their difference against atol + rtol |x| (RMS over elements), and a PID
-- controller on that error accepts or rejects the step and sets the next step
-- size in t = -log sigma. Integrates from the plan's largest sigma to its
-- smallest nonzero one (only the range is used; like k-diffusion, no final
-- denoising); the number of evaluations follows from the tolerances.
-- Variables xs = x / alpha.
-- opts: order (3: DPM-Solver-23; 2: -12), rtol (0.05), atol (0.0078),
-- h_init (0.05), pcoeff (0), icoeff (1), dcoeff (0), accept_safety (0.81),
-- eta (0), s_noise (1), noise, callback (i, n, ...: i and n count the
-- accepted steps so far), info (a table that gets steps, nfe, n_accept,
-- n_reject).
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver-12/23, adaptive step size (Lu et al. 2022)",
  options = { "order", "rtol", "atol", "h_init", "pcoeff", "icoeff", "dcoeff", "accept_safety", "eta", "s_noise",
    "info" },
  stochastic = false,
  k_diffusion = "sample_dpm_adaptive",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local order = opts.order or 3
  if order ~= 2 and order ~= 3 then error("dpm_adaptive: order must be 2 or 3", 2) end
  local rtol, atol = opts.rtol or 0.05, opts.atol or 0.0078
  local eta, s_noise = opts.eta or 0, opts.s_noise or 1
  local lo, hi = util.sigma_range(plan)
  local S = util.dpm_solver(D)
  local t_start, t_end = S.t(hi), S.t(lo)
  local pid = util.pid_controller(math.abs(opts.h_init or 0.05), opts.pcoeff or 0, opts.icoeff or 1, opts.dcoeff or 0,
    eta > 0 and 1.5 or order, opts.accept_safety or 0.81)
  local info = opts.info or {}
  info.steps, info.nfe, info.n_accept, info.n_reject = 0, 0, 0, 0
  local noise = eta > 0 and util.noise(opts)
  local xs = x / D.level(hi).alpha
  local x_prev = xs
  local s = t_start
  while s < t_end - 1e-5 do
    local t = math.min(t_end, s + pid.h)
    local t_to, s_up = S.ancestral(s, t, t_end, eta)
    local cache = {}
    local x_low, low, x_high, high
    if order == 2 then
      x_low, low = S.step1(xs, s, t_to, cache)
      x_high, high = S.step2(xs, s, t_to, cache)
    else
      x_low, low = S.step2(xs, s, t_to, cache, 1 / 3)
      x_high, high = S.step3(xs, s, t_to, cache)
    end
    -- RMS of (x_low - x_high) / max(atol, rtol max(|x_low|, |x_prev|)); the
    -- difference from the steps' coefficients, without xs (in float32, x_low
    -- - x_high would lose most of its digits where |xs| is large)
    local diff = {}
    for _, key in ipairs { "eps", "eps_r1", "eps_r2" } do
      local c = (low[key] or 0) - (high[key] or 0)
      if c ~= 0 then diff[key] = c end
    end
    local delta = x_low:abs():maximum_(x_prev:abs()):mul_(rtol):clamp(atol, math.huge)
    local ratio = S.apply(nil, cache, diff):div_(delta)
    local err = math.sqrt((ratio * ratio):sum() / xs:numel())
    -- a non-finite error (x has gone NaN) is taken as is, so check_finite can name the step
    local accept = err ~= err or pid.propose(err)
    if accept then
      x_prev = x_low
      xs = x_high
      local level = D.level(S.sigma(t))
      if s_up > 0 then xs:axpby_(1, s_up * s_noise, noise(xs, info.n_accept + 1, level)) end
      s = t
      info.n_accept = info.n_accept + 1
      util.report(opts, info.n_accept, info.n_accept, xs, cache.eps_x0, level)
    else
      info.n_reject = info.n_reject + 1
    end
    info.nfe = info.nfe + order
    info.steps = info.steps + 1
  end
  return util.unscale(xs, D.level(lo))
end
