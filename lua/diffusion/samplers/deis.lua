--- DEIS (Zhang and Chen 2023), the multistep exponential integrator with
-- polynomial extrapolation of eps in rho = sigma / alpha ("logrho": the
-- Lagrange basis integrated in log rho), orders 1 to 3:
--   x' = alpha' (x / alpha + sum_k c_k eps_k),  c_k = integral of basis k.
-- diffusers: DEISMultistepScheduler (algorithm "deis", solver "logrho").
-- opts: order (2), lower_order_final (true: lower orders on the last steps
-- when n < 15), callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DEIS (Zhang and Chen 2023)",
  options = { "order", "lower_order_final" },
  stochastic = false,
  diffusers = "DEISMultistepScheduler",
})
local log = math.log

-- antiderivatives of the Lagrange basis in log rho (second and third order);
-- at rho = 0 (a step into sigma = 0) their limit, 0 (t log^k t -> 0)
local function ind2(t, b, c)
  if t == 0 then return 0 end
  return t * (-log(c) + log(t) - 1) / (log(b) - log(c))
end

local function ind3(t, b, c, d)
  if t == 0 then return 0 end
  local lt, lc, ld = log(t), log(c), log(d)
  return t * (lc * (ld - lt + 1) - ld * lt + ld + lt ^ 2 - 2 * lt + 2) / ((log(b) - lc) * (log(b) - ld))
end

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 2
  if max_order < 1 or max_order > 3 then error("deis: order must be 1, 2 or 3", 2) end
  local lower_final = opts.lower_order_final ~= false
  local n = #plan - 1
  local eps_hist = {} -- newest first
  local warm = 0
  x = x:clone()
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0, eps = D(x, cur)
    table.insert(eps_hist, 1, eps)
    eps_hist[max_order + 1] = nil
    local order = 3
    if max_order == 1 or warm < 1 or (i == n and lower_final and n < 15) then
      order = 1
    elseif max_order == 2 or warm < 2 or (i == n - 1 and lower_final and n < 15) then
      order = 2
    end
    if order == 1 then
      -- sigma' (e^h - 1) = alpha' sigma / alpha - sigma': the second form stays
      -- finite on a step into sigma' = 0 (h infinite), where it gives x0
      local h = nxt.lambda - cur.lambda
      local k = nxt.sigma == 0 and nxt.alpha * cur.sigma / cur.alpha or nxt.sigma * (math.exp(h) - 1)
      x:lincomb_({ nxt.alpha / cur.alpha, -k }, { x, eps })
    else
      local rt, r0, r1 = util.ve(nxt), util.ve(cur), util.ve(plan[i - 1])
      local c
      if order == 2 then
        c = { ind2(rt, r0, r1) - ind2(r0, r0, r1), ind2(rt, r1, r0) - ind2(r0, r1, r0) }
      else
        local r2 = util.ve(plan[i - 2])
        c = {
          ind3(rt, r0, r1, r2) - ind3(r0, r0, r1, r2), ind3(rt, r1, r2, r0) - ind3(r0, r1, r2, r0),
          ind3(rt, r2, r0, r1) - ind3(r0, r2, r0, r1),
        }
      end
      local coefs, terms = { nxt.alpha / cur.alpha }, { x }
      for k = 1, order do
        coefs[k + 1], terms[k + 1] = nxt.alpha * c[k], eps_hist[k]
      end
      x:lincomb_(coefs, terms)
    end
    warm = math.min(warm + 1, max_order)
    util.report(opts, i, n, x, x0)
  end
  return x
end
