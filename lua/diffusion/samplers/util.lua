--- Helpers shared by the sampler files.
local util = {}

--- What each sampler file says of itself, by name (diffusion.samplers.list()
-- returns it): title (the method and its paper), options (those it reads
-- besides noise, seed, callback and check_finite), stochastic (draws noise at
-- its default options), diffusers and k_diffusion (the scheduler class and
-- function it matches), large_sigma_diverges (measured to overshoot on plans
-- that start at a very large k-diffusion sigma, such as a cosine VP
-- schedule's 20,291: docs/lab.md).
util.catalog = {}

--- util.describe(..., meta) at the top of a sampler file: `...` is the module
-- name require passes to the file.
function util.describe(module_name, meta)
  local name = module_name:match("([^.]+)$")
  meta.name = name
  util.catalog[name] = meta
end

--- A noise source from opts.noise: a diffusion.Rng, a function(x, i, level)
-- returning a standard normal tensor shaped like x for step i of the plan,
-- whose draw moves x to `level` (so recorded noise can be replayed by step,
-- without counting calls), or nil for a fresh generator seeded with
-- opts.seed (default 0).
function util.noise(opts)
  local src = opts and opts.noise
  if type(src) == "function" then return src end
  if src == nil then src = require("diffusion.core").rng(opts and opts.seed or 0) end
  return function(x) return src:randn(x:shape()) end
end

--- k-diffusion's get_ancestral_step: a step from sigma s to s_next as a
-- deterministic step down to s_down plus fresh noise of scale s_up, with
-- s_up^2 + s_down^2 = s_next^2 and s_up = eta sqrt(s_next^2 (s^2 - s_next^2) / s^2).
function util.ancestral(s, s_next, eta)
  local s_up = math.min(s_next, eta * math.sqrt(s_next ^ 2 * (s ^ 2 - s_next ^ 2) / s ^ 2))
  return math.sqrt(s_next ^ 2 - s_up ^ 2), s_up
end

--- Brownian-tree noise, as k-diffusion's BrownianTreeNoiseSampler gives it:
-- noise(s, s') = (W(s') - W(s)) / sqrt(|s' - s|) for one Brownian path W over
-- [lo, hi] (k-diffusion sigmas), shaped like `shape`. The path is refined by
-- bisection (a Brownian bridge at each midpoint) down to intervals of 1e-6 of
-- lo; each midpoint's draw is keyed by the seed and its place in the tree, so
-- a query gives the same values in any order, and overlapping intervals are
-- correlated as a Brownian motion's are. A range wider than hi / lo = 1e9 is
-- refused: near hi, doubles could not split intervals of 1e-6 lo (bisection
-- would never end), and the tree's node numbers would pass 2^62.
local MAX_RANGE = 1e9
function util.brownian_tree(shape, lo, hi, seed)
  local rng = require("diffusion.core").rng
  if hi ~= hi or hi > lo * MAX_RANGE then
    error(string.format("brownian noise: the plan's noise levels span sigma %.3g to %.3g, a wider range than the "
      .. "Brownian tree resolves (hi / lo at most %.0e); pass recorded noise (noise =) or use fewer training "
      .. "timesteps", lo, hi, MAX_RANGE), 2)
  end
  local tol = lo * 1e-6
  local w_hi = rng(seed):randn(shape):mul_(math.sqrt(hi - lo))
  local function W(t)
    t = math.min(math.max(t, lo), hi)
    local a, b, wa, wb, node = lo, hi, nil, w_hi, 1 -- wa nil: W(lo) = 0
    while b - a > tol do
      local m = 0.5 * (a + b)
      -- the bridge's midpoint: mean of the ends, variance (b - a) / 4
      local wm = rng((seed << 40) ~ node):randn(shape):mul_(0.5 * math.sqrt(b - a))
      wm:axpby_(1, 0.5, wb)
      if wa then wm:axpby_(1, 0.5, wa) end
      if t < m then
        b, wb, node = m, wm, 2 * node
      else
        a, wa, node = m, wm, 2 * node + 1
      end
    end
    local w = (t - a) / (b - a) -- within tol: linear
    local out = wb * w
    if wa then out:axpby_(1, 1 - w, wa) end
    return out
  end
  return function(s, s_next)
    return (W(s_next) - W(s)):mul_(1 / math.sqrt(math.abs(s_next - s)))
  end
end

local function expm1(v) return math.abs(v) < 1e-5 and v + v * v / 2 + v * v * v / 6 or math.exp(v) - 1 end

--- The singlestep DPM-Solver steps of Lu et al. 2022 (Algorithms 1-3) in
-- k-diffusion's form (its DPMSolver class), for dpm_fast and dpm_adaptive:
-- variables xs = x / alpha and t = -log s (s = sigma / alpha); S.eps(cache,
-- key, xs, t) is the model's noise estimate, kept in cache under key.
-- S.step1, S.step2, S.step3 (xs, t, t_next, cache [, r1]) -> xs', coefs: each
-- step is xs + sum of coefs[key] * cache[key] over the evaluations it made, and
-- the coefficients are returned so that two steps can be compared without
-- subtracting their large xs terms.
function util.dpm_solver(D)
  local lincomb = require("diffusion.core").lincomb
  local S = {}
  local function sigma(t) return math.exp(-t) end
  S.sigma, S.t = sigma, function(s) return -math.log(s) end
  function S.eps(cache, key, xs, t)
    if cache[key] then return cache[key] end
    local lvl = D.level(sigma(t))
    local x0, e = D(util.unscale(xs, lvl), lvl)
    cache[key], cache[key .. "_x0"] = e, x0
    return e
  end
  -- An ancestral step from t to t_next (eta > 0): the deterministic step's
  -- target, never past t_end, and the noise to add there (k-diffusion's form).
  function S.ancestral(t, t_next, t_end, eta)
    if eta <= 0 then return t_next, 0 end
    local down = util.ancestral(sigma(t), sigma(t_next), eta)
    local t_to = math.min(t_end, S.t(down))
    return t_to, math.sqrt(sigma(t_next) ^ 2 - sigma(t_to) ^ 2)
  end
  -- xs + sum coefs[k] * cache[k] (without xs: the sum alone)
  function S.apply(xs, cache, coefs)
    local c, terms = {}, {}
    if xs then c[1], terms[1] = 1, xs end
    for _, key in ipairs { "eps", "eps_r1", "eps_r2" } do
      if coefs[key] then c[#c + 1], terms[#terms + 1] = coefs[key], cache[key] end
    end
    return lincomb(c, terms)
  end
  function S.step1(xs, t, tn, cache)
    S.eps(cache, "eps", xs, t)
    local coefs = { eps = -sigma(tn) * expm1(tn - t) }
    return S.apply(xs, cache, coefs), coefs
  end
  function S.step2(xs, t, tn, cache, r1)
    r1 = r1 or 1 / 2
    local h = tn - t
    local e = S.eps(cache, "eps", xs, t)
    local s1 = t + r1 * h
    S.eps(cache, "eps_r1", xs - e * (sigma(s1) * expm1(r1 * h)), s1)
    local c = sigma(tn) * expm1(h)
    local coefs = { eps = -c + c / (2 * r1), eps_r1 = -c / (2 * r1) }
    return S.apply(xs, cache, coefs), coefs
  end
  function S.step3(xs, t, tn, cache)
    local r1, r2 = 1 / 3, 2 / 3
    local h = tn - t
    local e = S.eps(cache, "eps", xs, t)
    local s1, s2 = t + r1 * h, t + r2 * h
    local e1 = S.eps(cache, "eps_r1", xs - e * (sigma(s1) * expm1(r1 * h)), s1)
    local a = sigma(s2) * expm1(r2 * h)
    local b = sigma(s2) * (r2 / r1) * (expm1(r2 * h) / (r2 * h) - 1)
    S.eps(cache, "eps_r2", lincomb({ 1, -a + b, -b }, { xs, e, e1 }), s2)
    local c = sigma(tn) * expm1(h)
    local c2 = sigma(tn) / r2 * (expm1(h) / h - 1)
    local coefs = { eps = -c + c2, eps_r2 = -c2 }
    return S.apply(xs, cache, coefs), coefs
  end
  return S
end

--- k-diffusion's PIDStepSizeController (dpm_adaptive): propose(err) scales the
-- step size c.h by limiter(prod of the last three inverse errors to the PID's
-- powers), limiter(f) = 1 + atan(f - 1), and accepts the step when that
-- factor is at least `safety`.
function util.pid_controller(h, pcoeff, icoeff, dcoeff, order, safety)
  local b1, b2, b3 = (pcoeff + icoeff + dcoeff) / order, -(pcoeff + 2 * dcoeff) / order, dcoeff / order
  local errs
  local c = { h = h }
  function c.propose(err)
    local inv = 1 / (err + 1e-8)
    if not errs then errs = { inv, inv, inv } end
    errs[1] = inv
    local factor = 1 + math.atan(errs[1] ^ b1 * errs[2] ^ b2 * errs[3] ^ b3 - 1)
    local accept = factor >= safety
    if accept then errs[3], errs[2] = errs[2], errs[1] end
    c.h = c.h * factor
    return accept
  end
  return c
end

--- The smallest positive and the largest finite k-diffusion sigma of a plan.
function util.sigma_range(plan)
  local lo, hi = math.huge, 0
  for _, lvl in ipairs(plan) do
    local s = util.ve(lvl)
    if s > 0 and s < math.huge then lo, hi = math.min(lo, s), math.max(hi, s) end
  end
  return lo, hi
end

--- End of step i of n: with opts.check_finite, stops with an error naming
-- the step if x or x0 holds NaN or inf; calls opts.callback(i, n, x, x0).
-- Samplers working on k-diffusion's scaled x pass the level it is scaled
-- for, and the callback sees x itself (unscaled only when there is one).
function util.report(opts, i, n, x, x0, scaled_for)
  if not opts then return end
  if opts.check_finite then
    local bad = not x:all_finite() and "x" or (x0 and not x0:all_finite() and "the denoised x0")
    if bad then error(string.format("sampler: %s is not finite after step %d of %d", bad, i, n), 0) end
  end
  if opts.callback then
    local shown = scaled_for and util.unscale(x, scaled_for) or x
    -- a tensor returned replaces x (diffusers' callback_on_step_end returning latents)
    local r = opts.callback(i, n, shown, x0)
    if r ~= nil and r ~= shown then x:copy_((scaled_for and scaled_for.alpha ~= 1) and r / scaled_for.alpha or r) end
  end
end

--- k-diffusion's sigma of a level: x / alpha = x0 + (sigma / alpha) eps.
function util.ve(level) return level.alpha > 0 and level.sigma / level.alpha or math.huge end

--- x * alpha for a level, as D wants it, from k-diffusion's scaled x.
function util.unscale(xs, level) return level.alpha == 1 and xs or xs * level.alpha end

return util
