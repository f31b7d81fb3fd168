--- diffusion.pipeline: a diffusers pipeline folder (model_index.json) as its
-- components, and text to image with them. For StableDiffusionPipeline (SD 1.x
-- and 2.x), StableDiffusionXLPipeline and LatentConsistencyModelPipeline
-- folders:
--
--   local pipe = diffusion.load("sd15")          -- pipe.tokenizer, .text_encoder, .unet, .vae, .scheduler_config
--   local images, latents = pipe:generate { prompt = "an astronaut", steps = 20, guidance = 7.5, seed = 1 }
--
-- generate runs diffusers' StableDiffusionPipeline.__call__: the prompt and the
-- negative prompt ("" by default) encoded as encode_prompt does (clip_skip
-- included), classifier-free guidance in one batch when guidance > 1, the
-- scheduler of the folder (or `scheduler =` a diffusers class with its config,
-- `scheduler_config =` overrides) replayed by diffusion.sample, latents / vae
-- scaling_factor decoded, images (N x 3 x H x W) in [0, 1]. SDXL adds its second
-- text encoder (both encoders' penultimate hidden states side by side, the
-- second's pooled projection and the size / crop ids as added conditioning);
-- LCM takes no unconditional pass: the guidance scale enters the UNet as its
-- timestep_cond embedding.
local d = require "diffusion.core"

local M = {}
local Pipeline = {}
Pipeline.__index = Pipeline

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- the pipelines, with the components each needs and its defaults
local SUPPORTED = {
  StableDiffusionPipeline = { needs = { "tokenizer", "text_encoder", "unet", "vae", "scheduler" }, steps = 50,
    guidance = 7.5 },
  StableDiffusionXLPipeline = { needs = { "tokenizer", "text_encoder", "tokenizer_2", "text_encoder_2", "unet", "vae",
    "scheduler" }, steps = 50, guidance = 5.0, xl = true },
  LatentConsistencyModelPipeline = { needs = { "tokenizer", "text_encoder", "unet", "vae", "scheduler" }, steps = 4,
    guidance = 8.5, lcm = true },
  DiTPipeline = { needs = { "transformer", "vae", "scheduler" }, steps = 250, guidance = 4.0, dit = true },
}
-- components loaded, and those ignored (with a note): what the pipeline does without them
local IGNORED = { safety_checker = true, feature_extractor = true, image_encoder = true }

--- The components run one at a time: one workspace (scratch, buffer pool,
-- Winograd cache budget) for all, so the pipeline needs the largest one's
-- working memory, not the sum (SD1.5's VAE decode alone held 1.4 GB). No
-- cached Winograd transforms by default: SD1.5's would hold 5.7 GB more than
-- its weights (pipe.unet:winograd { cache = true } keeps them, for all).
local COMPONENTS = { "unet", "transformer", "vae", "text_encoder", "text_encoder_2" }
local function share_workspace(pipe)
  local host
  for _, name in ipairs(COMPONENTS) do
    local m = pipe[name]
    if m then
      if host then m:share_workspace(host) else host = m end
    end
  end
  host:winograd { cache = 0 }
end

--- load(dir, load_model): the pipeline of a folder; load_model(path) loads one component
function M.load(dir, load_model)
  local text = read(dir .. "/model_index.json")
  local ok, index = pcall(d.json_decode, text or "")
  if not ok or type(index) ~= "table" then
    error(string.format("load: '%s/model_index.json' is not valid JSON", dir), 3)
  end
  local class = index._class_name
  local kind = SUPPORTED[class]
  if not kind then
    local names = {}
    for name in pairs(SUPPORTED) do names[#names + 1] = name end
    table.sort(names)
    error(string.format("load: '%s': pipeline class '%s' is not supported yet (%s)", dir, tostring(class),
      table.concat(names, ", ")), 3)
  end
  local pipe = setmetatable({ class = class, dir = dir, notes = {}, kind = kind,
    force_zeros_for_empty_prompt = index.force_zeros_for_empty_prompt }, Pipeline)
  local names = {}
  for name in pairs(index) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local spec = index[name]
    if name:sub(1, 1) ~= "_" and type(spec) == "table" and type(spec[2]) == "string" then
      if IGNORED[name] then
        pipe.notes[#pipe.notes + 1] = string.format("%s (%s) ignored", name, spec[2])
      elseif name == "scheduler" then
        local sc = read(dir .. "/scheduler/scheduler_config.json")
        local okc, config = pcall(d.json_decode, sc or "")
        if not okc then error(string.format("load: '%s/scheduler/scheduler_config.json' is not valid JSON", dir), 3) end
        pipe.scheduler, pipe.scheduler_config = spec[2], config
      else
        pipe[name] = load_model(dir .. "/" .. name)
      end
    end
  end
  for _, need in ipairs(kind.needs) do
    if not pipe[need] then error(string.format("load: '%s' has no %s (%s needs it)", dir, need, class), 3) end
  end
  share_workspace(pipe)
  return pipe
end

local function check_clip_skip(clip_skip, layers)
  if math.type(clip_skip) ~= "integer" or clip_skip < 1 or clip_skip >= layers then
    error(string.format("generate: clip_skip must be an integer in 1..%d", layers - 1), 4)
  end
end

--- SDXL's encode_prompt: both encoders' hidden states clip_skip + 1 from the
-- end (the penultimate by default; no final layer norm), side by side, and
-- the second encoder's pooled projection.
local function encode_xl(self, prompts, clip_skip)
  local states = {}
  local pooled
  for i, pair in ipairs { { self.tokenizer, self.text_encoder }, { self.tokenizer_2, self.text_encoder_2 } } do
    local out = pair[2](pair[1]:encode(prompts), { hidden_states = true })
    local hs = out.hidden_states
    if clip_skip then check_clip_skip(clip_skip, #hs - 1) end
    states[i] = hs[#hs - 1 - (clip_skip or 0)]
    pooled = out.text_embeds
  end
  if not pooled then error("generate: text_encoder_2 has no projection (CLIPTextModelWithProjection)", 3) end
  return d.cat(states, 3), pooled
end

--- assemble(class, where, components): a pipeline of components already loaded
-- (a single-file checkpoint's), as load gives for a folder
function M.assemble(class, where, components)
  local kind = SUPPORTED[class]
  local pipe = setmetatable({ class = class, dir = where, notes = {}, kind = kind }, Pipeline)
  for k, v in pairs(components) do pipe[k] = v end
  for _, need in ipairs(kind.needs) do
    if not pipe[need] then error(string.format("load: '%s' has no %s (%s needs it)", where, need, class), 3) end
  end
  share_workspace(pipe)
  return pipe
end

--- pipe:encode_prompt(prompts [, clip_skip]) -> N x 77 x width embeddings (and, for SDXL, the pooled N x D)
function Pipeline:encode_prompt(prompts, clip_skip)
  if self.kind.xl then return encode_xl(self, prompts, clip_skip) end
  local ids = self.tokenizer:encode(prompts)
  if not clip_skip then return self.text_encoder(ids).last_hidden_state end
  local out = self.text_encoder(ids, { hidden_states = true })
  local hs = out.hidden_states
  check_clip_skip(clip_skip, #hs)
  local w = self.text_encoder:weights()
  return d.layer_norm(hs[#hs - clip_skip], w["text_model.final_layer_norm.weight"]:float(), -- (16-bit kept)
    w["text_model.final_layer_norm.bias"]:float(), self.text_encoder.config.layer_norm_eps or 1e-5)
end

local KNOWN = {
  prompt = true, negative_prompt = true, steps = true, guidance = true, guidance_rescale = true, seed = true,
  latents = true, height = true, width = true, clip_skip = true, scheduler = true, scheduler_config = true,
  callback = true, output = true, noise = true, init_image = true, strength = true, mask = true, image_noise = true,
  masked_image_noise = true, sampler = true, plan = true,
}


-- N images (N x C x H x W) for an option, with their size
local function images_of(t, what, n, channels)
  local ok, shape = pcall(function() return t:shape() end)
  if not ok or #shape ~= 4 or shape[1] ~= n or shape[2] ~= channels then
    error(string.format("generate: %s must be %d x %d x H x W (one per prompt)", what, n, channels), 3)
  end
  if not t:all_finite() then error(string.format("generate: %s has NaN or infinite values", what), 3) end
  return shape[3], shape[4]
end

-- the inpainting mask at the latents' size: binarised at 0.5, then the nearest
-- pixel (F.interpolate's default), as diffusers' VaeImageProcessor does
local function latent_mask(mask, factor)
  local m = mask:totable()
  local out = {}
  for i, img in ipairs(m) do
    local rows = {}
    for y = 1, #img[1] // factor do
      local row = {}
      local pixels = img[1][(y - 1) * factor + 1]
      for x = 1, #img[1][1] // factor do row[x] = pixels[(x - 1) * factor + 1] >= 0.5 and 1 or 0 end
      rows[y] = row
    end
    out[i] = { rows }
  end
  return d.tensor(out)
end

--- LCM's guidance embedding (diffusers' get_guidance_scale_embedding): the
-- sinusoidal features of 1000 (w - 1), sines then cosines, in float32.
local function f32(v) return (string.unpack("f", string.pack("f", v))) end

local function guidance_embedding(w, dim, n)
  local half = dim // 2
  local scale = f32(math.log(10000.0) / (half - 1))
  local row = {}
  for j = 0, half - 1 do
    local arg = f32(f32((w - 1) * 1000) * f32(math.exp(f32(-scale * j))))
    row[j + 1], row[half + j + 1] = math.sin(arg), math.cos(arg)
  end
  for j = 2 * half + 1, dim do row[j] = 0 end -- an odd dim: zero padded
  local rows = {}
  for i = 1, n do rows[i] = row end
  return d.tensor(rows)
end

-- the noise of stochastic steps: a diffusion.Rng, a function(x, i, level), or
-- recorded tensors, one per step that draws
local function noise_source(noise)
  if type(noise) ~= "table" or getmetatable(noise) then return noise end
  return function(_, i)
    local z = noise[i]
    if not z then error(string.format("generate: noise has %d tensors, step %d needs one more", #noise, i), 0) end
    return z
  end
end

local function list(v, what)
  if type(v) == "string" then return { v } end
  if type(v) ~= "table" or #v == 0 then
    error(string.format("generate: %s must be a string or a list of them", what), 3)
  end
  for _, s in ipairs(v) do
    if type(s) ~= "string" then error(string.format("generate: %s must be a string or a list of them", what), 3) end
  end
  return v
end

--- pipe:generate{prompt =, negative_prompt =, steps =, guidance =, guidance_rescale =, seed = 0,
--- latents =, noise =, height =, width =, clip_skip =, scheduler =, scheduler_config =, callback =,
--- init_image =, strength =, mask =, image_noise =, masked_image_noise =, sampler =, plan =,
--- output = "image" | "latent"}
--- -> images (N x 3 x H x W in [0, 1]) or the latents, and the final latents
-- steps and guidance default to the pipeline's (SD 50 and 7.5, SDXL 50 and 5,
-- LCM 4 and 8.5). init_image (N x 3 x H x W in [0, 1]) with strength: img2img;
-- with mask (N x 1 x H x W, 1 where to paint): inpainting. latents is the
-- initial noise (for img2img the noise added to the image), image_noise the
-- VAE posterior's (of the image), masked_image_noise that of the masked image
-- a 9-channel inpainting UNet sees; all drawn from diffusion.rng(seed) where
-- not given.
-- sampler = a name of diffusion.samplers or a function(D, x, plan, opts)
-- runs instead of the scheduler class (plan = plan options over the config's).
--- Any sampler of diffusion.samplers (a name) or one of the user's (a function
-- D, x, plan, opts) on the pipeline's UNet: the schedule and plan options
-- from the scheduler config (plan = overrides), the conditioning and guidance
-- through diffusion.denoiser, x_T = the latents at the plan's first level.
-- img2img (image: the clean image latents) as diffusion.control.img2img: the
-- plan's last int(steps * strength) steps from the image noised with the
-- latents; inpainting (mask: 1 where to paint) as diffusion.control.inpaint:
-- the denoised estimate is the image outside the mask at every step.
local function run_sampler(o, config, steps, latents, dopts, model, image, mask)
  local sampler = o.sampler
  if type(sampler) == "string" then
    local ok, found = pcall(function() return require("diffusion").samplers[sampler] end)
    if not ok then
      error(string.format("generate: unknown sampler '%s' (see diffusion.samplers.list())", sampler), 3)
    end
    sampler = found
  elseif type(sampler) ~= "function" then
    error("generate: sampler must be a sampler's name or a function(D, x, plan, opts)", 3)
  end
  local schedule, plan_options = require("diffusion.schedule").from_diffusers(config)
  local popts = {}
  for k, v in pairs(plan_options or {}) do popts[k] = v end
  if o.plan ~= nil and type(o.plan) ~= "table" then error("generate: plan must be a table of plan options", 3) end
  for k, v in pairs(o.plan or {}) do popts[k] = v end
  local plan = schedule:plan(steps, popts)
  dopts.prediction = config.prediction_type or "epsilon"
  local D = require("diffusion.denoiser")(model, schedule, dopts)
  local control = require("diffusion.control")
  local x
  if image and not (mask and (o.strength or 1) == 1) then
    local ok, start, kept = pcall(control.img2img, { plan = plan, image = image, strength = o.strength or 1,
      noise = latents })
    if not ok then error("generate: " .. tostring(start):gsub("^.-img2img: ", ""), 3) end
    x, plan = start, kept
  else
    local first = plan[1]
    x = latents * math.sqrt(first.alpha * first.alpha + first.sigma * first.sigma)
  end
  if mask then D = control.inpaint(D, { image = image, keep = 1 - mask }) end
  return sampler(D, x, plan, { noise = noise_source(o.noise) or d.rng((o.seed or 0) + 7919), callback = o.callback })
end

local CLASS_KNOWN = { class_labels = true, steps = true, guidance = true, seed = true, latents = true, scheduler = true,
  scheduler_config = true, callback = true, output = true, noise = true }

local function scheduler_config(self, o)
  local config = {}
  for k, v in pairs(self.scheduler_config) do config[k] = v end
  for k, v in pairs(o.scheduler_config or {}) do config[k] = v end
  return config
end

--- A 9-channel inpainting UNet as a model of the latents alone: each call's
-- input gets the mask and masked image latents (N x 5 x h x w) beside it,
-- repeated for the classifier-free guidance batch.
local function inpainting_input(unet, extra)
  local n = extra:size(1)
  return function(x, t, cond)
    local e = extra
    if x:size(1) ~= n then
      local copies = {}
      for i = 1, x:size(1) // n do copies[i] = extra end
      e = d.cat(copies, 1)
    end
    return unet(d.cat({ x, e }, 2), t, cond)
  end
end

local function decode(self, x, output)
  if output == "latent" then return x, x end
  local vae = self.vae
  -- the decode is the run's peak: the denoiser's cached buffers and the heap's fragments go first
  collectgarbage()
  vae:release_memory()
  local images = vae:decode(x / vae.config.scaling_factor)
  return images:mul_(0.5):add_(0.5):clamp_(0, 1), x
end

--- DiTPipeline: class labels instead of prompts; guidance against the null
-- class 1000 (diffusers hard-codes it), on the noise channels only, the
-- learned-sigma channels dropped before the scheduler's step.
local function generate_classes(self, o)
  for k in pairs(o) do
    if not CLASS_KNOWN[k] then
      error(string.format("generate: unknown option '%s' (a DiT pipeline)", tostring(k)), 3)
    end
  end
  local labels = o.class_labels
  if type(labels) ~= "table" or #labels == 0 then error("generate: class_labels must be a list of class numbers", 3) end
  local config = self.transformer.config
  local classes = config.num_embeds_ada_norm or 1000
  for _, c in ipairs(labels) do
    if math.type(c) ~= "integer" or c < 0 or c >= classes then
      error(string.format("generate: class_labels must be integers in 0..%d", classes - 1), 3)
    end
  end
  local guidance = o.guidance or self.kind.guidance
  if type(guidance) ~= "number" or guidance ~= guidance then error("generate: guidance must be a number", 3) end
  if guidance > 1 and classes < 1000 then -- the label table's row past the classes is the null class
    error(string.format("generate: guidance needs the null class 1000; this transformer has %d classes", classes), 3)
  end
  local steps = o.steps or self.kind.steps
  if math.type(steps) ~= "integer" or steps < 1 then error("generate: steps must be a positive integer", 3) end
  local n, c, size = #labels, config.in_channels or 4, config.sample_size
  local latents = o.latents or d.rng(o.seed or 0):randn { n, c, size, size }
  if table.concat(latents:shape(), ",") ~= table.concat({ n, c, size, size }, ",") then
    error(string.format("generate: latents must be %d x %d x %d x %d", n, c, size, size), 3)
  end
  local transformer = self.transformer
  local function eps(x, t, cond) -- the noise channels of the output
    local out = transformer(x, t, cond)
    return out:size(2) == 2 * c and out:narrow(2, 1, c) or out
  end
  local x = require("diffusion.diffusers").sample {
    scheduler = o.scheduler or self.scheduler, config = scheduler_config(self, o), steps = steps, model = eps,
    x = latents, class_labels = d.tensor(labels), guidance_scale = guidance > 1 and guidance or nil,
    null_class = 1000, callback = o.callback, noise = noise_source(o.noise),
  }
  return decode(self, x, o.output)
end

function Pipeline:generate(o)
  if type(o) ~= "table" then error("generate: expected a table of options", 2) end
  if self.kind.dit then return generate_classes(self, o) end
  for k in pairs(o) do
    if not KNOWN[k] then error(string.format("generate: unknown option '%s'", tostring(k)), 2) end
  end
  local prompts = list(o.prompt, "prompt")
  local n = #prompts
  local negative = o.negative_prompt and list(o.negative_prompt, "negative_prompt") or nil
  if negative and #negative ~= n then
    error(string.format("generate: %d negative prompts for %d prompts", #negative, n), 2)
  end
  local kind = self.kind
  local guidance = o.guidance or kind.guidance
  if type(guidance) ~= "number" or guidance ~= guidance then error("generate: guidance must be a number", 2) end
  local steps = o.steps or kind.steps
  if math.type(steps) ~= "integer" or steps < 1 then error("generate: steps must be a positive integer", 2) end
  local factor = 1 << (#self.vae.config.block_out_channels - 1)
  local size = (self.unet.config.sample_size or 64) * factor
  local height, width = o.height or size, o.width or size
  if o.init_image then height, width = images_of(o.init_image, "init_image", n, 3) end
  if o.mask then
    if not o.init_image then error("generate: mask needs init_image", 2) end
    local mh, mw = images_of(o.mask, "mask", n, 1)
    if mh ~= height or mw ~= width then error("generate: mask and init_image differ in size", 2) end
  end
  if o.strength ~= nil and not o.init_image then error("generate: strength needs init_image", 2) end
  if o.image_noise ~= nil and not o.init_image then error("generate: image_noise needs init_image", 2) end
  if math.type(height) ~= "integer" or math.type(width) ~= "integer" or height % factor ~= 0 or width % factor ~= 0
    or height < factor or width < factor then
    error(string.format("generate: height and width must be positive multiples of %d", factor), 2)
  end
  local channels = self.vae.config.latent_channels or 4
  local unet_channels = self.unet.config.in_channels or 4
  local nine = unet_channels == 2 * channels + 1 -- inpainting's: latents, mask, masked image latents
  if unet_channels ~= channels and not nine then
    error(string.format("generate: a %d-channel UNet over %d-channel latents: neither the latents alone nor "
      .. "inpainting's latents, mask and masked image (%d)", unet_channels, channels, 2 * channels + 1), 2)
  end
  if nine and not o.mask then error("generate: this inpainting UNet needs init_image and mask", 2) end
  if o.masked_image_noise ~= nil and not nine then
    error("generate: masked_image_noise is for a 9-channel inpainting UNet", 2)
  end
  local latents = o.latents
  if latents then
    local want = { n, channels, height // factor, width // factor }
    if table.concat(latents:shape(), ",") ~= table.concat(want, ",") then
      error(string.format("generate: latents are {%s}, the call needs {%s}", table.concat(latents:shape(), ","),
        table.concat(want, ",")), 2)
    end
  end
  local rng = d.rng(o.seed or 0)
  latents = latents or rng:randn { n, channels, height // factor, width // factor }
  local image_latents, mask, model = nil, nil, self.unet
  if o.init_image then
    local function posterior(image, given, what) -- the VAE posterior's sample, its noise given or drawn
      local z = given or rng:randn { n, channels, height // factor, width // factor }
      if table.concat(z:shape(), ",") ~= table.concat(latents:shape(), ",") then
        error(string.format("generate: %s must have the latents' shape", what), 3)
      end
      local mean, std = self.vae:encode(image)
      return (mean + std * z) * self.vae.config.scaling_factor
    end
    local image = o.init_image * 2 - 1
    local partial = (o.strength or 1) < 1 -- the plan's later steps from the image noised to the first
    -- a 9-channel UNet keeps the known region itself (no blend): it sees the mask and the latents of the
    -- image with the painted region zeroed; below strength 1 the image's own latents start the run
    if not nine or partial then image_latents = posterior(image, o.image_noise, "image_noise") end
    mask = latent_mask(o.mask or d.zeros { n, 1, height, width }, factor)
    if nine then
      local masked = image * (1 - latent_mask(o.mask, 1)):expand(image:shape())
      model = inpainting_input(self.unet, d.cat({ mask, posterior(masked, o.masked_image_noise,
        "masked_image_noise") }, 2))
      mask = nil
    elseif not o.mask then
      mask = nil
    end
  end
  -- the text, encoded before any sampling work
  local embeds, pooled = self:encode_prompt(prompts, o.clip_skip)
  local cond = { encoder_hidden_states = embeds }
  local uncond
  local cfg = guidance > 1 and not kind.lcm
  if cfg then
    local empty = {}
    for i = 1, n do empty[i] = negative and negative[i] or "" end
    local neg, neg_pooled = self:encode_prompt(empty, o.clip_skip)
    if kind.xl and not negative and self.force_zeros_for_empty_prompt then -- SDXL: no negative prompt, zeros
      neg, neg_pooled = d.zeros(neg:shape()), d.zeros(neg_pooled:shape())
    end
    uncond = { encoder_hidden_states = neg, text_embeds = neg_pooled }
  end
  if kind.xl then -- original size, crop's top left, target size: the image's, uncropped
    local ids = {}
    for i = 1, n do ids[i] = { height, width, 0, 0, height, width } end
    cond.text_embeds, cond.time_ids = pooled, d.tensor(ids)
    if uncond then uncond.time_ids = cond.time_ids end
  end
  if kind.lcm then
    local dim = self.unet.config.time_cond_proj_dim
    if not dim then error("generate: this LCM pipeline's UNet has no time_cond_proj_dim", 2) end
    cond.timestep_cond = guidance_embedding(guidance, dim, n)
  end
  if o.sampler ~= nil then
    local x = run_sampler(o, scheduler_config(self, o), steps, latents, { cond = cond, uncond = uncond,
      guidance_scale = cfg and guidance or nil, guidance_rescale = o.guidance_rescale }, model, image_latents, mask)
    return decode(self, x, o.output)
  end
  local x = require("diffusion.diffusers").sample {
    scheduler = o.scheduler or self.scheduler, config = scheduler_config(self, o), steps = steps, model = model,
    x = latents,
    cond = cond, uncond = uncond, guidance_scale = cfg and guidance or nil,
    guidance_rescale = o.guidance_rescale, callback = o.callback, noise = noise_source(o.noise),
    image = image_latents, strength = o.strength, mask = mask,
  }
  return decode(self, x, o.output)
end

return M
