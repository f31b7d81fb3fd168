-- diffusion.train: objectives against their closed forms, learning,
-- determinism, resume, EMA, and bad options.
local d = require "diffusion"
local S = require "support"

local CONFIG = {
  block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
  down_block_types = { "DownBlock2D", "AttnDownBlock2D" }, up_block_types = { "AttnUpBlock2D", "UpBlock2D" },
  in_channels = 1, out_channels = 1, sample_size = 8, attention_head_dim = 8,
}

local function conditional() -- the same, with 3 classes and a null class
  local c = {}
  for k, v in pairs(CONFIG) do c[k] = v end
  c.num_class_embeds = 4
  return c
end

-- 32 images of 8 x 8: four flat grey levels
local function data()
  local x = d.empty { 32, 1, 8, 8 }
  local labels = {}
  for i = 1, 32 do
    local k = (i - 1) % 4
    x:narrow(1, i, 1):fill_(-0.75 + 0.5 * k)
    labels[i] = k % 3
  end
  return x, labels
end

local function weights_equal(a, b)
  for name, t in pairs(a) do
    if (t - b[name]):abs():max() ~= 0 then return false, name end
  end
  return true
end

local function tmpdir()
  local dir = os.tmpname()
  os.remove(dir)
  return dir
end

describe("diffusion.train", function()
  it("minimises each objective's own target: a zero network's loss is E[target^2]", function()
    -- A network whose output is 0 (conv_out zeroed) and lr = 0: the first
    -- step's loss is the mean of target^2 over 64 x 64 values. All images are
    -- c = 0.5 and every t is 600, so with a = alpha_600, s = sigma_600:
    -- epsilon E[eps^2] = 1; sample c^2; v = a eps - s x0: a^2 + s^2 c^2;
    -- flow eps - x0: 1 + c^2. (Standard error of such a mean: about 0.03.)
    local sched = d.schedule.linear()
    local a, s, c = sched:alpha(600), sched:sigma(600), 0.5
    local expect = { epsilon = 1, sample = c * c, v_prediction = a * a + s * s * c * c, flow = 1 + c * c }
    local x = d.full({ 64, 1, 8, 8 }, c)
    for objective, want in pairs(expect) do
      local m = d.unet(CONFIG, { seed = 1 })
      m:weights()["conv_out.weight"]:fill_(0)
      m:weights()["conv_out.bias"]:fill_(0)
      local r = d.train { model = m, data = x, schedule = sched, objective = objective, steps = 1, batch = 64, lr = 0,
        ema = false, timesteps = function(_, n)
          local t = {}
          for i = 1, n do t[i] = 600 end
          return t
        end }
      assert.is_true(math.abs(r.losses[1] - want) < 0.1 * want,
        string.format("%s: loss %.4f, expected %.4f", objective, r.losses[1], want))
    end
  end)

  it("learns: the loss falls to well under half its start on a small data set", function()
    local x, labels = data()
    local m = d.unet(conditional(), { seed = 2 })
    local r = d.train { model = m, data = x, labels = labels, steps = 120, batch = 16, lr = 3e-3, warmup = 10,
      ema = false }
    local function mean(from, to)
      local sum = 0
      for i = from, to do sum = sum + r.losses[i] end
      return sum / (to - from + 1)
    end
    assert.is_true(mean(101, 120) < 0.5 * mean(1, 20),
      string.format("first 20 steps %.3f, last 20 %.3f", mean(1, 20), mean(101, 120)))
  end)

  it("is deterministic for a seed, and resuming a checkpoint gives the uninterrupted result", function()
    local x, labels = data()
    local opts = function(m, extra)
      local o = { model = m, data = x, labels = labels, steps = 6, batch = 8, lr = 1e-3, warmup = 2, ema = 0.9,
        target_ema = 0.5, seed = 5, class_dropout = 0.5 }
      for k, v in pairs(extra or {}) do o[k] = v end
      return o
    end
    local straight = d.unet(conditional(), { seed = 3 })
    local r1 = d.train(opts(straight))
    local again = d.unet(conditional(), { seed = 3 })
    d.train(opts(again))
    assert.is_true(weights_equal(straight:weights(), again:weights()))
    local other = d.unet(conditional(), { seed = 3 })
    d.train(opts(other, { seed = 6 }))
    assert.is_false(weights_equal(straight:weights(), other:weights()))

    local dir = tmpdir()
    local first = d.unet(conditional(), { seed = 3 })
    local stopped = d.train(opts(first, { checkpoint = dir, checkpoint_every = 100,
      callback = function(info) return info.step < 3 end }))
    assert.are.equal(3, stopped.step)
    local resumed = d.unet(conditional(), { seed = 3 }) -- fresh weights: all must come from the checkpoint
    local r2 = d.train(opts(resumed, { checkpoint = dir, resume = true }))
    assert.are.equal(6, r2.step)
    assert.is_true(weights_equal(straight:weights(), resumed:weights()))
    assert.is_true(weights_equal(r1.ema:weights(), r2.ema:weights()))
    assert.is_true(weights_equal(r1.target_ema:weights(), r2.target_ema:weights()))
    assert.is_false(weights_equal(r1.ema:weights(), r1.target_ema:weights()))
    for i = 1, 6 do assert.are.equal(r1.losses[i], r2.losses[i]) end
    -- the checkpoint is a diffusers folder, with the optimizer's moments beside it
    local loaded = d.load(dir .. "/unet")
    assert.is_true(weights_equal(resumed:weights(), loaded:weights()))
    local moments = d.load_safetensors(dir .. "/optimizer.safetensors")
    assert.is_truthy(moments["exp_avg.conv_in.weight"])
    assert.is_truthy(moments["exp_avg_sq.conv_in.weight"])
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("trains on a target function's targets and per-sample weights (distillation's hook)", function()
    local x, labels = data()
    local function run(extra)
      local o = { model = d.unet(conditional(), { seed = 3 }), data = x, labels = labels, steps = 3, batch = 8,
        lr = 1e-3, warmup = 1, seed = 5 }
      for k, v in pairs(extra) do o[k] = v end
      return d.train(o)
    end
    -- the target x0 with unit weights is the "sample" objective, to the bit
    local by_objective = run { objective = "sample" }
    local seen
    local by_hook = run { objective = "sample", target = function(batch)
      seen = batch
      local ones = {}
      for k = 1, 8 do ones[k] = 1 end
      return batch.x0, ones
    end }
    assert.is_true(weights_equal(by_objective.model:weights(), by_hook.model:weights()))
    assert.equal(8, #seen.t)
    assert.equal(8, #seen.labels)
    assert.equal(3, seen.step)
    for k = 1, 8 do -- x_t = alpha x0 + sigma eps, row by row
      local row = function(t) return t:narrow(1, k, 1) end
      S.near(row(seen.xt), row(seen.x0) * seen.alpha[k] + row(seen.eps) * seen.sigma[k], 1e-6, "row " .. k)
    end
    -- weights scale each sample's share of the loss
    local half = run { objective = "sample", target = function(batch)
      local w = {}
      for k = 1, 8 do w[k] = 0.5 end
      return batch.x0, w
    end }
    assert.is_true(math.abs(half.losses[1] - 0.5 * by_objective.losses[1]) <= 1e-6 * by_objective.losses[1])
    local bad = {
      { function(batch) return batch.x0:narrow(1, 1, 4) end, "target must return a tensor shaped like the batch" },
      { function(batch) return batch.x0, { 1, 2 } end, "target's weights must be a list of 8 numbers" },
      { 42, "target must be a function(batch)" },
    }
    for _, case in ipairs(bad) do
      local ok, err = pcall(run, { target = case[1] })
      assert.is_false(ok)
      assert.truthy(tostring(err):find(case[2], 1, true), tostring(err))
    end
  end)

  it("gives the same weights on 1 thread and on 2 (fixed-order sums in every backward kernel)", function()
    local x, labels = data()
    local saved = d.threads()
    local out = {}
    for _, threads in ipairs { 1, 2 } do
      d.threads(threads)
      local m = d.unet(conditional(), { seed = 9 })
      d.train { model = m, data = x, labels = labels, steps = 3, batch = 16, lr = 1e-3, warmup = 1 }
      out[threads] = m:weights()
    end
    d.threads(saved)
    assert.is_true(weights_equal(out[1], out[2]))
  end)

  it("cache_limit sets the buffer cache's size and refuses a negative one", function()
    local before = d.cache_limit(12345)
    assert.equal(12345, d.cache_limit(before))
    assert.has_error(function() d.cache_limit(-1) end, "cache_limit: expected a byte count >= 0, got -1")
  end)

  it("keeps an EMA with diffusers' warm-up (after one step, decay min(ema, 2 / 11)), a target EMA without", function()
    local x = data()
    local m = d.unet(CONFIG, { seed = 4 })
    local before = {}
    for name, t in pairs(m:weights()) do before[name] = t:clone() end
    local r = d.train { model = m, data = x, steps = 1, batch = 8, lr = 1e-2, warmup = 0, ema = 0.9,
      target_ema = 0.95 }
    -- the target EMA (a consistency model's) has its fixed decay from the first step
    for average, decay in pairs { ema = 2 / 11, target_ema = 0.95 } do
      for name, t in pairs(r[average]:weights()) do
        local want = before[name] * decay + m:weights()[name] * (1 - decay)
        assert.is_true((t - want):abs():max() <= 1e-6 * math.max(1, want:abs():max()), average .. " " .. name)
      end
    end
    -- and the trained model's own forward sees the new weights
    local probe = d.rng(1):randn { 2, 1, 8, 8 }
    local out = m(probe, 10)
    assert.is_true((out - m:trace(probe, 10)):abs():max() < 1e-5)
  end)

  it("trains with a schedule defined by a Lua function", function()
    local x = data()
    local sched = d.schedule.from_function(function(t) return (1 - t) ^ 2 * 0.999 + 1e-4 end, 100)
    local r = d.train { model = d.unet(CONFIG), data = x, schedule = sched, objective = "v_prediction", steps = 3,
      batch = 4 }
    for i = 1, 3 do assert.is_true(r.losses[i] > 0 and r.losses[i] < 10) end
  end)

  it("trains a timestep class embedding (labels are numbers; the null class is named)", function()
    local x, labels = data()
    local c = conditional()
    c.num_class_embeds, c.class_embed_type = nil, "timestep"
    local m = d.unet(c, { seed = 7 })
    local ok, err = pcall(d.train, { model = m, data = x, labels = labels, steps = 2, batch = 4 })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("needs null_class", 1, true), tostring(err))
    local before = m:weights()["class_embedding.linear_1.weight"]:clone()
    d.train { model = m, data = x, labels = labels, null_class = -1, steps = 2, batch = 4, lr = 1e-2 }
    assert.is_true((m:weights()["class_embedding.linear_1.weight"] - before):abs():max() > 0)
  end)

  it("names what is wrong with its options", function()
    local x, labels = data()
    local plain, cond = d.unet(CONFIG), d.unet(conditional())
    local cases = {
      { { model = plain, data = x, stepz = 3 }, "unknown option 'stepz'" },
      { { model = plain }, "data must be an N x C x H x W tensor" },
      { { model = "m", data = x }, "model must be a diffusion.Model" },
      { { model = plain, data = d.zeros { 4, 3, 8, 8 } }, "data has 3 channels, the model takes 1" },
      { { model = plain, data = x:clone():fill_(0 / 0) }, "data has NaN or infinite values" },
      { { model = plain, data = x, objective = "score" }, "unknown objective 'score'" },
      { { model = cond, data = x }, "the model is class-conditional: labels are needed" },
      { { model = plain, data = x, labels = labels }, "labels given, but the model has no class embedding" },
      { { model = cond, data = x, labels = { 1, 2 } }, "2 labels for 32 images" },
      { { model = plain, data = x, steps = 0 }, "steps must be a positive integer" },
      { { model = plain, data = x, ema = 1 }, "ema must be in (0, 1) or false" },
      { { model = plain, data = x, target_ema = 0 }, "target_ema must be in (0, 1) or false" },
      { { model = plain, data = x, resume = true }, "resume needs the checkpoint folder" },
      { { model = plain, data = x, timesteps = function() return { 1 } end, batch = 4 },
        "timesteps must return a list of 4 values" },
    }
    local bad = {}
    for i = 1, 32 do bad[i] = labels[i] end
    bad[5] = 7
    cases[#cases + 1] = { { model = cond, data = x, labels = bad }, "label 5 (7) is not a class in 0..3" }
    cases[#cases + 1] = { { model = cond, data = x, labels = labels, class_dropout = 2 },
      "class_dropout must be a probability in [0, 1]" }
    cases[#cases + 1] = { { model = cond, data = x, labels = labels, null_class = 9 }, "null_class 9 is not a class" }
    for _, case in ipairs(cases) do
      local ok, err = pcall(d.train, case[1])
      assert.is_false(ok)
      assert.is_truthy(tostring(err):find(case[2], 1, true), string.format("%q lacks %q", tostring(err), case[2]))
    end
  end)
end)
