--- diffusion.load(path [, opts]): a diffusers UNet2DModel from a folder.
-- `path` is a model folder (config.json + diffusion_pytorch_model.safetensors)
-- or a pipeline folder (model_index.json, unet/, scheduler/). opts:
--   variant       "fp16" to read diffusion_pytorch_model.fp16.safetensors
--   check_finite  raise if any weight has NaN or inf, naming the tensor
-- The model is callable as model(x, t [, {class_labels = labels}]); it has
-- model.config, and for a pipeline model.scheduler_config and model.schedule.
local core = require "diffusion.core"

local M = {}

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

local function load_unet(dir, opts)
  local config_path = dir .. "/config.json"
  local text = read_file(config_path)
  if not text then error(string.format("load: no config.json in '%s'", dir), 3) end
  local ok, config = pcall(core.json_decode, text)
  if not ok then error(string.format("load: '%s' is not valid JSON", config_path), 3) end
  if config._class_name and config._class_name ~= "UNet2DModel" then
    error(string.format("load: '%s' describes a %s; only UNet2DModel is supported", config_path,
      tostring(config._class_name)), 3)
  end
  local name = "diffusion_pytorch_model" .. (opts.variant and ("." .. opts.variant) or "") .. ".safetensors"
  local weights_path = dir .. "/" .. name
  if not exists(weights_path) then
    if not opts.variant and exists(dir .. "/diffusion_pytorch_model.fp16.safetensors") then
      weights_path = dir .. "/diffusion_pytorch_model.fp16.safetensors"
    else
      error(string.format("load: no %s in '%s'", name, dir), 3)
    end
  end
  local weights = core.load_safetensors(weights_path)
  if opts.check_finite then
    for wname, t in pairs(weights) do
      if not t:all_finite() then
        error(string.format("load: weight '%s' in '%s' has NaN or infinite values", wname, weights_path), 3)
      end
    end
  end
  return core.unet_load(text, weights, config)
end

function M.load(path, opts)
  opts = opts or {}
  for k in pairs(opts) do
    if k ~= "variant" and k ~= "check_finite" then error(string.format("load: unknown option '%s'", k), 2) end
  end
  if type(path) ~= "string" then error("load: expected a folder path", 2) end
  path = path:gsub("/+$", "")
  if exists(path .. "/model_index.json") then -- a pipeline folder
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
  return load_unet(path, opts)
end

return M
