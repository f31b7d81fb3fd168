--- diffusion distill CONFIG.lua: diffusion.distill from a config file (the
-- teacher a model folder or a diffusion.Model), writing the student as a
-- diffusers pipeline folder whose scheduler config says how to sample it.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = { parallel = true } -- under mpirun: data parallel, as train

function M.define(parser)
  local c = parser:command("distill", "Distill a model into a few-step student from a config file (Lua; see "
    .. "models/mnist/distill_consistency.lua and docs/distillation.md).")
  c:argument("config", "A Lua file returning the diffusion.distill table (teacher may be a model folder).")
  c:flag("--resume", "Continue from the config's checkpoint folder.")
  cli.number_option(c, "--steps", "Override the config's step count (per round for progressive).", nil, true)
  c:option("--output", "Write the student here instead of the config's output folder.")
  c:flag("--force", "Overwrite the output folder if it already holds a model.")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

function M.run(args)
  cli.at_least(args, { "steps", "threads" }, 1)
  local cfg = cli.config(args.config)
  local output = args.output or cfg.output
  if output and cli.holds_model(output) and not args.force then
    cli.fail("'%s' already holds a model; pass --force to overwrite it, or --output DIR", output)
  end
  d.threads(args.threads)
  local opts = {}
  for k, v in pairs(cfg) do
    if k ~= "output" then opts[k] = v end
  end
  if type(opts.teacher) == "string" then opts.teacher = cli.try("config: teacher: ", d.load, opts.teacher) end
  if args.steps then opts.steps = args.steps end
  opts.resume = args.resume
  -- all rounds' steps (progressive; steps may be a table by the round's student steps)
  local show = cli.progress("distilling", math.max(d.distill.total_steps(opts) or 1, 1), args.quiet)
  local done = 0
  local user_callback = opts.callback
  opts.callback = function(step)
    done = done + 1
    show(done)
    if user_callback then return user_callback(step) end
  end
  local ok, result = pcall(d.distill, opts)
  if not ok then cli.fail("%s", cli.message(result)) end
  if not result.finished then
    if not args.quiet and cli.root() then io.stderr:write("stopped; --resume continues\n") end
    return
  end
  if output and cli.root() then
    d.save_pipeline(output, result.model, result.scheduler_config)
    if not args.quiet then
      io.stderr:write(string.format("wrote %s (%s)\n", output, result.scheduler_config._class_name))
    end
  end
end

return M
