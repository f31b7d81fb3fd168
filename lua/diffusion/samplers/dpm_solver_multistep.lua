--- DPM-Solver (Lu et al. 2022) and DPM-Solver++ (Lu et al. 2022b), multistep,
-- orders 1 to 3, as exponential integrators in lambda = log(alpha / sigma)
-- with h = lambda' - lambda:
--   DPM-Solver++ (data prediction):  x' = sigma'/sigma x - alpha' (e^-h - 1) D0 + ...
--   DPM-Solver   (noise prediction): x' = alpha'/alpha x - sigma' (e^h - 1) D0 + ...
-- where D0, D1, D2 are the newest model output and its divided differences in
-- lambda. The SDE variants ("sde-dpmsolver++", Lu et al. 2022b eq. 18; and
-- "sde-dpmsolver") add exact Gaussian noise each step.
-- diffusers: DPMSolverMultistepScheduler; k-diffusion: sample_dpmpp_2m (and
-- _2m_sde, _3m_sde, with their own step-size conventions).
-- opts: order (2), algorithm ("dpmsolver++" | "dpmsolver" | "sde-dpmsolver++" |
-- "sde-dpmsolver"), solver_type ("midpoint" | "heun", for order 2),
-- lower_order_final (true: lower orders on the last steps when n < 15),
-- euler_at_final (false), eta (1; sde-dpmsolver++ only: k-diffusion's noise
-- fraction, 0 giving the ODE solver), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver and DPM-Solver++, multistep (Lu et al. 2022, 2022b)",
  options = { "order", "algorithm", "solver_type", "lower_order_final", "euler_at_final", "eta" },
  stochastic = false,
  diffusers = "DPMSolverMultistepScheduler",
})

local ALGORITHMS = { ["dpmsolver++"] = true, dpmsolver = true, ["sde-dpmsolver++"] = true, ["sde-dpmsolver"] = true }

