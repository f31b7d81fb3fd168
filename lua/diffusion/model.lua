--- diffusion.load(path [, opts]): a diffusers model from a folder: UNet2DModel,
-- UNet2DConditionModel, AutoencoderKL, or transformers' CLIPTextModel(WithProjection).
-- `path` is a model folder (config.json + diffusion_pytorch_model.safetensors)
-- or a pipeline folder (model_index.json, unet/, scheduler/). opts:
--   variant       "fp16" to read diffusion_pytorch_model.fp16.safetensors (the one there is
--                 when there is no other, and the one dtype = "f16" reads when there is one)
--   dtype         "f16" or "bf16": keep the weights in 16 bits (half the memory; each op
--                 widens its weights to float32 as it runs), read from the file without a
--                 float32 copy; "f32" (the default) keeps float32
--   check_finite  raise if any weight has NaN or inf, naming the tensor
--   config        for a single-file checkpoint (a .safetensors file): the diffusers
--                 folder its architecture, tokenizer and scheduler come from
-- A UNet is callable as model(x, t [, {class_labels =, encoder_hidden_states =}]);
-- an AutoencoderKL has vae:encode(images) -> mean, std and vae:decode(latents); a
-- text encoder te(ids [, {hidden_states = true}]) -> {last_hidden_state =, pooler_output = ...}.
-- Each has model.config, and a pipeline's UNet model.scheduler_config and model.schedule.
local core = require "diffusion.core"

local M = {}

-- the weight types load's dtype = names (as the CLI's --dtype and torch spell them)
local DTYPES = { f32 = true, f16 = true, bf16 = true, float32 = true, float16 = true, bfloat16 = true, fp16 = true }
local HALF = { f16 = true, float16 = true, fp16 = true }

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

