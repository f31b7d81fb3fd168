-- diffusion.distill on a teacher whose answers are exact: independent
-- Gaussian pixels, x0 ~ N(m, s^2). Its probability-flow ODE is linear, so the
-- map from noise to data a one-step student must learn is known in closed
-- form, and so are the teacher's DDIM steps the targets are made of.
local d = require "diffusion"
local S = require "support"

local M, SD = 0.5, 0.3
local sched = d.schedule.cosine { num_train_timesteps = 1000 }
local teacher = d.analytic.gaussian { mean = M, std = SD, shape = { 1, 8, 8 } }:with_schedule(sched)
local data = teacher:sample(d.rng(1), 256)

local function tiny_student(seed)
  return d.unet({ block_out_channels = { 16, 32 }, layers_per_block = 1, norm_num_groups = 4,
    down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
    in_channels = 1, out_channels = 1, sample_size = 8 }, { seed = seed or 2 })
end

-- E[x0 | x_t] and the PF-ODE's map from x_t to the data, in closed form
local function posterior_mean(x, a, s) return (x - a * M) * (a * SD * SD / (a * a * SD * SD + s * s)) + M end
local function flow_to_data(x, a, s) return (x - a * M) * (SD / math.sqrt(a * a * SD * SD + s * s)) + M end

local function options(extra)
  local o = { teacher = teacher, schedule = sched, prediction = "epsilon", student = tiny_student(),
    student_prediction = "v_prediction", data = data, batch = 16, groups = 4, lr = 2e-3, warmup = 10 }
  for k, v in pairs(extra) do o[k] = v end
  return o
end

-- RMS distance of the student's one-step sample from the exact flow map
local noise = d.rng(9):randn { 64, 1, 8, 8 }
local function one_step_error(model, sampler)
  local plan = sched:plan(1, { spacing = "trailing" })
  local x = noise * plan[1].sigma
  local got = sampler(d.denoiser(model, sched, { prediction = "v_prediction" }), x, plan, { seed = 0 })
  return math.sqrt((got - flow_to_data(x, plan[1].alpha, plan[1].sigma)):square():mean())
end

local function same_weights(a, b)
  local wa, wb = a:weights(), b:weights()
  for name, t in pairs(wa) do
    if (t - wb[name]):abs():max() ~= 0 then return false, name end
  end
  return true
end

