--- diffusion.train{...}: trains a UNet2DModel (a diffusion.Model) to denoise.
-- Each step draws a batch of images x0, noise eps and timesteps t, forms
-- x_t = alpha_t x0 + sigma_t eps through the schedule, and takes one AdamW
-- step on the mean squared error of the network's prediction:
--
--   local model = diffusion.unet(config, { seed = 0 })
--   local result = diffusion.train {
--     model = model, data = x, labels = labels,       -- x: N x C x H x W in [-1, 1]
--     schedule = diffusion.schedule.cosine(), objective = "v_prediction",
--     steps = 4000, batch = 64, lr = 2e-4, ema = 0.999, checkpoint = "runs/mnist",
--   }
--   result.ema  -- a diffusion.Model with the EMA weights
--
-- Options (defaults in brackets):
--   model            the diffusion.Model to train, in place (required)
--   data             N x C x H x W tensor of training images (required)
--   labels           N class labels (list or tensor) for a class-conditional model
--   schedule         a diffusion.Schedule, any kind, built-in or from a Lua
--                    function [diffusion.schedule.linear()]
--   objective        "epsilon" | "v_prediction" | "sample" | "flow" ["epsilon"]
--   timesteps        "uniform" or function(rng, n) -> n timesteps ["uniform":
--                    integers 0..T-1 for VP schedules, continuous for flow/EDM]
--   steps [1000], batch [64]
--   lr [1e-4], warmup [min(500, steps / 10)] linear warm-up steps, then
--   decay            "cosine" (to min_lr [0]) | "constant" ["cosine"]
--   weight_decay [0], beta1 [0.9], beta2 [0.999], eps [1e-8]   (AdamW)
--   grad_clip        clip the global gradient norm to this; false: off [1]
--   ema              EMA decay (diffusers' warm-up: min(ema, (1 + k) / (10 + k)));
--                    false: no EMA [0.9999]
--   target_ema       a second EMA, of this fixed decay from the first step: a
--                    consistency model's target network (Song et al. 2023),
--                    kept apart from the EMA the samples are drawn from
--                    [false]; checkpointed in unet_target/
--   class_dropout    probability of training a sample with the null class,
--                    for classifier-free guidance [0.1 when labels are given]
--   null_class       the null class label [num_class_embeds - 1]
--   seed [0]         with the thread count, fixes every draw: the same seed
--                    gives the same weights (and the kernels here do not
--                    depend on the thread count either)
--   checkpoint       a folder: unet/ (and unet_ema/) in diffusers format,
--                    optimizer.safetensors (AdamW moments), trainer_state.json
--   checkpoint_every steps between checkpoints [500]; one is written at the end
--   resume           true: continue from `checkpoint` if it holds one (the
--                    result is the same as an uninterrupted run)
--   target           function(batch) -> target [, weights]: what the network
--                    should output for the step's batch instead of the
--                    objective's target (distillation: a teacher's), batch =
--                    {x0, eps, xt, t, alpha, sigma (lists), labels, step,
--                    ema, target_ema (those weights by name)}, every row of the global
--                    batch; weights: a loss weight per sample
--   callback         function(info) per step, info = {step, steps, loss, lr,
--                    grad_norm, seconds}; returning false stops (checkpointed)
--   world            the processes to split each batch over (data parallel)
--                    [diffusion.parallel.world(): diffusion.mpi under mpirun,
--                    else one process]. Every rank builds the same global
--                    batch and takes its rows; the gradients are summed in
--                    one fixed order, so the weights are the same on every
--                    rank, the same from run to run, and those of one
--                    process to float rounding; rank 0 writes the
--                    checkpoints, which resume on any rank count.
-- Returns {model = model, ema = ema model or nil, target_ema = target_ema
-- model or nil, losses = {...}, step = n}.
local d = require "diffusion.core"

local KNOWN = {
  model = true, data = true, labels = true, schedule = true, objective = true, timesteps = true, steps = true,
  batch = true, lr = true, warmup = true, decay = true, min_lr = true, weight_decay = true, beta1 = true,
  beta2 = true, eps = true, grad_clip = true, ema = true, target_ema = true, class_dropout = true, null_class = true,
  seed = true, checkpoint = true, checkpoint_every = true, resume = true, callback = true, world = true, target = true,
}
local OBJECTIVES = { epsilon = true, v_prediction = true, sample = true, flow = true }
local DRAWS_PER_STEP = 8      -- rng positions each step may use: step k uses [8k, 8k + 8)
local PERMUTATIONS = 1 << 40  -- epoch e's shuffle draws at this + e: apart from the steps'

