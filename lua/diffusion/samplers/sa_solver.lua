--- SA-Solver (Xue et al. 2023): stochastic Adams methods for the diffusion SDE
-- family with noise level tau (tau = 0: the ODE; tau = 1: the reverse SDE).
-- Each step predicts with a stochastic Adams-Bashforth step, and corrects the
-- previous step with a stochastic Adams-Moulton step once the new model
-- output is known (same noise). The weights integrate Lagrange polynomials
-- in lambda against the exponential kernel, in closed form.
-- diffusers: SASolverScheduler.
-- opts: predictor_order (2), corrector_order (2), predict_x0 (true),
-- tau (function of the level's t; default 1 for 200 <= t <= 800, else 0),
-- lower_order_final (true), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "SA-Solver (Xue et al. 2023)",
  options = { "predictor_order", "corrector_order", "tau", "predict_x", "lower_order_final" },
  stochastic = true,
  diffusers = "SASolverScheduler",
})
local exp = math.exp

-- integral of e^{(1 + tau^2) l} l^k over [s, e] (data prediction), or of
-- e^{-l} l^k (noise prediction), up to the normalisation diffusers uses
local function kernel(predict_x0, k, s, e, tau)
  if predict_x0 then
    local c = 1 + tau * tau
    local ec, sc = c * e, c * s
    local decay = exp(-(ec - sc))
    local polys = {
      [0] = function(v) return 1 + 0 * v end,
      function(v) return v - 1 end,
      function(v) return v * v - 2 * v + 2 end,
      function(v) return v ^ 3 - 3 * v * v + 6 * v - 6 end,
    }
    if k == 0 then return exp(ec) * (1 - decay) / c end
    return exp(ec) * (polys[k](ec) - polys[k](sc) * decay) / c ^ (k + 1)
  end
  local polys = {
    [0] = function() return 1 end,
    function(v) return v + 1 end,
    function(v) return v * v + 2 * v + 2 end,
    function(v) return v ^ 3 + 3 * v * v + 6 * v + 6 end,
  }
  return exp(-e) * (polys[k](s) * exp(e - s) - polys[k](e))
end

-- coefficients of the Lagrange basis polynomials on `nodes`, highest power first
local function lagrange(nodes)
  local m = #nodes
  local out = {}
  for i = 1, m do
    local poly, denom = { 1 }, 1 -- product of (l - nodes[j]), j ~= i
    for j = 1, m do
      if j ~= i then
        local nxt = {}
        for k = 1, #poly + 1 do nxt[k] = (poly[k] or 0) - (poly[k - 1] or 0) * nodes[j] end
        poly = nxt
        denom = denom * (nodes[i] - nodes[j])
      end
    end
    for k = 1, #poly do poly[k] = poly[k] / denom end
    out[i] = poly
  end
  return out
end

local function weights(predict_x0, order, s, e, nodes, tau)
  local L = lagrange(nodes)
  local w = {}
  for i = 1, order do
    w[i] = 0
    for j = 1, order do w[i] = w[i] + L[i][j] * kernel(predict_x0, order - j, s, e, tau) end
  end
  return w
end

-- x' from x at level a to level b with outputs ms (newest first) at `nodes`
local function step(predict_x0, x, a, b, ms, nodes, order, tau, z, correction)
  local h = b.lambda - a.lambda
  local w = weights(predict_x0, order, a.lambda, b.lambda, nodes, tau)
  local c = 1 + tau * tau
  if predict_x0 and order == 2 then -- diffusers' few-step modification (as UniPC's)
    local base = (h * c - 1 + exp(-c * h)) / (c * c)
    local extra = correction and exp(c * b.lambda) * (h / 2 - base / h)
      or exp(c * b.lambda) * (h * h / 2 - base) / (nodes[1] - nodes[2])
    w[1], w[2] = w[1] + extra, w[2] - extra
  end
  local coefs, terms = {}, { x }
  if predict_x0 then
    coefs[1] = exp(-tau * tau * h) * b.sigma / a.sigma
    for k = 1, order do coefs[k + 1], terms[k + 1] = c * b.sigma * exp(-tau * tau * b.lambda) * w[k], ms[k] end
    coefs[#coefs + 1] = b.sigma * math.sqrt(math.max(1 - exp(-2 * tau * tau * h), 0))
  else
    coefs[1] = b.alpha / a.alpha
    for k = 1, order do coefs[k + 1], terms[k + 1] = -c * b.alpha * w[k], ms[k] end
    coefs[#coefs + 1] = tau * b.sigma * math.sqrt(math.max(exp(2 * h) - 1, 0))
  end
  terms[#terms + 1] = z
  return coefs, terms
end

return function(D, x, plan, opts)
  opts = opts or {}
  local p_max, c_max = opts.predictor_order or 2, opts.corrector_order or 2
  local predict_x0 = opts.predict_x0 ~= false
  local tau_of = opts.tau or function(t) return (t >= 200 and t <= 800) and 1 or 0 end
  local lower_final = opts.lower_order_final ~= false
  local noise = util.noise(opts)
  local n = #plan - 1
  local outputs = {} -- newest first
  local warm, last_x, last_z, c_order = 0, nil, nil, nil
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    local m = predict_x0 and x0 or eps
    if last_x then -- stochastic Adams-Moulton: redo the last step with m known
      local prev = plan[i - 1]
      local ms, nodes = { m }, { cur.lambda }
      for k = 1, c_order - 1 do ms[k + 1], nodes[k + 1] = outputs[k], plan[i - k].lambda end
      local coefs, terms = step(predict_x0, last_x, prev, cur, ms, nodes, c_order, tau_of(prev.t), last_z, true)
      x:lincomb_(coefs, terms)
    end
    table.insert(outputs, 1, m)
    outputs[math.max(p_max, c_max - 1) + 1] = nil
    local z = noise(x, i, nxt)
    local p_order = lower_final and math.min(p_max, n - i + 1) or p_max
    c_order = lower_final and math.min(c_max, n - i + 2) or c_max
    p_order, c_order = math.min(p_order, warm + 1), math.min(c_order, warm + 2)
    last_x, last_z = x:clone(), z
    local nodes = {}
    for k = 1, p_order do nodes[k] = plan[i - k + 1].lambda end
    if nxt.sigma == 0 then -- the limit of every order at sigma' = 0 (lambda' = inf) is x0
      x:copy_(x0)
    else
      local coefs, terms = step(predict_x0, x, cur, nxt, outputs, nodes, p_order, tau_of(cur.t), z, false)
      x:lincomb_(coefs, terms)
    end
    warm = math.min(warm + 1, math.max(p_max, c_max - 1))
    util.report(opts, i, n, x, x0)
  end
  return x
end
