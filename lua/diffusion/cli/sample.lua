--- diffusion sample: a grid (and optionally the samples) from a model, through
-- diffusion.generate.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = { parallel = true } -- under mpirun each rank makes its share of the samples

function M.define(parser)
  local c = parser:command("sample", "Sample a grid of images from a model.")
  c:option("--model", "A diffusers model or pipeline folder (default: the bundled MNIST model).")
  c:option("--sampler", "A sampler (see `diffusion samplers`; default dpmpp_2m, or lcm for a model whose scheduler is "
    .. "an LCMScheduler, a consistency student).")
  cli.number_option(c, "--steps", "Sampling steps.", "20", true)
  cli.number_option(c, "--eta", "The sampler's eta (DDIM, ancestral and SDE samplers).")
  cli.number_option(c, "--order", "The solver order (multistep and DPM-Solver samplers).", nil, true)
  c:option("--spacing", "Timestep spacing of the plan, overriding the model's."):choices { "leading", "trailing",
    "linspace" }
  cli.number_option(c, "--cfg", "Classifier-free guidance scale for class-conditional models; 1 turns it off.",
    tostring(cli.DEFAULT_GUIDANCE))
  cli.number_option(c, "--guidance-rescale", "Rescale the guided output towards the conditional one's standard "
    .. "deviation (Lin et al. 2023), 0..1.")
  c:option("--class", "Sample only this class; `null` samples the null class (unconditional).")
  c:option("--classes", "Sample these classes in turn, as a range 0-9 or a list 0,3,7.")
  cli.number_option(c, "-n", "Number of samples.", "100", true)
  cli.number_option(c, "--batch", "Samples per forward pass.", "25", true)
  cli.number_option(c, "--seed", "Seed: sample i is the same whatever --batch is.", "0", true)
  c:option("-o --output", "PNG grid to write (with the settings in its text chunks).", "samples.png")
  cli.number_option(c, "--nrow", "Images per row of the grid (default: a square).", nil, true)
  c:option("--npy", "Also write the samples, N x C x H x W in [-1, 1], as .npy.")
  c:option("--save-each", "Also write each sample as DIR/NNNNN.png.")
  c:option("--schedule", "A Lua file returning a diffusion.Schedule, plan options (such as "
    .. "{ sigmas = \"karras\" } or a sigmas function) or { schedule =, plan = }; or a JSON plan.")
  c:option("--guidance", "cfg (classifier-free, the model's own null class), classifier (the unconditional "
    .. "model steered by a noise-conditional classifier) or both.", "cfg"):choices { "cfg", "classifier", "both" }
  c:option("--classifier", "The noise-conditional classifier for --guidance classifier.")
  cli.number_option(c, "--classifier-scale", "Classifier guidance scale.", "5")
  c:option("--init", "img2img / SDEdit: start from this PNG noised to --strength (with --mask: the known image).")
  cli.number_option(c, "--strength", "How far up the plan --init is noised, in (0, 1]: 1 starts from noise "
    .. "(default 0.6, with --mask 1).")
  c:option("--mask", "Inpainting: a PNG the size of --init, white where --init is kept, black where to generate.")
  cli.number_option(c, "--resample", "Inpainting: RePaint's resample count (default 1: replacement only).", nil,
    true)
  cli.number_option(c, "--jump", "Inpainting: RePaint's jump length (default 10).", nil, true)
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

