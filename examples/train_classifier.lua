-- Trains the MNIST classifier shipped in models/mnist-classifier/ (see its
-- README.md): the first 9,000 of the bundled 10,000 digits, the last 1,000
-- held out.   lua5.4 examples/train_classifier.lua [out_dir] [threads=2]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out = arg[1] or "mnist-classifier" -- a new folder: models/mnist-classifier is the shipped one
d.threads(tonumber(arg[2]) or 2)
local x, labels = d.classifier.mnist()
local train_y, test_y = {}, {}
for i = 1, 9000 do train_y[i] = labels[i] end
for i = 1, 1000 do test_y[i] = labels[9000 + i] end
local clf = d.classifier.new(0)
local t0, sum, count = d.core.now(), 0, 0
clf:train(x:narrow(1, 1, 9000), train_y, {
  callback = function(epoch, step, loss)
    sum, count = sum + loss, count + 1
    if step % 140 == 0 then
      print(string.format("epoch %2d  step %4d  loss %.4f  %.1f s", epoch, step, sum / count, d.core.now() - t0))
      sum, count = 0, 0
    end
  end,
})
local acc = clf:accuracy(x:narrow(1, 9001, 1000), test_y)
print(string.format("held-out accuracy %.1f%% (1,000 digits), %.1f s", 100 * acc, d.core.now() - t0))
clf:save(out)
print("wrote " .. out .. "/model.safetensors")
