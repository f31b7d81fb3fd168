--- diffusion.nll(model, schedule, x, opts) -> bits per dimension (the mean),
-- a list of each sample's, and what the estimate cost ({nfe =, ...}).
--
--   local bpd = diffusion.nll(model, model.schedule, digits, { method = "ode", prediction = "v_prediction" })
--
-- method "ode" (Song et al. 2021): the probability-flow ODE integrated from
-- the data (at t_min) to noise (t_max) with the adaptive Dormand-Prince
-- solver of diffusion.ode, carrying the log-density change, the integral of
-- the velocity's divergence:
--   log p(x) = log N(x_T; 0, alpha_T^2 + sigma_T^2) + integral of (dim - tr dx0/dxs) du
--              + dim log(alpha_T / alpha_min)
-- in k-diffusion's variables (xs = x / alpha, u = log(sigma / alpha)). The
-- trace is exact for analytic models and Hutchinson's estimate z . (J^T z)
-- for networks, with `probes` Rademacher vectors z drawn once per solve and
-- the vector-Jacobian products of the model's own backward pass (model:trace).
--
-- method "vlb" (Ho et al. 2020): DDPM's variational bound, forward passes
-- only: the prior term KL(q(x_T | x0) || N(0, I)), the per-step KL terms
-- between q(x_{t-1} | x_t, x0) and the model's Gaussian step, and the
-- discretised Gaussian decoder -log p(x0 | x_1) over 8-bit bins. steps < T
-- evaluates the bound of the chain over every (T / steps)-th timestep, a
-- valid but looser bound.
--
-- x: N samples (N x ...). 8-bit data in [-1, 1] (pixel k at k / 127.5 - 1)
-- is dequantised for "ode" (uniform noise across each pixel's bin of width
-- 2 / 255; bits per dimension then count that bin, + log2(127.5)); with
-- dequantize = false x is continuous data and the figure its density.
--
-- opts: method ("ode"), prediction ("epsilon"), class_labels, dequantize
-- (true), probes (1), rtol / atol (1e-5), t_min (0), t_max (T - 1), seed (0),
-- steps (vlb: T), variance (vlb: "fixed_large", Ho et al.'s beta_t, or
-- "fixed_small"), callback: (step, steps) after each of the bound's steps,
-- (accepted steps, evaluations) after each of the solver's.
local d = require "diffusion.core"
local ode = require "diffusion.ode"

local LOG2 = math.log(2)
local KNOWN = { method = true, prediction = true, class_labels = true, dequantize = true, probes = true, rtol = true,
  atol = true, t_min = true, t_max = true, seed = true, steps = true, variance = true, callback = true }

-- x0 = ca * x + cb * out for a network predicting `prediction` at (alpha, sigma)
local function output_coefficients(prediction, alpha, sigma)
  if prediction == "epsilon" then return 1 / alpha, -sigma / alpha end
  if prediction == "v_prediction" then
    local norm = alpha * alpha + sigma * sigma
    return alpha / norm, -sigma / norm
  end
  if prediction == "sample" then return 0, 1 end
  if prediction == "flow" then return 1, -sigma end
  error(string.format("nll: unknown prediction '%s'", tostring(prediction)), 3)
end

-- per-sample sums of a tensor N x ... as a Lua list
local function row_sums(t) return t:reshape { t:size(1), -1 }:sum(2):totable() end

-- x0 = D(x) and, per sample, z . (dx0/dx)^T z averaged over the probes z
-- (P*N x ..., P probes of each of the N samples): one forward and one backward
-- pass of the network over the P*N batch.
local function hutchinson(model, prediction, x, lvl, z, cond)
  local n = x:size(1)
  local probes = z:size(1) // n
  local xrep = x
  if probes > 1 then -- every probe in one batch
    local copies = {}
    for p = 1, probes do copies[p] = x end
    xrep = d.cat(copies, 1)
  end
  if cond and type(cond.class_labels) == "table" then cond = { class_labels = d.tensor(cond.class_labels) } end
  local out, pass = model:trace(xrep, lvl.t, cond)
  local ca, cb = output_coefficients(prediction, lvl.alpha, lvl.sigma)
  local _, gx = pass:backward(z, { input_only = true }) -- J_out^T z
  local zJz = row_sums(gx * z)
  local zz = row_sums(z:square())
  local trace = {}
  for i = 1, n do
    local sum = 0
    for p = 0, probes - 1 do sum = sum + ca * zz[p * n + i] + cb * zJz[p * n + i] end
    trace[i] = sum / probes
  end
  return d.lincomb({ ca, cb }, { x, out:narrow(1, 1, n) }), trace
