--- diffusion train CONFIG.lua: diffusion.train from a config file, writing a
-- diffusers pipeline folder at the end.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = { parallel = true } -- under mpirun: data parallel, the global batch split over the ranks

function M.define(parser)
  local c = parser:command("train", "Train a model from a config file (Lua; see models/mnist/train_config.lua).")
  c:argument("config", "A Lua file returning the training table.")
  c:flag("--resume", "Continue from the config's checkpoint folder.")
  cli.number_option(c, "--steps", "Override the config's step count.", nil, true)
  c:option("--output", "Write the trained pipeline here instead of the config's output folder.")
  c:flag("--force", "Overwrite the output folder if it already holds a model.")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

-- A diffusers scheduler config for a VP schedule given as a diffusion.Schedule:
-- its betas as trained_betas, which diffusers' schedulers accept.
local function scheduler_config_for(schedule, objective)
  local sched_info = schedule:info()
  if sched_info.kind ~= "vp" then
    cli.fail("config: give `scheduler` (a diffusers config) for a %s schedule", sched_info.kind)
  end
  local acp, betas, prev = schedule:alphas_cumprod(), {}, 1
  for i, a in ipairs(acp) do
    betas[i] = 1 - a / prev
    prev = a
  end
  return { _class_name = "DDPMScheduler", num_train_timesteps = sched_info.num_train_timesteps, trained_betas = betas,
    prediction_type = objective, clip_sample = false }
end

local TRAIN_KEYS = { model = true, scheduler = true, schedule = true, output = true }

function M.run(args)
  cli.at_least(args, { "steps", "threads" }, 1)
  local cfg = cli.config(args.config)
  local output = args.output or cfg.output
  -- before any training: never overwrite a model folder unless asked
  if output and cli.holds_model(output) and not args.force then
    cli.fail("'%s' already holds a model; pass --force to overwrite it, or --output DIR", output)
  end
  d.threads(args.threads)
  local opts = {}
  for k, v in pairs(cfg) do
    if not TRAIN_KEYS[k] then opts[k] = v end
  end
  local model
  if type(cfg.model) == "table" then
    model = cli.try("config: model: ", d.unet, cfg.model, { seed = cfg.seed or 0 })
  elseif type(cfg.model) == "string" then
    model = cli.try("config: model: ", d.load, cfg.model)
  else
    cli.fail("config: model must be a UNet2DModel config table or a model folder")
  end
  opts.model = model
  local sc = cfg.scheduler
  if sc then
    opts.schedule = cli.try("config: scheduler: ", d.schedule.from_diffusers, sc)
    opts.objective = opts.objective or sc.prediction_type or "epsilon"
  else
    opts.schedule = cfg.schedule or d.schedule.linear()
    opts.objective = opts.objective or "epsilon"
    sc = scheduler_config_for(opts.schedule, opts.objective)
  end
  if args.steps then opts.steps = args.steps end
  opts.resume = args.resume
  local total = opts.steps or 1000
  local show = cli.progress("training", total, args.quiet)
  local recent = {}
  local user_callback = opts.callback
  opts.callback = function(step)
    recent[#recent + 1] = step.loss
    if #recent > 50 then table.remove(recent, 1) end
    show(step.step)
    if not args.quiet and cli.root() and step.step % 50 == 0 then
      local sum = 0
      for _, v in ipairs(recent) do sum = sum + v end
      io.stderr:write(string.format("step %d/%d  loss %.4f (mean of 50)  lr %.2e  |g| %.3f  %.0f s\n", step.step,
        total, sum / #recent, step.lr, step.grad_norm, step.seconds))
    end
    if user_callback then return user_callback(step) end
  end
  local result = d.train(opts)
  local quiet = args.quiet or not cli.root()
  if result.step < total then
    if not quiet then io.stderr:write(string.format("stopped at step %d\n", result.step)) end
    return
  end
  if output and cli.root() then
    d.save_pipeline(output, result.ema or result.model, sc)
    if not args.quiet then
      io.stderr:write(string.format("wrote %s (%s weights)\n", output, result.ema and "EMA" or "final"))
    end
  end
end

return M
