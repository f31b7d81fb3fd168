-- A StableDiffusionPipeline folder in the SD1.5 shapes, for the memory and speed figures of
-- docs/text-to-image.md: DIR/unet and DIR/vae as `bench/peers/sd_torch.py make DIR` writes them
-- (diffusers' own save_pretrained), and here a CLIPTextModel of SD1.5's shapes (12 layers of 768,
-- MLP 3072, 12 heads) with random weights (normal, std 0.02; norms 1 and 0, as transformers
-- initialises one), the tiny sd1 fixture's tokenizer (the real CLIP vocabulary) and scheduler.
--   lua5.4 bench/sd_pipeline_folder.lua DIR [f16]   -- f16: every component also as
--                                                      *.fp16.safetensors (diffusers' variant)
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local d = require "diffusion"

local dir, variant = arg[1], arg[2]
if not dir or (variant and variant ~= "f16") then
  io.stderr:write("usage: lua5.4 bench/sd_pipeline_folder.lua DIR [f16]\n")
  os.exit(2)
end
local FIXTURE = "spec/fixtures/diffusers/sd/sd1/"
for _, part in ipairs { "unet", "vae" } do
  if not io.open(dir .. "/" .. part .. "/config.json") then
    io.stderr:write(string.format("no %s/%s: run bench/peers/sd_torch.py make %s first\n", dir, part, dir))
    os.exit(1)
  end
end

local function sh(cmd)
  if not os.execute(cmd) then error("failed: " .. cmd) end
end

local function write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

sh(string.format("mkdir -p %s/text_encoder && cp -r %stokenizer %sscheduler %smodel_index.json %s/", dir, FIXTURE,
  FIXTURE, FIXTURE, dir))
local config = d.core.json_decode(io.open(FIXTURE .. "text_encoder/config.json"):read("a"))
config.hidden_size, config.intermediate_size, config.num_attention_heads = 768, 3072, 12
config.num_hidden_layers, config.projection_dim = 12, 768
write(dir .. "/text_encoder/config.json", d.core.json_encode(config))

local rng, weights = d.rng(0), {}
local function normal(name, shape) weights["text_model." .. name] = rng:randn(shape):mul_(0.02) end
local function norm(name, width)
  weights["text_model." .. name .. ".weight"] = d.ones { width }
  weights["text_model." .. name .. ".bias"] = d.zeros { width }
end
normal("embeddings.token_embedding.weight", { config.vocab_size, 768 })
normal("embeddings.position_embedding.weight", { 77, 768 })
for i = 0, 11 do
  local l = "encoder.layers." .. i .. "."
  for _, p in ipairs { "q_proj", "k_proj", "v_proj", "out_proj" } do
    normal(l .. "self_attn." .. p .. ".weight", { 768, 768 })
    normal(l .. "self_attn." .. p .. ".bias", { 768 })
  end
  normal(l .. "mlp.fc1.weight", { 3072, 768 })
  normal(l .. "mlp.fc1.bias", { 3072 })
  normal(l .. "mlp.fc2.weight", { 768, 3072 })
  normal(l .. "mlp.fc2.bias", { 768 })
  norm(l .. "layer_norm1", 768)
  norm(l .. "layer_norm2", 768)
end
norm("final_layer_norm", 768)
d.save_safetensors(dir .. "/text_encoder/model.safetensors", weights, { format = "pt" })

if variant then
  for _, part in ipairs { { "unet", "diffusion_pytorch_model" }, { "vae", "diffusion_pytorch_model" },
    { "text_encoder", "model" } } do
    local stem = dir .. "/" .. part[1] .. "/" .. part[2]
    d.save_safetensors(stem .. ".fp16.safetensors", d.load_safetensors(stem .. ".safetensors"), { format = "pt" },
      { dtype = "F16" })
  end
end
local pipe = d.load(dir) -- every component loads
print(string.format("%s: %s, %.0fM + %.0fM + %.0fM parameters", dir, pipe.class, pipe.unet:parameters() / 1e6,
  pipe.vae:parameters() / 1e6, pipe.text_encoder:parameters() / 1e6))