end

local function is_analytic(model) return type(model) == "table" and model.core and model.divergence ~= nil end

--- 8-bit data in [-1, 1] moved uniformly within each pixel's bin.
local function dequantize(x, rng)
  local k = ((x + 1) * 127.5):round_()
  if (k - (x + 1) * 127.5):abs():max() > 1e-3 or k:min() < 0 or k:max() > 255 then
    error("nll: x is not 8-bit data in [-1, 1] (pixel k at k / 127.5 - 1); pass dequantize = false for "
      .. "continuous data", 3)
  end
  return (k + rng:rand(x:shape()) - 0.5):mul_(2 / 255):sub_(1)
end

local function ode_nll(model, schedule, x, o, dim)
  local n = x:size(1)
  local info = schedule:info()
  local t_min, t_max = o.t_min or 0, o.t_max or info.num_train_timesteps - 1
  local a0, s0 = schedule:alpha(t_min), schedule:sigma(t_min)
  local a1, s1 = schedule:alpha(t_max), schedule:sigma(t_max)
  if not (s0 > 0 and s1 / a1 > s0 / a0) then error("nll: need 0 < sigma(t_min) and t_min < t_max", 3) end
  local prediction = o.prediction or "epsilon"
  local analytic = is_analytic(model)
  local net = analytic and model:with_schedule(schedule) or model
  local D = require("diffusion.denoiser")(net, schedule, { prediction = prediction })
  local cond = o.class_labels and { class_labels = o.class_labels } or nil
  local rng = d.rng(o.seed or 0)
  local probes = o.probes or 1
  if math.type(probes) ~= "integer" or probes < 1 then error("nll: probes must be a positive integer", 3) end
  local z -- Rademacher probes, fixed for the whole solve (P*N x ...)
  if not analytic then
    if type(model) ~= "userdata" then
      error("nll: method \"ode\" needs a diffusion.Model (for its backward pass) or an analytic model", 3)
    end
    local shape = x:shape()
    shape[1] = n * probes
    z = rng:randn(shape):sign_() -- Rademacher: +-1 with equal odds
    if cond and probes > 1 then
      local labels = {}
      local list = type(o.class_labels) == "table" and o.class_labels or o.class_labels:totable()
      for p = 0, probes - 1 do for i = 1, n do labels[p * n + i] = list[i] end end
      cond = { class_labels = labels }
    end
  end
  local shape = x:shape()

  -- the augmented state: N x (dim + 1), xs then the accumulated log-density change
  local function f(u, state)
    local xs = state:narrow(2, 1, dim):contiguous():reshape(shape)
    local lvl = D.level(math.exp(u))
    local xin = lvl.alpha == 1 and xs or xs * lvl.alpha
    local x0, trace
    if analytic then
      x0 = model.core:denoise(xin, lvl.alpha, lvl.sigma)
      trace = model.core:divergence(xin, lvl.alpha, lvl.sigma) -- tr dx0/dx
    else
      x0, trace = hutchinson(model, prediction, xin, lvl, z, cond)
    end
    local div = {}
    for i = 1, n do div[i] = dim - lvl.alpha * trace[i] end -- d(log-density change)/du
    return d.cat({ (xs - x0):reshape { n, dim }, d.tensor(div):reshape { n, 1 } }, 2)
  end

  local start = o.dequantize == false and x or dequantize(x, rng)
  local state = d.cat({ (start / a0):reshape { n, dim }, d.zeros { n, 1 } }, 2)
  local steps = 0
  local ok, final, nfe = pcall(ode.integrate, f, state, math.log(s0 / a0), math.log(s1 / a1),
    { rtol = o.rtol or 1e-5, atol = o.atol or 1e-5, callback = o.callback and function(count)
      steps = steps + 1
      o.callback(steps, count)
    end })
  if not ok then error("nll: " .. tostring(final), 3) end
  local xT = final:narrow(2, 1, dim):contiguous() * a1
  local delta = final:narrow(2, dim + 1, 1):contiguous():totable()
  local var = a1 * a1 + s1 * s1
  local sq = row_sums(xT:square())
  local out, mean = {}, 0
  for i = 1, n do
    local prior = -0.5 * (sq[i] / var + dim * math.log(2 * math.pi * var))
    -- log p(x at t_min) in x's coordinates: the solve ran in xs = x / alpha
    local logp = prior + dim * math.log(a1) + delta[i][1] - dim * math.log(a0)
    local bits = -logp / (dim * LOG2)
    if o.dequantize ~= false then bits = bits + math.log(127.5, 2) end
    out[i] = bits
    mean = mean + bits / n
  end
  return mean, out, { nfe = nfe, method = "ode", probes = not analytic and probes or nil }
