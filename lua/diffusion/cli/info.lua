--- diffusion info DIR | IMAGE.png: what a diffusers model or pipeline folder
-- holds, or the settings a PNG was made with (its text chunks).
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = {}

function M.define(parser)
  local c = parser:command("info", "Describe a model folder.")
  c:argument("model", "A diffusers model or pipeline folder, or a PNG this tool (or another) wrote.")
end

local function png_info(path)
  local text = cli.try("", d.image.text, path)
  local keys = {}
  for k in pairs(text) do keys[#keys + 1] = k end
  if #keys == 0 then
    print(string.format("%s: no settings (no text chunks)", path))
    return
  end
  table.sort(keys, function(a, b) return (a == "parameters") ~= (b == "parameters") and a == "parameters" or a < b end)
  print(path .. ":")
  for _, k in ipairs(keys) do print(string.format("%s: %s", k, text[k])) end
end

local function pipeline_info(path, pipe)
  print(string.format("%s: %s", path, pipe.class))
  local names = {}
  for _, k in ipairs { "tokenizer", "text_encoder", "tokenizer_2", "text_encoder_2", "unet", "transformer", "vae" } do
    if pipe[k] then names[#names + 1] = k end
  end
  print("  components: " .. table.concat(names, ", ") .. ", scheduler " .. tostring(pipe.scheduler))
  for _, note in ipairs(pipe.notes) do print("  " .. note) end
end

function M.run(args)
  if args.model:lower():match("%.png$") then return png_info(args.model) end
  local model = d.load(args.model)
  if model.generate and model.kind then return pipeline_info(args.model, model) end
  local cfg = model.config
  print(string.format("%s: UNet2DModel, %d parameters", args.model, model:parameters()))
  print(string.format("  sample size %s, %d -> %d channels, blocks %s", tostring(cli.sample_size(cfg)),
    cfg.in_channels or 3, cfg.out_channels or 3, table.concat(cfg.block_out_channels or {}, "/")))
  if cfg.num_class_embeds then print(string.format("  class-conditional: %d classes", cfg.num_class_embeds)) end
  local sc = model.scheduler_config
  if sc then
    print(string.format("  scheduler %s, prediction %s, %s betas, %s training steps", tostring(sc._class_name),
      tostring(sc.prediction_type or "epsilon"), tostring(sc.beta_schedule or "linear"),
      tostring(sc.num_train_timesteps or 1000)))
  else
    print("  no scheduler config (a bare UNet folder)")
  end
end

return M
