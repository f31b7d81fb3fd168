-- Classifier guidance on the bundled model run unconditionally (its null
-- class): the noise-conditional classifier steers each sample towards a
-- digit. Prints, for each guidance scale, how often the (clean) MNIST
-- classifier reads the requested digit; writes the grid of the last scale.
--   lua5.4 examples/classifier_guidance.lua [out.png] [n=100] [scales=0,2,5,10]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out, n = arg[1] or "classifier_guidance.png", tonumber(arg[2]) or 100
local scales = {}
for v in (arg[3] or "0,2,5,10"):gmatch("[^,]+") do scales[#scales + 1] = tonumber(v) end
d.threads(2)
local model = d.load(d.bundled("mnist"))
local clf = d.classifier.load(d.bundled("mnist-noisy-classifier"))
local judge = d.classifier.load()
local target = {}
for i = 1, n do target[i] = (i - 1) * 10 // n end -- in rows of the grid
local noise, plan = d.rng(0):randn { n, 1, 32, 32 }, model.schedule:plan(20, model.plan_options)
print("| classifier scale | requested digit read back |")
print("|---|---|")
local x
for _, scale in ipairs(scales) do
  local D = d.denoiser(model, model.schedule, { prediction = "v_prediction", class_labels = d.full({ n }, 10) })
  D = d.control.classifier_guidance(D, clf, { labels = target, scale = scale })
  x = d.samplers.dpmpp_2m(D, noise, plan):clamp(-1, 1)
  local right = 0
  for i, label in ipairs(judge:predict(x)) do
    if label == target[i] then right = right + 1 end
  end
  print(string.format("| %g | %.0f%% |", scale, 100 * right / n))
end
d.image.save_grid(out, x, { nrow = math.ceil(n / 10) })
print("wrote " .. out)
