--- diffusion info DIR: what a diffusers model folder holds.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = {}

function M.define(parser)
  local c = parser:command("info", "Describe a model folder.")
  c:argument("model", "A diffusers model or pipeline folder.")
end

function M.run(args)
  local model = d.load(args.model)
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
