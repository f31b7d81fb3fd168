--- diffusion generate: text to image with a Stable Diffusion pipeline folder
-- (SD 1.x/2.x, SDXL, LCM), through pipe:generate. The PNG carries the
-- settings in a `parameters` text chunk, in the form other Stable Diffusion
-- tools write it, which `diffusion info IMAGE.png` prints back.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = {}

function M.define(parser)
  local c = parser:command("generate", "Generate images from a prompt with a Stable Diffusion pipeline folder.")
  c:option("--model", "A diffusers pipeline folder (model_index.json), or a single-file SD 1.x, 2.x or SDXL "
    .. "checkpoint (.safetensors) with --config.")
  c:option("--config", "For a single-file --model: the diffusers folder of its architecture, tokenizer and "
    .. "scheduler.")
  c:option("--prompt", "The prompt.")
  c:option("--negative", "The negative prompt (default: none).")
  cli.number_option(c, "--steps", "Denoising steps (default: the pipeline's).", nil, true)
  cli.number_option(c, "--cfg", "Classifier-free guidance scale (default: the pipeline's; 1 turns it off).")
  c:option("--sampler", "A sampler of `diffusion samplers`, or a diffusers scheduler class "
    .. "(EulerDiscreteScheduler, ...); default: the folder's scheduler.")
  c:option("--schedule", "A Lua file returning plan options for --sampler (such as { sigmas = \"karras\" }).")
  cli.number_option(c, "--seed", "Seed: image i is the same whatever -n is.", "0", true)
  cli.number_option(c, "-W --width", "Image width (default: the UNet's sample size times the VAE's factor).", nil,
    true)
  cli.number_option(c, "-H --height", "Image height.", nil, true)
  cli.number_option(c, "-n", "Number of images (the prompt repeated).", "1", true)
  c:option("--init", "img2img: start from this PNG (its size is the output's).")
  cli.number_option(c, "--strength", "img2img: how much of the plan --init goes through, in (0, 1] (default 0.8, "
    .. "with --mask 1).")
  c:option("--mask", "Inpainting: a PNG the size of --init, white where to paint, black where --init is kept.")
  c:option("--latents", "A .npy of the initial latents (N x C x h x w), replacing the seed's noise.")
  c:option("--preview", "An AutoencoderTiny (TAESD) folder: the current denoised image is decoded into -o every "
    .. "few steps.")
  c:option("--dtype", "Keep the weights in f16 or bf16 (half the memory; computed in float32), or f32.", "f32")
    :choices { "f32", "f16", "bf16" }
  c:option("--matmul", "Matrix products in float32, or in bf16 (operands rounded, sums in float32: faster on CPUs "
    .. "with AVX512_BF16, images within about 1% of float32's).", "f32"):choices { "f32", "bf16" }
  c:option("-o --output", "PNG to write (a grid when -n > 1).", "out.png")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

