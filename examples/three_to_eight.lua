-- Turns held-out 3s into 8s: SDEdit (noise each 3 part of the way up the
-- plan, then denoise) with the bundled model asked for an 8 (classifier-free
-- guidance) and pushed towards one by the noise-conditional classifier
-- (classifier guidance). Writes a grid (rows: the 3s, SDEdit alone, SDEdit
-- with both guidances) and prints the MNIST classifier's mean probability of
-- "8" for each row.   lua5.4 examples/three_to_eight.lua [out.png] [strength=0.6]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out, strength = arg[1] or "three_to_eight.png", tonumber(arg[2]) or 0.6
d.threads(2)
local model = d.load(d.bundled("mnist"))
local sched = model.schedule
local digits, labels = d.classifier.mnist()
local threes = {}
for i = 9001, 10000 do
  if labels[i] == 3 and #threes < 10 then threes[#threes + 1] = digits:narrow(1, i, 1) end
end
local image = d.cat(threes, 1)
local n = image:size(1)
local eights = d.full({ n }, 8)

local x, plan = d.control.img2img { plan = sched:plan(20, model.plan_options), image = image, strength = strength,
  seed = 0 }
local function denoiser(cfg)
  return d.denoiser(model, sched, { prediction = "v_prediction", class_labels = eights, guidance_scale = cfg,
    null_class = 10 })
end
local plain = d.samplers.dpmpp_2m(denoiser(1), x, plan):clamp(-1, 1)
local guided_D = d.control.classifier_guidance(denoiser(2), d.classifier.load(d.bundled("mnist-noisy-classifier")),
  { labels = eights, scale = 5 })
local guided = d.samplers.dpmpp_2m(guided_D, x, plan):clamp(-1, 1)

local judge = d.classifier.load()
local function p8(batch)
  local logits = judge:forward(batch)
  local probs = (logits - logits:max(2, true)):exp()
  probs:div_(probs:sum(2, true))
  return probs:narrow(2, 9, 1):mean()
end
print(string.format("strength %.2f (%d of 20 steps): mean P(8) of the 3s %.3f, SDEdit towards 8 %.3f, "
  .. "with guidance (cfg 2, classifier 5) %.3f", strength, #plan - 1, p8(image), p8(plain), p8(guided)))
d.image.save_grid(out, d.cat({ image, plain, guided }, 1), { nrow = n })
print("wrote " .. out)
