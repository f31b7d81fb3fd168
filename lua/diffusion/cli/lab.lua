--- What `diffusion compare` and `diffusion optimize` share: the model and lab
-- options for --model gmm2d | mnist | DIR.
local d = require "diffusion"
local cli = require "diffusion.cli"

local lab = {}

--- model, schedule, plan options, sample shape and denoiser options for a
-- --model value; n labels cycle through the classes of a class-conditional
-- model, guided at cfg_scale.
function lab.model(name, cfg_scale, n)
  if name == "gmm2d" then
    local means = d.tensor { { -2, 0 }, { 1.5, 1.5 }, { 1, -2 } }
    return { model = d.analytic.gmm { weights = { 0.2, 0.3, 0.5 }, means = means, stds = { 0.3, 0.5, 0.4 } },
      schedule = d.schedule.linear {} }
  end
  local model = d.load(name == "mnist" and d.bundled("mnist") or name)
  local cfg = model.config
  local size = cli.sample_size(cfg)
  local o = { model = model, schedule = model.schedule or d.schedule.linear {}, plan = model.plan_options,
    shape = { cfg.in_channels, size, size } }
  local dopts = { prediction = (model.scheduler_config or {}).prediction_type }
  if cfg.num_class_embeds then
    o.labels = {}
    for i = 1, n do o.labels[i] = (i - 1) % (cfg.num_class_embeds - 1) end
    dopts.class_labels = d.tensor(o.labels)
    if cfg_scale ~= 1 then dopts.guidance_scale, dopts.null_class = cfg_scale, cfg.num_class_embeds - 1 end
  end
  o.denoiser = dopts
  return o
end

return lab
