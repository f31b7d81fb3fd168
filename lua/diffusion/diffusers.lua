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

local M = {}

-- Keys that never change numbers.
local BOOKKEEPING = { _class_name = true, _diffusers_version = true, _use_default_values = true }

-- Normalises a config: JSON nulls (lua-cjson's lightuserdata) become nil,
-- the strings "inf", "-inf", "nan" become numbers.
local function clean(config)
  local out = {}
  for k, v in pairs(config) do
    if type(v) == "userdata" then v = nil end
    if v == "inf" then v = math.huge elseif v == "-inf" then v = -math.huge elseif v == "nan" then v = 0 / 0 end
    out[k] = v
  end
  return out
end

--- Checks config keys: `honoured` are used; `inert` must keep the value that
-- leaves numbers unchanged (any other value is refused, naming the key).
local function check_config(class, c, honoured, inert)
  for k, v in pairs(c) do
    if not BOOKKEEPING[k] and not honoured[k] then
      if inert[k] == nil then
        error(string.format("sample: %s config key '%s' is not supported", class, k), 3)
      end
      local want = inert[k]
      local same = v == want or (type(want) == "table" and type(v) == "table" and next(v) == nil and next(want) == nil)
      if not same then
        error(string.format("sample: %s config key '%s' = %s is not supported (only %s)", class, k, tostring(v),
          tostring(want)), 3)
      end
    end
  end
end

--- The betas schedule a diffusers config describes, rounded like torch's float32.
local function betas_schedule(c)
  local n = c.num_train_timesteps or 1000
  local s
  if c.trained_betas then
    s = schedule.from_betas(c.trained_betas)
  else
    local kind = c.beta_schedule or "linear"
    local o = { beta_start = c.beta_start or 1e-4, beta_end = c.beta_end or 0.02, num_train_timesteps = n, float32 = true }
    if kind == "linear" then
      s = schedule.linear(o)
    elseif kind == "scaled_linear" then
      s = schedule.scaled_linear(o)
    elseif kind == "squaredcos_cap_v2" then
      s = schedule.cosine { num_train_timesteps = n, float32 = true }
    elseif kind == "sigmoid" then
      s = schedule.sigmoid { beta_start = o.beta_start, beta_end = o.beta_end, num_train_timesteps = n }
    else
      error(string.format("sample: unknown beta_schedule '%s'", tostring(kind)), 3)
    end
  end
  if c.rescale_betas_zero_snr then s = s:rescale_zero_terminal_snr() end
  return s
end

-- numpy's round: half to even.
local function round_half_even(x)
  local f = math.floor(x)
  local r = x - f
  if r > 0.5 then return f + 1 end
  if r < 0.5 then return f end
  return f % 2 == 0 and f or f + 1
end

--- DDPM/DDIM-family timesteps (integers), as their set_timesteps computes them.
local function discrete_timesteps(c, n)
  local N = c.num_train_timesteps or 1000
  local spacing = c.timestep_spacing or "leading"
  local ts = {}
  if spacing == "linspace" then
    for k = 0, n - 1 do ts[#ts + 1] = round_half_even((N - 1) * (n - 1 - k) / math.max(n - 1, 1)) end
  elseif spacing == "leading" then
    local ratio = N // n
    for k = n - 1, 0, -1 do ts[#ts + 1] = k * ratio + (c.steps_offset or 0) end
  elseif spacing == "trailing" then
    local ratio = N / n
    local v = N
    while v > 0 do -- np.arange(N, 0, -ratio)
      ts[#ts + 1] = round_half_even(v) - 1
      v = N - #ts * ratio
    end
  else
    error(string.format("sample: unknown timestep_spacing '%s'", tostring(spacing)), 3)
  end
  return ts
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
  local s = betas_schedule(c)
  return {
    schedule = s, plan = stride_plan(s, c, n, 1), sampler = samplers.ddpm,
    sampler_opts = { variance = vt }, denoiser = denoiser_opts(c, true),
  }
end

classes.DDIMScheduler = function(c, n, args)
  check_config("DDIMScheduler", c, merge(BETA_KEYS, COMMON_PREDICTION, {
    set_alpha_to_one = true, steps_offset = true, timestep_spacing = true,
  }), {})
  local s = betas_schedule(c)
  local set_one = c.set_alpha_to_one
  if set_one == nil then set_one = true end
  return {
    schedule = s, plan = stride_plan(s, c, n, set_one and 1 or s:alpha(0)), sampler = samplers.ddim,
    sampler_opts = { eta = args.eta or 0 }, denoiser = denoiser_opts(c, true),
  }
end

M.classes = classes

local SAMPLE_KEYS = {
  scheduler = true, config = true, steps = true, model = true, x = true, eta = true, noise = true,
  class_labels = true, guidance_scale = true, null_class = true, callback = true, seed = true,
}

--- diffusion.sample{scheduler =, config =, steps =, model =, x =, eta =, noise =,
--- class_labels =, guidance_scale =, callback =} -> x, info
-- x is the initial noise x_T (a standard normal tensor): it is scaled by the
-- class's init_noise_sigma as diffusers pipelines do. callback(i, n, x, x0)
-- sees x in diffusers' convention. info has the plan and the timesteps.
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
  local D = denoiser(args.model, setup.schedule, dopts)
  local plan = setup.plan
  -- `scaled`: diffusers keeps x / alpha (k-diffusion's variable) for this class
  local scale_in = setup.scaled and 1 / plan[1].alpha or 1
  local x = args.x * ((setup.init_noise_sigma or 1) / scale_in)
  local sopts = setup.sampler_opts or {}
  sopts.noise = args.noise
  sopts.seed = args.seed
  if args.callback then
    sopts.callback = function(i, n, xi, x0)
      local lvl = plan[i + 1]
      args.callback(i, n, setup.scaled and xi / lvl.alpha or xi, x0)
    end
  end
  x = setup.sampler(D, x, plan, sopts)
  if setup.scaled then x = x / plan[#plan].alpha end
  return x, { plan = plan, schedule = setup.schedule }
end

return M
