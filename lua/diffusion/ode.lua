--- diffusion.ode(D, x, plan [, opts]) -> x0, nfe: the probability-flow ODE
-- solved to a tolerance, the reference endpoint samplers are measured
-- against. Adaptive Dormand-Prince 5(4) with error control, in k-diffusion's
-- variables (xs = x / alpha, s = sigma / alpha) over u = log s, where the
-- ODE is dxs/du = xs - x0(xs, s). It integrates from plan[1] to the plan's
-- last level with sigma > 0, then, if the plan ends at sigma = 0, returns the
-- denoised x0 there (as the samplers' last step does). `nfe` counts every
-- network evaluation. D must come from diffusion.denoiser (it needs D.level).
-- opts: rtol (1e-5), atol (1e-5), max_nfe (100000), callback(nfe, s, xs).
local d = require "diffusion.core"

-- Dormand and Prince (1980): the 5th-order weights and the error weights
-- (5th minus embedded 4th order); the stages' nodes are implied by A's rows.
local A = {
  { 1 / 5 },
  { 3 / 40, 9 / 40 },
  { 44 / 45, -56 / 15, 32 / 9 },
  { 19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729 },
  { 9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656 },
  { 35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84 },
}
local C = { 0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1 }
local E = { 71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40 }

--- integrate(f, y, u0, u1, opts) -> y(u1), nfe: dy/du = f(u, y) for a
-- tensor y, from u0 to u1 (either direction), adaptive Dormand-Prince 5(4)
-- with the error measured against atol + rtol * |y| (RMS over y). The
-- likelihood's augmented ODE uses it as well. opts: rtol, atol (1e-5),
-- max_nfe (100000), callback(nfe, u, y), h (first step: (u1 - u0) / 20).
local function integrate(f, y, u, u1, opts)
  opts = opts or {}
  local rtol, atol, max_nfe = opts.rtol or 1e-5, opts.atol or 1e-5, opts.max_nfe or 100000
  local nfe = 0
  local function eval(uu, yy)
    nfe = nfe + 1
    if nfe > max_nfe then error(string.format("ode: more than %d evaluations (tolerance too tight?)", max_nfe), 0) end
    return f(uu, yy)
  end
  local dir = u1 >= u and 1 or -1
  local h = opts.h or (u1 - u) / 20
  local k1 = eval(u, y)
  while (u1 - u) * dir > 0 do
    if (u + h - u1) * dir > 0 then h = u1 - u end
    local k, y_new = { k1 }, nil
    for stage = 2, 7 do
      local coef, terms = { 1 }, { y }
      for j, a in ipairs(A[stage - 1]) do
        if a ~= 0 then
          coef[#coef + 1], terms[#terms + 1] = h * a, k[j]
        end
      end
      local point = d.lincomb(coef, terms)
      if stage == 7 then y_new = point end -- the 5th-order solution: the last stage's point
      k[stage] = eval(u + C[stage] * h, point)
    end
    local ecoef, eterms = {}, {}
    for j = 1, 7 do
      if E[j] ~= 0 then ecoef[#ecoef + 1], eterms[#eterms + 1] = h * E[j], k[j] end
    end
    local err = d.lincomb(ecoef, eterms)
    local scale = y:abs():maximum_(y_new:abs()):mul_(rtol):add_(atol)
    local norm = math.sqrt((err / scale):square():mean())
    if norm ~= norm then error(string.format("ode: the solution is not finite at u = %g", u + h), 0) end
    if norm <= 1 then -- accept; the last stage is the next step's first (FSAL)
      u, y, k1 = u + h, y_new, k[7]
      if opts.callback then opts.callback(nfe, u, y) end
    end
    h = h * math.min(5, math.max(0.2, 0.9 * (norm > 0 and norm ^ -0.2 or 5)))
  end
  return y, nfe
end

local function solve(D, x, plan, opts)
  opts = opts or {}
  if type(D) ~= "table" or not D.level then error("ode: D must be a diffusion.denoiser", 2) end
  local first, last = plan[1], plan[#plan]
  local final_zero = last.sigma == 0
  if final_zero then last = plan[#plan - 1] end
  local s0, s1 = first.sigma / first.alpha, last.sigma / last.alpha
  if not (s0 > 0 and s1 > 0 and s1 < s0) then error("ode: the plan must go from more noise to less", 2) end
  local function f(u, xs) -- dxs/du = xs - x0
    local lvl = D.level(math.exp(u))
    return xs - D(lvl.alpha == 1 and xs or xs * lvl.alpha, lvl)
  end
  local callback = opts.callback and function(nfe, u, xs) opts.callback(nfe, math.exp(u), xs) end
  local ok, xs, nfe = pcall(integrate, f, x / first.alpha, math.log(s0), math.log(s1),
    { rtol = opts.rtol, atol = opts.atol, max_nfe = opts.max_nfe, callback = callback })
  if not ok then error(xs, 2) end
  local lvl = D.level(s1)
  local out = lvl.alpha == 1 and xs or xs * lvl.alpha
  if final_zero then
    nfe = nfe + 1
    out = D(out, lvl)
  end
  return out, nfe
end

return setmetatable({ integrate = integrate, solve = solve }, { __call = function(_, ...) return solve(...) end })