local function fail(fmt, ...) error("train: " .. string.format(fmt, ...), 3) end

local function sorted_names(t)
  local names = {}
  for name in pairs(t) do names[#names + 1] = name end
  table.sort(names)
  return names
end

-- noise level draws for the schedule's kind
local function uniform_timesteps(schedule)
  local info = schedule:info()
  local n = info.num_train_timesteps
  if info.kind == "vp" then
    return function(rng, count) return rng:randint(0, n - 1, { count }):totable() end
  elseif info.kind == "flow" then
    return function(rng, count) return (rng:rand { count } * n):totable() end
  end
  local lo, hi = 0.25 * math.log(info.sigma_min), 0.25 * math.log(info.sigma_max) -- EDM: t = log(sigma) / 4
  return function(rng, count) return (rng:rand { count } * (hi - lo) + lo):totable() end
end

local function learning_rate(o, step)
  local lr = o.lr
  if step <= o.warmup then return lr * step / o.warmup end
  if o.decay == "constant" then return lr end
  local progress = (step - o.warmup) / math.max(1, o.steps - o.warmup)
  return o.min_lr + (lr - o.min_lr) * 0.5 * (1 + math.cos(math.pi * math.min(1, progress)))
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function mkdir(dir)
  if not os.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "'") then fail("cannot create '%s'", dir) end
end

-- copies a safetensors file's tensors into `into` (name -> tensor), every one required
local function load_into(path, into, prefix, what)
  local ok, loaded = pcall(d.load_safetensors, path)
  if not ok then fail("resume: %s", tostring(loaded)) end
  for name, t in pairs(into) do
    local src = loaded[(prefix or "") .. name]
    if not src then fail("resume: %s has no %s for '%s'", path, what, name) end
    if table.concat(src:shape(), ",") ~= table.concat(t:shape(), ",") then
      fail("resume: %s: '%s' has shape {%s}, the model's is {%s}", path, name, table.concat(src:shape(), ","),
        table.concat(t:shape(), ","))
    end
    t:copy_(src)
  end
end

