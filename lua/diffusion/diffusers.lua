--- The diffusers-compatible front: diffusion.sample{scheduler = "DDIMScheduler",
-- config = {...}, steps = 20, model = m, x = x_T, ...} runs the sampler that
-- matches that diffusers scheduler class and config, as a diffusers pipeline
-- would: the same timesteps, init_noise_sigma, input scaling and final step.
--
-- Each class below turns a config into (schedule, plan, sampler, options).
-- Samplers work on x = alpha * x0 + sigma * eps; classes that diffusers runs
-- in k-diffusion's scaled space (x / alpha: Euler, Heun, LMS, ...) are
-- converted on the way in and out, and the callback sees diffusers' own x.
local core = require "diffusion.core"
local schedule = require "diffusion.schedule"
local denoiser = require "diffusion.denoiser"
local samplers = require "diffusion.samplers"
local control = require "diffusion.control"
local DIFFUSERS_KEYS = require "diffusion.diffusers_keys"

local M = {}

-- Keys that never change numbers.
local BOOKKEEPING = { _class_name = true, _diffusers_version = true, _use_default_values = true }

-- What each config value must be. A file from a stranger can hold anything;
-- every value is checked here, by name, before any arithmetic sees it.
local function finite(v) return type(v) == "number" and v == v and v > -math.huge and v < math.huge end
local function integer_in(lo, hi)
  -- JSON has one number type: 1000.0 is the integer 1000
  return function(v)
    local i = type(v) == "number" and math.tointeger(v)
    return i and i >= lo and i <= hi, i
  end, string.format("an integer in %d..%d", lo, hi)
end
local function number_where(pred, what) return function(v) return finite(v) and pred(v) end, what end
local function is_string(v) return type(v) == "string" end
local function is_boolean(v) return type(v) == "boolean" end
local function is_list(v)
  if type(v) ~= "table" then return false end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  return n == #v
end
local MAX_TRAIN_STEPS = 100000
local unit_open = { number_where(function(v) return v > 0 and v < 1 end, "a number in (0, 1)") }
local positive = { number_where(function(v) return v > 0 end, "a positive number") }
local any_finite = { number_where(function() return true end, "a finite number") }
local string_value = { is_string, "a string" }
local boolean_value = { is_boolean, "true or false" }
local VALUE_CHECKS = {
  num_train_timesteps = { integer_in(1, MAX_TRAIN_STEPS) },
  steps_offset = { integer_in(0, MAX_TRAIN_STEPS) },
  original_inference_steps = { integer_in(1, MAX_TRAIN_STEPS) },
  solver_order = { integer_in(1, 3) },
  predictor_order = { integer_in(1, 4) },
  corrector_order = { integer_in(1, 4) },
  base_image_seq_len = { integer_in(1, 1 << 30) },
  max_image_seq_len = { integer_in(1, 1 << 30) },
  beta_start = unit_open, beta_end = unit_open,
  dynamic_thresholding_ratio = unit_open,
  clip_sample_range = positive, sample_max_value = positive, sigma_min = positive, sigma_max = positive,
  sigma_data = positive, rho = positive, shift = positive, timestep_scaling = positive,
  mid_block_scale_factor = positive,
  base_shift = any_finite, max_shift = any_finite,
  lambda_min_clipped = { function(v) return type(v) == "number" and v == v end, "a number" },
  trained_betas = {
    function(v)
      if not is_list(v) or #v < 1 or #v > MAX_TRAIN_STEPS then return false end
      for i = 1, #v do
        if not (finite(v[i]) and v[i] > 0 and v[i] < 1) then return false end
      end
      return true
    end,
    string.format("a list of 1..%d numbers in (0, 1)", MAX_TRAIN_STEPS),
  },
  disable_corrector = { -- step indices, counted from 0
    function(v)
      if not is_list(v) then return false end
      for i = 1, #v do
        if not (math.tointeger(v[i]) and v[i] >= 0 and v[i] < MAX_TRAIN_STEPS) then return false end
      end
      return true
    end,
    "a list of step indices",
  },
}
for _, key in ipairs { "beta_schedule", "prediction_type", "timestep_spacing", "variance_type", "algorithm_type",
  "solver_type", "final_sigmas_type", "interpolation_type", "timestep_type", "sigma_schedule", "_class_name",
  "_diffusers_version" } do
  VALUE_CHECKS[key] = string_value
end
for _, key in ipairs { "clip_sample", "thresholding", "set_alpha_to_one", "use_karras_sigmas",
  "use_exponential_sigmas", "use_beta_sigmas", "lower_order_final", "euler_at_final", "use_lu_lambdas",
  "skip_prk_steps", "rescale_betas_zero_snr", "predict_x0", "use_dynamic_shifting" } do
  VALUE_CHECKS[key] = boolean_value
end