-- what other Stable Diffusion tools write in a PNG's `parameters` chunk
local function parameters(args, steps, guidance, sampler, width, height)
  local lines = { args.prompt }
  if args.negative then lines[#lines + 1] = "Negative prompt: " .. args.negative end
  local fields = { "Steps: " .. steps, "Sampler: " .. sampler, string.format("CFG scale: %g", guidance),
    "Seed: " .. args.seed, string.format("Size: %dx%d", width, height),
    "Model: " .. (args.model:gsub("/+$", ""):match("([^/]+)$") or args.model) }
  if args.init then fields[#fields + 1] = string.format("Denoising strength: %g", args.strength or
    (args.mask and 1 or 0.8)) end
  fields[#fields + 1] = "Version: diffusion " .. d.VERSION
  lines[#lines + 1] = table.concat(fields, ", ")
  return table.concat(lines, "\n")
end

local function read_png(path, channels, what)
  return cli.try(what .. ": ", d.image.load, path, { channels = channels })
end

function M.run(args)
  cli.at_least(args, { "steps", "n", "threads", "width", "height" }, 1)
  if args.seed < 0 then cli.fail("--seed must be at least 0, got %d", args.seed) end
  if not args.model then cli.fail("--model is required: a diffusers pipeline folder") end
  if not args.prompt then cli.fail("--prompt is required") end
  if args.mask and not args.init then cli.fail("--mask needs --init, the image to paint into") end
  if args.strength and not args.init then cli.fail("--strength needs --init, the image to start from") end
  if args.strength and not (args.strength > 0 and args.strength <= 1) then cli.fail("--strength must be in (0, 1]") end
  if args.schedule and not args.sampler then
    cli.fail("--schedule needs --sampler, a sampler of `diffusion samplers`")
  end
  local single = args.model:lower():match("%.safetensors$") or args.model:lower():match("%.ckpt$")
  if single and not args.config then
    cli.fail("--model '%s' is a single-file checkpoint: give --config, the diffusers folder of its "
      .. "architecture, tokenizer and scheduler", args.model)
  end
  if args.config and not single then cli.fail("--config applies to a single-file --model only") end
  if not single and not io.open(args.model .. "/model_index.json") then
    cli.fail("no pipeline at '%s' (no model_index.json)", args.model)
  end
  local scheduler_class = args.sampler and args.sampler:match("Scheduler$") and args.sampler
  local sampler = args.sampler and not scheduler_class and args.sampler
  if sampler then cli.check_samplers { sampler } end
  local plan
  if args.schedule then
    local chunk, err = loadfile(args.schedule)
    if not chunk then cli.fail("cannot read --schedule: %s", err) end
    plan = cli.try("--schedule: ", chunk)
    if type(plan) ~= "table" then cli.fail("--schedule '%s' must return a table of plan options", args.schedule) end
  end
  -- every output is known writable before the model runs
  local png = cli.output(args.output, "-o")

  d.threads(args.threads)
  cli.try("--matmul: ", d.matmul_precision, args.matmul == "bf16" and "bf16" or "float32")
  local pipe = cli.try("--model: ", d.load, args.model, { config = args.config, dtype = args.dtype })
  if not pipe.generate or pipe.kind.dit then cli.fail("'%s' is not a text-to-image pipeline", args.model) end
  local prompts, negatives = {}, args.negative and {} or nil
  for i = 1, args.n do
    prompts[i] = args.prompt
    if negatives then negatives[i] = args.negative end
  end
  local init = args.init and (read_png(args.init, 3, "--init") + 1):mul_(0.5)
  local mask = args.mask and (read_png(args.mask, 1, "--mask") + 1):mul_(0.5)
  local function batch(t) return t and t:unsqueeze(1):expand { args.n, t:size(1), t:size(2), t:size(3) }:clone() end
  local latents = args.latents and cli.try("--latents: ", d.load_npy, args.latents)
  local preview
  if args.preview then
    local taesd = cli.try("--preview: ", d.load, args.preview, { dtype = args.dtype })
    local class = type(taesd.config) == "table" and taesd.config._class_name
    if class ~= "AutoencoderTiny" and class ~= "AutoencoderKL" then
      cli.fail("--preview '%s' is not an autoencoder folder", args.preview)
    end
    -- TAESD decodes the pipeline's latents as they are; an AutoencoderKL after its scaling
    local scale = class == "AutoencoderKL" and 1 / taesd.config.scaling_factor or 1
    taesd:share_workspace(pipe.vae) -- it runs between the UNet's steps: no memory of its own
    preview = function(x0) return taesd:decode(scale == 1 and x0 or x0 * scale) end
  end

  local steps = args.steps or pipe.kind.steps
  local show = cli.progress("generating", steps, args.quiet)
  local every = math.max(1, steps // 5)
  local ok, images = pcall(pipe.generate, pipe, {
    prompt = prompts, negative_prompt = negatives, steps = steps, guidance = args.cfg, seed = args.seed,
    width = args.width, height = args.height, latents = latents, init_image = batch(init), mask = batch(mask),
    strength = args.strength, scheduler = scheduler_class or nil, sampler = sampler or nil, plan = plan,
    callback = function(i, n, _, x0)
      show(i, n)
      if preview and x0 and i % every == 0 and i < n then -- the current x0, through TAESD
        local tmp = png .. ".preview.png"
        d.image.save_grid(tmp, preview(x0):clamp_(-1, 1), { nrow = math.ceil(math.sqrt(args.n)) })
        os.rename(tmp, args.output)
      end
    end,
  })
  if not ok then cli.fail("%s", (cli.message(images):gsub("^generate: ", ""))) end
  local height, width = images:size(3), images:size(4)
  local text = parameters(args, steps, args.cfg or pipe.kind.guidance, args.sampler or pipe.scheduler,
    width, height)
  d.image.save_grid(png, images * 2 - 1, { nrow = math.ceil(math.sqrt(args.n)), pad = args.n > 1 and 2 or 0,
    text = { parameters = text, software = "diffusion " .. d.VERSION } })
  cli.commit()
  if not args.quiet then io.stderr:write(string.format("wrote %s (%d x %d)\n", args.output, width, height)) end
end

return M
