--- diffusion.denoiser(model, schedule, opts) -> D
-- D(x, level) returns the denoised estimate x0 and the noise estimate eps for
-- x = level.alpha * x0 + level.sigma * eps, whatever the network predicts.
-- `model` is anything callable as model(x_in, t, cond): a diffusion.Model, or
-- a Lua function.
--
-- opts:
--   prediction      "epsilon" (default) | "v_prediction" | "sample" | "flow"
--   preconditioning nil | "edm": Karras et al.'s c_in, c_skip, c_out with
--                   opts.sigma_data (default 0.5); the model gets c_in * x
--   class_labels    a tensor of N labels, passed as cond.class_labels
--   cond, uncond    any conditioning tables ({encoder_hidden_states = e, ...}: every
--                   field a batch-first tensor): the model's, and with guidance
--                   the unconditional pass's (a text model's empty prompt)
--   guidance_scale  classifier-free guidance: the conditional and the
--                   null-class (opts.null_class, default 10) passes run as
--                   one batch of 2N; 1 or nil turns it off. A function of
--                   the level (level.t, .sigma, .alpha) gives a scale per
--                   call, a guidance schedule (a call at scale 1 runs the
--                   conditional pass alone)
--   guidance_rescale  Lin et al. 2023's rescale of the guided output to the
--                   conditional one's per-sample standard deviation, mixed in
--                   at this weight (0..1), as diffusers' rescale_noise_cfg
--   clip_sample     clamp x0 to [-r, r] with r = this number
--   thresholding    {ratio = 0.995, max = 1}: Imagen's dynamic thresholding
--   check_finite    raise if x0 has NaN or inf, naming the level
--
-- D.level(s) gives the level whose k-diffusion sigma (sigma / alpha) is s, for
-- samplers that make levels of their own (midpoints, churn).
local d = require "diffusion.core"

