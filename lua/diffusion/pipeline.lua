--- diffusion.pipeline: a diffusers pipeline folder (model_index.json) as its
-- components, and text to image with them. For StableDiffusionPipeline (SD 1.x
-- and 2.x) folders:
--
--   local pipe = diffusion.load("sd15")          -- pipe.tokenizer, .text_encoder, .unet, .vae, .scheduler_config
--   local images, latents = pipe:generate { prompt = "an astronaut", steps = 20, guidance = 7.5, seed = 1 }
--
-- generate runs diffusers' StableDiffusionPipeline.__call__: the prompt and the
-- negative prompt ("" by default) encoded as encode_prompt does (clip_skip
-- included), classifier-free guidance in one batch when guidance > 1, the
-- scheduler of the folder (or `scheduler =` a diffusers class with its config,
-- `scheduler_config =` overrides) replayed by diffusion.sample, latents / vae
-- scaling_factor decoded, images (N x 3 x H x W) in [0, 1].
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

local SUPPORTED = { StableDiffusionPipeline = true }
-- components loaded, and those ignored (with a note): what the pipeline does without them
local IGNORED = { safety_checker = true, feature_extractor = true, image_encoder = true }

--- load(dir, load_model): the pipeline of a folder; load_model(path) loads one component
function M.load(dir, load_model)
  local text = read(dir .. "/model_index.json")
  local ok, index = pcall(d.json_decode, text or "")
  if not ok or type(index) ~= "table" then
    error(string.format("load: '%s/model_index.json' is not valid JSON", dir), 3)
  end
  local class = index._class_name
  if not SUPPORTED[class] then
    error(string.format("load: '%s': pipeline class '%s' is not supported yet (StableDiffusionPipeline)", dir,
      tostring(class)), 3)
  end
  local pipe = setmetatable({ class = class, dir = dir, notes = {} }, Pipeline)
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
  for _, need in ipairs { "tokenizer", "text_encoder", "unet", "vae", "scheduler" } do
    if not pipe[need] then error(string.format("load: '%s' has no %s", dir, need), 3) end
  end
  return pipe
end

--- pipe:encode_prompt(prompts [, clip_skip]) -> N x 77 x width embeddings
function Pipeline:encode_prompt(prompts, clip_skip)
  local ids = self.tokenizer:encode(prompts)
  if not clip_skip then return self.text_encoder(ids).last_hidden_state end
  local out = self.text_encoder(ids, { hidden_states = true })
  local hs = out.hidden_states
  if math.type(clip_skip) ~= "integer" or clip_skip < 1 or clip_skip >= #hs then
    error(string.format("generate: clip_skip must be an integer in 1..%d", #hs - 1), 3)
  end
  local w = self.text_encoder:weights()
  return d.layer_norm(hs[#hs - clip_skip], w["text_model.final_layer_norm.weight"],
    w["text_model.final_layer_norm.bias"], self.text_encoder.config.layer_norm_eps or 1e-5)
end

local KNOWN = {
  prompt = true, negative_prompt = true, steps = true, guidance = true, guidance_rescale = true, seed = true,
  latents = true, height = true, width = true, clip_skip = true, scheduler = true, scheduler_config = true,
  callback = true, output = true,
}

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

--- pipe:generate{prompt =, negative_prompt =, steps = 50, guidance = 7.5, guidance_rescale =, seed = 0,
--- latents =, height =, width =, clip_skip =, scheduler =, scheduler_config =, callback =,
--- output = "image" | "latent"} -> images (N x 3 x H x W in [0, 1]) or the latents, and the final latents
function Pipeline:generate(o)
  if type(o) ~= "table" then error("generate: expected a table of options", 2) end
  for k in pairs(o) do
    if not KNOWN[k] then error(string.format("generate: unknown option '%s'", tostring(k)), 2) end
  end
  local prompts = list(o.prompt, "prompt")
  local n = #prompts
  local negative = o.negative_prompt and list(o.negative_prompt, "negative_prompt") or nil
  if negative and #negative ~= n then
    error(string.format("generate: %d negative prompts for %d prompts", #negative, n), 2)
  end
  local guidance = o.guidance or 7.5
  if type(guidance) ~= "number" or guidance ~= guidance then error("generate: guidance must be a number", 2) end
  local steps = o.steps or 50
  if math.type(steps) ~= "integer" or steps < 1 then error("generate: steps must be a positive integer", 2) end
  local factor = 1 << (#self.vae.config.block_out_channels - 1)
  local size = (self.unet.config.sample_size or 64) * factor
  local height, width = o.height or size, o.width or size
  if math.type(height) ~= "integer" or math.type(width) ~= "integer" or height % factor ~= 0 or width % factor ~= 0
    or height < factor or width < factor then
    error(string.format("generate: height and width must be positive multiples of %d", factor), 2)
  end
  local channels = self.unet.config.in_channels or 4
  local latents = o.latents
  if latents then
    local want = { n, channels, height // factor, width // factor }
    if table.concat(latents:shape(), ",") ~= table.concat(want, ",") then
      error(string.format("generate: latents are {%s}, the call needs {%s}", table.concat(latents:shape(), ","),
        table.concat(want, ",")), 2)
    end
  else
    latents = d.rng(o.seed or 0):randn { n, channels, height // factor, width // factor }
  end
  -- the text, encoded before any sampling work
  local cond = { encoder_hidden_states = self:encode_prompt(prompts, o.clip_skip) }
  local uncond
  if guidance > 1 then
    local empty = {}
    for i = 1, n do empty[i] = negative and negative[i] or "" end
    uncond = { encoder_hidden_states = self:encode_prompt(empty, o.clip_skip) }
  end
  local config = {}
  for k, v in pairs(self.scheduler_config) do config[k] = v end
  for k, v in pairs(o.scheduler_config or {}) do config[k] = v end
  local x = require("diffusion.diffusers").sample {
    scheduler = o.scheduler or self.scheduler, config = config, steps = steps, model = self.unet, x = latents,
    cond = cond, uncond = uncond, guidance_scale = guidance > 1 and guidance or nil,
    guidance_rescale = o.guidance_rescale, callback = o.callback,
  }
  if o.output == "latent" then return x, x end
  local vae = self.vae
  local images = vae:decode(x / vae.config.scaling_factor)
  return images:mul_(0.5):add_(0.5):clamp_(0, 1), x
end

return M