describe("diffusion.distill", function()
  local threads
  setup(function()
    threads = d.threads()
    d.threads(1)
  end)
  teardown(function() d.threads(threads) end)

  it("consistency: the student's one-step map approaches the exact flow map", function()
    local o = options { method = "consistency", skip = 250, steps = 200 }
    local before = one_step_error(o.student, d.samplers.lcm)
    local r = d.distill(o)
    local after = one_step_error(r.model, d.samplers.lcm)
    assert.is_true(before > 0.5, "before " .. before)
    assert.is_true(after < 0.25 * before and after < 0.2, string.format("%.3f -> %.3f", before, after))
    assert.equal("LCMScheduler", r.scheduler_config._class_name)
    assert.equal(4, r.scheduler_config.original_inference_steps)
    assert.equal("v_prediction", r.scheduler_config.prediction_type)
    assert.is_truthy(r.target) -- the target network, apart from the sampled EMA
  end)

  it("progressive: two rounds (4 -> 2 -> 1 steps) bring one DDIM step near the exact flow map", function()
    local o = options { method = "progressive", from = 4, to = 1, steps = 150 }
    local before = one_step_error(o.student, d.samplers.ddim)
    local r = d.distill(o)
    local after = one_step_error(r.model, d.samplers.ddim)
    assert.equal(2, #r.rounds)
    assert.are.same({ 2, 1 }, { r.rounds[1].steps, r.rounds[2].steps })
    assert.is_true(after < 0.25 * before and after < 0.2, string.format("%.3f -> %.3f", before, after))
    assert.equal("DDIMScheduler", r.scheduler_config._class_name)
    assert.equal("trailing", r.scheduler_config.timestep_spacing)
  end)

  -- a batch as the trainer makes it: 2 groups of 2 rows, each group one level
  local function batch_at(t1, t2, student)
    local x0, eps = data:narrow(1, 1, 4), d.rng(4):randn { 4, 1, 8, 8 }
    local t = { t1, t1, t2, t2 }
    local xt = d.empty(x0:shape())
    for k = 1, 4 do
      xt:narrow(1, k, 1):copy_(x0:narrow(1, k, 1) * sched:alpha(t[k]) + eps:narrow(1, k, 1) * sched:sigma(t[k]))
    end
    return { x0 = x0, eps = eps, xt = xt, t = t, step = 1, target_ema = student:weights() }
  end

  it("consistency: targets are f of the target network at the teacher's DDIM step, as worked by hand", function()
    local student = tiny_student(5)
    -- timestep_scaling = 0.002 puts c_skip and c_out mid-range at these
    -- levels (LCM's 10 makes f = x0 everywhere but t = 0)
    local scaling = 0.002
    local target = d.distill.target(options { method = "consistency", skip = 100, groups = 2, batch = 4,
      student = student, timestep_scaling = scaling })
    local batch = batch_at(700, 60, student)
    local out, weights = target(batch)
    for g, t in ipairs { 700, 60 } do
      local first = 2 * g - 1
      local x = batch.xt:narrow(1, first, 2)
      local a, s = sched:alpha(t), sched:sigma(t)
      -- the teacher's DDIM step from t to t - 100 (t = 60: to the data itself)
      local x0 = posterior_mean(x, a, s)
      local x_to, f_to
      if t > 100 then
        local a2, s2 = sched:alpha(t - 100), sched:sigma(t - 100)
        x_to = x0 * a2 + (x - x0 * a) * (s2 / s)
        local v = student(x_to, t - 100) -- the target network is the student itself at step 1
        local ts = (t - 100) * scaling
        local c_skip, c_out = 0.25 / (ts * ts + 0.25), ts / math.sqrt(ts * ts + 0.25)
        f_to = x_to * c_skip + (x_to * a2 - v * s2) * c_out
      else
        f_to = x0
      end
      -- f(x, t) = c_skip x + c_out (a x - s v): the v that makes it f_to
      local ts = t * scaling
      local c_skip, c_out = 0.25 / (ts * ts + 0.25), ts / math.sqrt(ts * ts + 0.25)
      local want = (f_to - x * (c_skip + c_out * a)) / (-c_out * s)
      S.near(out:narrow(1, first, 2), want, 2e-4, "target at t = " .. t)
      for k = first, first + 1 do
        assert.is_true(math.abs(weights[k] - (c_out * s) ^ 2) <= 1e-12, "weight " .. k)
      end
    end
  end)

  it("progressive: targets are the x0 that does two teacher DDIM steps in one, as worked by hand", function()
    local student = tiny_student(5)
    -- a v-predicting teacher: an epsilon one's x0 = (x - sigma eps) / alpha
    -- magnifies float32 rounding 20,000-fold at t = 999 (alpha 5e-5)
    local function v_teacher(x, t)
      t = type(t) == "number" and t or t:reshape({ -1 }):get(1) -- a group shares its level
      local a, s = sched:alpha(t), sched:sigma(t)
      local x0 = teacher:denoise(x, a, s)
      return (x - x0 * a) * (a / s) - x0 * s
    end
    local target = d.distill.target(options { method = "progressive", from = 8, groups = 2, batch = 4,
      student = student, teacher = v_teacher, prediction = "v_prediction" })
    local plan = sched:plan(4, { spacing = "trailing" })
    local fine = sched:plan(8, { spacing = "trailing" })
    local batch = batch_at(plan[1].t, plan[4].t, student)
    local out, weights = target(batch)
    for g, i in ipairs { 1, 4 } do
      local first = 2 * g - 1
      local z = batch.xt:narrow(1, first, 2)
      local a, b, c = fine[2 * i - 1], fine[2 * i], fine[2 * i + 1]
      local x0a = posterior_mean(z, a.alpha, a.sigma)
      local zb = x0a * b.alpha + (z - x0a * a.alpha) * (b.sigma / a.sigma)
      local x0b = posterior_mean(zb, b.alpha, b.sigma)
      local zc = c.sigma > 0 and x0b * c.alpha + (zb - x0b * b.alpha) * (c.sigma / b.sigma) or x0b
      local r = c.sigma / a.sigma
      local x_tilde = (zc - z * r) / (c.alpha - r * a.alpha)
      local eps_tilde = (z - x_tilde * a.alpha) / a.sigma
      local want = eps_tilde * a.alpha - x_tilde * a.sigma -- v
      S.near(out:narrow(1, first, 2), want, 2e-4, "target at level " .. i)
      for k = first, first + 1 do assert.is_true(math.abs(weights[k] - 1) <= 1e-9, "weight " .. weights[k]) end
    end
  end)

  it("resumes bit for bit, within a round and across rounds", function()
    -- consistency stops at step 7 of 12; progressive at step 5 of its second round
    for method, stop_at in pairs { consistency = 7, progressive = 17 } do
      local dir = S.tmpname("")
      local whole = d.distill(options { method = method, skip = 250, from = 4, steps = 12, student = tiny_student() })
      local calls = 0
      local o = options { method = method, skip = 250, from = 4, steps = 12, student = tiny_student(),
        checkpoint = dir, callback = function()
          calls = calls + 1
          return calls < stop_at
        end }
      local first = d.distill(o)
      assert.equal(method == "progressive" and 1 or 7, method == "progressive" and #first.rounds or first.step)
      local resumed = d.distill(options { method = method, skip = 250, from = 4, steps = 12, student = tiny_student(),
        checkpoint = dir, resume = true })
      local ok, name = same_weights(resumed.model, whole.model)
      assert.is_true(ok, method .. ": " .. tostring(name))
      os.execute("rm -rf '" .. dir .. "'")
    end
  end)

  it("progressive: a table of steps gives each round its own, by the round's student steps", function()
    local seen = {}
    local r = d.distill(options { method = "progressive", from = 8, to = 2, steps = { [4] = 3, [2] = 5 },
      callback = function(info) seen[#seen + 1] = info.steps end })
    assert.same({ 3, 3, 3, 5, 5, 5, 5, 5 }, seen)
    assert.same({ 4, 2 }, { r.rounds[1].steps, r.rounds[2].steps })
    assert.same({ 3, 5 }, { #r.rounds[1].losses, #r.rounds[2].losses })
    assert.is_true(r.finished)
  end)

  it("refuses what it cannot distill, before any work", function()
    local cases = {
      { { method = "guess" }, "method must be \"progressive\" or \"consistency\"" },
      { { method = "consistency", bogus = 1 }, "unknown option 'bogus'" },
      { { method = "progressive", student_prediction = "epsilon" }, "needs a v_prediction or sample student" },
      { { method = "progressive", from = 6 }, "from and to must be powers of two" },
      { { method = "progressive", from = 8, steps = { [4] = 10 } }, "steps must be a positive integer or a table of "
        .. "them by the round's student steps (2: nil)" },
      { { method = "consistency", guidance = 2 }, "guidance needs labels" },
      { { method = "consistency", skip = 1000 }, "skip must be an integer in 1..999" },
      { { method = "consistency", solver = "nope" }, "unknown solver 'nope'" },
      { { method = "consistency", groups = 17 }, "groups must be an integer in 1..batch (16)" },
      { { method = "consistency", student = false }, "a callable teacher needs a student" },
    }
    for _, case in ipairs(cases) do
      local o = options(case[1])
      if o.student == false then o.student = nil end
      local ok, err = pcall(function()
        local r = d.distill(o) -- (not a tail call: the error names this line)
        return r
      end)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("^spec/distill_spec.lua:%d+: distill: "), tostring(err)) -- the caller's line
      assert.truthy(tostring(err):find(case[2], 1, true), tostring(err))
    end
  end)
end)

-- The bundled students (models/mnist-Nstep, docs/distillation.md): each, sampled with DDIM at its
-- own step count as its README says, makes digits the teacher cannot in so few steps. FD of 200
-- samples against the 1,000 held-out digits (noisier and higher than the lab's 1,000-sample FD),
-- seed 3, measured here: the students 32.1 / 28.7 / 26.7 at 1 / 2 / 4 steps, the teacher itself
-- 560 / 112 / 43.8.
describe("the bundled progressive students", function()
  local clf = d.classifier.load()
  local held = clf:features(d.classifier.mnist():narrow(1, 9001, 1000))
  local labels = {}
  for i = 1, 200 do labels[i] = (i - 1) % 10 end
  for _, n in ipairs { 1, 2, 4 } do
    it(n .. " step" .. (n > 1 and "s" or "") .. ": digits the teacher cannot make in as few", function()
      local model = d.load(d.bundled("mnist-" .. n .. "step"))
      assert.equal("DDIMScheduler", model.scheduler_config._class_name)
      local x = d.generate { model = model, n = 200, seed = 3, sampler = "ddim", steps = n, labels = labels, cfg = 1 }
      local fd = d.frechet_distance(clf:features(x:clamp(-1, 1)), held)
      assert.is_true(fd < 38, string.format("FD %.1f", fd))
    end)
  end
end)