local function denoiser(model, schedule, opts)
  opts = opts or {}
  local known = {
    prediction = true, preconditioning = true, sigma_data = true, class_labels = true, guidance_scale = true,
    guidance_rescale = true, null_class = true, clip_sample = true, thresholding = true, check_finite = true,
    cond = true, uncond = true,
  }
  for k in pairs(opts) do
    if not known[k] then error(string.format("denoiser: unknown option '%s'", tostring(k)), 2) end
  end
  local prediction = opts.prediction or "epsilon"
  if not ({ epsilon = true, v_prediction = true, sample = true, flow = true })[prediction] then
    error(string.format("denoiser: unknown prediction '%s'", tostring(prediction)), 2)
  end
  local edm = opts.preconditioning == "edm"
  if opts.preconditioning ~= nil and not edm then
    error(string.format("denoiser: unknown preconditioning '%s'", tostring(opts.preconditioning)), 2)
  end
  local sigma_data = opts.sigma_data or 0.5
  local guidance = opts.guidance_scale
  if guidance == 1 then guidance = nil end
  if guidance ~= nil and type(guidance) ~= "number" and type(guidance) ~= "function" then
    error("denoiser: guidance_scale must be a number or a function of the level", 2)
  end
  local rescale = opts.guidance_rescale
  if rescale ~= nil and (type(rescale) ~= "number" or rescale < 0 or rescale > 1) then
    error("denoiser: guidance_rescale must be a number in [0, 1]", 2)
  end
  local cond, both_cond
  if opts.class_labels then
    local labels = opts.class_labels
    cond = { class_labels = labels }
    if guidance then -- one batch: conditional labels, then the null class
      both_cond = { class_labels = d.cat({ labels, d.full(labels:shape(), opts.null_class or 10) }, 1) }
    end
  elseif opts.cond then
    cond = opts.cond
    if guidance then -- one batch: the conditional pass, then the unconditional, field by field
      if type(opts.uncond) ~= "table" then error("denoiser: guidance with cond needs uncond", 2) end
      both_cond = {}
      for k, v in pairs(cond) do
        if not opts.uncond[k] then error(string.format("denoiser: uncond has no '%s'", tostring(k)), 2) end
        both_cond[k] = d.cat({ v, opts.uncond[k] }, 1)
      end
    end
  elseif guidance then
    error("denoiser: guidance_scale needs class_labels or cond and uncond", 2)
  end
  local thr = opts.thresholding
  if thr == true then thr = {} end
  local clip = opts.clip_sample
  local kind = schedule and schedule:info().kind

  -- per-sample standard deviation (torch's unbiased std over all but dim 1), N x 1 x ...
  local function sample_std(t)
    local n = t:size(1)
    local shape = { n }
    for _ = 2, t:dim() do shape[#shape + 1] = 1 end
    return t:reshape { n, -1 }:std(2, true):reshape(shape)
  end

  local function network(x_in, t, lvl)
    local g = guidance
    if type(g) == "function" then
      g = g(lvl)
      if type(g) ~= "number" or g ~= g then
        error(string.format("denoiser: the guidance schedule gave %s at t = %g", tostring(g), t), 3)
      end
    end
    if not g or g == 1 then return model(x_in, t, cond) end
    local both = model(d.cat({ x_in, x_in }, 1), t, both_cond)
    local n = x_in:size(1)
    local c, u = both:narrow(1, 1, n), both:narrow(1, n + 1, n)
    local out = d.lincomb({ g, 1 - g }, { c, u }) -- u + g * (c - u)
    if rescale and rescale > 0 then -- out * (r * std(c) / std(out) + 1 - r)
      out:mul_((sample_std(c) / sample_std(out)):mul_(rescale):add_(1 - rescale))
    end
    return out
  end

  local function level(sv)
    if sv == 0 then return { t = 0, alpha = 1, sigma = 0, lambda = math.huge } end
    if kind == "edm" then return { t = 0.25 * math.log(sv), alpha = 1, sigma = sv, lambda = -math.log(sv) } end
    if kind == "flow" then
      local u = sv / (1 + sv)
      return { t = u * schedule:info().num_train_timesteps, alpha = 1 - u, sigma = u, lambda = -math.log(sv) }
    end
    if not schedule then error("denoiser: D.level needs the schedule", 2) end
    local a = 1 / math.sqrt(1 + sv * sv)
    return { t = schedule:t_from_lambda(-math.log(sv)), alpha = a, sigma = sv * a, lambda = -math.log(sv) }
  end

  local function call(_, x, lvl)
    local alpha, sigma, t = lvl.alpha, lvl.sigma, lvl.t
    local x0, eps
    if edm then -- x = x0 + sigma * eps (alpha = 1)
      local c = 1 / math.sqrt(sigma * sigma + sigma_data * sigma_data)
      local out = network(x * c, t, lvl)
      local c_skip = sigma_data * sigma_data * c * c
      local c_out = sigma * sigma_data * c
      if prediction == "v_prediction" then c_out = -c_out end
      x0 = d.lincomb({ c_skip, c_out }, { x, out })
      eps = (x - x0) / sigma
    else
      local out = network(x, t, lvl)
      if prediction == "epsilon" then
        if alpha == 0 then -- pure noise: x holds nothing of x0
          error(string.format("denoiser: an epsilon-predicting model cannot give x0 where alpha = 0 (t = %g); "
            .. "a zero-terminal-SNR schedule needs v_prediction or sample", t), 2)
        end
        eps = out
        x0 = d.lincomb({ 1 / alpha, -sigma / alpha }, { x, out })
      elseif prediction == "v_prediction" then -- v = alpha * eps - sigma * x0
        local norm = alpha * alpha + sigma * sigma
        x0 = d.lincomb({ alpha / norm, -sigma / norm }, { x, out })
        eps = d.lincomb({ sigma / norm, alpha / norm }, { x, out })
      elseif prediction == "sample" then
        x0 = (thr or clip) and out:clone() or out -- clipping works in place: not on the model's tensor
        eps = d.lincomb({ 1 / sigma, -alpha / sigma }, { x, out })
      else -- flow: the network predicts v = eps - x0, with alpha = 1 - sigma
        x0 = d.lincomb({ 1, -sigma }, { x, out })
        eps = d.lincomb({ 1, alpha }, { x, out })
      end
    end
    if thr then -- Imagen: s = clamp(quantile(|x0|, ratio), 1, max); x0 = clamp(x0, -s, s) / s
      local n = x0:size(1)
      local s = x0:abs_quantile(thr.ratio or 0.995):clamp_(1, thr.max or 1):reshape { n, 1 }
      local flat = x0:reshape { n, -1 }
      flat:maximum_(-s):minimum_(s):div_(s)
    elseif clip then
      x0:clamp_(-clip, clip)
    end
    if opts.check_finite and not x0:all_finite() then
      error(string.format("denoiser: non-finite x0 at t = %g (sigma %g)", t, sigma), 2)
    end
    return x0, eps
  end

  return setmetatable({ level = level, schedule = schedule }, { __call = call })
end

return denoiser
