local d = require "diffusion"
local C = d.classifier

local IMAGES, LABELS = "data/mnist/mnist-10k-images-idx3-ubyte.gz", "data/mnist/mnist-10k-labels-idx1-ubyte.gz"

describe("diffusion.classifier", function()
  local x, labels = C.mnist(IMAGES, LABELS)

  it("the shipped model labels at least 98% of the 1,000 held-out digits correctly", function()
    local clf = C.load("models/mnist-classifier")
    local held = {}
    for i = 1, 1000 do held[i] = labels[9000 + i] end
    local acc = clf:accuracy(x:narrow(1, 9001, 1000), held)
    assert.is_true(acc >= 0.98, "accuracy " .. acc)
    assert.same({ 1000, 128 }, clf:features(x:narrow(1, 9001, 1000)):shape())
    -- without a folder: the shipped model, found beside the module
    assert.equal(0, (C.load().params["fc1.weight"] - clf.params["fc1.weight"]):abs():max())
  end)

  it("computes the whole network's gradient (checked against finite differences)", function()
    -- with GELU, which has no kinks for a finite step to straddle (each op's
    -- backward, ReLU's included, has its own check in grad_spec.lua)
    local clf = C.new(3, "gelu")
    local xb, yb = x:narrow(1, 1, 4), { labels[1], labels[2], labels[3], labels[4] }
    local logits, cache = clf:forward(xb)
    local _, glogits = C.cross_entropy(logits, yb)
    local grads = clf:backward(cache, glogits)
    local rng = d.rng(9)
    for _, name in ipairs { "conv1.weight", "conv2.bias", "conv3.weight", "fc1.weight", "fc2.bias" } do
      local p, v, h = clf.params[name], rng:randn(clf.params[name]:shape()), 1e-3
      local saved = p:clone()
      p:axpby_(1, h, v)
      local up = C.cross_entropy(clf:forward(xb), yb)
      p:copy_(saved):axpby_(1, -h, v)
      local down = C.cross_entropy(clf:forward(xb), yb)
      p:copy_(saved)
      local fd, an = (up - down) / (2 * h), d.dot(grads[name], v)
      assert.is_true(math.abs(fd - an) <= 5e-3 * math.max(math.abs(an), 1e-2),
        string.format("%s: analytic %.6g, finite differences %.6g", name, an, fd))
    end
  end)

  it("trains: a short run lowers the loss, and the same seed gives the same weights", function()
    local function run()
      local clf = C.new(1)
      local losses = {}
      local y = {}
      for i = 1, 512 do y[i] = labels[i] end
      clf:train(x:narrow(1, 1, 512), y, { epochs = 6, batch = 32, lr = 5e-3,
        callback = function(_, step, loss) losses[step] = loss end })
      return clf, losses
    end
    local a, losses = run()
    local first = (losses[1] + losses[2] + losses[3]) / 3
    local last = (losses[94] + losses[95] + losses[96]) / 3
    assert.is_true(last < 0.5 * first, string.format("loss %.3f -> %.3f", first, last))
    local b = run()
    assert.equal(0, (a.params["fc1.weight"] - b.params["fc1.weight"]):abs():max())
  end)

  it("refuses what it cannot use", function()
    local clf = C.new(0)
    assert.has_error(function() clf:predict(d.zeros { 1, 1, 28, 28 }) end, "classifier: input must be N x 1 x 32 x 32")
    local ok, err = pcall(C.load, "/nonexistent")
    assert.is_false(ok)
    assert.truthy(err:find("classifier.load: ", 1, true))
    local dir = os.tmpname()
    os.remove(dir)
    local p = clf.params
    p["fc2.bias"] = d.zeros { 9 }
    clf:save(dir)
    local ok2, err2 = pcall(C.load, dir)
    os.execute("rm -rf '" .. dir .. "'")
    assert.is_false(ok2)
    assert.truthy(err2:find("'fc2.bias' has shape {9}, expected {10}", 1, true), err2)
  end)
end)
