--- DPM-Solver / DPM-Solver++ singlestep (Lu et al. 2022, Algorithms 1-2): the
-- grid is walked in groups; within a group of order k, each evaluation's step
-- restarts from the group's anchor, so the last one combines all k outputs
-- of the group (orders 1-3; 2 and 3 as the paper's DPM-Solver-2 and -3 with
-- intermediate points on the grid). Orders follow diffusers' pattern
-- 1, 2, 1, 2, ... (or 1, 2, 3, ...), with lower orders at the end.
-- diffusers: DPMSolverSinglestepScheduler. opts: order (2), algorithm
-- ("dpmsolver++" | "dpmsolver" | "sde-dpmsolver++"), solver_type ("midpoint" |
-- "heun"), lower_order_final (true), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver / DPM-Solver++ singlestep (Lu et al. 2022, Algorithms 1-2)",
  options = { "order", "algorithm", "solver_type", "lower_order_final" },
  stochastic = false,
  diffusers = "DPMSolverSinglestepScheduler",
})

-- diffusers' get_order_list
local function order_list(n, order, lower_final, final_zero)
  local pattern = {}
  for k = 1, order do pattern[k] = k end
  local orders = {}
  local function rep(p, times) for _ = 1, times do for _, o in ipairs(p) do orders[#orders + 1] = o end end end
  if lower_final then
    if order == 3 then
      if n % 3 == 0 then rep({ 1, 2, 3 }, n // 3 - 1); rep({ 1, 2, 1 }, 1)
      elseif n % 3 == 1 then rep({ 1, 2, 3 }, n // 3); rep({ 1 }, 1)
      else rep({ 1, 2, 3 }, n // 3); rep({ 1, 2 }, 1) end
    elseif order == 2 then
      if n % 2 == 0 then rep({ 1, 2 }, n // 2 - 1); rep({ 1, 1 }, 1)
      else rep({ 1, 2 }, n // 2); rep({ 1 }, 1) end
    else
      rep({ 1 }, n)
    end
  else
    rep(pattern, n // order)
    for k = #orders + 1, n do orders[k] = 1 end
  end
  if final_zero then orders[n] = 1 end
  return orders
end

-- coefficients of (anchor, m_newest, m_mid, m_oldest_in_group) for a group of
-- `order` outputs at lambdas lg[1] (anchor) .. lg[order], stepping to lt
local function coefficients(algo, heun, order, a_t, s_t, anchor, lt, lg)
  local h = lt - lg[1]
  local em, ep = math.exp(-h), math.exp(h)
  -- D-terms as combinations of (m_anchor, m_2, m_3): m_anchor is the oldest
  local D0, D1, D2, D11 = { 1, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }
  if order == 2 then
    local r0 = (lg[2] - lg[1]) / h
    D1 = { -1 / r0, 1 / r0, 0 }
  elseif order == 3 then
    local r1, r0 = (lg[2] - lg[1]) / h, (lg[3] - lg[1]) / h
    local d10, d11 = { -1 / r1, 1 / r1, 0 }, { -1 / r0, 0, 1 / r0 }
    for j = 1, 3 do
      D1[j] = (r0 * d10[j] - r1 * d11[j]) / (r0 - r1)
      D2[j] = 2 * (d11[j] - d10[j]) / (r0 - r1)
      D11[j] = d11[j]
    end
  end
  local cx, w0, w1, w2, cz, use11
  if algo == "dpmsolver++" or algo == "sde-dpmsolver++" then
    local sde = algo ~= "dpmsolver++"
    local A = sde and -a_t * (1 - em * em) or a_t * (em - 1)
    local B = sde and a_t * ((1 - em * em) / (-2 * h) + 1) or a_t * ((em - 1) / h + 1)
    local Q = sde and -a_t * ((1 - em * em - 2 * h) / (2 * h) ^ 2 - 0.5) or a_t * ((em - 1 + h) / h ^ 2 - 0.5)
    cx, w0 = (s_t / anchor.sigma) * (sde and em or 1), -A
    if sde then cz = s_t * math.sqrt(1 - em * em) end
    if order == 2 then
      w1, w2 = heun and B or -0.5 * A, 0
    elseif order == 3 then
      if heun then w1, w2 = B, -Q else w1, w2, use11 = B, 0, true end
    end
  else -- dpmsolver
    local C = s_t * (ep - 1)
    local E = s_t * ((ep - 1) / h - 1)
    cx, w0 = a_t / anchor.alpha, -C
    if order == 2 then
      w1, w2 = heun and -E or -0.5 * C, 0
    elseif order == 3 then
      if heun then w1, w2 = -E, -s_t * ((ep - 1 - h) / h ^ 2 - 0.5) else w1, w2, use11 = -E, 0, true end
    end
  end
  local D1used = use11 and D11 or D1
  local c = {}
  for j = 1, 3 do c[j] = w0 * D0[j] + (w1 or 0) * D1used[j] + (w2 or 0) * D2[j] end
  return cx, c, cz
end

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 2
  local algo = opts.algorithm or "dpmsolver++"
  if algo ~= "dpmsolver++" and algo ~= "dpmsolver" and algo ~= "sde-dpmsolver++" then
    error(string.format("dpm_solver_singlestep: unknown algorithm '%s'", algo), 2)
  end
  local heun = opts.solver_type == "heun"
  local n = #plan - 1
  local orders = order_list(n, max_order, opts.lower_order_final ~= false, plan[n + 1].sigma == 0)
  local noise = algo == "sde-dpmsolver++" and util.noise(opts)
  local data = algo ~= "dpmsolver"
  local outputs = {} -- by plan index
  local anchor_x, anchor_i
  x = x:clone()
  for i = 1, n do
    local x0, eps = D(x, plan[i])
    outputs[i] = data and x0 or eps
    local order = orders[i]
    while order > 1 and not outputs[i - order + 1] do order = order - 1 end
    if order == 1 then anchor_x, anchor_i = x:clone(), i end
    local group = {}
    for k = 1, order do group[k] = plan[i - order + k] end -- oldest (the anchor) first
    local lg = {}
    for k, lvl in ipairs(group) do lg[k] = lvl.lambda end
    local nxt = plan[i + 1]
    local cx, c, cz = coefficients(algo, heun, order, nxt.alpha, nxt.sigma, plan[anchor_i], nxt.lambda, lg)
    local coefs, terms = { cx }, { anchor_x }
    for k = 1, order do coefs[k + 1], terms[k + 1] = c[k], outputs[i - order + k] end
    if cz then coefs[#coefs + 1], terms[#terms + 1] = cz, noise(x, i, nxt) end
    x:lincomb_(coefs, terms)
    util.report(opts, i, n, x, x0)
  end
  return x
end
