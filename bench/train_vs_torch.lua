-- Training throughput: diffusion.train against PyTorch 1.13 taking the same
-- step (bench/unet_torch.py train: x_t from random images, noise and integer
-- timesteps, the network's epsilon MSE, backward, AdamW) on the same
-- UNet2DModel with the same weights, in the same run. The MNIST-size layout
-- of bench/unet_vs_torch.lua, batch 64, class-conditional. No EMA and no
-- gradient clipping on either side.
--   lua5.4 bench/train_vs_torch.lua [threads=2] [steps=6]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local threads = tonumber(arg[1]) or 2
local steps = tonumber(arg[2]) or 6
local batch = 64
d.threads(threads)

local config = {
  block_out_channels = { 32, 64, 64 }, layers_per_block = 2, norm_num_groups = 8,
  down_block_types = { "DownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D" },
  up_block_types = { "AttnUpBlock2D", "AttnUpBlock2D", "UpBlock2D" },
  attention_head_dim = 16, in_channels = 1, out_channels = 1, sample_size = 32, num_class_embeds = 11,
}

local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

local model = d.unet(config, { seed = 0 })
local dir = os.tmpname()
os.remove(dir)
model:save(dir)

local data = d.rng(1):rand { 512, 1, 32, 32 } * 2 - 1
local labels = {}
for i = 1, 512 do labels[i] = (i - 1) % 10 end
local times, last = {}, nil
d.train {
  model = model, data = data, labels = labels, steps = steps + 1, batch = batch, lr = 1e-4, ema = false,
  grad_clip = false, callback = function(info)
    if last then times[#times + 1] = info.seconds - last end -- the first step warms the caches
    last = info.seconds
  end,
}
local ours = median(times) * 1e3

local p = assert(io.popen(string.format(
  "OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=%d /usr/bin/python3 bench/unet_torch.py train %s %d %d 2>&1",
  threads, dir, batch, steps)))
local out = p:read("a")
p:close()
os.execute("rm -rf " .. dir)
local torch_ms = tonumber(out:match("([%d.]+)%s*$"))
print(string.format("threads: %d, batch %d, median of %d steps; MNIST-size UNet2DModel, %.2f M parameters",
  threads, batch, steps, model:parameters() / 1e6))
print(dofile("bench/kernels.lua"))
print()
print("| | step (ms) | images/s |")
print("|---|---|---|")
print(string.format("| diffusion | %.0f | %.1f |", ours, batch / ours * 1e3))
if not torch_ms then
  print("| PyTorch | failed: " .. out:gsub("\n", " ") .. " | |")
  os.exit(1)
end
print(string.format("| PyTorch 1.13 | %.0f | %.1f |", torch_ms, batch / torch_ms * 1e3))
print()
print(string.format("throughput ratio, diffusion / PyTorch: %.2f (goal >= 1.0)", torch_ms / ours))
