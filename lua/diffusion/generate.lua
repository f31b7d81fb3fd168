--- diffusion.generate{...} -> x, info: samples from a model the way
-- `diffusion sample` does, with every option checked before the first network
-- call. x is N x C x H x W as the sampler left it (clamp it for images).
--
--   model             a diffusion.Model (or its folder); a Lua function with
--                     opts.shape = {C, H, W} stands in for one
--   n (1), batch (n)  samples, and samples per network call
--   first (1), count  only samples first .. first + count - 1 of the n (one
--                     process's share of a run split over several), each the
--                     sample the whole run gives; count defaults to the rest
--   seed (0)          sample i's initial noise and each of its stochastic draws
--                     depend on the seed and i alone, so any batch size gives
--                     the same samples
--   sampler ("dpmpp_2m"), steps (20), sampler_options ({eta =, order =, ...},
--                     each checked against the sampler's own list)
--   schedule, plan    a diffusion.Schedule and plan options (default: the
--                     model's scheduler config); spacing overrides the plan's
--                     timestep spacing ("leading", "trailing", "linspace")
--   labels            class-conditional models: a list of n labels or one label
--                     for all; nil or "null" samples the null class (p(x))
--   cfg (1), guidance_rescale (0): classifier-free guidance with the model's
--                     last class embedding as the null class
--   guidance ("cfg" | "classifier" | "both"), classifier (a noise-conditional
--                     diffusion.classifier or its folder), classifier_scale (5)
--   init, strength (0.6, or 1 with a mask): img2img / SDEdit from an image
--                     (C x H x W in [-1, 1], or a PNG path)
--   mask, resample (1), jump (10): inpainting (1 x H x W or a PNG, white kept)
--                     and RePaint's resampling
--   callback(done, total): progress, counted in sample-steps
--   on_warning(msg)   told of known trouble (default: Lua's warn)
-- info: plan, labels, seed, warnings.
local d = require "diffusion.core"
local samplers = require "diffusion.samplers"
local denoiser = require "diffusion.denoiser"
local control = require "diffusion.control"

local KEYS = {
  model = true, n = true, first = true, count = true, batch = true, seed = true, sampler = true, steps = true,
  sampler_options = true,
  schedule = true, plan = true, spacing = true, labels = true, cfg = true, guidance_rescale = true, guidance = true,
  classifier = true, classifier_scale = true, init = true, strength = true, mask = true, resample = true,
  jump = true, callback = true, on_warning = true, shape = true, check_finite = true,
}
-- options every sampler takes (util.noise, util.report)
local COMMON_SAMPLER_OPTIONS = { noise = true, seed = true, callback = true, check_finite = true }
-- above this k-diffusion sigma, samplers marked large_sigma_diverges overshoot (docs/lab.md)
local LARGE_SIGMA = 1000

local function fail(fmt, ...) error(string.format("generate: " .. fmt, ...), 0) end

-- An error of a call we made, without the "file:line: " Lua put in front.
local function message(err) return (tostring(err):gsub("^[^:\n]+:%d+: ", "")) end

local function integer_at_least(v, lo, what)
  local i = math.tointeger(v)
  if not i or i < lo then fail("%s must be an integer >= %d, got %s", what, lo, tostring(v)) end
  return i
end

local function number_in(v, lo, hi, what)
  if type(v) ~= "number" or v ~= v or v < lo or v > hi then
    fail("%s must be a number in [%g, %g], got %s", what, lo, hi, tostring(v))
  end
  return v
end

local function image_arg(v, channels, size, what)
  if type(v) == "string" then
    local ok, img = pcall(require("diffusion.image").load, v, { channels = channels })
    if not ok then
      fail("%s '%s' is not a readable PNG image (%s)", what, v, message(img))
    end
    v = img
  end
  if getmetatable(v) ~= d.Tensor_mt then fail("%s must be an image tensor or a PNG path", what) end
  if v:dim() ~= 3 or v:size(1) ~= channels or v:size(2) ~= size or v:size(3) ~= size then
    fail("%s is %s; the model makes %d x %d x %d images", what, table.concat(v:shape(), " x "), channels, size, size)
  end
  return v
end

-- The k-diffusion sigma (sigma / alpha) of a level.
local function ve(level) return level.alpha > 0 and level.sigma / level.alpha or math.huge end

-- A plan the samplers can walk: finite levels, strictly less noisy each step.
local function check_plan(plan, steps, train_steps)
  for i = 1, #plan - 1 do
    local a, b = ve(plan[i]), ve(plan[i + 1])
    if b >= a or b ~= b then
      if train_steps and steps > train_steps then
        fail("%d steps: the schedule has only %d timesteps, so the plan repeats a noise level at step %d; use at "
          .. "most %d steps", steps, train_steps, i, train_steps)
      end
      fail("the plan's noise levels must decrease, but step %d goes from sigma %.6g to %.6g", i, a, b)
    end
  end
end

-- The labels as a list of n class numbers, and whether they are the null
-- class. Without class embeddings, labels only steer a classifier (classes
-- 0..9 of diffusion.classifier).
local function class_labels(labels, n, model_cfg, classifier_guided)
  local null = model_cfg.num_class_embeds and model_cfg.num_class_embeds - 1 -- the last embedding: the null class
  if not null and not classifier_guided then
    if labels ~= nil then fail("the model is not class-conditional: labels do not apply") end
    return nil
  end
  local num_classes = null or 10
  local out = {}
  if labels == nil or labels == "null" then -- unconditional: the null class
    if not null then fail("classifier guidance needs labels") end
    for i = 1, n do out[i] = null end
    return out, true
  end
  if type(labels) == "number" then
    for i = 1, n do out[i] = labels end
  elseif type(labels) == "table" then
    if #labels ~= n then fail("labels has %d entries for n = %d samples", #labels, n) end
    for i = 1, n do out[i] = labels[i] end
  else
    fail("labels must be a list of n class labels, one label or \"null\"")
  end
  for i = 1, n do
    local k = math.tointeger(out[i])
    if not k or k < 0 or k >= num_classes then
      fail("class %s is not one of 0..%d", tostring(out[i]), num_classes - 1)
    end
    out[i] = k
  end
  return out
end

local function generate(args)
  if type(args) ~= "table" then fail("expected a table of options") end
  for k in pairs(args) do
    if not KEYS[k] then fail("unknown option '%s'", tostring(k)) end
  end
  local warn_user = args.on_warning or function(msg) warn("diffusion.generate: " .. msg) end
  local model = args.model
  if type(model) == "string" then model = require("diffusion.model").load(model) end
  if model == nil then fail("model is required") end
  local props = type(model) == "function" and {} or model -- a Lua function has no config or schedule
  local cfg = props.config or {}
  local shape = args.shape
  if not shape then
    if not props.config then fail("a model function needs shape = {C, H, W}") end
    local size = type(cfg.sample_size) == "table" and cfg.sample_size[1] or cfg.sample_size or 32
    shape = { cfg.in_channels or 3, size, size }
  end
  local channels, size = shape[1], shape[2]
  local n = integer_at_least(args.n or 1, 1, "n")
  local first = integer_at_least(args.first or 1, 1, "first")
  if first > n + 1 then fail("first is %d, past the n = %d samples", first, n) end
  local count = integer_at_least(args.count or n - first + 1, 0, "count")
  if first + count - 1 > n then fail("first %d and count %d run past the n = %d samples", first, count, n) end
  local last = first + count - 1
  local batch = integer_at_least(args.batch or n, 1, "batch")
  local seed = math.tointeger(args.seed or 0) or fail("seed must be an integer, got %s", tostring(args.seed))
  local steps = integer_at_least(args.steps or 20, 1, "steps")

  local sampler, meta = args.sampler or "dpmpp_2m", nil
  if type(sampler) == "string" then
    local name = sampler
    local ok, fn = pcall(function() return samplers[name] end)
    if not ok or type(fn) ~= "function" then fail("unknown sampler '%s'", name) end
    sampler, meta = fn, samplers.info(name)
  elseif type(sampler) ~= "function" then
    fail("sampler must be a name or a function")
  end
  local sampler_options = {}
  for k, v in pairs(args.sampler_options or {}) do
    if meta and not COMMON_SAMPLER_OPTIONS[k] then
      local known = false
      for _, o in ipairs(meta.options) do known = known or o == k end
      if not known then
        fail("sampler %s has no option '%s' (it takes: %s)", meta.name, tostring(k),
          #meta.options > 0 and table.concat(meta.options, ", ") or "none")
      end
    end
    sampler_options[k] = v
  end

  -- schedule and plan
  local schedule = args.schedule or props.schedule or require("diffusion.schedule").linear {}
  local plan_options = {}
  for k, v in pairs(args.plan or props.plan_options or {}) do plan_options[k] = v end
  if args.spacing then
    if not ({ leading = true, trailing = true, linspace = true })[args.spacing] then
      fail("spacing must be leading, trailing or linspace, got %s", tostring(args.spacing))
    end
    plan_options.spacing, plan_options.sigmas = args.spacing, nil
  end
  local ok_plan, plan = pcall(schedule.plan, schedule, steps, plan_options)
  if not ok_plan then fail("%s", message(plan)) end
  local info = schedule:info()
  check_plan(plan, steps, info.kind == "vp" and info.num_train_timesteps or nil)
  local warnings = {}
  if meta and meta.large_sigma_diverges and ve(plan[1]) > LARGE_SIGMA then
    warnings[#warnings + 1] = string.format("%s is known to diverge on plans that start at sigma %.0f (above %d; "
      .. "docs/lab.md measured it): expect noise; dpmpp_2m, unipc or euler handle this plan", meta.name,
      ve(plan[1]), LARGE_SIGMA)
  end

  -- conditioning and guidance
  local guidance = args.guidance or "cfg"
  if not ({ cfg = true, classifier = true, both = true })[guidance] then
    fail("guidance must be cfg, classifier or both, got %s", tostring(guidance))
  end
  local cfg_scale = args.cfg or 1
  if type(cfg_scale) ~= "number" or cfg_scale ~= cfg_scale then fail("cfg must be a number") end
  local rescale = args.guidance_rescale and number_in(args.guidance_rescale, 0, 1, "guidance_rescale")
  local labels, unconditional = class_labels(args.labels, n, cfg, guidance ~= "cfg")
  local clf
  if guidance ~= "cfg" then
    if unconditional then fail("classifier guidance needs labels, not the null class") end
    local c = args.classifier or require("diffusion.model").bundled("mnist-noisy-classifier")
    local named = type(c) == "string" and "'" .. c .. "'" or "the classifier"
    if type(c) == "string" then
      local ok, loaded = pcall(require("diffusion.classifier").load, c)
      if not ok then fail("classifier: %s", message(loaded)) end
      c = loaded
    end
    if not c.noise_conditional then
      fail("%s is not a noise-conditional classifier (classifier guidance sees x_t, not clean images)", named)
    end
    clf = c
  end
  local classifier_scale = args.classifier_scale or 5
  if type(classifier_scale) ~= "number" or classifier_scale ~= classifier_scale then
    fail("classifier_scale must be a number")
  end
  if (cfg_scale ~= 1 or rescale) and unconditional then
    fail("classifier-free guidance (cfg %g) needs class labels: the null class is already unconditional", cfg_scale)
  end
  if rescale and cfg_scale == 1 then fail("guidance_rescale applies only with classifier-free guidance (cfg ~= 1)") end

  -- img2img and inpainting
  if args.mask ~= nil and args.init == nil then fail("mask needs init, the image whose white-masked part is kept") end
  if args.strength ~= nil and args.init == nil then fail("strength needs init, the image to start from") end
  local resample = integer_at_least(args.resample or 1, 1, "resample")
  local jump = integer_at_least(args.jump or 10, 1, "jump")
  if (args.resample ~= nil or args.jump ~= nil) and args.mask == nil then
    fail("resample and jump are RePaint's: they need mask and init")
  end
  local strength = args.strength or (args.mask ~= nil and 1 or 0.6)
  if type(strength) ~= "number" or not (strength > 0 and strength <= 1) then fail("strength must be in (0, 1]") end
  local init = args.init ~= nil and image_arg(args.init, channels, size, "init")
  local keep
  if args.mask ~= nil then
    local m = type(args.mask) == "string" and (image_arg(args.mask, 1, size, "mask") + 1):mul_(0.5) or args.mask
    keep = image_arg(m, 1, size, "mask"):unsqueeze(1)
  end

  -- sampling, batch by batch, once everything checked out
  for _, w in ipairs(warnings) do warn_user(w) end
  -- sample i's noise is row i of one draw for all n, whatever the batches
  local noise = d.rng(seed):randn({ count, channels, size, size }, { first = first - 1 })
  local done, batches = 0, {}
  for s = first, last, batch do
    local len = math.min(batch, last - s + 1)
    local dopts = { prediction = (props.scheduler_config or {}).prediction_type or "epsilon",
      check_finite = args.check_finite }
    local batch_labels
    if labels then
      local l = {}
      for i = 1, len do l[i] = labels[s + i - 1] end
      batch_labels = d.tensor(l)
      local null = cfg.num_class_embeds and cfg.num_class_embeds - 1
      if not null then -- an unconditional model: the labels are the classifier's
        dopts.class_labels = nil
      elseif guidance == "classifier" then -- the unconditional pass, steered by the classifier alone
        dopts.class_labels = d.full({ len }, null)
      else
        dopts.class_labels = batch_labels
        if cfg_scale ~= 1 then
          dopts.guidance_scale, dopts.null_class, dopts.guidance_rescale = cfg_scale, null, rescale
        end
      end
    end
    local D = denoiser(model, schedule, dopts)
    if clf then D = control.classifier_guidance(D, clf, { labels = batch_labels, scale = classifier_scale }) end
    -- stochastic samplers: the k-th draw is this batch's rows of one draw
    -- for all n samples, so sample i does not depend on the batch size
    local draws = 0
    local function step_noise(xb)
      draws = draws + 1
      return d.rng(seed + 7919 * draws):randn(xb:shape(), { first = s - 1 })
    end
    local before = done
    local function report(i, batch_total)
      done = before + len * i
      if args.callback then args.callback(done, count * batch_total) end
    end
    local x, batch_plan = noise:narrow(1, s - first + 1, len), plan
    local sopts = { noise = step_noise, callback = report, check_finite = args.check_finite }
    for k, v in pairs(sampler_options) do sopts[k] = v end
    if init then
      local known = init:unsqueeze(1):expand { len, channels, size, size }:clone()
      x, batch_plan = control.img2img { plan = plan, image = known, strength = strength, noise = x }
      if keep and resample > 1 then
        batches[#batches + 1] = control.repaint { denoiser = D, x = x, plan = batch_plan, image = known, keep = keep,
          jump_length = jump, resample = resample, noise = step_noise, sampler = sampler, callback = report }
        goto next
      elseif keep then
        D = control.inpaint(D, { image = known, keep = keep })
      end
    end
    batches[#batches + 1] = sampler(D, x, batch_plan, sopts)
    ::next::
  end
  local x = #batches > 0 and d.cat(batches, 1) or d.empty { 0, channels, size, size }
  return x, { plan = plan, labels = labels, seed = seed, warnings = warnings }
end

return generate
