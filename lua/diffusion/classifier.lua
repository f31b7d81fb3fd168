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
--
-- The noise-conditional variant (C.new(seed, act, {noise_conditional = true}),
-- shipped in models/mnist-noisy-classifier) classifies x_t = alpha x0 + sigma
-- eps: its first convolution takes a second input channel filled with the
-- variance-preserving noise level sigma / sqrt(alpha^2 + sigma^2), and x_t
-- enters scaled to unit total variance, so one network serves VP, EDM and
-- flow levels alike. clf:grad_log_prob(x, level, labels) gives
-- d log p(label | x_t) / dx_t, the input gradient classifier guidance needs.
local d = require "diffusion.core"

local C = {}
C.__index = C

-- name, weight shape; each has a bias of the first dim's size. conv1 takes a
-- second channel (the noise level) in the noise-conditional variant.
local function layers(noise_conditional)
  return {
    { "conv1", { 16, noise_conditional and 2 or 1, 3, 3 } }, { "conv2", { 32, 16, 3, 3 } },
    { "conv3", { 64, 32, 3, 3 } }, { "fc1", { 128, 1024 } }, { "fc2", { 10, 128 } },
  }
end
local PAD1 = { padding = 1 }

--- A fresh network with PyTorch's default initialisation: weights and biases
-- uniform in +-1/sqrt(fan_in). act: the activation ("relu"; any of
-- diffusion.activation's, so a smooth one can be used to check gradients).
-- opts.noise_conditional: the variant for noised inputs (see above).
function C.new(seed, act, opts)
  local noisy = opts and opts.noise_conditional or false
  local rng = d.rng(seed or 0)
  local p = {}
  for _, layer in ipairs(layers(noisy)) do
    local name, shape = layer[1], layer[2]
    local fan_in = 1
    for i = 2, #shape do fan_in = fan_in * shape[i] end
    local bound = 1 / math.sqrt(fan_in)
    p[name .. ".weight"] = rng:rand(shape) * (2 * bound) - bound
    p[name .. ".bias"] = rng:rand { shape[1] } * (2 * bound) - bound
  end
  return setmetatable({ params = p, act = act or "relu", noise_conditional = noisy }, C)
end

--- Loads a folder written by clf:save(dir) (model.safetensors); without dir,
-- the shipped MNIST classifier.
function C.load(dir)
  dir = dir or require("diffusion.model").bundled("mnist-classifier")
  local ok, p, meta = pcall(d.load_safetensors, dir .. "/model.safetensors")
  if not ok then error("classifier.load: " .. tostring(p), 2) end
  local noisy = meta and meta.noise_conditional == "true"
  for _, layer in ipairs(layers(noisy)) do
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
  local expected = 0
  for _ in pairs(layers(noisy)) do expected = expected + 2 end
  local count = 0
  for _ in pairs(p) do count = count + 1 end
  if count ~= expected then
    error(string.format("classifier.load: %d tensors, expected %d", count, expected), 2)
  end
  return setmetatable({ params = p, act = meta and meta.activation or "relu", noise_conditional = noisy }, C)
end

function C:save(dir)
  os.execute("mkdir -p '" .. dir .. "'")
  d.save_safetensors(dir .. "/model.safetensors", self.params, { format = "pt", activation = self.act,
    noise_conditional = tostring(self.noise_conditional or false) })
end

-- The variance-preserving noise level of a level {alpha, sigma} (or a number,
-- already that), and the factor that scales x_t to unit total variance.
local function vp_level(level)
  if type(level) == "number" then return level, 1 end
  local norm = math.sqrt(level.alpha * level.alpha + level.sigma * level.sigma)
  return level.sigma / norm, 1 / norm
end

--- logits (N x 10) and what the backward pass needs. The noise-conditional
-- variant needs noise: a level {alpha, sigma}, a VP noise level (a number),
-- or a tensor of N VP levels (training, a level per sample; x then already
-- at unit variance).
function C:forward(x, noise)
  local p = self.params
  if x:dim() ~= 4 or x:size(2) ~= 1 or x:size(3) ~= 32 or x:size(4) ~= 32 then
    error("classifier: input must be N x 1 x 32 x 32", 3)
  end
  local cache = { x = x }
  local h = x
  if self.noise_conditional then
    if noise == nil then error("classifier: the noise-conditional classifier needs the noise level", 3) end
    local n = x:size(1)
    local channel
    if type(noise) == "userdata" then
      if noise:numel() ~= n then error("classifier: need one noise level per sample", 3) end
      channel = noise:reshape { n, 1, 1, 1 }:expand { n, 1, 32, 32 }
    else
      local s, scale = vp_level(noise)
      channel = d.full({ n, 1, 32, 32 }, s)
      if scale ~= 1 then h = h * scale end
      cache.scale = scale
    end
    h = d.cat({ h, channel }, 2)
  end
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

--- Gradients of the loss (name -> tensor) given dLoss/dlogits, and the
-- gradient with respect to the input x.
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
  if self.noise_conditional then -- drop the noise channel; undo the input scaling
    gh = gh:narrow(2, 1, 1):contiguous()
    if cache.scale and cache.scale ~= 1 then gh:mul_(cache.scale) end
  end
  return g, gh
end

function C:features(x, noise)
  local _, cache = self:forward(x, noise)
  return cache.feats
end

--- log p(label | x) for each sample (a tensor of N) and its gradient with
-- respect to x: the direction classifier guidance pushes x_t in. labels: a
-- Lua list or tensor of 0..9; noise as in forward.
function C:grad_log_prob(x, noise, labels)
  local n = x:size(1)
  if type(labels) == "userdata" then labels = labels:totable() end
  if #labels ~= n then error(string.format("classifier: %d labels for %d samples", #labels, n), 2) end
  local logits, cache = self:forward(x, noise)
  local shifted = logits - logits:max(2, true)
  local sums = shifted:exp():sum(2, true)
  local probs = shifted:exp():div_(sums)
  local onehot = d.zeros { n, 10 }
  local logp = {}
  for i = 1, n do
    local k = math.tointeger(labels[i])
    if not k or k < 0 or k > 9 then error(string.format("classifier: label %s is not 0..9", tostring(labels[i])), 2) end
    onehot:set(i, k + 1, 1)
    logp[i] = shifted:get(i, k + 1) - math.log(sums:get(i, 1))
  end
  local _, gx = self:backward(cache, onehot - probs) -- d sum_i log p_i / d logits
  return d.tensor(logp), gx
end

--- The most likely class of each sample, 0..9, as a Lua list.
function C:predict(x, noise)
  local logits = self:forward(x, noise)
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

--- MNIST IDX files (images, labels) as N x 1 x 32 x 32 in [-1, 1] and a list
-- of labels. Without paths: the 10,000 digits shipped with diffusion (data/mnist;
-- the bundled models trained on the first 9,000, 9001-10000 are held out).
function C.mnist(images_path, labels_path)
  if images_path == nil and labels_path == nil then
    local shipped = require("diffusion.model").shipped
    images_path = shipped("data/mnist/mnist-10k-images-idx3-ubyte.gz")
    labels_path = shipped("data/mnist/mnist-10k-labels-idx1-ubyte.gz")
    if not images_path or not labels_path then
      error("mnist: the bundled digits (data/mnist) are not installed beside the module", 2)
    end
  end
  local images = d.load_idx(images_path)
  local n = images:size(1)
  local x = (images / 127.5 - 1):reshape { n, 1, 28, 28 }:pad({ 2, 2, 2, 2 }, -1)
  local labels = {}
  for i, v in ipairs(d.load_idx(labels_path):totable()) do labels[i] = math.tointeger(v) end
  return x, labels
end

--- Trains in place with AdamW (cosine decay after a short warm-up) on
-- x (N x 1 x 32 x 32) and labels; opts: epochs (10), batch (64), lr (5e-3),
-- weight_decay (1e-4), seed (0), callback(epoch, step, loss). The
-- noise-conditional variant needs opts.schedule: each sample is noised to a
-- training timestep drawn uniformly, x_t = alpha x0 + sigma eps.
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
  local sched = opts.schedule
  if self.noise_conditional and not sched then
    error("classifier.train: the noise-conditional classifier needs schedule", 2)
  end
  local steps_t = sched and sched:info().num_train_timesteps
  -- x_t at unit total variance and its VP noise level, a timestep per sample
  local function noised(x0)
    local u = rng:rand { batch }:totable()
    local a, s = {}, {}
    for k = 1, batch do
      local t = math.min(math.floor(u[k] * steps_t), steps_t - 1)
      local alpha, sigma = sched:alpha(t), sched:sigma(t)
      local norm = math.sqrt(alpha * alpha + sigma * sigma)
      a[k], s[k] = alpha / norm, sigma / norm
    end
    local at, st = d.tensor(a):reshape { batch, 1, 1, 1 }, d.tensor(s):reshape { batch, 1, 1, 1 }
    return x0 * at + rng:randn(x0:shape()) * st, d.tensor(s)
  end
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
      local logits, cache
      if self.noise_conditional then
        logits, cache = self:forward(noised(xb))
      else
        logits, cache = self:forward(xb)
      end
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

--- Fraction of x classified as labels (noise as in forward).
function C:accuracy(x, labels, batch, noise)
  batch = batch or 500
  local right = 0
  for s = 1, x:size(1), batch do
    local len = math.min(batch, x:size(1) - s + 1)
    for k, label in ipairs(self:predict(x:narrow(1, s, len), noise)) do
      if label == labels[s + k - 1] then right = right + 1 end
    end
  end
  return right / x:size(1)
end

return C
