-- Trains the noise-conditional MNIST classifier shipped in
-- models/mnist-noisy-classifier/ (see its README.md), the one classifier
-- guidance uses: the first 9,000 of the bundled 10,000 digits noised to a
-- uniform training timestep of the bundled model's cosine schedule, the last
-- 1,000 held out.   lua5.4 examples/train_noisy_classifier.lua [out_dir] [threads=2] [epochs=30]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out = arg[1] or "mnist-noisy-classifier" -- a new folder: models/ holds the shipped one
d.threads(tonumber(arg[2]) or 2)
local epochs = tonumber(arg[3]) or 30
local x, labels = d.classifier.mnist()
local sched = d.load(d.bundled("mnist")).schedule
local train_y, test_y = {}, {}
for i = 1, 9000 do train_y[i] = labels[i] end
for i = 1, 1000 do test_y[i] = labels[9000 + i] end
local clf = d.classifier.new(0, "relu", { noise_conditional = true })
local t0, sum, count = d.core.now(), 0, 0
clf:train(x:narrow(1, 1, 9000), train_y, {
  schedule = sched, epochs = epochs, lr = 3e-3,
  callback = function(epoch, step, loss)
    sum, count = sum + loss, count + 1
    if step % 140 == 0 then
      print(string.format("epoch %2d  step %5d  loss %.4f  %.1f s", epoch, step, sum / count, d.core.now() - t0))
      sum, count = 0, 0
    end
  end,
})
print(string.format("trained in %.1f s", d.core.now() - t0))
-- held-out accuracy at a few noise levels, each digit noised with a fixed seed
local held = x:narrow(1, 9001, 1000)
local rng = d.rng(1)
print("| t | sigma (VP) | held-out accuracy |")
print("|---|---|---|")
for _, t in ipairs { 0, 200, 400, 600, 700, 800, 900, 999 } do
  local level = { alpha = sched:alpha(t), sigma = sched:sigma(t) }
  local xt = held * level.alpha + rng:randn(held:shape()) * level.sigma
  print(string.format("| %d | %.3f | %.1f%% |", t, level.sigma, 100 * clf:accuracy(xt, test_y, 500, level)))
end
clf:save(out)
print("wrote " .. out .. "/model.safetensors")
