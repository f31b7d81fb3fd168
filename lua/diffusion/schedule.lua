--- diffusion.schedule: noise schedules x_t = alpha_t * x0 + sigma_t * eps.
-- Constructors return a diffusion.Schedule (C userdata) with alpha(t),
-- sigma(t), lambda(t), t_from_sigma, t_from_lambda, alphas_cumprod(),
-- rescale_zero_terminal_snr(), info() and plan(n, opts).
local core = require "diffusion.core"

local schedule = {}

local function opt(o, key, default)
  local v = o[key]
  if v == nil then return default end
  return v
end

local function check_keys(o, allowed, fname)
  for k in pairs(o) do
    if not allowed[k] then error(string.format("%s: unknown option '%s'", fname, tostring(k)), 3) end
  end
end

-- Betas rounded to float32 as torch.linspace(..., dtype=float32) makes them,
-- so schedules built from a diffusers config match diffusers' own tables.
local function f32(x) return (string.unpack("f", string.pack("f", x))) end

local function linspace(a, b, n)
  local out = {}
  for i = 0, n - 1 do out[i + 1] = n == 1 and a or a + (b - a) * i / (n - 1) end
  return out
end

local BETA_KEYS = { beta_start = true, beta_end = true, num_train_timesteps = true, float32 = true }

--- DDPM's linear betas: linspace(beta_start, beta_end, n).
-- opts: beta_start = 1e-4, beta_end = 0.02, num_train_timesteps = 1000,
-- float32 = false (round betas to float32 as diffusers does).
function schedule.linear(o)
  o = o or {}
  check_keys(o, BETA_KEYS, "linear")
  local betas = linspace(opt(o, "beta_start", 1e-4), opt(o, "beta_end", 0.02), opt(o, "num_train_timesteps", 1000))
  if o.float32 then for i, b in ipairs(betas) do betas[i] = f32(b) end end
  return core.schedule_from_betas(betas)
end

--- Stable Diffusion's scaled_linear: linspace(sqrt(beta_start), sqrt(beta_end), n)^2.
function schedule.scaled_linear(o)
  o = o or {}
  check_keys(o, BETA_KEYS, "scaled_linear")
  local betas = linspace(math.sqrt(opt(o, "beta_start", 0.00085)), math.sqrt(opt(o, "beta_end", 0.012)),
    opt(o, "num_train_timesteps", 1000))
  for i, b in ipairs(betas) do
    betas[i] = o.float32 and f32(f32(b) ^ 2) or b * b
  end
  return core.schedule_from_betas(betas)
end

--- The sigmoid schedule: sigmoid(linspace(-6, 6, n)) * (beta_end - beta_start) + beta_start.
function schedule.sigmoid(o)
  o = o or {}
  check_keys(o, BETA_KEYS, "sigmoid")
  local lo, hi = opt(o, "beta_start", 1e-4), opt(o, "beta_end", 0.02)
  local betas = linspace(-6, 6, opt(o, "num_train_timesteps", 1000))
  for i, x in ipairs(betas) do betas[i] = 1 / (1 + math.exp(-x)) * (hi - lo) + lo end
  return core.schedule_from_betas(betas)
end

--- A schedule from alpha_bar(t), t in [0, 1], sampled once (Nichol and Dhariwal's
-- discretisation): beta_i = min(1 - f((i+1)/n) / f(i/n), max_beta).
function schedule.from_function(f, n, o)
  if type(f) ~= "function" then error("from_function: expected a function of t in [0, 1]", 2) end
  n = n or 1000
  o = o or {}
  check_keys(o, { max_beta = true, float32 = true }, "from_function")
  local max_beta = opt(o, "max_beta", 0.999)
  local betas, prev = {}, f(0)
  for i = 1, n do
    local cur = f(i / n)
    if type(cur) ~= "number" or cur ~= cur then
      error(string.format("from_function: f(%g) returned %s", i / n, tostring(cur)), 2)
    end
    betas[i] = math.min(1 - cur / prev, max_beta)
    if o.float32 then betas[i] = f32(betas[i]) end
    prev = cur
  end
  return core.schedule_from_betas(betas)
end

--- Nichol and Dhariwal's cosine schedule (diffusers' squaredcos_cap_v2).
function schedule.cosine(o)
  o = o or {}
  check_keys(o, { s = true, num_train_timesteps = true, max_beta = true, float32 = true }, "cosine")
  local s = opt(o, "s", 0.008)
  return schedule.from_function(function(t) return math.cos((t + s) / (1 + s) * math.pi / 2) ^ 2 end,
    opt(o, "num_train_timesteps", 1000), { max_beta = o.max_beta, float32 = o.float32 })
end

function schedule.from_betas(betas) return core.schedule_from_betas(betas) end
function schedule.from_alphas_cumprod(acp) return core.schedule_from_alphas_cumprod(acp) end

--- Karras et al.'s EDM: alpha = 1, sigma in [sigma_min, sigma_max], t = log(sigma) / 4.
function schedule.edm(o)
  o = o or {}
  check_keys(o, { sigma_min = true, sigma_max = true, sigma_data = true, rho = true }, "edm")
  return core.schedule_edm(opt(o, "sigma_min", 0.002), opt(o, "sigma_max", 80), opt(o, "sigma_data", 0.5),
    opt(o, "rho", 7))
end

--- Rectified flow: alpha = 1 - s, sigma = s, t = s * num_train_timesteps; shift
-- moves plans towards high noise (SD3: s' = shift s / (1 + (shift - 1) s)).
function schedule.flow(o)
  o = o or {}
  check_keys(o, { shift = true, num_train_timesteps = true }, "flow")
  return core.schedule_flow(opt(o, "num_train_timesteps", 1000), opt(o, "shift", 1))
end

-- plan(n, opts) also takes opts.sigmas as a Lua function: called as
-- f(n, sigma_min, sigma_max) with the schedule's range, it returns the n
-- sigmas (k-diffusion's sigma, sigma / alpha), noisiest first.
local c_plan = core.Schedule.plan
function core.Schedule.plan(sched, n, opts)
  if opts and type(opts.sigmas) == "function" then
    local info = sched:info()
    local lo, hi = opts.sigma_min or info.sigma_min, opts.sigma_max or info.sigma_max
    local custom = {}
    for k, v in pairs(opts) do custom[k] = v end
    custom.sigmas = opts.sigmas(n, lo, hi)
    if type(custom.sigmas) ~= "table" then error("plan: the sigmas function must return a table", 2) end
    return c_plan(sched, n, custom)
  end
  return c_plan(sched, n, opts)
end

--- A schedule and plan options from a diffusers scheduler_config.json table:
-- returns schedule, plan_opts (spacing, steps_offset, sigmas, final) for
-- schedule:plan(n, plan_opts). diffusion.sample runs a config exactly.
function schedule.from_diffusers(config)
  return require("diffusion.diffusers").schedule_from_config(config)
end

return schedule