local function options(o)
  if type(o) ~= "table" then fail("expected a table of options") end
  for k in pairs(o) do
    if not KNOWN[k] then fail("unknown option '%s'", tostring(k)) end
  end
  local model, data = o.model, o.data
  if type(model) ~= "userdata" or not pcall(function() return model.layout end) or not model.layout then
    fail("model must be a diffusion.Model (diffusion.unet or diffusion.load)")
  end
  for name, w in pairs(model:weights()) do
    if w:dtype() ~= "float32" then
      fail("the model's weights are %s (weight '%s'): load it with dtype = \"f32\" to train it", w:dtype(), name)
    end
  end
  if type(data) ~= "userdata" or not pcall(data.dim, data) or data:dim() ~= 4 then
    fail("data must be an N x C x H x W tensor")
  end
  local layout = model:layout()
  if data:size(2) ~= layout.in_channels then
    fail("data has %d channels, the model takes %d", data:size(2), layout.in_channels)
  end
  if not data:all_finite() then fail("data has NaN or infinite values") end
  local c = {
    model = model, data = data, layout = layout, schedule = o.schedule or require("diffusion.schedule").linear(),
    objective = o.objective or "epsilon", steps = o.steps or 1000, batch = o.batch or 64, lr = o.lr or 1e-4,
    decay = o.decay or "cosine", min_lr = o.min_lr or 0, weight_decay = o.weight_decay or 0,
    beta1 = o.beta1 or 0.9, beta2 = o.beta2 or 0.999, eps = o.eps or 1e-8, seed = o.seed or 0,
    checkpoint = o.checkpoint, checkpoint_every = o.checkpoint_every or 500, callback = o.callback,
  }
  if not OBJECTIVES[c.objective] then fail("unknown objective '%s'", tostring(c.objective)) end
  for _, k in ipairs { "steps", "batch", "checkpoint_every" } do
    if math.type(c[k]) ~= "integer" or c[k] < 1 then fail("%s must be a positive integer", k) end
  end
  c.warmup = o.warmup or math.min(500, c.steps // 10)
  if math.type(c.warmup) ~= "integer" or c.warmup < 0 then fail("warmup must be an integer >= 0") end
  if c.decay ~= "cosine" and c.decay ~= "constant" then fail("unknown decay '%s'", tostring(c.decay)) end
  for _, k in ipairs { "lr", "min_lr", "weight_decay", "eps" } do
    if type(c[k]) ~= "number" or c[k] < 0 or c[k] ~= c[k] then fail("%s must be a number >= 0", k) end
  end
  c.grad_clip = o.grad_clip == nil and 1 or o.grad_clip
  if c.grad_clip and (type(c.grad_clip) ~= "number" or c.grad_clip <= 0) then
    fail("grad_clip must be a positive number or false")
  end
  c.ema = o.ema == nil and 0.9999 or o.ema
  if c.ema and (type(c.ema) ~= "number" or c.ema <= 0 or c.ema >= 1) then fail("ema must be in (0, 1) or false") end
  c.target_ema = o.target_ema or false
  if c.target_ema and (type(c.target_ema) ~= "number" or c.target_ema <= 0 or c.target_ema >= 1) then
    fail("target_ema must be in (0, 1) or false")
  end
  if getmetatable(c.schedule) == nil or not pcall(function() return c.schedule:info() end) then
    fail("schedule must be a diffusion.Schedule")
  end
  if o.timesteps == nil or o.timesteps == "uniform" then
    c.timesteps = uniform_timesteps(c.schedule)
  elseif type(o.timesteps) == "function" then
    c.timesteps = o.timesteps
  else
    fail("timesteps must be \"uniform\" or a function(rng, n)")
  end
  local n = data:size(1)
  if n < 1 then fail("data is empty") end
  local conditional = layout.class_embedding ~= "none"
  if conditional ~= (o.labels ~= nil) then
    fail(conditional and "the model is class-conditional: labels are needed"
      or "labels given, but the model has no class embedding")
  end
  if o.labels then
    local kind = layout.class_embedding -- "table": labels index it; "timestep": any numbers
    if kind == "identity" then fail("identity class embeddings take embeddings, not labels: not trainable here") end
    local labels = type(o.labels) == "table" and o.labels or o.labels:totable()
    if #labels ~= n then fail("%d labels for %d images", #labels, n) end
    local function check_label(v, what)
      local k = math.tointeger(v)
      if kind == "timestep" then
        if type(v) ~= "number" or v ~= v or math.abs(v) == math.huge then fail("%s is not a number", what) end
        return v
      end
      if not k or k < 0 or k >= layout.num_class_embeds then
        fail("%s is not a class in 0..%d", what, layout.num_class_embeds - 1)
      end
      return k
    end
    c.labels = {}
    for i, v in ipairs(labels) do c.labels[i] = check_label(v, string.format("label %d (%s)", i, tostring(v))) end
    c.class_dropout = o.class_dropout == nil and 0.1 or o.class_dropout
    if type(c.class_dropout) ~= "number" or not (c.class_dropout >= 0 and c.class_dropout <= 1) then
      fail("class_dropout must be a probability in [0, 1]")
    end
    if o.null_class == nil and kind == "timestep" and c.class_dropout > 0 then
      fail("class_dropout with a timestep class embedding needs null_class")
    end
    c.null_class = check_label(o.null_class or layout.num_class_embeds - 1, "null_class " .. tostring(o.null_class))
  end
  if o.target ~= nil and type(o.target) ~= "function" then fail("target must be a function(batch)") end
  c.target = o.target
  if o.resume and not c.checkpoint then fail("resume needs the checkpoint folder") end
  c.resume = o.resume
  c.world = o.world or require("diffusion.parallel").world()
  if c.world.size() > c.batch then
    fail("a batch of %d cannot be split over %d ranks: give a batch of at least %d", c.batch, c.world.size(),
      c.world.size())
  end
  c.first, c.count = require("diffusion.parallel").range(c.batch, c.world)
  return c
end

-- the weight averages a state may keep, and their checkpoint folders
local AVERAGES = { ema = "/unet_ema", target_ema = "/unet_target" }

-- A trainer's state: the optimizer moments, EMA weights, step and losses.
local function new_state(c)
  local weights = c.model:weights()
  local s = { step = 0, losses = {}, m = {}, v = {}, names = sorted_names(weights) }
  for _, name in ipairs(s.names) do
    s.m[name], s.v[name] = d.zeros(weights[name]:shape()), d.zeros(weights[name]:shape())
  end
  for key in pairs(AVERAGES) do
    if c[key] then
      s[key] = {}
      for _, name in ipairs(s.names) do s[key][name] = weights[name]:clone() end
    end
  end
  return s
end

local function save_checkpoint(c, s)
  local dir = c.checkpoint
  mkdir(dir)
  c.model:save(dir .. "/unet")
  for key, sub in pairs(AVERAGES) do
    if s[key] then
      require("diffusion.model").save_unet(dir .. sub, c.model._config_json or d.json_encode(c.model.config), s[key])
    end
  end
  local moments = {}
  for _, name in ipairs(s.names) do
    moments["exp_avg." .. name], moments["exp_avg_sq." .. name] = s.m[name], s.v[name]
  end
  d.save_safetensors(dir .. "/optimizer.safetensors", moments, { format = "pt" })
  write_file(dir .. "/trainer_state.json", d.json_encode { step = s.step, seed = c.seed, losses = s.losses })
end

local function resume(c, s)
  local text = read_file(c.checkpoint .. "/trainer_state.json")
  if not text then return end -- nothing yet: a fresh start
  local ok, st = pcall(d.json_decode, text)
  if not ok or math.type(st.step) ~= "integer" or type(st.losses) ~= "table" then
    fail("resume: '%s/trainer_state.json' is not a trainer state", c.checkpoint)
  end
  if st.seed ~= c.seed then fail("resume: the checkpoint was made with seed %s, not %s", tostring(st.seed), c.seed) end
  load_into(c.checkpoint .. "/unet/diffusion_pytorch_model.safetensors", c.model:weights(), nil, "weight")
  for key, sub in pairs(AVERAGES) do
    if s[key] then load_into(c.checkpoint .. sub .. "/diffusion_pytorch_model.safetensors", s[key], nil, "weight") end
  end
  load_into(c.checkpoint .. "/optimizer.safetensors", s.m, "exp_avg.", "moment")
  load_into(c.checkpoint .. "/optimizer.safetensors", s.v, "exp_avg_sq.", "moment")
  s.step, s.losses = st.step, st.losses
end

-- The images of step k: a fresh shuffle each epoch, so a resumed run draws what
-- an uninterrupted one would.
local function batch_indices(c, s, step)
  local n, out = c.data:size(1), {}
  for k = 1, c.batch do
    local i = (step - 1) * c.batch + k - 1
    local epoch, pos = i // n, i % n
    if s.perm_epoch ~= epoch then
      local shuffle = d.rng(c.seed)
      shuffle:draws(PERMUTATIONS + epoch)
      local u = shuffle:rand { n }:totable()
      local perm = {}
      for j = 1, n do perm[j] = j end
      for j = n, 2, -1 do -- Fisher-Yates
        local r = math.floor(u[j] * j) + 1
        perm[j], perm[r] = perm[r], perm[j]
      end
      s.perm, s.perm_epoch = perm, epoch
    end
    out[k] = s.perm[pos + 1]
  end
  return out
end

-- x_t, the target, the timesteps and labels of one step: this rank's rows of
-- the global batch, which every rank draws in full so that a row is the same
-- whatever the rank count
local function make_batch(c, s, step)
  local idx = batch_indices(c, s, step)
  local b, shape = c.batch, c.data:shape()
  shape[1] = b
  local x0 = d.empty(shape)
  for k, i in ipairs(idx) do x0:narrow(1, k, 1):copy_(c.data:narrow(1, i, 1)) end
  local rng = d.rng(c.seed)
  rng:draws((step - 1) * DRAWS_PER_STEP)
  local eps = rng:randn(shape)
  local t = c.timesteps(rng, b)
  if type(t) ~= "table" or #t ~= b then fail("timesteps must return a list of %d values", b) end
  local alpha, sigma = {}, {}
  for k = 1, b do alpha[k], sigma[k] = c.schedule:alpha(t[k]), c.schedule:sigma(t[k]) end
  local a, sg = d.tensor(alpha):reshape { b, 1, 1, 1 }, d.tensor(sigma):reshape { b, 1, 1, 1 }
  local xt = x0 * a + eps * sg
  local target
  if c.objective == "epsilon" then target = eps
  elseif c.objective == "v_prediction" then target = eps * a - x0 * sg
  elseif c.objective == "sample" then target = x0
  else target = eps - x0 end -- flow: the velocity
  local labels
  if c.labels then
    local drop = rng:rand { b }:totable()
    labels = {}
    for k, i in ipairs(idx) do labels[k] = drop[k] < c.class_dropout and c.null_class or c.labels[i] end
  end
  local weights
  if c.target then
    target, weights = c.target { x0 = x0, eps = eps, xt = xt, t = t, alpha = alpha, sigma = sigma, labels = labels,
      step = step, ema = s.ema, target_ema = s.target_ema }
    if type(target) ~= "userdata" or table.concat(target:shape(), ",") ~= table.concat(xt:shape(), ",") then
      fail("step %d: target must return a tensor shaped like the batch {%s}", step, table.concat(xt:shape(), ","))
    end
    if weights ~= nil and (type(weights) ~= "table" or #weights ~= b) then
      fail("step %d: target's weights must be a list of %d numbers", step, b)
    end
  end
  local rows = { t = {}, labels = labels and {}, weights = weights and {} }
  for k = c.first, c.first + c.count - 1 do
    rows.t[#rows.t + 1] = t[k]
    if labels then rows.labels[#rows.labels + 1] = labels[k] end
    if weights then rows.weights[#rows.weights + 1] = weights[k] end
  end
  return xt:narrow(1, c.first, c.count), target:narrow(1, c.first, c.count), d.tensor(rows.t), rows.labels,
    xt:numel(), rows.weights
end

local function global_norm(grads, names)
  local sq = 0
  for _, name in ipairs(names) do
    local g = grads[name]
    if g then sq = sq + d.dot(g, g) end
  end
  return math.sqrt(sq)
end

-- the gradients in one fixed order (the weights' names sorted), summed over
-- the ranks in place
local function sum_over_ranks(c, s, grads)
  if c.world.size() == 1 then return end
  local list = {}
  for _, name in ipairs(s.names) do list[#list + 1] = grads[name] end
  c.world.allreduce_(list)
end

local function step_once(c, s, step)
  local xt, target, t, labels, numel, loss_weights = make_batch(c, s, step)
  local out, pass = c.model:trace(xt, t, labels and { class_labels = d.tensor(labels) })
  local diff = out - target
  local sq
  if loss_weights then -- sum of w_k |diff_k|^2; diff_k scaled by w_k for the gradient
    local w = d.tensor(loss_weights):reshape { #loss_weights, 1, 1, 1 }
    local scaled = diff * w
    sq, diff = d.dot(scaled, diff), scaled
  else
    sq = d.dot(diff, diff)
  end
  local loss = c.world.allreduce(sq) / numel -- the global batch's mean
  if loss ~= loss or loss == math.huge then fail("step %d: the loss is %s", step, tostring(loss)) end
  local grads = pass:backward(diff:mul_(2 / numel))
  sum_over_ranks(c, s, grads)
  local norm = global_norm(grads, s.names)
  if c.grad_clip and norm > c.grad_clip then
    local k = c.grad_clip / norm
    for _, g in pairs(grads) do g:mul_(k) end
  end
  local lr = learning_rate(c, step)
  local weights = c.model:weights()
  for _, name in ipairs(s.names) do
    local g = grads[name]
    if g then -- (fixed Fourier features have none)
      d.adamw_step_(weights[name], g, s.m[name], s.v[name], {
        lr = lr, beta1 = c.beta1, beta2 = c.beta2, eps = c.eps, weight_decay = c.weight_decay, step = step,
      })
    end
  end
  if s.ema then
    local decay = math.min(c.ema, (1 + step) / (10 + step))
    for _, name in ipairs(s.names) do s.ema[name]:axpby_(decay, 1 - decay, weights[name]) end
  end
  if s.target_ema then
    for _, name in ipairs(s.names) do s.target_ema[name]:axpby_(c.target_ema, 1 - c.target_ema, weights[name]) end
  end
  return loss, lr, norm
end

local function average_model(c, average)
  if not average then return nil end
  local weights = {}
  for name, t in pairs(average) do weights[name] = t:clone() end
  local text = c.model._config_json or d.json_encode(c.model.config)
  local m = d.unet_load(text, weights)
  m._config_json = text
  return m
end

local function train(o)
  local c = options(o)
  local s = new_state(c)
  if c.resume then resume(c, s) end
  -- every activation of a step stays alive for its backward pass: keep their
  -- buffers for the next step instead of mapping fresh pages each time
  local saved_limit = d.cache_limit(math.max(d.cache_limit(), 16 << 30))
  local t0 = d.now()
  local ok, err = pcall(function()
    while s.step < c.steps do
      local step = s.step + 1
      local loss, lr, norm = step_once(c, s, step)
      s.step = step
      s.losses[step] = loss
      collectgarbage() -- the step's tensors back to the cache now
      local stop = c.callback and c.callback {
        step = step, steps = c.steps, loss = loss, lr = lr, grad_norm = norm, seconds = d.now() - t0,
      } == false
      if c.world.size() > 1 then stop = c.world.allreduce(stop and 1 or 0) > 0 end -- one rank stops: all do
      if c.checkpoint and (step % c.checkpoint_every == 0 or step == c.steps or stop) then
        if c.world.rank() == 0 then save_checkpoint(c, s) end
        c.world.barrier() -- written before any rank goes on (or ends the job)
      end
      if stop then break end
    end
  end)
  d.cache_limit(saved_limit)
  if not ok then error(err, 0) end
  return { model = c.model, ema = average_model(c, s.ema), target_ema = average_model(c, s.target_ema),
    losses = s.losses, step = s.step }
end

return train