--- build(config_json, weights [, where]): the model a config.json text and its
-- weights (diffusers' names) make; `where` names the config in errors.
function M.build(text, weights, where, level)
  level = level or 2
  -- the config is parsed in C, once; its class (as save_pretrained names it) picks the builder
  local class = text:match('"_class_name"%s*:%s*"([^"]*)"')
  local text_encoder = text:find('"model_type"%s*:%s*"clip_text_model"') ~= nil
  local autoencoder = class == "AutoencoderKL" or class == "AutoencoderTiny"
  local builder = text_encoder and core.clip_load or autoencoder and core.vae_load
    or class == "DiTTransformer2DModel" and core.dit_load or core.unet_load
  local ok, model = pcall(builder, text, weights)
  if not ok then
    error(string.format("load: '%s': %s", where or "config", tostring(model):gsub("^load: ", "")), level)
  end
  model._config_json = text
  if class == "AutoencoderKL" then -- tiling and sampling, written over encode and decode
    local ae = require "diffusion.autoencoder"
    model.decode_tiled, model.encode_tiled, model.sample = ae.decode_tiled, ae.encode_tiled, ae.sample
  end
  return model
end

local function load_unet(dir, opts)
  local config_path = dir .. "/config.json"
  local text = read_file(config_path)
  if not text then error(string.format("load: no config.json in '%s'", dir), 3) end
  -- diffusers names its weights diffusion_pytorch_model, transformers (a text encoder) model
  local text_encoder = text:find('"model_type"%s*:%s*"clip_text_model"') ~= nil
  local stem = text_encoder and "model" or "diffusion_pytorch_model"
  local name = stem .. (opts.variant and ("." .. opts.variant) or "") .. ".safetensors"
  local weights_path = dir .. "/" .. name
  local fp16 = dir .. "/" .. stem .. ".fp16.safetensors"
  if not opts.variant and HALF[opts.dtype] and exists(fp16) then
    -- kept in float16 anyway: the float16 copy is mapped as it is, and weights a run never reads
    -- (a txt2img's VAE encoder, all but 77 rows of the token table) never enter memory
    weights_path = fp16
  elseif not exists(weights_path) then
    if not opts.variant and exists(fp16) then
      weights_path = fp16
    else
      error(string.format("load: no %s in '%s'", name, dir), 3)
    end
  end
  local weights = core.load_safetensors(weights_path, { dtype = opts.dtype })
  -- older transformers checkpoints keep a buffer beside the weights: the positions 0 .. 76
  weights["text_model.embeddings.position_ids"] = nil
  if opts.check_finite then
    for wname, t in pairs(weights) do
      if not t:all_finite() then
        error(string.format("load: weight '%s' in '%s' has NaN or infinite values", wname, weights_path), 3)
      end
    end
  end
  return M.build(text, weights, config_path, 4)
end

-- a tokenizer folder (vocab.json, merges.txt, tokenizer_config.json and
-- special_tokens_map.json as transformers saves them): a CLIPTokenizer
local function load_tokenizer(dir)
  local vocab, merges = read_file(dir .. "/vocab.json"), read_file(dir .. "/merges.txt")
  if not vocab then error(string.format("load: no vocab.json in '%s'", dir), 3) end
  if not merges then error(string.format("load: no merges.txt in '%s'", dir), 3) end
  local opts = {}
  local function token(v) -- a token is a string or {content = ...}
    if type(v) == "table" then return v.content end
    return type(v) == "string" and v or nil
  end
  for _, file in ipairs { "tokenizer_config.json", "special_tokens_map.json" } do -- the map wins
    local text = read_file(dir .. "/" .. file)
    if text then
      local ok, c = pcall(core.json_decode, text)
      if not ok or type(c) ~= "table" then error(string.format("load: '%s/%s' is not valid JSON", dir, file), 3) end
      if c.tokenizer_class and c.tokenizer_class ~= "CLIPTokenizer" and c.tokenizer_class ~= "CLIPTokenizerFast" then
        error(string.format("load: '%s/%s': tokenizer_class '%s' is not supported (CLIPTokenizer)", dir, file,
          tostring(c.tokenizer_class)), 3)
      end
      for _, k in ipairs { "bos", "eos", "pad", "unk" } do opts[k] = token(c[k .. "_token"]) or opts[k] end
      if type(c.added_tokens_decoder) == "table" then -- {id = {content = ...}}: matched in the text
        opts.added = opts.added or {}
        local ids = {}
        for id in pairs(c.added_tokens_decoder) do ids[#ids + 1] = id end
        table.sort(ids)
        for _, id in ipairs(ids) do opts.added[#opts.added + 1] = token(c.added_tokens_decoder[id]) end
      end
      if math.type(c.model_max_length) == "integer" and c.model_max_length <= 1 << 20 then
        opts.max_length = c.model_max_length
      end
    end
  end
  local ok, tok = pcall(core.clip_tokenizer, vocab, merges, opts)
  if not ok then error(string.format("load: '%s': %s", dir, tostring(tok):gsub("^clip_tokenizer: ", "")), 3) end
  return tok
end

function M.load(path, opts)
  opts = opts or {}
  for k in pairs(opts) do
    if k ~= "variant" and k ~= "check_finite" and k ~= "config" and k ~= "dtype" then
      error(string.format("load: unknown option '%s'", k), 2)
    end
  end
  if opts.dtype ~= nil and not DTYPES[opts.dtype] then
    error(string.format("load: dtype '%s' is not f32, f16 or bf16", tostring(opts.dtype)), 2)
  end
  if type(path) ~= "string" then error("load: expected a folder path", 2) end
  path = path:gsub("/+$", "")
  local lower = path:lower()
  for _, ext in ipairs { ".safetensors", ".ckpt", ".pt", ".pth", ".bin" } do
    if lower:sub(-#ext) == ext then -- a single-file checkpoint
      local ok, pipe = pcall(require("diffusion.single_file").load, path, opts, function(dir) return M.load(dir) end)
      if not ok then error(tostring(pipe), 2) end
      return pipe
    end
  end
  if opts.config then error("load: config = applies to single-file checkpoints, not to folders", 2) end
  if exists(path .. "/model_index.json") then -- a pipeline folder
    -- text-to-image pipelines (a text encoder, or DiT's transformer) are pipelines of components;
    -- the UNet2DModel ones (DDPMPipeline, ...) the UNet with its scheduler, as before
    local index = read_file(path .. "/model_index.json") or ""
    if index:find('"text_encoder"', 1, true) or index:find('"transformer"', 1, true) then
      return require("diffusion.pipeline").load(path, function(dir) return M.load(dir, opts) end)
    end
    local model = load_unet(path .. "/unet", opts)
    local sched_text = read_file(path .. "/scheduler/scheduler_config.json")
    if sched_text then
      local ok, config = pcall(core.json_decode, sched_text)
      if not ok then error(string.format("load: '%s/scheduler/scheduler_config.json' is not valid JSON", path), 2) end
      model.scheduler_config = config
      model.schedule, model.plan_options = require("diffusion.schedule").from_diffusers(config)
    end
    return model
  end
  local tokenizer = exists(path .. "/vocab.json") or exists(path .. "/merges.txt")
    or exists(path .. "/tokenizer_config.json")
  if not exists(path .. "/config.json") and tokenizer then return load_tokenizer(path) end
  return load_unet(path, opts)
end

--- shipped(path): where a file shipped with diffusion lies (such as
-- "models/mnist/unet/config.json" or "data/mnist/mnist-10k-labels-idx1-ubyte.gz"):
-- beside the module once installed (<lua dir>/diffusion/<path>), else in the
-- repository this module was loaded from; nil when neither has it. Found from
-- the module's own location, never from the working directory.
function M.shipped(path)
  local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  for _, root in ipairs { here .. "/", here .. "/../../" } do
    local f = io.open(root .. path, "rb")
    if f then
      f:close()
      return root .. path
    end
  end
  return nil
end

--- bundled(name): the folder of a model shipped with diffusion ("mnist",
-- "mnist-classifier", "mnist-noisy-classifier"), found as shipped() finds files.
function M.bundled(name)
  for _, probe in ipairs { "/model_index.json", "/config.json", "/model.safetensors" } do
    local file = M.shipped("models/" .. name .. probe)
    if file then return file:sub(1, #file - #probe) end
  end
  return "models/" .. name
end

--- diffusion.unet(config [, {seed = 0}]): a fresh UNet2DModel with PyTorch's
-- default initialisation (as diffusers creates one): convolution and linear
-- weights and biases uniform in +-1/sqrt(fan_in), group norms 1 and 0,
-- embeddings standard normal (Fourier features times 16). config is a table
-- (use diffusion.null for a JSON null) or JSON text; absent keys take
-- diffusers' defaults.
function M.unet(config, opts)
  opts = opts or {}
  local text = type(config) == "string" and config or core.json_encode(config)
  local shapes = core.unet_weight_shapes(text)
  local names = {}
  for name in pairs(shapes) do names[#names + 1] = name end
  table.sort(names)
  local rng = core.rng(opts.seed or 0)
  local weights = {}
  local function fan_in(wshape)
    local f = wshape[2] or 1
    for k = 3, #wshape do f = f * wshape[k] end
    return f
  end
  for _, name in ipairs(names) do
    local shape = shapes[name]
    local t
    if name:find("norm") then
      t = core.full(shape, name:match("weight$") and 1 or 0)
    elseif name == "class_embedding.weight" or name == "time_proj.weight" then
      t = rng:randn(shape)
      if #shape == 1 then t:mul_(16) end -- Gaussian Fourier features, scale 16
    else
      local wshape = name:match("bias$") and shapes[name:gsub("bias$", "weight")] or shape
      local bound = 1 / math.sqrt(fan_in(wshape))
      t = rng:rand(shape):mul_(2 * bound):sub_(bound)
    end
    weights[name] = t
  end
  local model = core.unet_load(text, weights)
  model._config_json = text
  return model
end

--- model:save(dir): config.json and diffusion_pytorch_model.safetensors, as
-- diffusers' save_pretrained writes them (float32).
function M.save(model, dir)
  M.save_unet(dir, model._config_json or core.json_encode(model.config), model:weights())
end

--- save_unet(dir, config_json, weights): the same from a config's JSON text
-- and a table of weights (name -> tensor), for weights kept apart from a
-- model (an EMA).
function M.save_unet(dir, text, weights)
  if type(dir) ~= "string" then error("save: expected a folder path", 2) end
  local ok = os.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "'")
  if not ok then error(string.format("save: cannot create '%s'", dir), 2) end
  local f = io.open(dir .. "/config.json", "w")
  if not f then error(string.format("save: cannot write '%s/config.json'", dir), 2) end
  if not text:find('"_class_name"', 1, true) then -- as save_pretrained names it (in the text: a
    text = text:gsub("^%s*{", '{\n\t"_class_name":\t"UNet2DModel",', 1) -- decode would drop nulls)
  end
  f:write(text)
  f:close()
  core.save_safetensors(dir .. "/diffusion_pytorch_model.safetensors", weights, { format = "pt" })
end

--- save_pipeline(dir, model, scheduler_config): a diffusers pipeline folder
-- as DDPMPipeline.save_pretrained writes it: unet/ (config.json and
-- float32 safetensors), scheduler/scheduler_config.json and model_index.json.
-- scheduler_config is a diffusers scheduler config table (its _class_name
-- names the scheduler, "DDPMScheduler" when absent).
function M.save_pipeline(dir, model, scheduler_config)
  if type(dir) ~= "string" then error("save_pipeline: expected a folder path", 2) end
  if type(scheduler_config) ~= "table" then error("save_pipeline: expected a scheduler config table", 2) end
  local sc = {}
  for k, v in pairs(scheduler_config) do sc[k] = v end
  sc._class_name = sc._class_name or "DDPMScheduler"
  M.save(model, dir .. "/unet")
  local function write(path, value)
    local f = io.open(path, "w")
    if not f then error(string.format("save_pipeline: cannot write '%s'", path), 3) end
    f:write(core.json_encode(value))
    f:close()
  end
  if not os.execute("mkdir -p '" .. (dir .. "/scheduler"):gsub("'", "'\\''") .. "'") then
    error(string.format("save_pipeline: cannot create '%s/scheduler'", dir), 2)
  end
  write(dir .. "/scheduler/scheduler_config.json", sc)
  write(dir .. "/model_index.json", {
    _class_name = "DDPMPipeline", _diffusers_version = "0.27.0",
    scheduler = { "diffusers", sc._class_name }, unet = { "diffusers", "UNet2DModel" },
  })
end

return M
