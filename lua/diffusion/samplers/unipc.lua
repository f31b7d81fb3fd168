--- UniPC (Zhao et al. 2023): a multistep predictor (UniP) and, before each
-- new step, a corrector (UniC) that reuses the model output just computed, so
-- order p + 1 costs no extra evaluations. Works in lambda = log(alpha/sigma),
-- on data (predict_x0, the default) or noise predictions, with the B(h)
-- variants bh1 (B = h) and bh2 (B = e^h - 1).
-- diffusers: UniPCMultistepScheduler.
-- opts: order (2), variant ("bh2" | "bh1"), predict_x0 (true),
-- lower_order_final (true), disable_corrector ({}: step indices, 1-based,
-- whose result is not corrected), callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "UniPC (Zhao et al. 2023)",
  options = { "order", "predict_x", "variant", "disable_corrector", "lower_order_final" },
  stochastic = false,
  diffusers = "UniPCMultistepScheduler",
})

-- Solves the small dense system A x = b (Gaussian elimination, partial pivoting).
local function solve(A, b)
  local n = #b
  local M = {}
  for i = 1, n do
    M[i] = { table.unpack(A[i], 1, n) }
    M[i][n + 1] = b[i]
  end
  for c = 1, n do
    local p = c
    for r = c + 1, n do if math.abs(M[r][c]) > math.abs(M[p][c]) then p = r end end
    M[c], M[p] = M[p], M[c]
    for r = c + 1, n do
      local f = M[r][c] / M[c][c]
      for k = c, n + 1 do M[r][k] = M[r][k] - f * M[c][k] end
    end
  end
  local x = {}
  for r = n, 1, -1 do
    local s = M[r][n + 1]
    for k = r + 1, n do s = s - M[r][k] * x[k] end
    x[r] = s / M[r][r]
  end
  return x
end

-- The shared parts of UniP and UniC for `order`, stepping from level s0 to t
-- with earlier levels prev[1..order-1]: returns h_phi_1, B_h, rks, R, b.
local function phi_system(variant, predict_x0, order, s0, t, prev)
  local h = t.lambda - s0.lambda
  local rks = {}
  for k = 1, order - 1 do rks[k] = (prev[k].lambda - s0.lambda) / h end
  rks[order] = 1
  local hh = predict_x0 and -h or h
  local h_phi_1 = math.exp(hh) - 1 -- expm1; hh is never tiny here
  local B_h = variant == "bh1" and hh or h_phi_1
  local h_phi_k, fact = h_phi_1 / hh - 1, 1
  local R, b = {}, {}
  for i = 1, order do
    R[i] = {}
    for k = 1, order do R[i][k] = rks[k] ^ (i - 1) end
    b[i] = h_phi_k * fact / B_h
    fact = fact * (i + 1)
    h_phi_k = h_phi_k / hh - 1 / fact
  end
  return h_phi_1, B_h, rks, R, b
end

-- x' = base coefficient on x, on m0, and on each difference D_k = (m_k - m0) / r_k
local function update_terms(predict_x0, s0, t, h_phi_1, B_h)
  if predict_x0 then return t.sigma / s0.sigma, -t.alpha * h_phi_1, -t.alpha * B_h end
  return t.alpha / s0.alpha, -t.sigma * h_phi_1, -t.sigma * B_h
end

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 2
  local variant = opts.variant or "bh2"
  if variant ~= "bh1" and variant ~= "bh2" then error(string.format("unipc: unknown variant '%s'", variant), 2) end
  local predict_x0 = opts.predict_x0 ~= false
  local lower_final = opts.lower_order_final ~= false
  local skip = {}
  for _, k in ipairs(opts.disable_corrector or {}) do skip[k] = true end
  local n = #plan - 1
  local outputs = {} -- newest first: outputs[1] is at plan[i - 1] when step i starts
  local warm, last_order, last_x = 0, nil, nil
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    local m_t = predict_x0 and x0 or eps
    if last_x and not skip[i - 1] then -- UniC: correct x at plan[i] with the new output
      local s0 = plan[i - 1]
      local prev = {}
      for k = 1, last_order - 1 do prev[k] = plan[i - 1 - k] end
      local h_phi_1, B_h, rks, R, b = phi_system(variant, predict_x0, last_order, s0, cur, prev)
      local rhos = last_order == 1 and { 0.5 } or solve(R, b)
      local cx, c0, cd = update_terms(predict_x0, s0, cur, h_phi_1, B_h)
      local coefs, terms = { cx, c0 }, { last_x, outputs[1] }
      for k = 1, last_order - 1 do -- cd * rho_k * (m_k - m0) / r_k
        local w = cd * rhos[k] / rks[k]
        coefs[2] = coefs[2] - w
        coefs[#coefs + 1], terms[#terms + 1] = w, outputs[k + 1]
      end
      local wt = cd * rhos[last_order] -- cd * rho_last * (m_t - m0)
      coefs[2] = coefs[2] - wt
      coefs[#coefs + 1], terms[#terms + 1] = wt, m_t
      x:lincomb_(coefs, terms)
    end
    table.insert(outputs, 1, m_t)
    outputs[max_order + 1] = nil
    local order = lower_final and math.min(max_order, n - i + 1) or max_order
    order = math.min(order, warm + 1)
    if nxt.sigma == 0 then order = 1 end -- lambda = inf there: only the first-order step is defined
    last_x = x:clone()
    -- UniP: predict x at plan[i + 1]
    local prev = {}
    for k = 1, order - 1 do prev[k] = plan[i - k] end
    local h_phi_1, B_h, rks, R, b = phi_system(variant, predict_x0, order, cur, nxt, prev)
    local cx, c0, cd = update_terms(predict_x0, cur, nxt, h_phi_1, B_h)
    local coefs, terms = { cx, c0 }, { x, outputs[1] }
    if order > 1 then
      local rhos = order == 2 and { 0.5 } or solve((function()
        local A = {}
        for r = 1, order - 1 do A[r] = { table.unpack(R[r], 1, order - 1) } end
        return A
      end)(), { table.unpack(b, 1, order - 1) })
      for k = 1, order - 1 do
        local w = cd * rhos[k] / rks[k]
        coefs[2] = coefs[2] - w
        coefs[#coefs + 1], terms[#terms + 1] = w, outputs[k + 1]
      end
    end
    x:lincomb_(coefs, terms)
    last_order = order
    warm = math.min(warm + 1, max_order)
    util.report(opts, i, n, x, x0)
  end
  return x
end