-- The labels for --class / --classes: a list of n, in blocks (grid rows), or
-- "null"; nil for a model without classes.
function M.class_labels(args, n, num_classes)
  if not num_classes then
    if args.class or args.classes then
      cli.fail("the model is not class-conditional: --class and --classes do not apply")
    end
    return nil
  end
  if args.class and args.classes then cli.fail("give --class or --classes, not both") end
  if args.class == "null" then return "null" end
  local classes = {}
  local function class(text, what)
    local k = math.tointeger(tonumber(text))
    if not k then
      cli.fail("%s: '%s' is not a class number (0..%d, or null for --class)", what, text, num_classes - 1)
    end
    if k < 0 or k >= num_classes then cli.fail("class %d is not one of 0..%d", k, num_classes - 1) end
    return k
  end
  if args.class then
    classes[1] = class(args.class, "--class")
  elseif args.classes then
    local lo, hi = args.classes:match("^%s*(%-?%d+)%s*%-%s*(%-?%d+)%s*$")
    if lo then
      lo, hi = class(lo, "--classes"), class(hi, "--classes")
      if hi < lo then cli.fail("--classes %s: the range runs backwards (write %d-%d)", args.classes, hi, lo) end
      for k = lo, hi do classes[#classes + 1] = k end
    else
      for _, k in ipairs(cli.list(args.classes, "--classes")) do classes[#classes + 1] = class(k, "--classes") end
    end
  else
    for k = 0, num_classes - 1 do classes[#classes + 1] = k end
  end
  local labels = {}
  for i = 1, n do labels[i] = classes[(i - 1) * #classes // n + 1] end
  return labels
end

-- --schedule FILE: a Lua file returning a Schedule, plan options or both
-- ({ schedule =, plan = }), or a JSON file of plan options ({"sigmas": [...]}).
local function custom_schedule(path, schedule)
  local value
  if path:match("%.json$") then
    local f = io.open(path, "rb")
    if not f then cli.fail("cannot read schedule '%s'", path) end
    local ok, decoded = pcall(d.core.json_decode, f:read("a"))
    f:close()
    if not ok then cli.fail("schedule '%s' is not valid JSON", path) end
    value = decoded
    if type(value) == "table" then -- "_"-keys are notes (lab.save_plan's "_lab"), not plan options
      for k in pairs(value) do if type(k) == "string" and k:sub(1, 1) == "_" then value[k] = nil end end
    end
  else
    local chunk, err = loadfile(path)
    if not chunk then cli.fail("cannot read schedule: %s", err) end
    value = cli.try("--schedule: ", chunk)
  end
  if getmetatable(value) == getmetatable(schedule) then return value, nil end
  if type(value) ~= "table" then cli.fail("schedule '%s' must return a schedule or a table of plan options", path) end
  if value.schedule or value.plan then return value.schedule or schedule, value.plan end
  return schedule, value
end

function M.run(args)
  cli.at_least(args, { "steps", "n", "batch", "threads", "resample", "jump", "nrow", "order" }, 1)
  if args.seed < 0 then cli.fail("--seed must be at least 0, got %d", args.seed) end
  local model_dir = args.model or d.bundled("mnist")
  local f = io.open(model_dir .. "/config.json") or io.open(model_dir .. "/unet/config.json")
  if not f then
    if not args.model then cli.fail("the bundled MNIST model is not at %s: pass --model DIR", model_dir) end
    cli.fail("no diffusers model at '%s' (no config.json or unet/config.json)", model_dir)
  end
  f:close()
  if args.sampler then cli.check_samplers { args.sampler } end
  if args.mask and not args.init then cli.fail("--mask needs --init, the image whose white-masked part is kept") end
  if args.strength and not args.init then cli.fail("--strength needs --init, the image to start from") end
  if args.strength and not (args.strength > 0 and args.strength <= 1) then cli.fail("--strength must be in (0, 1]") end
  if (args.resample or args.jump) and not args.mask then
    cli.fail("--resample and --jump are RePaint's: they need --mask and --init")
  end
  -- every output is known writable before the model runs (by rank 0, which writes them)
  local root = cli.root()
  local png = root and cli.output(args.output, "-o")
  local npy = root and args.npy and cli.output(args.npy, "--npy")
  if root and args.save_each then cli.folder(args.save_each, "--save-each") end

  d.threads(args.threads)
  local model = d.load(model_dir)
  -- a consistency student (diffusion distill writes an LCMScheduler) samples
  -- with lcm, its teacher's guidance folded in: at scale 1 unless told
  local consistency = (model.scheduler_config or {})._class_name == "LCMScheduler"
  args.sampler = args.sampler or (consistency and "lcm" or "dpmpp_2m")
  if consistency and args.cfg == cli.DEFAULT_GUIDANCE then args.cfg = 1 end
  local schedule, plan = model.schedule, nil
  if args.schedule then schedule, plan = custom_schedule(args.schedule, schedule or d.schedule.linear {}) end
  local num_classes = model.config.num_class_embeds and model.config.num_class_embeds - 1
    or (args.guidance ~= "cfg" and 10 or nil)
  local labels = M.class_labels(args, args.n, num_classes)
  local size = cli.sample_size(model.config)
  local function image(path, channels, what)
    local img = cli.try(what .. ": ", d.image.load, path, { channels = channels })
    if img:size(2) ~= size or img:size(3) ~= size then
      cli.fail("%s '%s' is %d x %d; the model makes %d x %d images", what, path, img:size(3), img:size(2), size, size)
    end
    return img
  end
  local init = args.init and image(args.init, model.config.in_channels, "--init")
  local mask = args.mask and (image(args.mask, 1, "--mask") + 1):mul_(0.5)
  local sampler_options = { eta = args.eta, order = args.order }
  local cfg = args.cfg
  if labels == "null" and cfg == cli.DEFAULT_GUIDANCE then cfg = 1 end -- the default does not apply to p(x)
  local first, count = require("diffusion.parallel").range(args.n, cli.world())
  local show = cli.progress("sampling", count * args.steps, args.quiet)
  local ok, x = pcall(d.generate, {
    model = model, n = args.n, first = first, count = count, batch = args.batch, seed = args.seed,
    sampler = args.sampler, steps = args.steps,
    sampler_options = next(sampler_options) and sampler_options or nil, schedule = schedule, plan = plan,
    spacing = args.spacing, labels = labels, cfg = cfg,
    guidance_rescale = args.guidance_rescale, guidance = args.guidance, classifier = args.classifier,
    classifier_scale = args.classifier_scale, init = init or nil, strength = args.strength, mask = mask or nil,
    resample = args.resample, jump = args.jump, callback = show,
    on_warning = function(msg) io.stderr:write("diffusion: warning: ", msg, "\n") end,
  })
  if not ok then cli.fail("%s", (cli.message(x):gsub("^generate: ", ""))) end
  x = cli.world().gather(x:clamp(-1, 1)) -- every rank's samples, in order, at rank 0
  if not root then return end
  local settings = { model = model_dir, sampler = args.sampler, steps = args.steps, seed = args.seed, n = args.n,
    cfg = cfg, guidance = args.guidance, guidance_rescale = args.guidance_rescale, classes = args.class or args.classes,
    eta = args.eta, order = args.order,
    spacing = args.spacing, schedule = args.schedule, init = args.init, strength = args.strength, mask = args.mask,
    software = "diffusion " .. d.VERSION }
  local text = {}
  for k, v in pairs(settings) do text[k] = tostring(v) end
  d.image.save_grid(png, x, { nrow = args.nrow or math.ceil(math.sqrt(args.n)), text = text })
  if npy then d.save_npy(npy, x) end
  if args.save_each then
    for i = 1, args.n do
      text.index = tostring(i)
      d.image.save(string.format("%s/%05d.png", args.save_each, i), x:narrow(1, i, 1), { text = text })
    end
  end
  cli.commit()
  if not args.quiet then io.stderr:write(string.format("wrote %s (%d samples)\n", args.output, args.n)) end
end

return M
