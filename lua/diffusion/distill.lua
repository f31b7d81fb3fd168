--- diffusion.distill{...}: a student that does in one to four network
-- evaluations what its teacher does in many, trained by diffusion.train (so
-- with its checkpoints, exact resume, EMA and data parallelism):
--
--   progressive  (Salimans & Ho 2022) rounds that halve the step count: the
--                student of a round matches two DDIM steps of its teacher
--                (the previous round's student) with one, on the teacher's
--                trailing plan, starting from the teacher's weights
--   consistency  (Song et al. 2023, in Luo et al. 2023's LCM form) a student
--                f(x, t) = c_skip(t) x + c_out(t) x0(x, t) whose value at x_t
--                matches the EMA target network's at the teacher's one solver
--                step from t to t - skip; sampled by the `lcm` sampler
--
--   local r = diffusion.distill { teacher = diffusion.load(dir), method = "consistency",
--     data = x, labels = labels, guidance = 1.2, steps = 2000, checkpoint = "runs/cd" }
--   diffusion.save_pipeline("student", r.model, r.scheduler_config)
--
-- Options (defaults in brackets):
--   teacher     a diffusion.Model, or any callable model(x, t, cond) (required)
--   method      "progressive" | "consistency" (required)
--   schedule    the teacher's [teacher.schedule]; prediction its output
--               [its scheduler_config's prediction_type]
--   student     the model to train [a copy of the teacher's weights; a
--               callable teacher needs one]; student_prediction what it
--               predicts [the teacher's prediction]
--   data, labels     the training images (and classes) as for diffusion.train
--   guidance    classifier-free guidance scale of the teacher, folded into
--               the student (sampled at scale 1) [1: none]; null_class
--               [num_class_embeds - 1]
--   groups      noise levels per batch: a group of batch / groups samples
--               shares one, so the teacher's step can be any sampler [8]
--   consistency: skip (timesteps per teacher step) [20], solver (a sampler
--               name or function, one step from t to t - skip) ["ddim"],
--               target_ema (the target network's decay) [0.95], ema (the
--               sampled student's, as diffusion.train's; false: the online
--               weights) [0.999], timestep_scaling [10], sigma_data [0.5]
--               (the lcm sampler's)
--   progressive: from (the first teacher's step count) [64], to (the last
--               student's) [1]; steps is per round: a number, or a table
--               from the round's student step count to its steps (the later
--               rounds, further from their teacher, want more)
--   steps [1000], batch [64], lr [1e-4], warmup, decay, grad_clip, seed,
--   checkpoint, checkpoint_every, resume, callback, world: as diffusion.train (progressive
--   checkpoints each round in checkpoint/round-N, N the student's steps)
-- Returns {model = the student (its EMA where there is one), target = the
-- target network (consistency),
-- scheduler_config = how to sample it (LCMScheduler / DDIMScheduler),
-- losses, finished (false when the callback stopped it), rounds = {{steps =
-- N, losses = ...}} (progressive)}.
local d = require "diffusion.core"
local denoiser = require "diffusion.denoiser"
local samplers = require "diffusion.samplers"
local train = require "diffusion.train"

local KNOWN = {
  teacher = true, method = true, schedule = true, prediction = true, student = true, data = true, labels = true,
  student_prediction = true, guidance = true, null_class = true, groups = true, skip = true, solver = true, ema = true,
  target_ema = true, timestep_scaling = true, sigma_data = true, from = true, to = true, steps = true, batch = true,
  lr = true, warmup = true, decay = true, grad_clip = true, seed = true, checkpoint = true, checkpoint_every = true,
  resume = true, callback = true, world = true,
}
-- what the trainer takes as it is
local PASSED = { "data", "labels", "batch", "lr", "warmup", "decay", "grad_clip", "seed", "callback",
  "world", "resume", "checkpoint_every" }

-- (level 4: options <- diffusion.distill <- the caller)
local function fail(fmt, ...) error("distill: " .. string.format(fmt, ...), 4) end

local function copy_model(m)
  local weights = {}
  for name, t in pairs(m:weights()) do weights[name] = t:float() end -- a teacher kept in 16 bits: a float32 student
  local text = m._config_json or d.json_encode(m.config)
  local copy = d.unet_load(text, weights)
  copy._config_json = text
  return copy
end

-- The network's x0 as A x + B out at a level (alpha, sigma): what lets a
-- target for f or x0 be written as a target for the network's output.
local function x0_coefficients(prediction, alpha, sigma)
  if prediction == "v_prediction" then return alpha, -sigma end
  if prediction == "sample" then return 0, 1 end
  return 1 / alpha, -sigma / alpha -- epsilon
end

-- Consistency models' boundary-condition scalings (the lcm sampler's)
local function scalings(o, t)
  local ts, sd = t * o.timestep_scaling, o.sigma_data
  return sd * sd / (ts * ts + sd * sd), ts / math.sqrt(ts * ts + sd * sd)
end

-- a plan level at timestep t (t = 0: the clean level, as plans end)
local function level(schedule, t)
  if t <= 0 then return { t = 0, alpha = 1, sigma = 0, lambda = math.huge } end
  local a, s = schedule:alpha(t), schedule:sigma(t)
  return { t = t, alpha = a, sigma = s, lambda = math.log(a / s) }
end

-- The teacher's denoiser for a group's labels, guidance folded in.
local function teacher_D(o, labels)
  local opts = { prediction = o.prediction }
  if labels then
    opts.class_labels = d.tensor(labels)
    if o.guidance ~= 1 then opts.guidance_scale, opts.null_class = o.guidance, o.null_class end
  end
  return denoiser(o.teacher_net, o.schedule, opts)
end

-- Calls fn(first, count, level_index) for each group of rows sharing a level.
local function each_group(o, b, fn)
  local per = b // o.groups
  for g = 1, o.groups do
    local first = (g - 1) * per + 1
    fn(first, g == o.groups and b - first + 1 or per, g)
  end
end

local function rows(list, first, count)
  if not list then return nil end
  return table.move(list, first, first + count - 1, 1, {})
end

-- One noise level per group, the groups' all drawn at once by draw(rng,
-- groups) (a step has few rng positions): the trainer's timesteps.
local function grouped_timesteps(o, draw)
  return function(rng, b)
    local levels, t = draw(rng, o.groups), {}
    each_group(o, b, function(first, count, g)
      for k = first, first + count - 1 do t[k] = levels[g] end
    end)
    return t
  end
end

-- Writes the network-output target and weight of rows first..first+count-1,
-- given the x0-space (progressive) or f-space (consistency) target.
local function output_target(o, batch, out, weights, first, count, lvl, want, f_space)
  local x = batch.xt:narrow(1, first, count)
  local A, B = x0_coefficients(o.student_prediction, lvl.alpha, lvl.sigma)
  local skip, scale = A, B -- x0 = A x + B out
  if f_space then
    local c_skip, c_out = scalings(o, lvl.t)
    skip, scale = c_skip + c_out * A, c_out * B -- f = skip x + scale out
  end
  out:narrow(1, first, count):copy_(d.lincomb({ 1 / scale, -skip / scale }, { want, x }))
  -- f-space L2 (LCM's); x0-space with Salimans & Ho's SNR + 1 weighting
  local w = f_space and scale * scale or scale * scale * (1 + (lvl.alpha / lvl.sigma) ^ 2)
  for k = first, first + count - 1 do weights[k] = w end
end

local function consistency_target(o)
  local target_net -- the target EMA's weights as a network, refreshed each step
  return function(batch)
    if not target_net then target_net = copy_model(o.student) end
    local tw = target_net:weights()
    for name, t in pairs(batch.target_ema) do tw[name]:copy_(t) end
    local b = batch.xt:size(1)
    local out, weights = d.empty(batch.xt:shape()), {}
    each_group(o, b, function(first, count)
      local from = level(o.schedule, batch.t[first])
      local to = level(o.schedule, batch.t[first] - o.skip)
      local labels = rows(batch.labels, first, count)
      local x = batch.xt:narrow(1, first, count):contiguous()
      local x_to = o.solver(teacher_D(o, labels), x, { from, to }, { seed = batch.step })
      local f_to = x_to -- at the clean level f is x itself (c_skip 1, c_out 0)
      if to.sigma > 0 then
        local x0 = denoiser(target_net, o.schedule, { prediction = o.student_prediction,
          class_labels = labels and d.tensor(labels) })(x_to, to)
        local c_skip, c_out = scalings(o, to.t)
        f_to = d.lincomb({ c_skip, c_out }, { x_to, x0 })
      end
      output_target(o, batch, out, weights, first, count, from, f_to, true)
    end)
    return out, weights
  end
end

local function progressive_target(o, teacher_plan)
  return function(batch)
    local b = batch.xt:size(1)
    local out, weights = d.empty(batch.xt:shape()), {}
    each_group(o, b, function(first, count)
      local i = o.index_of[batch.t[first]] -- the student's level i is the teacher's 2i - 1
      local a, mid, c = teacher_plan[2 * i - 1], teacher_plan[2 * i], teacher_plan[2 * i + 1]
      local labels = rows(batch.labels, first, count)
      local z = batch.xt:narrow(1, first, count):contiguous()
      local z_c = samplers.ddim(teacher_D(o, labels), z, { a, mid, c })
      -- the x0 that takes z from a to c in one DDIM step: z_c = alpha_c x0 + sigma_c eps(z, x0)
      local ratio = c.sigma / a.sigma
      local x0 = d.lincomb({ 1 / (c.alpha - ratio * a.alpha), -ratio / (c.alpha - ratio * a.alpha) }, { z_c, z })
      output_target(o, batch, out, weights, first, count, a, x0, false)
    end)
    return out, weights
  end
end

-- The progressive rounds in order, {n = the student's steps (from / 2 down
-- to `to`), steps = `steps` itself or its entry where it is a table
-- (unchecked)}.
local function rounds_of(o)
  local rounds = {}
  local n = (o.from or 64) // 2
  while n >= (o.to or 1) and n >= 1 do
    local steps = o.steps or 1000
    if type(steps) == "table" then steps = steps[n] end
    rounds[#rounds + 1] = { n = n, steps = steps }
    n = n // 2
  end
  return rounds
end

local function options(o)
  if type(o) ~= "table" then fail("expected a table of options") end
  for k in pairs(o) do
    if not KNOWN[k] then fail("unknown option '%s'", tostring(k)) end
  end
  local c = { method = o.method, teacher_net = o.teacher }
  if c.method ~= "progressive" and c.method ~= "consistency" then
    fail("method must be \"progressive\" or \"consistency\", got %s", tostring(o.method))
  end
  local teacher = o.teacher
  local is_model = type(teacher) == "userdata" and pcall(function() return teacher.layout end)
  if not is_model and not (type(teacher) == "function" or (getmetatable(teacher) or {}).__call) then
    fail("teacher must be a diffusion.Model or a callable model(x, t, cond)")
  end
  c.schedule = o.schedule or (is_model and teacher.schedule) or (type(teacher) == "table" and teacher.schedule)
  if not c.schedule then fail("give the teacher's schedule") end
  if c.schedule:info().kind ~= "vp" then fail("the teacher's schedule must be a VP (DDPM-style) one") end
  c.T = c.schedule:info().num_train_timesteps
  c.prediction = o.prediction or (is_model and teacher.scheduler_config and teacher.scheduler_config.prediction_type)
    or "epsilon"
  c.student = o.student or (is_model and copy_model(teacher))
  if not c.student then fail("a callable teacher needs a student (a diffusion.Model to train)") end
  c.student_prediction = o.student_prediction or c.prediction
  c.guidance = o.guidance or 1
  if type(c.guidance) ~= "number" or c.guidance < 1 then fail("guidance must be a number >= 1") end
  local layout = c.student:layout()
  c.null_class = o.null_class or (layout.num_class_embeds and layout.num_class_embeds - 1)
  if c.guidance ~= 1 and not o.labels then fail("guidance needs labels (a class-conditional teacher)") end
  c.groups = o.groups or 8
  local batch = o.batch or 64
  if math.type(c.groups) ~= "integer" or c.groups < 1 or c.groups > batch then
    fail("groups must be an integer in 1..batch (%d)", batch)
  end
  if c.method == "consistency" then
    c.skip = o.skip or 20
    if math.type(c.skip) ~= "integer" or c.skip < 1 or c.skip >= c.T then
      fail("skip must be an integer in 1..%d", c.T - 1)
    end
    c.solver = o.solver or "ddim"
    if type(c.solver) == "string" then
      local ok, solver = pcall(function() return samplers[c.solver] end)
      if not ok or type(solver) ~= "function" then fail("unknown solver '%s' (see `diffusion samplers`)", c.solver) end
      c.solver = solver
    elseif type(c.solver) ~= "function" then
      fail("solver must be a sampler name or function")
    end
    c.target_ema = o.target_ema == nil and 0.95 or o.target_ema
    if type(c.target_ema) ~= "number" or c.target_ema <= 0 or c.target_ema >= 1 then
      fail("target_ema (the target network's decay) must be in (0, 1)")
    end
    c.ema = o.ema == nil and 0.999 or o.ema
    c.timestep_scaling, c.sigma_data = o.timestep_scaling or 10, o.sigma_data or 0.5
  else
    if c.student_prediction == "epsilon" then
      fail("progressive distillation needs a v_prediction or sample student: an epsilon one cannot give x0 where "
        .. "alpha is near 0 (Salimans & Ho 2022, section 4)")
    end
    c.from, c.to = o.from or 64, o.to or 1
    local function power_of_two(v) return math.type(v) == "integer" and v >= 1 and v & (v - 1) == 0 end
    if not (power_of_two(c.from) and power_of_two(c.to) and c.to < c.from) then
      fail("from and to must be powers of two with to < from, got %s and %s", tostring(c.from), tostring(c.to))
    end
    c.ema = o.ema
    c.round_steps = {}
    for _, round in ipairs(rounds_of(o)) do
      if math.type(round.steps) ~= "integer" or round.steps < 1 then
        fail("steps must be a positive integer or a table of them by the round's student steps (%d: %s)", round.n,
          tostring(round.steps))
      end
      c.round_steps[round.n] = round.steps
    end
  end
  return c
end

local function trainer_options(o, c, extra)
  local t = { steps = o.steps }
  for _, k in ipairs(PASSED) do t[k] = o[k] end
  t.class_dropout = 0 -- the guidance is in the student: no unconditional rows
  t.objective = c.student_prediction
  t.schedule = c.schedule
  for k, v in pairs(extra) do t[k] = v end
  return t
end

-- diffusers' scheduler config for sampling the student
local function scheduler_config(o, c, class, extra)
  local sc = {}
  local base = type(o.teacher) == "userdata" and o.teacher.scheduler_config or {}
  for k, v in pairs(base) do sc[k] = v end
  sc._class_name, sc.prediction_type, sc.num_train_timesteps = class, c.student_prediction, c.T
  for k, v in pairs(extra) do sc[k] = v end
  return sc
end

local function consistency(o, c)
  local draw = function(rng, groups) return rng:randint(1, c.T - 1, { groups }):totable() end
  local r = train(trainer_options(o, c, {
    model = c.student, ema = c.ema, target_ema = c.target_ema, timesteps = grouped_timesteps(c, draw),
    target = consistency_target(c), checkpoint = o.checkpoint,
  }))
  return {
    model = r.ema or r.model, target = r.target_ema, losses = r.losses, step = r.step,
    finished = r.step >= (o.steps or 1000),
    scheduler_config = scheduler_config(o, c, "LCMScheduler", {
      -- trailing: the plans of diffusion's samplers start at t = T - 1 at any step
      -- count (the student knows every level; diffusers' LCMScheduler keeps its own)
      original_inference_steps = c.T // c.skip, timestep_scaling = c.timestep_scaling, timestep_spacing = "trailing",
      clip_sample = false, set_alpha_to_one = true,
    }),
  }
end

-- A round's levels and target: the student's n-step trailing plan, each
-- level two of the teacher's 2n-step one.
local function progressive_round(c, n)
  local teacher_plan = c.schedule:plan(2 * n, { spacing = "trailing" })
  local plan = c.schedule:plan(n, { spacing = "trailing" })
  c.index_of = {}
  for i = 1, n do c.index_of[plan[i].t] = i end
  local draw = function(rng, groups)
    local levels = {}
    for g, i in ipairs(rng:randint(1, n, { groups }):totable()) do levels[g] = plan[i].t end
    return levels
  end
  return grouped_timesteps(c, draw), progressive_target(c, teacher_plan)
end

local function progressive(o, c)
  local rounds, losses = {}, {}
  local student = c.student
  local n = c.from // 2
  local first = { net = o.teacher, prediction = c.prediction, guidance = c.guidance }
  while n >= c.to do
    if n == c.from // 2 then
      c.teacher_net, c.prediction, c.guidance = first.net, first.prediction, first.guidance
    else -- the previous round's student, frozen: guidance is in it already
      c.teacher_net, c.prediction, c.guidance = copy_model(student), c.student_prediction, 1
    end
    local timesteps, target = progressive_round(c, n)
    local r = train(trainer_options(o, c, {
      model = student, ema = c.ema or false, timesteps = timesteps, target = target, steps = c.round_steps[n],
      checkpoint = o.checkpoint and (o.checkpoint .. "/round-" .. n),
    }))
    if r.step < c.round_steps[n] then break end -- stopped by the callback
    student = r.ema or r.model
    rounds[#rounds + 1] = { steps = n, losses = r.losses }
    for _, v in ipairs(r.losses) do losses[#losses + 1] = v end
    n = n // 2
  end
  return {
    model = student, rounds = rounds, losses = losses, finished = n < c.to,
    scheduler_config = scheduler_config(o, c, "DDIMScheduler", {
      timestep_spacing = "trailing", set_alpha_to_one = true, clip_sample = false,
    }),
  }
end

local M = {}

--- The steps distill runs for these options, all rounds together (what a
-- progress bar counts); nil where the steps are not positive integers.
function M.total_steps(o)
  if o.method ~= "progressive" then return math.tointeger(o.steps or 1000) end
  local total = 0
  for _, round in ipairs(rounds_of(o)) do
    if math.type(round.steps) ~= "integer" then return nil end
    total = total + round.steps
  end
  return total
end

--- The trainer's target for these options: function(batch) -> the
-- network-output target and the per-sample loss weights (for progressive,
-- the first round's; `steps` names another round by its student's steps).
-- What diffusion.distill trains on, for checking it by hand.
function M.target(o, steps)
  local c = options(o)
  if c.method == "consistency" then return consistency_target(c) end
  local _, target = progressive_round(c, steps or c.from // 2)
  return target
end

return setmetatable(M, { __call = function(_, o)
  local c = options(o)
  if c.method == "consistency" then return consistency(o, c) end
  return progressive(o, c)
end })
