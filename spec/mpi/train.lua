-- Run by spec/mpi_spec.lua, alone or under mpirun: trains a tiny
-- class-conditional UNet for `steps` steps (global batch 8, data parallel over
-- the ranks) and writes its weights to `out` from rank 0.
--   lua5.4 spec/mpi/train.lua OUT.safetensors STEPS [CHECKPOINT_DIR [STOP_AT]]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local out, steps, checkpoint, stop_at = arg[1], math.tointeger(arg[2]), arg[3], math.tointeger(arg[4])

local x, labels = d.empty { 32, 1, 8, 8 }, {}
local noise = d.rng(5):randn { 32, 1, 8, 8 }
for i = 1, 32 do
  local k = (i - 1) % 4
  x:narrow(1, i, 1):copy_(noise:narrow(1, i, 1) * 0.1 + (-0.75 + 0.5 * k))
  labels[i] = k % 3
end
local model = d.unet({
  block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
  down_block_types = { "DownBlock2D", "AttnDownBlock2D" }, up_block_types = { "AttnUpBlock2D", "UpBlock2D" },
  in_channels = 1, out_channels = 1, sample_size = 8, attention_head_dim = 8, num_class_embeds = 4,
}, { seed = 3 })
d.threads(1)
local result = d.train {
  model = model, data = x, labels = labels, steps = steps, batch = 8, lr = 1e-3, warmup = 10, ema = 0.99,
  checkpoint = checkpoint, checkpoint_every = 10, resume = checkpoint ~= nil,
  callback = stop_at and function(info) return info.step < stop_at end or nil,
}
if require("diffusion.parallel").world().rank() == 0 then
  local w = result.model:weights()
  for name, t in pairs(result.ema:weights()) do w["ema." .. name] = t end
  d.save_safetensors(out, w)
  print(string.format("step %d loss %.9g", result.step, result.losses[result.step]))
end