-- The update x' = cx * x + sum_k c[k] * m_k (+ cz * z), as numbers, for the
-- newest outputs m0, m1, m2 at lambdas l0, l1, l2 and target lambda lt.
local function coefficients(algo, heun, eta, order, x_ratio_data, x_ratio_noise, x_ratio_noise_inv, alpha_t, sigma_t,
                            lt, l0, l1, l2)
  local h = lt - l0
  local em, ep = math.exp(-h), math.exp(h)
  -- sigma' (e^h - 1) = alpha' sigma / alpha - sigma' exactly; written so it
  -- stays finite when sigma' = 0 (h = inf) on the last step of a plan
  local sig_expm1 = alpha_t * x_ratio_noise_inv - sigma_t
  -- divided differences as combinations of (m0, m1, m2)
  local D0, D1, D2 = { 1, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }
  if order == 2 then
    local r0 = (l0 - l1) / h
    D1 = { 1 / r0, -1 / r0, 0 }
  elseif order == 3 then
    local r0, r1 = (l0 - l1) / h, (l1 - l2) / h
    local d10, d11 = { 1 / r0, -1 / r0, 0 }, { 0, 1 / r1, -1 / r1 }
    local k = r0 / (r0 + r1)
    for j = 1, 3 do
      D1[j] = d10[j] + k * (d10[j] - d11[j])
      D2[j] = (d10[j] - d11[j]) / (r0 + r1)
    end
  end
  local cx, w0, w1, w2, cz
  if algo == "dpmsolver++" then
    local A = alpha_t * (em - 1)
    cx, w0 = x_ratio_data, -A
    if order == 3 then
      w1, w2 = alpha_t * ((em - 1) / h + 1), -alpha_t * ((em - 1 + h) / h ^ 2 - 0.5)
    else
      w1, w2 = heun and alpha_t * ((em - 1) / h + 1) or -0.5 * A, 0
    end
  elseif algo == "dpmsolver" then
    local C = sig_expm1
    cx, w0 = x_ratio_noise, -C
    if order == 3 then
      w1, w2 = -sigma_t * ((ep - 1) / h - 1), -sigma_t * ((ep - 1 - h) / h ^ 2 - 0.5)
    else
      w1, w2 = heun and -sigma_t * ((ep - 1) / h - 1) or -0.5 * C, 0
    end
  elseif algo == "sde-dpmsolver++" then
    -- k-diffusion's eta: the noise injected is sqrt(1 - e^(-2 eta h)) of sigma',
    -- the rest of the step is the data-prediction update over (1 + eta) h;
    -- eta = 1 is Lu et al.'s SDE (diffusers), eta = 0 DPM-Solver++'s ODE.
    local g = (1 + eta) * h
    local E = 1 - (eta == 1 and em * em or math.exp(-g)) -- (eta = 1 as diffusers rounds it)
    local F = alpha_t * E
    local kept = eta == 1 and em or eta == 0 and 1 or math.exp(-eta * h) -- (0 * inf is NaN at sigma' = 0)
    cx, w0, cz = x_ratio_data * kept, F, sigma_t * math.sqrt(1 - kept * kept)
    if order == 3 then
      w1, w2 = alpha_t * (E / -g + 1), alpha_t * ((E - g) / g ^ 2 - 0.5)
    else
      w1, w2 = heun and alpha_t * (E / -g + 1) or 0.5 * F, 0
    end
  else -- sde-dpmsolver
    local C = sig_expm1
    cx, w0, cz = x_ratio_noise, -2 * C, math.sqrt(math.max(C * (C + 2 * sigma_t), 0)) -- sigma' sqrt(e^2h - 1)
    if order == 3 then error("dpm_solver_multistep: sde-dpmsolver has orders 1 and 2", 3) end
    w1, w2 = heun and -2 * sigma_t * ((ep - 1) / h - 1) or -C, 0
  end
  local c = {}
  for j = 1, 3 do c[j] = w0 * D0[j] + w1 * D1[j] + w2 * D2[j] end
  return cx, c, cz
end

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 2
  local algo = opts.algorithm or "dpmsolver++"
  if not ALGORITHMS[algo] then error(string.format("dpm_solver_multistep: unknown algorithm '%s'", algo), 2) end
  if max_order < 1 or max_order > 3 then error("dpm_solver_multistep: order must be 1, 2 or 3", 2) end
  local heun = opts.solver_type == "heun"
  local eta = opts.eta or 1
  if type(eta) ~= "number" or eta ~= eta or eta < 0 then error("dpm_solver_multistep: eta must be a number >= 0", 2) end
  if eta ~= 1 and algo ~= "sde-dpmsolver++" then
    error("dpm_solver_multistep: eta applies to algorithm 'sde-dpmsolver++' only", 2)
  end
  local data = algo:find("++", 1, true) ~= nil
  local sde = algo:find("sde", 1, true) ~= nil
  local lower_final = opts.lower_order_final ~= false
  local noise = sde and util.noise(opts)
  local n = #plan - 1
  local outputs = {} -- newest first
  local warm = 0
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    table.insert(outputs, 1, data and x0 or eps)
    outputs[max_order + 1] = nil
    local final = i == n and (opts.euler_at_final or (lower_final and n < 15) or nxt.sigma == 0)
    local second = i == n - 1 and lower_final and n < 15
    local order = 3
    if max_order == 1 or warm < 1 or final then
      order = 1
    elseif max_order == 2 or warm < 2 or second then
      order = 2
    end
    local cx, c, cz = coefficients(algo, heun, eta, order, nxt.sigma / cur.sigma, nxt.alpha / cur.alpha,
      cur.sigma / cur.alpha, nxt.alpha,
      nxt.sigma, nxt.lambda, cur.lambda, plan[i - 1] and plan[i - 1].lambda, plan[i - 2] and plan[i - 2].lambda)
    local coefs, terms = { cx }, { x }
    for k = 1, order do
      coefs[#coefs + 1] = c[k]
      terms[#terms + 1] = outputs[k]
    end
    if sde and eta > 0 then
      coefs[#coefs + 1] = cz
      terms[#terms + 1] = noise(x, i, nxt)
    end
    x:lincomb_(coefs, terms)
    warm = math.min(warm + 1, max_order)
    util.report(opts, i, n, x, x0)
  end
  return x
end
