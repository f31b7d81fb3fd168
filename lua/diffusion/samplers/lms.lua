--- Linear multistep (k-diffusion's sample_lms; Karras et al. 2022 use it as a
-- baseline): the slopes d_k = (xs - x0) / s of the last `order` steps define
-- a Lagrange polynomial in s, integrated exactly over [s, s'] (4-point
-- Gauss-Legendre; the polynomial has degree < 4). Variables xs = x / alpha,
-- s = sigma / alpha. diffusers: LMSDiscreteScheduler. opts: order (4), callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "Linear multistep (Karras et al. 2022 use it as a baseline)",
  options = { "order" },
  stochastic = false,
  diffusers = "LMSDiscreteScheduler",
  k_diffusion = "sample_lms",
})

local GL_X = { -0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526 }
local GL_W = { 0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538 }

-- integral over [s[i], s[i+1]] of the Lagrange basis polynomial of node i - j
-- on the nodes s[i], s[i-1], ..., s[i-order+1]
local function coefficient(s, i, order, j)
  local a, b = s[i], s[i + 1]
  local total = 0
  for q = 1, 4 do
    local tau = 0.5 * (b - a) * GL_X[q] + 0.5 * (a + b)
    local p = 1
    for k = 0, order - 1 do
      if k ~= j then p = p * (tau - s[i - k]) / (s[i - j] - s[i - k]) end
    end
    total = total + GL_W[q] * p
  end
  return 0.5 * (b - a) * total
end

return function(D, x, plan, opts)
  opts = opts or {}
  local max_order = opts.order or 4
  local n = #plan - 1
  local s = {}
  for k, lvl in ipairs(plan) do s[k] = util.ve(lvl) end
  local xs = x / plan[1].alpha
  local slopes = {} -- newest first
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local x0 = D(util.unscale(xs, cur), cur)
    table.insert(slopes, 1, (xs - x0) / s[i])
    slopes[max_order + 1] = nil
    local order = #slopes
    local coefs, terms = { 1 }, { xs }
    for j = 0, order - 1 do
      coefs[#coefs + 1] = coefficient(s, i, order, j)
      terms[#terms + 1] = slopes[j + 1]
    end
    xs:lincomb_(coefs, terms)
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