-- Normalises a config: JSON nulls (lua-cjson's lightuserdata) become nil,
-- the strings "inf", "-inf", "nan" become numbers; then every known key's
-- value is checked (unknown keys are left to each class's key check).
local function clean(config, fname)
  fname = fname or "sample"
  if type(config) ~= "table" then error(fname .. ": config must be a table", 3) end
  local out = {}
  for k, v in pairs(config) do
    if type(k) ~= "string" then error(string.format("%s: config key %s is not a string", fname, tostring(k)), 3) end
    if type(v) == "userdata" then v = nil end
    if v == "inf" then v = math.huge elseif v == "-inf" then v = -math.huge elseif v == "nan" then v = 0 / 0 end
    local check = VALUE_CHECKS[k]
    if v ~= nil and check then
      local ok, normalised = check[1](v)
      if not ok then
        error(string.format("%s: config key '%s' must be %s, got %s", fname, k, check[2],
          type(v) == "string" and string.format("%q", v) or tostring(v)), 3)
      end
      if normalised ~= nil then v = normalised end
    end
    out[k] = v
  end
  return out
end

--- Checks config keys: `honoured` are used; `inert` must keep the value that
-- leaves numbers unchanged (any other value is refused, naming the key). A key
-- of another diffusers scheduler class is ignored, as diffusers' from_config
-- ignores it (so X.from_config(other.config) works); a key of this class that
-- is not honoured, or one that no diffusers scheduler takes, is an error.
local function check_config(class, c, honoured, inert)
  local own = DIFFUSERS_KEYS.by_class[class] or {}
  for k, v in pairs(c) do
    if not BOOKKEEPING[k] and not honoured[k] and (own[k] or not DIFFUSERS_KEYS.any[k]) then
      if inert[k] == nil then
        if not DIFFUSERS_KEYS.any[k] then
          error(string.format("sample: %s config key '%s' is not supported (no diffusers scheduler has it)", class,
            k), 3)
        end
        error(string.format("sample: %s config key '%s' is not supported", class, k), 3)
      end
      local want = inert[k]
      local same = v == want or (type(want) == "function" and want(v))
        or (type(want) == "table" and type(v) == "table" and next(v) == nil and next(want) == nil)
      if not same then
        error(string.format("sample: %s config key '%s' = %s is not supported%s", class, k, tostring(v),
          type(want) == "function" and "" or " (only " .. tostring(want) .. ")"), 3)
      end
    end
  end
end

-- float32 rounding, as torch's and numpy's float32 arithmetic does
local function f32(v) return (string.unpack("f", string.pack("f", v))) end

--- The betas schedule a diffusers config describes, built as diffusers builds
-- it: float32 betas and a float32 cumulative product. (Near t = 0, 1 - acp is
-- a difference of nearly equal float32 numbers, so the float32 table's sigmas
-- differ from exact ones by up to 1e-3 there; matching diffusers means
-- matching its rounding.)
-- Zero terminal SNR (rescale_betas_zero_snr) as `class` does it: only the
-- classes that take the key rescale (from_config ignores it elsewhere), and
-- the four whose first sigma would be infinite (sigma / alpha at alpha = 0)
-- set the last alpha_cumprod to 2^-24, float16's smallest subnormal, as
-- diffusers does. Without a class (a bare config) the rescale is exact.
local TERMINAL_2_POW_M24 = {
  EulerDiscreteScheduler = true, EulerAncestralDiscreteScheduler = true, DPMSolverMultistepScheduler = true,
  UniPCMultistepScheduler = true,
}
local function betas_schedule(c, class)
  local n = c.num_train_timesteps or 1000
  local lo, hi = c.beta_start or 1e-4, c.beta_end or 0.02
  local betas = {}
  local kind = c.beta_schedule or "linear"
  if c.trained_betas then
    betas = c.trained_betas
  elseif kind == "linear" or kind == "scaled_linear" or kind == "sigmoid" then
    local a, b = lo, hi
    if kind == "scaled_linear" then a, b = math.sqrt(lo), math.sqrt(hi) end
    if kind == "sigmoid" then a, b = -6, 6 end
    for i = 0, n - 1 do
      local v = f32(a + (b - a) * i / (n - 1))
      if kind == "scaled_linear" then v = v * v end
      if kind == "sigmoid" then v = 1 / (1 + math.exp(-v)) * (hi - lo) + lo end
      betas[i + 1] = f32(v)
    end
  elseif kind == "squaredcos_cap_v2" then
    local function f(t) return math.cos((t + 0.008) / 1.008 * math.pi / 2) ^ 2 end
    for i = 0, n - 1 do betas[i + 1] = f32(math.min(1 - f((i + 1) / n) / f(i / n), 0.999)) end
  else
    error(string.format("sample: unknown beta_schedule '%s'", tostring(kind)), 3)
  end
  local acp, prod = {}, 1
  for i, b in ipairs(betas) do
    prod = f32(prod * f32(1 - b))
    acp[i] = prod
  end
  local s = schedule.from_alphas_cumprod(acp)
  local own = DIFFUSERS_KEYS.by_class[class]
  if not c.rescale_betas_zero_snr or (own and not own.rescale_betas_zero_snr) then return s end
  s = s:rescale_zero_terminal_snr()
  if not TERMINAL_2_POW_M24[class] then return s end
  acp = s:alphas_cumprod()
  acp[#acp] = 2 ^ -24
  return schedule.from_alphas_cumprod(acp)
end

-- numpy's round: half to even.
local function round_half_even(x)
  local f = math.floor(x)
  local r = x - f
  if r > 0.5 then return f + 1 end
  if r < 0.5 then return f end
  return f % 2 == 0 and f or f + 1
end

local SPACINGS = { leading = true, trailing = true, linspace = true }
local function spacing_of(c, default)
  local spacing = c.timestep_spacing or default
  if not SPACINGS[spacing] then error(string.format("sample: unknown timestep_spacing '%s'", tostring(spacing)), 4) end
  return spacing
end

--- DDPM/DDIM-family timesteps (integers), as their set_timesteps computes them:
-- the core's one implementation of the spacings (schedule_timesteps).
local function discrete_timesteps(c, n, default_spacing)
  return core.schedule_timesteps(c.num_train_timesteps or 1000, n, spacing_of(c, default_spacing or "leading"),
    c.steps_offset or 0)
end

local function level_at(s, t)
  return { t = t, alpha = s:alpha(t), sigma = s:sigma(t), lambda = s:lambda(t) }
end

local function final_level(alpha)
  return { t = 0, alpha = alpha, sigma = math.sqrt(math.max(1 - alpha * alpha, 0)), lambda = math.huge }
end

local COMMON_PREDICTION = {
  prediction_type = true, clip_sample = true, clip_sample_range = true, thresholding = true,
  dynamic_thresholding_ratio = true, sample_max_value = true,
}

local function merge(...)
  local out = {}
  for _, t in ipairs { ... } do for k, v in pairs(t) do out[k] = v end end
  return out
end

local BETA_KEYS = {
  num_train_timesteps = true, beta_start = true, beta_end = true, beta_schedule = true, trained_betas = true,
  rescale_betas_zero_snr = true,
}

local function denoiser_opts(c, clip_default)
  local o = { prediction = c.prediction_type or "epsilon" }
  if c.thresholding then
    o.thresholding = { ratio = c.dynamic_thresholding_ratio or 0.995, max = c.sample_max_value or 1 }
  elseif c.clip_sample == nil and clip_default or c.clip_sample then
    o.clip_sample = c.clip_sample_range or 1
  end
  return o
end

-- A DDPM/DDIM plan: the levels at the timesteps, each with `to`, the level
-- diffusers steps to (t - T/n, or the final alpha), when that is off the grid.
local function stride_plan(s, c, n, final_alpha)
  local ts = discrete_timesteps(c, n)
  local N = c.num_train_timesteps or 1000
  local plan = {}
  for i, t in ipairs(ts) do plan[i] = level_at(s, t) end
  plan[#ts + 1] = final_level(final_alpha)
  for i, t in ipairs(ts) do
    local prev = t - N // n
    local target = prev >= 0 and level_at(s, prev) or plan[#ts + 1]
    local nxt = plan[i + 1]
    if target.t ~= nxt.t or target.alpha ~= nxt.alpha then plan[i].to = target end
  end
  return plan
end

local classes = {}

classes.DDPMScheduler = function(c, n)
  check_config("DDPMScheduler", c, merge(BETA_KEYS, COMMON_PREDICTION, {
    variance_type = true, timestep_spacing = true, steps_offset = true,
  }), { variance_type = "fixed_small" })
  local vt = c.variance_type or "fixed_small"
  if vt ~= "fixed_small" and vt ~= "fixed_large" then
    error(string.format("sample: DDPMScheduler variance_type '%s' is not supported", vt), 3)
  end
  local s = betas_schedule(c, "DDPMScheduler")
  return {
    schedule = s, plan = stride_plan(s, c, n, 1), sampler = samplers.ddpm,
    sampler_opts = { variance = vt }, denoiser = denoiser_opts(c, true),
  }
end

classes.DDIMScheduler = function(c, n, args)
  check_config("DDIMScheduler", c, merge(BETA_KEYS, COMMON_PREDICTION, {
    set_alpha_to_one = true, steps_offset = true, timestep_spacing = true,
  }), {})
  local s = betas_schedule(c, "DDIMScheduler")
  local set_one = c.set_alpha_to_one
  if set_one == nil then set_one = true end
  return {
    schedule = s, plan = stride_plan(s, c, n, set_one and 1 or s:alpha(0)), sampler = samplers.ddim,
    sampler_opts = { eta = args.eta or 0 }, denoiser = denoiser_opts(c, true),
  }
end

local function util_ve(level) return level.sigma / level.alpha end

local function ve_level(t, sv)
  if sv == 0 then return { t = t, alpha = 1, sigma = 0, lambda = math.huge } end
  local a = 1 / math.sqrt(1 + sv * sv)
  return { t = t, alpha = a, sigma = sv * a, lambda = -math.log(sv) }
end

local SIGMA_SPACINGS = {
  use_karras_sigmas = "karras", use_exponential_sigmas = "exponential", use_beta_sigmas = "beta",
}

--- The plan of diffusers' k-diffusion-style classes (EulerDiscreteScheduler's
-- set_timesteps): float timesteps by spacing, VE sigmas interpolated linearly
-- in the train table, optionally respaced (Karras, exponential, beta), then
-- the final sigma. Returns the plan and init_noise_sigma.
-- The last sigma of a plan, as final_sigmas_type says: the table's smallest or 0.
local function append_final_sigma(sig, c, table_sigma)
  local final = c.final_sigmas_type or "zero"
  if final == "sigma_min" then
    sig[#sig + 1] = table_sigma[1]
  elseif final == "zero" then
    sig[#sig + 1] = 0
  else
    error(string.format("sample: unknown final_sigmas_type '%s'", tostring(final)), 4)
  end
end

local function k_plan(s, c, n)
  local N = c.num_train_timesteps or 1000
  local spacing = spacing_of(c, "linspace")
  local ts
  if spacing == "linspace" then -- float timesteps, unrounded
    ts = core.schedule_timesteps(N, n, "linspace", 0, false)
    for k, t in ipairs(ts) do ts[k] = f32(t) end
  else
    ts = discrete_timesteps(c, n)
  end
  local acp = s:alphas_cumprod()
  local table_sigma = {}
  for i, a in ipairs(acp) do table_sigma[i] = math.sqrt((1 - f32(a)) / f32(a)) end
  local sig = {}
  for k, t in ipairs(ts) do -- np.interp(t, arange(N), sigmas)
    local lo = math.min(math.floor(t), N - 2)
    local w = t - lo
    sig[k] = (1 - w) * table_sigma[lo + 1] + w * table_sigma[lo + 2]
  end
  local respace
  for key, name in pairs(SIGMA_SPACINGS) do if c[key] then respace = name end end
  if respace then
    local lo, hi = c.sigma_min or sig[#sig], c.sigma_max or sig[1]
    local spaced = {}
    for k = 0, n - 1 do
      local r = n > 1 and k / (n - 1) or 0
      if respace == "karras" then
        local rho = 7
        spaced[k + 1] = (hi ^ (1 / rho) + r * (lo ^ (1 / rho) - hi ^ (1 / rho))) ^ rho
      elseif respace == "exponential" then
        spaced[k + 1] = math.exp(math.log(hi) + r * (math.log(lo) - math.log(hi)))
      else
        spaced[k + 1] = lo + core.beta_ppf(1 - r, 0.6, 0.6) * (hi - lo)
      end
    end
    sig = spaced
    for k, sv in ipairs(sig) do ts[k] = s:t_from_lambda(-math.log(sv)) end
  end
  append_final_sigma(sig, c, table_sigma)
  local plan = {}
  for k, sv in ipairs(sig) do plan[k] = ve_level(f32(ts[k] or 0), f32(sv)) end
  local max_sigma = 0
  for _, sv in ipairs(sig) do max_sigma = math.max(max_sigma, f32(sv)) end
  local init = (spacing == "linspace" or spacing == "trailing") and max_sigma or math.sqrt(max_sigma ^ 2 + 1)
  return plan, init
end

local K_KEYS = merge(BETA_KEYS, {
  prediction_type = true, timestep_spacing = true, steps_offset = true, use_karras_sigmas = true,
  use_exponential_sigmas = true, use_beta_sigmas = true,
})

local function k_class(class, sampler, extra, inert)
  return function(c, n)
    check_config(class, c, merge(K_KEYS, extra or {}), inert or {})
    local s = betas_schedule(c, class)
    local plan, init = k_plan(s, c, n)
    local dopts = { prediction = c.prediction_type or "epsilon" }
    if c.clip_sample then dopts.clip_sample = c.clip_sample_range or 1 end
    return { schedule = s, plan = plan, init_noise_sigma = init, scaled = true, sampler = sampler, denoiser = dopts,
      sampler_opts = { seed = c.noise_sampler_seed } }
  end
end

classes.EulerDiscreteScheduler = k_class("EulerDiscreteScheduler", samplers.euler, {
  interpolation_type = true, sigma_min = true, sigma_max = true, final_sigmas_type = true, timestep_type = true,
}, {})
classes.EulerAncestralDiscreteScheduler = k_class("EulerAncestralDiscreteScheduler", samplers.euler_ancestral)
classes.HeunDiscreteScheduler = k_class("HeunDiscreteScheduler", samplers.heun,
  { clip_sample = true, clip_sample_range = true })
classes.KDPM2DiscreteScheduler = k_class("KDPM2DiscreteScheduler", samplers.dpm2)
classes.LMSDiscreteScheduler = k_class("LMSDiscreteScheduler", samplers.lms)
classes.KDPM2AncestralDiscreteScheduler = k_class("KDPM2AncestralDiscreteScheduler", samplers.dpm2_ancestral)
-- noise_sampler_seed seeds our Brownian tree: the same kind of noise as torchsde's, not the same draws
classes.DPMSolverSDEScheduler = k_class("DPMSolverSDEScheduler", samplers.dpmpp_sde, { noise_sampler_seed = true })

-- torch's float -> int64 cast truncates toward zero
local function trunc(v) return v < 0 and math.ceil(v) or math.floor(v) end

--- The plan of diffusers' multistep solvers (DPMSolverMultistepScheduler's
-- set_timesteps; UniPC and DEIS share it): integer timesteps by spacing
-- (n + 1 points with the last dropped), VE sigmas at them or respaced, in
-- float32, then the final sigma.
local function multistep_plan(s, c, n)
  local N = c.num_train_timesteps or 1000
  local spacing = spacing_of(c, "linspace")
  local ts
  if spacing == "trailing" then
    ts = discrete_timesteps(c, n)
  else -- n + 1 points of linspace or leading, the last (the clean end) dropped
    ts = core.schedule_timesteps(N, n + 1, spacing, c.steps_offset or 0)
    ts[n + 1] = nil
  end
  local acp = s:alphas_cumprod()
  local table_sigma = {}
  for i, a in ipairs(acp) do table_sigma[i] = math.sqrt((1 - a) / a) end
  local sig = {}
  local respace
  for key, name in pairs(SIGMA_SPACINGS) do if c[key] then respace = name end end
  if c.use_lu_lambdas then respace = "lu" end
  if respace then
    local lo, hi = c.sigma_min or table_sigma[1], c.sigma_max or table_sigma[N]
    for k = 0, n - 1 do
      local r = n > 1 and k / (n - 1) or 0
      local sv
      if respace == "karras" then
        sv = (hi ^ (1 / 7) + r * (lo ^ (1 / 7) - hi ^ (1 / 7))) ^ 7
      elseif respace == "exponential" or respace == "lu" then
        sv = math.exp(math.log(hi) + r * (math.log(lo) - math.log(hi)))
      else
        sv = lo + core.beta_ppf(1 - r, 0.6, 0.6) * (hi - lo)
      end
      sig[k + 1] = sv
      local t = s:t_from_lambda(-math.log(sv))
      local rounded = (respace == "karras" or respace == "lu") and c.beta_schedule ~= "squaredcos_cap_v2"
      ts[k + 1] = rounded and round_half_even(t) or trunc(t)
    end
  else
    for k, t in ipairs(ts) do sig[k] = table_sigma[t + 1] end
  end
  append_final_sigma(sig, c, table_sigma)
  local plan = {}
  for k, sv in ipairs(sig) do plan[k] = ve_level(ts[k] or 0, f32(sv)) end
  return plan
end

local MULTISTEP_KEYS = merge(BETA_KEYS, COMMON_PREDICTION, {
  solver_order = true, lower_order_final = true, use_karras_sigmas = true, use_exponential_sigmas = true,
  use_beta_sigmas = true, final_sigmas_type = true, timestep_spacing = true, steps_offset = true,
})
local MULTISTEP_INERT = {
  use_flow_sigmas = false, flow_shift = 1.0, lambda_min_clipped = -math.huge, use_dynamic_shifting = false,
  time_shift_type = "exponential", sigma_min = nil, sigma_max = nil, shift_terminal = nil,
  -- these solvers read variance_type only to split a learned variance off the output
  variance_type = function(v) return v ~= "learned" and v ~= "learned_range" end,
}

local function multistep_denoiser(c)
  local o = { prediction = c.prediction_type or "epsilon" }
  if c.thresholding then
    o.thresholding = { ratio = c.dynamic_thresholding_ratio or 0.995, max = c.sample_max_value or 1 }
  end
  return o
end

classes.DPMSolverMultistepScheduler = function(c, n)
  check_config("DPMSolverMultistepScheduler", c, merge(MULTISTEP_KEYS, {
    algorithm_type = true, solver_type = true, euler_at_final = true, use_lu_lambdas = true,
  }), MULTISTEP_INERT)
  local s = betas_schedule(c, "DPMSolverMultistepScheduler")
  return {
    schedule = s, plan = multistep_plan(s, c, n), sampler = samplers.dpm_solver_multistep,
    sampler_opts = {
      order = c.solver_order or 2, algorithm = c.algorithm_type or "dpmsolver++", solver_type = c.solver_type,
      lower_order_final = c.lower_order_final ~= false, euler_at_final = c.euler_at_final,
    },
    denoiser = multistep_denoiser(c),
  }
end

classes.UniPCMultistepScheduler = function(c, n)
  check_config("UniPCMultistepScheduler", c, merge(MULTISTEP_KEYS, {
    predict_x0 = true, solver_type = true, disable_corrector = true,
  }), merge(MULTISTEP_INERT, { solver_p = nil }))
  local s = betas_schedule(c, "UniPCMultistepScheduler")
  local plan = multistep_plan(s, c, n)
  if c.use_karras_sigmas and c.final_sigmas_type == "sigma_min" then -- UniPC ends at the last Karras sigma
    plan[#plan] = ve_level(0, util_ve(plan[#plan - 1]))
  end
  local disable = {}
  for k, v in ipairs(c.disable_corrector or {}) do disable[k] = v + 1 end -- diffusers counts from 0
  local dopts = multistep_denoiser(c)
  return {
    schedule = s, plan = plan, sampler = samplers.unipc, denoiser = dopts,
    sampler_opts = {
      order = c.solver_order or 2, variant = c.solver_type or "bh2", predict_x0 = c.predict_x0 ~= false,
      lower_order_final = c.lower_order_final ~= false, disable_corrector = disable,
    },
  }
end

classes.FlowMatchEulerDiscreteScheduler = function(c, n)
  check_config("FlowMatchEulerDiscreteScheduler", c, {
    num_train_timesteps = true, shift = true,
    -- only read when use_dynamic_shifting is on, which is refused below
    base_shift = true, max_shift = true, base_image_seq_len = true, max_image_seq_len = true,
  }, {
    use_dynamic_shifting = false, invert_sigmas = false, shift_terminal = nil, use_karras_sigmas = false,
    use_exponential_sigmas = false, use_beta_sigmas = false, time_shift_type = "exponential",
    stochastic_sampling = false,
  })
  local N = c.num_train_timesteps or 1000
  local s = schedule.flow { shift = c.shift or 1, num_train_timesteps = N }
  local plan = s:plan(n)
  for _, lvl in ipairs(plan) do -- float32, as diffusers' sigma tensor
    lvl.sigma = f32(lvl.sigma)
    lvl.alpha = 1 - lvl.sigma
    lvl.t = f32(lvl.sigma * N)
  end
  return { schedule = s, plan = plan, sampler = samplers.flow_euler, denoiser = { prediction = "flow" } }
end

-- The EDM classes: Karras sigmas from the config, t = log(sigma) / 4 (c_noise),
-- c_in / c_skip / c_out preconditioning, and diffusers' init_noise_sigma.
local function edm_setup(class, c, n, extra)
  check_config(class, c, merge({
    sigma_min = true, sigma_max = true, sigma_data = true, sigma_schedule = true, num_train_timesteps = true,
    prediction_type = true, rho = true, final_sigmas_type = true,
  }, extra), {})
  local s = schedule.edm { sigma_min = c.sigma_min, sigma_max = c.sigma_max, sigma_data = c.sigma_data, rho = c.rho }
  local kind = c.sigma_schedule or "karras"
  if kind ~= "karras" and kind ~= "exponential" then
    error(string.format("sample: %s sigma_schedule '%s' is not supported", class, tostring(kind)), 3)
  end
  local final = c.final_sigmas_type or "zero"
  local plan = s:plan(n, { sigmas = kind, final = final })
  for _, lvl in ipairs(plan) do -- float32 sigmas, as diffusers'
    if lvl.sigma > 0 then
      lvl.sigma = f32(lvl.sigma)
      lvl.t = f32(0.25 * math.log(lvl.sigma))
      lvl.lambda = -math.log(lvl.sigma)
    end
  end
  local max = c.sigma_max or 80
  return s, plan, math.sqrt(max * max + 1), {
    prediction = c.prediction_type or "epsilon", preconditioning = "edm", sigma_data = c.sigma_data or 0.5,
  }
end

classes.EDMEulerScheduler = function(c, n)
  local s, plan, init, dopts = edm_setup("EDMEulerScheduler", c, n, {})
  return { schedule = s, plan = plan, init_noise_sigma = init, sampler = samplers.euler, denoiser = dopts }
end

classes.EDMDPMSolverMultistepScheduler = function(c, n)
  local s, plan, init, dopts = edm_setup("EDMDPMSolverMultistepScheduler", c, n, {
    solver_order = true, thresholding = true, dynamic_thresholding_ratio = true, sample_max_value = true,
    algorithm_type = true, solver_type = true, lower_order_final = true, euler_at_final = true,
  })
  if c.thresholding then
    dopts.thresholding = { ratio = c.dynamic_thresholding_ratio or 0.995, max = c.sample_max_value or 1 }
  end
  return {
    schedule = s, plan = plan, init_noise_sigma = init, sampler = samplers.dpm_solver_multistep, denoiser = dopts,
    sampler_opts = {
      order = c.solver_order or 2, algorithm = c.algorithm_type or "dpmsolver++", solver_type = c.solver_type,
      lower_order_final = c.lower_order_final ~= false, euler_at_final = c.euler_at_final,
    },
  }
end

classes.DEISMultistepScheduler = function(c, n)
  check_config("DEISMultistepScheduler", c, merge(MULTISTEP_KEYS, { algorithm_type = true, solver_type = true }),
    MULTISTEP_INERT)
  if (c.algorithm_type or "deis") ~= "deis" or (c.solver_type or "logrho") ~= "logrho" then
    error("sample: DEISMultistepScheduler supports algorithm_type 'deis' with solver_type 'logrho'", 3)
  end
  local s = betas_schedule(c, "DEISMultistepScheduler")
  local respaced = c.use_karras_sigmas or c.use_exponential_sigmas or c.use_beta_sigmas
  local plan = multistep_plan(s, merge(c, { final_sigmas_type = "sigma_min" }), n)
  if respaced then plan[#plan] = ve_level(0, util_ve(plan[#plan - 1])) end -- DEIS repeats the last sigma
  return {
    schedule = s, plan = plan, sampler = samplers.deis, denoiser = multistep_denoiser(c),
    sampler_opts = { order = c.solver_order or 2, lower_order_final = c.lower_order_final ~= false },
  }
end

classes.PNDMScheduler = function(c, n)
  check_config("PNDMScheduler", c, merge(BETA_KEYS, {
    skip_prk_steps = true, set_alpha_to_one = true, prediction_type = true, timestep_spacing = true,
    steps_offset = true,
  }), {})
  local s = betas_schedule(c, "PNDMScheduler")
  -- step_plms moves x from t to t - N // n whatever the next timestep is (the
  -- two differ when n does not divide N), and its second-order start lands
  -- on the second timestep from t2 + N // n: `to` and `from` say so
  local plan = stride_plan(s, c, n, c.set_alpha_to_one and 1 or s:alpha(0))
  if plan[3] then
    local from = plan[2].t + (c.num_train_timesteps or 1000) // n
    if from ~= plan[1].t then plan[2].from = level_at(s, from) end
  end
  return {
    schedule = s, plan = plan, sampler = samplers.pndm, sampler_opts = { prk = not c.skip_prk_steps,
      prk_half = (c.num_train_timesteps or 1000) // n // 2 },
    denoiser = { prediction = c.prediction_type or "epsilon" },
  }
end

-- iPNDM carries its own schedule: sigma = sin^2(pi/2 s) on s = 1 .. 0,
-- alpha = sqrt(1 - sigma^2), t = atan2(sigma, alpha) * 2 / pi, and a network
-- whose output is read as v (eps = sigma x + alpha v).
classes.IPNDMScheduler = function(c, n)
  check_config("IPNDMScheduler", c, { num_train_timesteps = true, trained_betas = true }, {})
  local plan = {}
  for k = 0, n do
    local step = k < n and f32(1 - k / n) or 0
    local sigma = c.trained_betas and c.trained_betas[k + 1] or f32(math.sin(step * math.pi / 2) ^ 2)
    local alpha = f32(math.sqrt(1 - sigma * sigma))
    plan[k + 1] = { t = f32(math.atan(sigma, alpha) / math.pi * 2), alpha = alpha, sigma = sigma,
      lambda = math.log(alpha) - math.log(sigma) }
  end
  return { plan = plan, sampler = samplers.ipndm, denoiser = { prediction = "v_prediction" } }
end

-- LCM and TCD: n timesteps picked from the original_inference_steps grid
-- (t_k = k * T / original - 1), evenly by index.
local function consistency_timesteps(c, n)
  local N = c.num_train_timesteps or 1000
  local original = c.original_inference_steps or 50
  local k = N // original
  local grid = {}
  for j = original, 1, -1 do grid[#grid + 1] = j * k - 1 end
  if n > original then error(string.format("sample: at most %d steps (original_inference_steps)", original), 4) end
  local ts = {}
  for j = 0, n - 1 do ts[#ts + 1] = grid[math.floor(j * original / n) + 1] end
  return ts
end

local CONSISTENCY_KEYS = merge(BETA_KEYS, COMMON_PREDICTION, {
  original_inference_steps = true, set_alpha_to_one = true, steps_offset = true, timestep_spacing = true,
  timestep_scaling = true,
})

classes.LCMScheduler = function(c, n)
  check_config("LCMScheduler", c, CONSISTENCY_KEYS, {})
  local s = betas_schedule(c, "LCMScheduler")
  local plan = {}
  for i, t in ipairs(consistency_timesteps(c, n)) do plan[i] = level_at(s, t) end
  plan[#plan + 1] = final_level(1)
  return {
    schedule = s, plan = plan, sampler = samplers.lcm, denoiser = denoiser_opts(c, false),
    sampler_opts = { timestep_scaling = c.timestep_scaling or 10 },
  }
end

classes.TCDScheduler = function(c, n, args)
  check_config("TCDScheduler", c, CONSISTENCY_KEYS, {})
  local s = betas_schedule(c, "TCDScheduler")
  local plan = {}
  for i, t in ipairs(consistency_timesteps(c, n)) do plan[i] = level_at(s, t) end
  plan[#plan + 1] = level_at(s, 0) -- TCD ends at t = 0, not at sigma = 0
  return {
    schedule = s, plan = plan, sampler = samplers.tcd, denoiser = denoiser_opts(c, false),
    sampler_opts = { gamma = args.eta or 0.3 },
  }
end

classes.DPMSolverSinglestepScheduler = function(c, n)
  check_config("DPMSolverSinglestepScheduler", c, merge(BETA_KEYS, COMMON_PREDICTION, {
    solver_order = true, algorithm_type = true, solver_type = true, lower_order_final = true,
    use_karras_sigmas = true, use_exponential_sigmas = true, use_beta_sigmas = true, final_sigmas_type = true,
  }), MULTISTEP_INERT)
  local s = betas_schedule(c, "DPMSolverSinglestepScheduler")
  return {
    schedule = s, plan = multistep_plan(s, merge(c, { timestep_spacing = "linspace" }), n),
    sampler = samplers.dpm_solver_singlestep, denoiser = multistep_denoiser(c),
    sampler_opts = {
      order = c.solver_order or 2, algorithm = c.algorithm_type or "dpmsolver++", solver_type = c.solver_type,
      lower_order_final = c.lower_order_final ~= false,
    },
  }
end

classes.SASolverScheduler = function(c, n, args)
  check_config("SASolverScheduler", c, merge(MULTISTEP_KEYS, {
    predictor_order = true, corrector_order = true, algorithm_type = true,
  }), MULTISTEP_INERT)
  local algo = c.algorithm_type or "data_prediction"
  if algo ~= "data_prediction" and algo ~= "noise_prediction" then
    error(string.format("sample: SASolverScheduler algorithm_type '%s' is not supported", algo), 3)
  end
  local s = betas_schedule(c, "SASolverScheduler")
  local respaced = c.use_karras_sigmas or c.use_exponential_sigmas or c.use_beta_sigmas
  local plan = multistep_plan(s, merge(c, { final_sigmas_type = "sigma_min" }), n)
  if respaced then plan[#plan] = ve_level(0, util_ve(plan[#plan - 1])) end
  return {
    schedule = s, plan = plan, sampler = samplers.sa_solver, denoiser = multistep_denoiser(c),
    sampler_opts = {
      predictor_order = c.predictor_order or 2, corrector_order = c.corrector_order or 2,
      predict_x0 = algo == "data_prediction", lower_order_final = c.lower_order_final ~= false, tau = args.tau,
    },
  }
end

M.classes = classes

--- schedule, plan options for a diffusers config table (see schedule.from_diffusers)
function M.schedule_from_config(config)
  local c = clean(config, "from_diffusers")
  local s
  if c._class_name and c._class_name:find("^EDM") then
    s = schedule.edm { sigma_min = c.sigma_min, sigma_max = c.sigma_max, sigma_data = c.sigma_data, rho = c.rho }
  elseif c._class_name and c._class_name:find("^FlowMatch") then
    s = schedule.flow { shift = c.shift, num_train_timesteps = c.num_train_timesteps }
  else
    s = betas_schedule(c, c._class_name)
  end
  local opts = { spacing = c.timestep_spacing, steps_offset = c.steps_offset, final = c.final_sigmas_type }
  for key, name in pairs(SIGMA_SPACINGS) do if c[key] then opts.sigmas = name end end
  if c.use_lu_lambdas then opts.sigmas = "lu" end
  return s, opts
end

--- A diffusers configuration as a sampler for diffusion.lab: the returned
-- sampler(D, x, plan, opts) runs scheduler `class` with `config` for
-- #plan - 1 steps on the timesteps that configuration makes (the plan given
-- sets only the step count, and x is read as standard normal noise times
-- plan[1].sigma), as diffusion.sample would. D is the lab's denoiser, so
-- configuration keys that act in diffusers' denoiser (clip_sample,
-- thresholding) are the caller's to match.
function M.lab_sampler(class, config)
  local build = classes[class]
  if not build then error(string.format("lab_sampler: unsupported scheduler '%s'", tostring(class)), 2) end
  local c = clean(config or {}, "lab_sampler")
  return function(D, x, plan, opts)
    local setup = build(c, #plan - 1, opts or {})
    local own = setup.plan
    local scale_in = setup.scaled and 1 / own[1].alpha or 1
    local start = x / plan[1].sigma -- the standard normal draw, then diffusion.sample's scaling
    local factor = (setup.init_noise_sigma or 1) / scale_in
    if factor ~= 1 then start = start * factor end
    local sopts = {}
    for k, v in pairs(setup.sampler_opts or {}) do sopts[k] = v end
    if opts then sopts.noise, sopts.seed = opts.noise, opts.seed end
    local out = setup.sampler(D, start, own, sopts)
    return setup.scaled and out / own[#own].alpha or out
  end
end

local SAMPLE_KEYS = {
  scheduler = true, config = true, steps = true, model = true, x = true, eta = true, noise = true,
  class_labels = true, guidance_scale = true, null_class = true, callback = true, seed = true, tau = true,
  check_finite = true, cond = true, uncond = true, guidance_rescale = true, image = true, strength = true,
  mask = true,
}

--- diffusion.sample{scheduler =, config =, steps =, model =, x =, eta =, noise =,
--- class_labels =, guidance_scale =, cond =, uncond =, guidance_rescale =, callback =,
--- check_finite =, image =, strength =, mask =} -> x, info
-- x is the initial noise x_T (a standard normal tensor): it is scaled by the
-- class's init_noise_sigma as diffusers pipelines do. callback(i, n, x, x0)
-- sees x in diffusers' convention; a tensor it returns replaces x.
-- info has the plan and the timesteps.
-- image (clean latents) starts part-way, as diffusers' img2img pipelines do:
-- strength (1) keeps the last int(steps * strength) steps, and the start is
-- the image noised with x to the first kept level. mask (1 where to paint,
-- at the latents' size) re-imposes the image elsewhere after every step, as
-- the inpainting pipelines do with a 4-channel UNet: noised to the step's
-- level, clean after the last; with strength 1 the start is x_T alone.
function M.sample(args)
  for k in pairs(args) do
    if not SAMPLE_KEYS[k] then error(string.format("sample: unknown argument '%s'", tostring(k)), 2) end
  end
  local class = args.scheduler
  local build = classes[class]
  if not build then error(string.format("sample: unsupported scheduler '%s'", tostring(class)), 2) end
  if not args.model then error("sample: model is required", 2) end
  if not args.x then error("sample: x (the initial noise) is required", 2) end
  local steps = math.tointeger(args.steps or 50)
  if not steps or steps < 1 then error("sample: steps must be a positive integer", 2) end
  local c = clean(args.config or {})
  local setup = build(c, steps, args)
  local dopts = setup.denoiser
  dopts.class_labels, dopts.guidance_scale, dopts.null_class = args.class_labels, args.guidance_scale, args.null_class
  dopts.cond, dopts.uncond, dopts.guidance_rescale = args.cond, args.uncond, args.guidance_rescale
  local D = denoiser(args.model, setup.schedule, dopts)
  local plan = setup.plan
  -- More steps than the config has distinct timesteps repeat a level: a
  -- step of size zero, which multistep solvers divide by.
  for i = 1, #plan - 1 do
    local a, b = plan[i], plan[i + 1]
    if b.sigma > 0 and b.sigma / b.alpha >= a.sigma / a.alpha then
      error(string.format("sample: %s with %d steps repeats a noise level at step %d "
        .. "(num_train_timesteps = %s has too few distinct timesteps); use fewer steps", class, steps, i,
        tostring(c.num_train_timesteps or 1000)), 2)
    end
  end
  -- `scaled`: diffusers keeps x / alpha (k-diffusion's variable) for this class
  local scale_in = setup.scaled and 1 / plan[1].alpha or 1
  if (args.mask or args.strength ~= nil) and not args.image then error("sample: mask and strength need image", 2) end
  local image, mask, noise, strength = args.image, args.mask, args.x, args.strength or 1
  local x
  if image and not (mask and strength == 1) then
    if #plan - 1 ~= steps then
      error(string.format("sample: %s takes %d steps for %d timesteps; it cannot start part-way", class, #plan - 1,
        steps), 2)
    end
    local ok, start, kept = pcall(control.img2img, { plan = plan, image = image, strength = strength, noise = noise })
    if not ok then error("sample: " .. tostring(start):gsub("^[^:]*:%d+: ", ""), 2) end
    x, plan = start, kept
  else
    x = noise * ((setup.init_noise_sigma or 1) / scale_in)
  end
  local sopts = setup.sampler_opts or {}
  sopts.noise = args.noise
  if args.seed ~= nil then sopts.seed = args.seed end
  sopts.check_finite = args.check_finite
  if args.callback or mask then
    local keep = mask and 1 - mask
    sopts.callback = function(i, n, xi, x0)
      local lvl = plan[i + 1]
      if mask then -- the known region: the image at this step's level, clean after the last
        local known = i < n and core.lincomb({ lvl.alpha, lvl.sigma }, { image, noise })
          or image * (setup.scaled and lvl.alpha or 1)
        xi = known:mul_(keep):add_(xi * mask)
      end
      local shown = setup.scaled and xi / lvl.alpha or xi
      local r = args.callback and args.callback(i, n, shown, x0)
      if r ~= nil and r ~= shown then return setup.scaled and r * lvl.alpha or r end
      return mask and xi or nil
    end
  end
  x = setup.sampler(D, x, plan, sopts)
  if setup.scaled then x = x / plan[#plan].alpha end
  return x, { plan = plan, schedule = setup.schedule }
end

return M
