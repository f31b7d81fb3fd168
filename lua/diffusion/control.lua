--- diffusion.control: controlled generation with any sampler. Classifier
-- guidance and inpainting wrap the denoiser, so every sampler (a user's own
-- too) is steered without knowing it; RePaint and img2img drive the plan.
--
--   local D = diffusion.denoiser(model, sched, { class_labels = null_labels, prediction = "v_prediction" })
--   D = diffusion.control.classifier_guidance(D, clf, { labels = { 8, 8 }, scale = 4 })
--   D = diffusion.control.inpaint(D, { image = digit, keep = mask })   -- keep: 1 known, 0 generated
--   local x, plan = diffusion.control.img2img { plan = sched:plan(20), image = digit, strength = 0.6 }
--   x = diffusion.samplers.dpmpp_2m(D, x, plan)
--
-- Everything works on levels {t, alpha, sigma} with x = alpha x0 + sigma eps.
local d = require "diffusion.core"
local util = require "diffusion.samplers.util"

local control = {}

-- A denoiser calling f(x, level) -> x0, eps, with D's level helper kept.
local function wrap(D, f)
  return setmetatable({ level = D.level, schedule = D.schedule }, { __call = function(_, x, lvl) return f(x, lvl) end })
end

local function check_keys(o, known, fname)
  if type(o) ~= "table" then error(fname .. ": expected a table of options", 3) end
  for k in pairs(o) do
    if not known[k] then error(string.format("%s: unknown option '%s'", fname, tostring(k)), 3) end
  end
end

