-- Seconds per 512 x 512 image from a latent consistency model at 4 steps with the TAESD decoder
-- (the issue's figure: at most 20 s on the two cores), SD1.5-shaped: the UNet of DIR with a
-- guidance-embedding projection (time_cond_proj_dim 256, as LCM-distilled SD1.5 UNets have; random,
-- std 0.02), DIR's text encoder and tokenizer, DIR/taesd as the VAE, the lcm fixture's LCMScheduler.
-- Whole pipe:generate calls (prompt to image), then each component's share of one.
--   lua5.4 bench/sd_lcm_taesd.lua DIR [threads=2] [images=3] [f32|f16|bf16] [float32|bf16 products]
-- DIR: bench/peers/sd_torch.py make DIR and taesd DIR, then bench/sd_pipeline_folder.lua DIR.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local dir = assert(arg[1], "usage: lua5.4 bench/sd_lcm_taesd.lua DIR [threads] [images] [f32|f16]")
local threads, images, dtype = tonumber(arg[2] or "2"), tonumber(arg[3] or "3"), arg[4] or "f32"
d.threads(threads)
d.matmul_precision(arg[5] or "float32")

local config = d.core.json_decode(io.open(dir .. "/unet/config.json"):read("a"))
config.time_cond_proj_dim = 256
local weights = d.load_safetensors(dir .. "/unet/diffusion_pytorch_model" .. (dtype ~= "f32" and ".fp16" or "")
  .. ".safetensors", { dtype = dtype })
local width = config.block_out_channels[1] -- the sinusoidal timestep features the projection adds to
weights["time_embedding.cond_proj.weight"] = d.rng(1):randn({ width, 256 }):mul_(0.02):to(dtype)
local unet = require("diffusion.model").build(d.core.json_encode(config), weights, "the LCM UNet")
local F = "spec/fixtures/diffusers/sd/lcm/"
local scheduler_config = d.core.json_decode(io.open(F .. "scheduler/scheduler_config.json"):read("a"))
local pipe = require("diffusion.pipeline").assemble("LatentConsistencyModelPipeline", dir .. " + LCM UNet + TAESD", {
  tokenizer = d.load(dir .. "/tokenizer"), text_encoder = d.load(dir .. "/text_encoder", { dtype = dtype }),
  unet = unet, vae = d.load(dir .. "/taesd", { dtype = dtype }), scheduler = scheduler_config._class_name,
  scheduler_config = scheduler_config })

print(string.format("# LCM, 4 steps, TAESD decoder, 512 x 512, batch 1, %s weights, %s products, threads %d, %s",
  dtype, d.matmul_precision(), threads, dofile("bench/kernels.lua")))
local times = {}
for i = 1, images do
  local t0 = d.now()
  pipe:generate { prompt = "a lighthouse at dawn, oil painting", steps = 4, seed = i, height = 512, width = 512 }
  times[i] = d.now() - t0
end
local best = math.min(table.unpack(times))
local parts = {}
for i, t in ipairs(times) do parts[i] = string.format("%.2f", t) end
print(string.format("images (s): %s; best %.2f s per image", table.concat(parts, ", "), best))
-- one image's components, each timed alone
local ids = pipe.tokenizer:encode { "a lighthouse at dawn, oil painting" }
local t0 = d.now()
local embeds = pipe.text_encoder(ids).last_hidden_state
local t_text = d.now() - t0
local x = d.rng(0):randn { 1, 4, 64, 64 }
local cond = { encoder_hidden_states = embeds, timestep_cond = d.zeros { 1, 256 } }
t0 = d.now()
unet(x, 499, cond)
local t_unet = d.now() - t0
t0 = d.now()
pipe.vae:decode(x)
local t_decode = d.now() - t0
print(string.format("text encoder %.2f s, one UNet evaluation %.2f s (x 4), TAESD decode %.2f s", t_text, t_unet,
  t_decode))