end

-- log of the standard normal CDF difference Phi(b) - Phi(a), a < b, kept
-- accurate in either tail (erfc by Numerical Recipes' Chebyshev fit, 1.2e-7
-- relative everywhere)
local function erfc(x)
  local z = math.abs(x)
  local t = 1 / (1 + 0.5 * z)
  local r = t * math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
    + t * 0.17087277)))))))))
  return x >= 0 and r or 2 - r
end
local SQRT2 = math.sqrt(2)
local function log_normal_mass(a, b)
  local p
  if a >= 0 then -- both in the upper tail: 1 - Phi is the accurate side
    p = 0.5 * (erfc(a / SQRT2) - (b == math.huge and 0 or erfc(b / SQRT2)))
  elseif b <= 0 then
    p = 0.5 * ((a == -math.huge and 0 or -erfc(-a / SQRT2)) + erfc(-b / SQRT2))
  else
    p = 1 - 0.5 * (a == -math.huge and 0 or erfc(-a / SQRT2)) - 0.5 * (b == math.huge and 0 or erfc(b / SQRT2))
  end
  return math.log(math.max(p, 1e-300))
end

local function vlb_nll(model, schedule, x, o, dim)
  local n = x:size(1)
  local info = schedule:info()
  if info.kind ~= "vp" then error("nll: method \"vlb\" needs a discrete VP schedule (DDPM betas)", 3) end
  local T = info.num_train_timesteps
  local steps = o.steps or T
  if math.type(steps) ~= "integer" or steps < 2 or steps > T then
    error(string.format("nll: steps must be an integer in 2..%d", T), 3)
  end
  local large = (o.variance or "fixed_large") == "fixed_large"
  if o.variance and not large and o.variance ~= "fixed_small" then
    error(string.format("nll: unknown variance '%s'", tostring(o.variance)), 3)
  end
  local k = ((x + 1) * 127.5):round_()
  if (k - (x + 1) * 127.5):abs():max() > 1e-3 or k:min() < 0 or k:max() > 255 then
    error("nll: method \"vlb\" needs 8-bit data in [-1, 1] (pixel k at k / 127.5 - 1)", 3)
  end
  local prediction = o.prediction or "epsilon"
  local net = is_analytic(model) and model:with_schedule(schedule) or model
  local D = require("diffusion.denoiser")(net, schedule, { prediction = prediction, class_labels = o.class_labels })
  -- the chain's timesteps, t[1] = 0 (the decoder's), evenly strided to T - 1
  local acp = schedule:alphas_cumprod()
  local ts = {}
  for i = 0, steps - 1 do ts[i + 1] = math.floor(i * (T - 1) / (steps - 1) + 0.5) end
  local abar = {}
  for i, t in ipairs(ts) do abar[i] = acp[t + 1] end
  local rng = d.rng(o.seed or 0)
  local total = {}
  for i = 1, n do total[i] = 0 end
  local function level(i) return { t = ts[i], alpha = math.sqrt(abar[i]), sigma = math.sqrt(1 - abar[i]) } end
  -- prior: KL(N(sqrt(abar_T) x0, 1 - abar_T) || N(0, 1)) per dimension
  local aT, vT = math.sqrt(abar[steps]), 1 - abar[steps]
  local sq = row_sums(x:square())
  for i = 1, n do total[i] = total[i] + 0.5 * (dim * (vT - 1 - math.log(vT)) + aT * aT * sq[i]) end
  -- the steps t_i -> t_{i-1}, i = 2..steps: Gaussians with equal or known variances
  for i = steps, 2, -1 do
    local cur = level(i)
    local beta = 1 - abar[i] / abar[i - 1]
    local tilde = beta * (1 - abar[i - 1]) / (1 - abar[i]) -- q's posterior variance
    local model_var = large and beta or tilde
    local c0 = math.sqrt(abar[i - 1]) * beta / (1 - abar[i]) -- the posterior mean's weight on x0
    local xt = d.lincomb({ cur.alpha, cur.sigma }, { x, rng:randn(x:shape()) })
    local x0 = D(xt, cur)
    local err = row_sums((x0 - x):square())
    for s = 1, n do
      total[s] = total[s] + 0.5 * (dim * (tilde / model_var - 1 - math.log(tilde / model_var))
        + c0 * c0 * err[s] / model_var)
    end
    if o.callback then o.callback(steps - i + 1, steps) end
  end
  -- the decoder: -log of N(x0_hat(x_1), beta_1) over each pixel's bin
  local first = level(1)
  local x1 = d.lincomb({ first.alpha, first.sigma }, { x, rng:randn(x:shape()) })
  local mean = D(x1, first)
  local std = math.sqrt(1 - abar[1])
  local xv, mv = x:reshape { n, dim }:totable(), mean:reshape { n, dim }:totable()
  local half = 1 / 255
  for s = 1, n do
    local nll = 0
    for j = 1, dim do
      local v, m = xv[s][j], mv[s][j]
      local lo = v < -1 + 1e-3 and -math.huge or (v - half - m) / std
      local hi = v > 1 - 1e-3 and math.huge or (v + half - m) / std
      nll = nll - log_normal_mass(lo, hi)
    end
    total[s] = total[s] + nll
  end
  if o.callback then o.callback(steps, steps) end
  local out, avg = {}, 0
  for s = 1, n do
    out[s] = total[s] / (dim * LOG2)
    avg = avg + out[s] / n
  end
  return avg, out, { nfe = steps, method = "vlb", steps = steps }