--- Classifier guidance (Dhariwal and Nichol 2021): the noise estimate moves
-- against the classifier's gradient, eps' = eps - scale * sigma * grad_x
-- log p(label | x_t), and x0 follows as (x - sigma eps') / alpha. classifier:
-- anything with grad_log_prob(x, level, labels) -> logp, grad (a
-- noise-conditional diffusion.classifier). opts: labels (N labels, a list or
-- tensor), scale (a number, or a function of the level for a schedule),
-- min_alpha (0.01): no guidance at levels with alpha below it. There x_t is
-- noise to within 1%, the exact gradient vanishes (it scales with alpha /
-- sigma^2) but a learned classifier's does not, and the step to x0
-- multiplies it by sigma^2 / alpha: 20,000 at the first level of a trailing
-- plan on the cosine schedule, enough to wreck every sample.
function control.classifier_guidance(D, classifier, o)
  check_keys(o, { labels = true, scale = true, min_alpha = true }, "classifier_guidance")
  if type(classifier) ~= "table" or type(classifier.grad_log_prob) ~= "function" then
    error("classifier_guidance: the classifier needs a grad_log_prob(x, level, labels) method", 2)
  end
  if classifier.noise_conditional == false then -- a diffusion.classifier for clean digits
    error("classifier_guidance: the classifier must be noise-conditional (it sees x_t, not clean digits)", 2)
  end
  local labels, scale, min_alpha = o.labels, o.scale, o.min_alpha or 0.01
  if labels == nil then error("classifier_guidance: needs labels", 2) end
  if type(scale) ~= "number" and type(scale) ~= "function" then
    error("classifier_guidance: scale must be a number or a function of the level", 2)
  end
  return wrap(D, function(x, lvl)
    local x0, eps = D(x, lvl)
    local s = scale
    if type(s) == "function" then s = s(lvl) end
    if type(s) ~= "number" or s ~= s then
      error(string.format("classifier_guidance: the scale schedule gave %s at t = %g", tostring(s), lvl.t), 2)
    end
    if s == 0 or lvl.sigma == 0 or lvl.alpha < min_alpha then return x0, eps end
    local _, grad = classifier:grad_log_prob(x, lvl, labels)
    local k = s * lvl.sigma
    return d.lincomb({ 1, k * lvl.sigma / lvl.alpha }, { x0, grad }), d.lincomb({ 1, -k }, { eps, grad })
  end)
end

-- image and keep as tensors shaped for x (keep broadcast to image's shape)
local function known_region(o, fname)
  local image, keep = o.image, o.keep
  if type(image) ~= "userdata" or type(keep) ~= "userdata" then
    error(fname .. ": needs image (the known pixels) and keep (a mask: 1 known, 0 generated) as tensors", 3)
  end
  local ok, kept = pcall(function() return keep:expand(image:shape()):clone() end)
  if not ok then
    error(string.format("%s: keep {%s} does not broadcast to the image {%s}", fname,
      table.concat(keep:shape(), ","), table.concat(image:shape(), ",")), 3)
  end
  if kept:min() < 0 or kept:max() > 1 then error(fname .. ": keep must lie in [0, 1]", 3) end
  if not image:all_finite() then error(fname .. ": the image has NaN or inf", 3) end
  return image, kept
end

--- Inpainting by replacement: where keep is 1 the denoised estimate is the
-- known image, so x there stays the known image noised to the current level
-- (with the sampler's own noise) and the network fills in the rest; the
-- last step, at sigma 0, returns the known pixels exactly. opts: image (the
-- known image, shaped like x), keep (1 = known, 0 = to generate; broadcast
-- to the image, values between blend).
function control.inpaint(D, o)
  check_keys(o, { image = true, keep = true }, "inpaint")
  local image, keep = known_region(o, "inpaint")
  local fill = 1 - keep
  local known = image * keep
  return wrap(D, function(x, lvl)
    if x:numel() ~= image:numel() then
      error(string.format("inpaint: x has %d values, the known image %d", x:numel(), image:numel()), 2)
    end
    local x0, eps = D(x, lvl)
    x0 = (x0 * fill):add_(known)
    if lvl.sigma > 0 then eps = d.lincomb({ 1 / lvl.sigma, -lvl.alpha / lvl.sigma }, { x, x0 }) end
    return x0, eps
  end)
end

-- x at level `from` diffused forward to the noisier level `to`: q(x_to | x_from).
local function renoise(x, from, to, noise)
  local a = to.alpha / from.alpha
  local var = to.sigma * to.sigma - a * a * from.sigma * from.sigma
  return x:lincomb_({ a, math.sqrt(math.max(var, 0)) }, { x, noise(x) })
end

--- RePaint (Lugmayr et al. 2022): inpainting by replacement, with the
-- harmonising resampling walk: after every jump_length steps the sample is
-- diffused back jump_length levels and denoised again, resample times in
-- all. Each step is one call of the sampler on a two-level plan (default
-- DDPM's ancestral step, as the paper). opts: denoiser, x (noise at plan[1]'s
-- level), plan, image, keep, jump_length (10), resample (10), sampler (a
-- function or a name), noise / seed (the re-noising draws and the sampler's),
-- callback(i, total, x). Returns x and the number of denoiser calls.
function control.repaint(o)
  check_keys(o, { denoiser = true, x = true, plan = true, image = true, keep = true, jump_length = true,
    resample = true, sampler = true, noise = true, seed = true, callback = true }, "repaint")
  local plan = o.plan
  if type(plan) ~= "table" or #plan < 2 then error("repaint: needs a plan of at least two levels", 2) end
  if type(o.x) ~= "userdata" then error("repaint: needs x, the starting noise", 2) end
  local jump, resample = o.jump_length or 10, o.resample or 10
  if math.type(jump) ~= "integer" or jump < 1 then error("repaint: jump_length must be a positive integer", 2) end
  if math.type(resample) ~= "integer" or resample < 1 then error("repaint: resample must be a positive integer", 2) end
  local sampler = o.sampler or "ddpm"
  if type(sampler) == "string" then sampler = require("diffusion.samplers")[sampler] end
  local calls = 0
  local inner = control.inpaint(o.denoiser, { image = o.image, keep = o.keep })
  local D = wrap(inner, function(x, lvl)
    calls = calls + 1
    return inner(x, lvl)
  end)
  local noise = util.noise(o)
  local n = #plan - 1
  -- RePaint's walk as a list of moves: +1 denoises one step, -1 re-noises one
  -- (diffusers' get_schedule_jump in steps remaining)
  local moves, left = {}, {}
  for r = 0, n - jump - 1, jump do left[r] = resample - 1 end
  local remaining = n
  while remaining > 0 do
    remaining = remaining - 1
    moves[#moves + 1] = 1
    if (left[remaining] or 0) > 0 then
      left[remaining] = left[remaining] - 1
      for _ = 1, jump do
        remaining = remaining + 1
        moves[#moves + 1] = -1
      end
    end
  end
  local x, pos = o.x:clone(), 1 -- x is at plan[pos]
  local step_opts = { noise = noise }
  for i, move in ipairs(moves) do
    if move == 1 then
      x = sampler(D, x, { plan[pos], plan[pos + 1] }, step_opts)
      pos = pos + 1
    else
      x = renoise(x, plan[pos], plan[pos - 1], noise)
      pos = pos - 1
    end
    if o.callback then o.callback(i, #moves, x) end
  end
  return x, calls
end

--- img2img / SDEdit (Meng et al. 2022): start from an image noised to the
-- level `strength` of the way up the plan, as diffusers' img2img pipelines:
-- of a plan of n steps the last floor(n * strength) run. opts: plan, image,
-- strength in (0, 1], noise (a standard normal tensor shaped like the image)
-- or seed. Returns x at the first kept level and the shortened plan.
function control.img2img(o)
  check_keys(o, { plan = true, image = true, strength = true, noise = true, seed = true }, "img2img")
  local plan, image, strength = o.plan, o.image, o.strength
  if type(plan) ~= "table" or #plan < 2 then error("img2img: needs a plan of at least two levels", 2) end
  if type(image) ~= "userdata" then error("img2img: needs image, the starting image as a tensor", 2) end
  if type(strength) ~= "number" or not (strength > 0 and strength <= 1) then
    error(string.format("img2img: strength must be in (0, 1], got %s", tostring(strength)), 2)
  end
  local n = #plan - 1
  local kept = math.min(math.floor(n * strength), n)
  if kept < 1 then
    error(string.format("img2img: strength %g of %d steps runs no step; raise strength or steps", strength, n), 2)
  end
  local sub = {}
  for i = n - kept + 1, n + 1 do sub[#sub + 1] = plan[i] end
  local eps = o.noise or d.rng(o.seed or 0):randn(image:shape())
  if eps:numel() ~= image:numel() then error("img2img: noise must be shaped like the image", 2) end
  local first = sub[1]
  return d.lincomb({ first.alpha, first.sigma }, { image, eps:reshape(image:shape()) }), sub
end

return control
