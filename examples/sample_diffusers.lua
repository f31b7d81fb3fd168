-- Samples a diffusers UNet2DModel folder (config.json + safetensors, or a
-- pipeline folder with unet/ and scheduler/) and writes a PNG grid.
--   lua5.4 examples/sample_diffusers.lua DIR [out.png] [steps=25] [n=4] [sampler=dpmpp_2m]
-- A pipeline folder brings its own schedule; a bare model folder uses DDPM's
-- linear betas. Class-conditional models get labels 0, 1, 2, ...
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local dir = arg[1] or error("usage: lua5.4 examples/sample_diffusers.lua DIR [out.png] [steps] [n] [sampler]")
local out = arg[2] or "samples.png"
local steps = tonumber(arg[3]) or 25
local n = tonumber(arg[4]) or 4
local sampler = d.samplers[arg[5] or "dpmpp_2m"]

local model = d.load(dir)
local cfg = model.config
local size = cfg.sample_size or 32
if type(size) == "table" then size = size[1] end
local schedule = model.schedule or d.schedule.linear { num_train_timesteps = cfg.num_train_timesteps or 1000 }
local prediction = model.scheduler_config and model.scheduler_config.prediction_type or "epsilon"
local opts = { prediction = prediction }
if cfg.num_class_embeds then
  local labels = {}
  for i = 1, n do labels[i] = (i - 1) % cfg.num_class_embeds end
  opts.class_labels = d.tensor(labels)
end
local D = d.denoiser(model, schedule, opts)
local plan = schedule:plan(steps, model.plan_options)
local x = d.rng(0):randn { n, cfg.in_channels or 3, size, size }
x:mul_(math.sqrt(plan[1].alpha ^ 2 + plan[1].sigma ^ 2)) -- x_T at the first level, for data of unit scale
print(string.format("%s: %d samples of %dx%d, %d steps of %s", tostring(model), n, size, size, steps,
  arg[5] or "dpmpp_2m"))
local t0 = d.now()
local function progress(i, total)
  io.write(string.format("\rstep %d/%d", i, total))
  io.flush()
end
x = sampler(D, x, plan, { callback = progress })
print(string.format("\rdone in %.2f s                ", d.now() - t0))
d.image.save_grid(out, x:clamp(-1, 1), { nrow = math.ceil(math.sqrt(n)) })
print("wrote " .. out)