end

local function nll(model, schedule, x, o)
  o = o or {}
  for key in pairs(o) do
    if not KNOWN[key] then error(string.format("nll: unknown option '%s'", tostring(key)), 2) end
  end
  if not schedule or not schedule.info then error("nll: needs a schedule", 2) end
  if type(x) ~= "userdata" or x:dim() < 2 then error("nll: x must be a tensor of N samples (N x ...)", 2) end
  if not x:all_finite() then error("nll: x has NaN or inf", 2) end
  local dim = x:numel() // x:size(1)
  local method = o.method or "ode"
  if method == "ode" then return ode_nll(model, schedule, x, o, dim) end
  if method == "vlb" then return vlb_nll(model, schedule, x, o, dim) end
  error(string.format("nll: unknown method '%s' (ode or vlb)", tostring(method)), 2)
end

--- hutchinson(model, x, level, z [, opts]) -> x0, traces: the denoiser's x0
-- at x and, per sample, z . (dx0/dx)^T z averaged over the probes in z
-- (P*N x ..., probe p of sample i at row p*N + i): Hutchinson's estimate of
-- tr dx0/dx, the divergence the "ode" method integrates. opts: prediction,
-- class_labels (N, repeated for the probes here).
local function trace_estimate(model, x, lvl, z, o)
  o = o or {}
  local n = x:size(1)
  if z:size(1) % n ~= 0 then error("hutchinson: z must hold a whole number of probes per sample", 2) end
  local cond
  if o.class_labels then
    local list = type(o.class_labels) == "table" and o.class_labels or o.class_labels:totable()
    local labels = {}
    for p = 0, z:size(1) // n - 1 do for i = 1, n do labels[p * n + i] = list[i] end end
    cond = { class_labels = labels }
  end
  return hutchinson(model, o.prediction or "epsilon", x, lvl, z, cond)
end

return setmetatable({ hutchinson = trace_estimate }, { __call = function(_, ...) return nll(...) end })
