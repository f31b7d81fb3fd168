--- diffusion.classifier: a small CNN for 1 x 32 x 32 digits in [-1, 1] (MNIST
-- padded by 2, the bundled model's format): three stages of 3x3 convolution,
-- ReLU and 2x2 average pooling (16, 32, 64 channels), then linear 1024 -> 128,
-- ReLU, linear 128 -> 10. Trained with this project's backward passes and
-- AdamW; it judges class-conditional samples, and its 128 penultimate
-- features are the space for Fréchet distances.
--
--   local clf = diffusion.classifier.load("models/mnist-classifier")
--   local labels = clf:predict(x)        -- x: N x 1 x 32 x 32; labels 0..9 (a Lua list)
--   local feats = clf:features(x)        -- N x 128
local d = require "diffusion.core"

local C = {}
C.__index = C

local LAYERS = { -- name, weight shape; each has a bias of the first dim's size
  { "conv1", { 16, 1, 3, 3 } }, { "conv2", { 32, 16, 3, 3 } }, { "conv3", { 64, 32, 3, 3 } },
  { "fc1", { 128, 1024 } }, { "fc2", { 10, 128 } },
}
local PAD1 = { padding = 1 }

--- A fresh network with PyTorch's default initialisation: weights and biases
-- uniform in +-1/sqrt(fan_in). act: the activation ("relu"; any of
-- diffusion.activation's, so a smooth one can be used to check gradients).
function C.new(seed, act)
  local rng = d.rng(seed or 0)
  local p = {}
  for _, layer in ipairs(LAYERS) do
    local name, shape = layer[1], layer[2]
    local fan_in = 1
    for i = 2, #shape do fan_in = fan_in * shape[i] end
    local bound = 1 / math.sqrt(fan_in)
    p[name .. ".weight"] = rng:rand(shape) * (2 * bound) - bound
    p[name .. ".bias"] = rng:rand { shape[1] } * (2 * bound) - bound
  end
  return setmetatable({ params = p, act = act or "relu" }, C)
end

--- Loads a folder written by clf:save(dir) (model.safetensors); without dir,
-- the shipped MNIST classifier.
function C.load(dir)
  dir = dir or require("diffusion.model").bundled("mnist-classifier")
  local ok, p, meta = pcall(d.load_safetensors, dir .. "/model.safetensors")
  if not ok then error("classifier.load: " .. tostring(p), 2) end
  for _, layer in ipairs(LAYERS) do
    for _, kind in ipairs { "weight", "bias" } do
      local name = layer[1] .. "." .. kind
      local want = kind == "weight" and layer[2] or { layer[2][1] }
      local t = p[name]
      if not t then error(string.format("classifier.load: tensor '%s' is missing", name), 2) end
      local got = t:shape()
      if table.concat(got, ",") ~= table.concat(want, ",") then
        error(string.format("classifier.load: '%s' has shape {%s}, expected {%s}", name,
          table.concat(got, ","), table.concat(want, ",")), 2)
      end
    end
  end
  return setmetatable({ params = p, act = meta and meta.activation or "relu" }, C)
end

function C:save(dir)
  os.execute("mkdir -p '" .. dir .. "'")
  d.save_safetensors(dir .. "/model.safetensors", self.params, { format = "pt", activation = self.act })
end

--- logits (N x 10) and what the backward pass needs
function C:forward(x)
  local p = self.params
  if x:dim() ~= 4 or x:size(2) ~= 1 or x:size(3) ~= 32 or x:size(4) ~= 32 then
    error("classifier: input must be N x 1 x 32 x 32", 3)
  end
  local cache = { x = x }
  local h = x
  for stage = 1, 3 do
    local conv = "conv" .. stage
    local a = d.conv2d(h, p[conv .. ".weight"], p[conv .. ".bias"], PAD1)
    cache[conv .. "_in"], cache[conv .. "_out"] = h, a
    h = d.avg_pool2x(d.activation(a, self.act))
  end
  local flat = h:reshape { x:size(1), 1024 }
  local z = d.linear(flat, p["fc1.weight"], p["fc1.bias"])
  local feats = d.activation(z, self.act)
  cache.flat, cache.z, cache.feats = flat, z, feats
  return d.linear(feats, p["fc2.weight"], p["fc2.bias"]), cache
end

--- Gradients of the loss (name -> tensor) given dLoss/dlogits.
function C:backward(cache, glogits)
  local p, g = self.params, {}
  local gfeats
  gfeats, g["fc2.weight"], g["fc2.bias"] = d.linear_backward(cache.feats, p["fc2.weight"], glogits)
  local gz = d.activation_backward(cache.z, gfeats, self.act)
  local gflat
  gflat, g["fc1.weight"], g["fc1.bias"] = d.linear_backward(cache.flat, p["fc1.weight"], gz)
  local gh = gflat:reshape { cache.x:size(1), 64, 4, 4 }
  for stage = 3, 1, -1 do
    local conv = "conv" .. stage
    local a = cache[conv .. "_out"]
    local ga = d.activation_backward(a, d.avg_pool2x_backward(a, gh), self.act)
    gh, g[conv .. ".weight"], g[conv .. ".bias"] = d.conv2d_backward(cache[conv .. "_in"], p[conv .. ".weight"],
      ga, PAD1)
  end
  return g
end

function C:features(x)
  local _, cache = self:forward(x)
  return cache.feats
end

--- The most likely class of each sample, 0..9, as a Lua list.
function C:predict(x)
  local logits = self:forward(x)
  local idx = logits:argmax(2):totable()
  local out = {}
  for i, v in ipairs(idx) do out[i] = math.tointeger(v) - 1 end
  return out
end

--- Mean cross-entropy of logits (N x 10) against labels (a list of 0..9), and its gradient.
function C.cross_entropy(logits, labels)
  local n = logits:size(1)
  local shifted = logits - logits:max(2, true)
  local probs = shifted:exp()
  local sums = probs:sum(2, true)
  probs:div_(sums)
  local loss = 0
  local onehot = d.zeros { n, 10 }
  for i = 1, n do
    local k = labels[i] + 1
    onehot:set(i, k, 1)
    loss = loss + math.log(sums:get(i, 1)) - shifted:get(i, k)
  end
  return loss / n, (probs - onehot) / n
end

--- MNIST IDX files (images, labels) as N x 1 x 32 x 32 in [-1, 1] and a list of labels.
function C.mnist(images_path, labels_path)
  local images = d.load_idx(images_path)
  local n = images:size(1)
  local x = (images / 127.5 - 1):reshape { n, 1, 28, 28 }:pad({ 2, 2, 2, 2 }, -1)
  local labels = {}
  for i, v in ipairs(d.load_idx(labels_path):totable()) do labels[i] = math.tointeger(v) end
  return x, labels
end

--- Trains in place with AdamW (cosine decay after a short warm-up) on
-- x (N x 1 x 32 x 32) and labels; opts: epochs (10), batch (64), lr (5e-3),
-- weight_decay (1e-4), seed (0), callback(epoch, step, loss).
function C:train(x, labels, opts)
  opts = opts or {}
  local epochs, batch, lr = opts.epochs or 10, opts.batch or 64, opts.lr or 5e-3
  local rng = d.rng(opts.seed or 0)
  local n = x:size(1)
  local m, v = {}, {}
  for name, t in pairs(self.params) do m[name], v[name] = d.zeros(t:shape()), d.zeros(t:shape()) end
  local per_epoch = n // batch
  local total, step = epochs * per_epoch, 0
  local warmup = math.min(100, math.ceil(total / 10))
  local xb = d.zeros { batch, 1, 32, 32 }
  for epoch = 1, epochs do
    local order = {}
    for i = 1, n do order[i] = i end
    local u = rng:rand { n }:totable()
    for i = n, 2, -1 do -- Fisher-Yates
      local j = math.floor(u[i] * i) + 1
      order[i], order[j] = order[j], order[i]
    end
    for b = 0, per_epoch - 1 do
      local yb = {}
      for k = 1, batch do
        local i = order[b * batch + k]
        xb:narrow(1, k, 1):copy_(x:narrow(1, i, 1))
        yb[k] = labels[i]
      end
      local logits, cache = self:forward(xb)
      local loss, glogits = C.cross_entropy(logits, yb)
      local grads = self:backward(cache, glogits)
      step = step + 1
      local warm = math.min(1, step / warmup)
      local rate = lr * warm * 0.5 * (1 + math.cos(math.pi * step / total))
      for name, t in pairs(self.params) do
        d.adamw_step_(t, grads[name], m[name], v[name], { lr = rate, weight_decay = opts.weight_decay or 1e-4,
          step = step })
      end
      if opts.callback then opts.callback(epoch, step, loss) end
    end
  end
end

--- Fraction of x classified as labels.
function C:accuracy(x, labels, batch)
  batch = batch or 500
  local right = 0
  for s = 1, x:size(1), batch do
    local len = math.min(batch, x:size(1) - s + 1)
    for k, label in ipairs(self:predict(x:narrow(1, s, len))) do
      if label == labels[s + k - 1] then right = right + 1 end
    end
  end
  return right / x:size(1)
end

return C
