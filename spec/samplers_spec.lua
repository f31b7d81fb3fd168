local d = require "diffusion"

local FIX = "spec/fixtures/diffusers/schedulers/"

describe("parity with diffusers", function()
  local replay = assert(loadfile("examples/replay_diffusers.lua"))()
  local p = assert(io.popen("ls " .. FIX))
  local files = {}
  for name in p:lines() do if name:match("%.json$") then files[#files + 1] = name end end
  p:close()

  -- 55 recorded with the fixtures (NN_*), 41 at step counts that do not divide 1000 with each spacing and
  -- with zero terminal SNR (odd_*, bench/peers/record_scheduler_runs.py with diffusers v0.31.0)
  it("has all 96 recorded runs", function() assert.equal(96, #files) end)
  for _, name in ipairs(files) do
    it("replays " .. name .. " within 1e-4", function()
      local ok, msg = replay(FIX .. name)
      assert.is_true(ok, msg)
    end)
  end
end)

-- Ground truth: data x0 ~ N(mu, s^2) per element has the exact denoiser
-- E[x0 | x] = mu + alpha s^2 / (alpha^2 s^2 + sigma^2) (x - alpha mu), and the
-- probability-flow ODE keeps z = (x - alpha mu) / sqrt(alpha^2 s^2 + sigma^2).
local mu, s = 0.3, 0.7

local function gaussian_denoiser(sched)
  return d.denoiser(function(x, t)
    local a, sg = sched:alpha(t), sched:sigma(t)
    local x0 = (x - a * mu) * (a * s * s / (a * a * s * s + sg * sg)) + mu
    return (x - x0 * a) / sg
  end, sched)
end

local function ode_error(sched, name, opts, n)
  local plan = sched:plan(n, { sigmas = "exponential", sigma_min = 0.05, sigma_max = 20, final = "none" })
  local first, last = plan[1], plan[#plan]
  local x = d.rng(1):randn { 256 } * math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2) + first.alpha * mu
  local z = (x - first.alpha * mu) / math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2)
  local exact = z * math.sqrt(last.alpha ^ 2 * s * s + last.sigma ^ 2) + last.alpha * mu
  local out = d.samplers[name](gaussian_denoiser(sched), x, plan, opts)
  return (out - exact):abs():max()
end

describe("convergence on the Gaussian probability-flow ODE", function()
  -- observed order p = log2(error(n) / error(2n)), from 32 to 64 steps. A
  -- multistep method of order k > 2 starts with a first-order step whose local
  -- error is O(h^2), so its global order is 2: that is what it must show.
  local cases = {
    { "ddim", nil, 1 }, { "euler", nil, 1 }, { "dpm_solver_multistep", { order = 1 }, 1 },
    { "heun", nil, 2 }, { "dpm2", nil, 2 }, { "dpm_solver_multistep", { order = 2 }, 2 },
    { "dpm_solver_multistep", { order = 2, solver_type = "heun" }, 2 },
    { "dpm_solver_multistep", { order = 2, algorithm = "dpmsolver" }, 2 },
    { "dpm_solver_multistep", { order = 3 }, 2 }, { "dpm_solver_singlestep", { order = 2 }, 2 },
    { "dpm_solver_singlestep", { order = 3 }, 3 }, { "deis", { order = 2 }, 2 }, { "deis", { order = 3 }, 3 },
    { "unipc", { order = 1 }, 2 }, { "unipc", { order = 2 }, 3 }, { "unipc", { order = 2, variant = "bh1" }, 3 },
    { "ipndm", nil, 2 }, { "pndm", nil, 2 }, { "lms", nil, 3 }, { "dpmpp_2m", nil, 2 },
    { "dpmpp_2s_ancestral", { eta = 0 }, 2 }, { "dpmpp_3m_sde", { eta = 0 }, 2 },
  }
  for _, kind in ipairs { "edm", "vp" } do
    local sched = kind == "edm" and d.schedule.edm {} or d.schedule.linear {}
    for _, c in ipairs(cases) do
      local label = c[1] .. (c[2] and (" " .. require("cjson").encode(c[2])) or "")
      it(string.format("%s has order %d (%s schedule)", label, c[3], kind), function()
        local e1, e2 = ode_error(sched, c[1], c[2], 32), ode_error(sched, c[1], c[2], 64)
        local order = math.log(e1 / e2, 2)
        assert.is_true(order > c[3] - 0.3 and order < c[3] + 0.75,
          string.format("observed order %.2f (errors %.3g at 32 steps, %.3g at 64)", order, e1, e2))
      end)
    end
  end

  it("flow_euler is exact Euler on a flow schedule (first order)", function()
    local sched = d.schedule.flow {}
    local function err(n)
      local plan = sched:plan(n, { sigmas = "exponential", sigma_min = 0.05, sigma_max = 0.95, final = "none" })
      local first, last = plan[1], plan[#plan]
      local x = d.rng(2):randn { 256 }
      local z = (x - first.alpha * mu) / math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2)
      local exact = z * math.sqrt(last.alpha ^ 2 * s * s + last.sigma ^ 2) + last.alpha * mu
      local D = d.denoiser(function(xx, t)
        local a, sg = sched:alpha(t), sched:sigma(t)
        local x0 = (xx - a * mu) * (a * s * s / (a * a * s * s + sg * sg)) + mu
        local eps = (xx - x0 * a) / sg
        return eps - x0 -- the flow velocity
      end, sched, { prediction = "flow" })
      return (d.samplers.flow_euler(D, x, plan) - exact):abs():max()
    end
    local order = math.log(err(32) / err(64), 2)
    assert.is_true(order > 0.7 and order < 1.3, "observed order " .. order)
  end)
end)

describe("stochastic samplers reproduce the data distribution", function()
  -- 10,000 samples; the mean within 0.03 (about 4 standard errors) and the
  -- variance within 4% of s^2 (its standard error is 1.4%). First-order
  -- ancestral samplers carry an O(h) bias, so they get 1,000 steps.
  local cases = {
    { "ddpm", nil, 1000 }, { "ddpm", { variance = "fixed_large" }, 1000 }, { "ddim", { eta = 1 }, 1000 },
    { "euler_ancestral", nil, 1000 }, { "dpm2_ancestral", nil, 100 },
    { "dpm_solver_multistep", { algorithm = "sde-dpmsolver++" }, 100 },
    { "dpm_solver_multistep", { algorithm = "sde-dpmsolver" }, 100 },
    { "sa_solver", { tau = function() return 1 end }, 100 }, { "dpmpp_2s_ancestral", nil, 100 },
    { "dpmpp_3m_sde", nil, 100 }, { "dpmpp_2m_sde", nil, 100 },
  }
  local sched = d.schedule.linear {}
  local D = gaussian_denoiser(sched)
  for _, c in ipairs(cases) do
    it(c[1] .. (c[2] and (" " .. tostring(c[2].variance or c[2].algorithm or c[2].eta or "tau = 1")) or ""), function()
      local plan = sched:plan(c[3])
      local first = plan[1]
      local x = d.rng(3):randn { 10000 } * math.sqrt(first.alpha ^ 2 * s * s + first.sigma ^ 2) + first.alpha * mu
      local opts = {}
      for k, v in pairs(c[2] or {}) do opts[k] = v end
      opts.noise = d.rng(4)
      local out = d.samplers[c[1]](D, x, plan, opts)
      assert.is_true(math.abs(out:mean() - mu) < 0.03, "mean " .. out:mean())
      assert.is_true(math.abs(out:var() / (s * s) - 1) < 0.04, "variance " .. out:var())
    end)
  end
end)

describe("the sampler contract", function()
  local sched = d.schedule.linear {}
  local D = gaussian_denoiser(sched)
  local plan = sched:plan(10)

  it("stops at the step where x turns non-finite when check_finite is set, in every sampler", function()
    local names = {}
    for f in io.popen("ls lua/diffusion/samplers"):lines() do
      local name = f:match("^(.-)%.lua$")
      if name and name ~= "init" and name ~= "util" then names[#names + 1] = name end
    end
    assert.is_true(#names >= 20)
    local x = d.rng(2):randn { 2, 3 }
    for _, name in ipairs(names) do
      local calls = 0
      local poisoned = d.denoiser(function(xi)
        calls = calls + 1
        local eps = xi * 0.5
        return calls > 3 and eps * (0 / 0) or eps
      end, sched)
      -- where it goes wrong, seen through the callback
      local first_bad, total -- total: the steps the sampler says it takes (the plan's, but for dpm_fast/adaptive)
      d.samplers[name](poisoned, x, plan, { callback = function(i, n, xi, x0)
        if not first_bad and not (xi:all_finite() and (x0 == nil or x0:all_finite())) then first_bad, total = i, n end
      end })
      assert.is_number(first_bad, name)
      calls = 0
      local ok, err = pcall(d.samplers[name], poisoned, x, plan, { check_finite = true })
      assert.is_false(ok, name)
      assert.is_true(total == #plan - 1 or name == "dpm_fast" or name == "dpm_adaptive", name)
      assert.equal(string.format("after step %d of %d", first_bad, total),
        tostring(err):match("after step %d+ of %d+"), name .. ": " .. tostring(err))
    end
  end)

  it("calls back once per step with the step index", function()
    local seen = {}
    d.samplers.dpm_solver_multistep(D, d.rng(1):randn { 2, 3 }, plan, {
      callback = function(i, n, x, x0)
        seen[#seen + 1] = i
        assert.equal(10, n)
        assert.same({ 2, 3 }, x:shape())
        assert.same({ 2, 3 }, x0:shape())
      end,
    })
    assert.same({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, seen)
  end)

  it("takes noise from a function, to replay recorded noise", function()
    local calls = 0
    local zeros = function(x) calls = calls + 1 return d.zeros(x:shape()) end
    local x = d.rng(1):randn { 4 }
    local a = d.samplers.euler_ancestral(D, x, plan, { noise = zeros, eta = 0 })
    local b = d.samplers.euler(D, x, plan)
    assert.equal(10, calls)
    assert.is_true((a - b):abs():max() < 1e-5)
  end)

  it("tells the noise source the step and the level the draw moves x to", function()
    local stochastic = {}
    for _, meta in ipairs(d.samplers.list()) do
      if meta.stochastic then stochastic[#stochastic + 1] = meta.name end
    end
    assert.is_true(#stochastic >= 9)
    for _, name in ipairs(stochastic) do
      local steps = {}
      d.samplers[name](D, d.rng(1):randn { 4 }, plan, { noise = function(x, i, level)
        assert.is_number(i, name)
        assert.is_number(level.sigma, name)
        assert.is_true(level.sigma <= plan[i].sigma, name) -- the draw moves x towards the clean end
        steps[#steps + 1] = i
        return d.zeros(x:shape())
      end })
      assert.is_true(#steps >= 1, name)
      for k = 2, #steps do assert.is_true(steps[k] >= steps[k - 1], name) end
      assert.is_true(steps[#steps] <= #plan - 1 and steps[#steps] >= #plan - 2, name) -- the sampler's own steps
    end
  end)

  it("dpmpp_2m_sde takes k-diffusion's eta (0: DPM-Solver++(2M), 1: diffusers' SDE)", function()
    -- sample_dpmpp_2m_sde transcribed from k-diffusion (VE: alpha = 1, t = -log sigma)
    local edm = d.schedule.edm {}
    local plan_ve = edm:plan(8)
    local Dve = gaussian_denoiser(edm)
    local function k_diffusion(x, eta, noises)
      local old, h_last
      for i = 1, #plan_ve - 1 do
        local sig, sig_next = plan_ve[i].sigma, plan_ve[i + 1].sigma
        local den = Dve(x, plan_ve[i])
        if sig_next == 0 then
          x = den
        else
          local h = math.log(sig) - math.log(sig_next)
          local eta_h = eta * h
          x = x * (sig_next / sig * math.exp(-eta_h)) + den * (1 - math.exp(-h - eta_h))
          if old then x = x + (den - old) * (0.5 * (1 - math.exp(-h - eta_h)) * h / h_last) end
          if eta > 0 then x = x + noises[i] * (sig_next * math.sqrt(1 - math.exp(-2 * eta_h))) end
          h_last = h
        end
        old = den
      end
      return x
    end
    local x = d.rng(5):randn { 64 } * plan_ve[1].sigma
    local noises = {}
    for i = 1, #plan_ve - 1 do noises[i] = d.rng(100 + i):randn { 64 } end
    for _, eta in ipairs { 0, 0.5, 1 } do
      local ours = d.samplers.dpmpp_2m_sde(Dve, x, plan_ve, { eta = eta, noise = function(_, i) return noises[i] end })
      local want = k_diffusion(x, eta, noises)
      assert.is_true((ours - want):abs():max() < 1e-4 * want:abs():max(), "eta " .. eta)
    end
    local ode = d.samplers.dpmpp_2m(Dve, x, plan_ve)
    assert.is_true((d.samplers.dpmpp_2m_sde(Dve, x, plan_ve, { eta = 0 }) - ode):abs():max() < 1e-5)
    assert.has_error(function() d.samplers.dpmpp_2m(Dve, x, plan_ve, { eta = 0.5 }) end,
      "dpm_solver_multistep: eta applies to algorithm 'sde-dpmsolver++' only")
  end)

  it("lists every sampler file with its own description", function()
    local list = d.samplers.list()
    local files = 0
    for f in io.popen("ls lua/diffusion/samplers"):lines() do
      if f:match("%.lua$") and f ~= "init.lua" and f ~= "util.lua" then files = files + 1 end
    end
    assert.equal(files, #list)
    for k, meta in ipairs(list) do
      assert.equal("function", type(d.samplers[meta.name]))
      assert.truthy(meta.title:find("%(.*%d%d%d%d") or meta.k_diffusion, meta.name) -- a paper or k-diffusion
      assert.equal("table", type(meta.options))
      assert.equal("boolean", type(meta.stochastic))
      if k > 1 then assert.is_true(list[k - 1].name < meta.name) end
    end
    assert.same({ "eta" }, d.samplers.info("ddim").options)
    assert.equal("DPMSolverMultistepScheduler", d.samplers.info("dpmpp_2m").diffusers)
  end)

  it("does not modify its input", function()
    local x = d.rng(1):randn { 4 }
    local before = x:totable()
    d.samplers.unipc(D, x, plan)
    d.samplers.heun(D, x, plan)
    assert.same(before, x:totable())
  end)

  it("names an unknown sampler", function()
    assert.has_error(function() return d.samplers.nope end, "diffusion.samplers: no sampler named 'nope'")
  end)
end)

describe("diffusion.sample front", function()
  local model = function(x) return x * 0.5 end
  it("refuses unknown and unsupported config keys, ignores bookkeeping", function()
    local x = d.rng(1):randn { 1, 1, 2, 2 }
    assert.has_error(function()
      d.sample { scheduler = "DDIMScheduler", config = { bogus = 1 }, steps = 2, model = model, x = x }
    end, "sample: DDIMScheduler config key 'bogus' is not supported (no diffusers scheduler has it)")
    assert.has_error(function()
      d.sample { scheduler = "DPMSolverMultistepScheduler", config = { use_flow_sigmas = true }, steps = 2,
        model = model, x = x }
    end)
    assert.has_error(function()
      d.sample { scheduler = "NoSuchScheduler", steps = 2, model = model, x = x }
    end, "sample: unsupported scheduler 'NoSuchScheduler'")
    assert.has_error(function() d.sample { scheduler = "DDIMScheduler", steps = 2, model = model, x = x, etaa = 1 } end,
      "sample: unknown argument 'etaa'")
    local out = d.sample { scheduler = "DDIMScheduler", config = { _class_name = "DDIMScheduler",
      _diffusers_version = "0.30.0" }, steps = 2, model = model, x = x }
    assert.same({ 1, 1, 2, 2 }, out:shape())
  end)

  it("swaps schedulers as diffusers' from_config does: another class's keys are ignored, its own are not", function()
    local x = d.rng(1):randn { 1, 1, 2, 2 }
    local ddpm = d.core.json_decode(io.open(d.bundled("mnist") .. "/scheduler/scheduler_config.json"):read("a"))
    ddpm.variance_type, ddpm.thresholding, ddpm.sample_max_value = "fixed_small", false, 1
    -- a key DDPM shares with some classes only: Euler, UniPC rescale; LMS, PNDM, Heun, DEIS, ... do not
    ddpm.rescale_betas_zero_snr = true
    for _, class in ipairs { "EulerDiscreteScheduler", "LMSDiscreteScheduler", "PNDMScheduler",
      "KDPM2DiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverSinglestepScheduler",
      "HeunDiscreteScheduler", "UniPCMultistepScheduler", "DEISMultistepScheduler", "DPMSolverSDEScheduler" } do
      -- the DDPM config's own keys (clip_sample, variance_type) mean nothing to these classes
      local swapped = d.sample { scheduler = class, config = ddpm, steps = 3, model = model, x = x, seed = 1 }
      local own = {}
      for k, v in pairs(ddpm) do
        if require("diffusion.diffusers_keys").by_class[class][k] then own[k] = v end
      end
      local plain = d.sample { scheduler = class, config = own, steps = 3, model = model, x = x, seed = 1 }
      assert.equal(0, (swapped - plain):abs():max(), class)
    end
    -- a key of the class itself is never ignored: a value it does not support is refused
    assert.has_error(function()
      d.sample { scheduler = "DPMSolverMultistepScheduler", config = { variance_type = "learned_range" }, steps = 2,
        model = model, x = x }
    end, "sample: DPMSolverMultistepScheduler config key 'variance_type' = learned_range is not supported")
    assert.has_error(function()
      d.sample { scheduler = "DDPMScheduler", config = { variance_type = "learned" }, steps = 2, model = model, x = x }
    end)
  end)

  it("checks every config value by key before using it", function()
    local x = d.rng(1):randn { 1, 1, 2, 2 }
    local function run(class, config)
      return d.sample { scheduler = class, config = config, steps = 3, model = model, x = x }
    end
    local cases = {
      { "DDIMScheduler", { beta_start = "0.0001" },
        "config key 'beta_start' must be a number in (0, 1), got \"0.0001\"" },
      { "DDIMScheduler", { beta_end = 1.5 }, "config key 'beta_end' must be a number in (0, 1), got 1.5" },
      { "DDPMScheduler", { num_train_timesteps = 1e9 },
        "config key 'num_train_timesteps' must be an integer in 1..100000" },
      { "EulerDiscreteScheduler", { num_train_timesteps = 10.5 },
        "config key 'num_train_timesteps' must be an integer" },
      { "EulerDiscreteScheduler", { use_karras_sigmas = "yes" },
        "config key 'use_karras_sigmas' must be true or false" },
      { "DPMSolverMultistepScheduler", { solver_order = 7 },
        "config key 'solver_order' must be an integer in 1..3" },
      { "DDIMScheduler", { trained_betas = { 0.1, 0 / 0 } }, "config key 'trained_betas' must be a list" },
      { "DDIMScheduler", { clip_sample_range = "nan" }, "config key 'clip_sample_range' must be a positive number" },
      { "EDMEulerScheduler", { sigma_max = -1 }, "config key 'sigma_max' must be a positive number, got -1" },
      { "UniPCMultistepScheduler", { disable_corrector = { "a" } }, "config key 'disable_corrector' must be a list" },
    }
    for _, case in ipairs(cases) do
      local ok, err = pcall(run, case[1], case[2])
      assert.is_false(ok, case[3])
      assert.truthy(tostring(err):find(case[3], 1, true), tostring(err))
    end
    local ok, err = pcall(d.sample, { scheduler = "DDIMScheduler", steps = 4, x = x, check_finite = true,
      model = function(xi) return xi * (0 / 0) end })
    assert.is_false(ok)
    assert.equal("sampler: x is not finite after step 1 of 4", err)
    -- more steps than distinct timesteps: a repeated level, which multistep solvers divide by
    local ok2, err2 = pcall(d.sample, { scheduler = "DPMSolverMultistepScheduler", steps = 12, x = x, model = model,
      config = { num_train_timesteps = 9, timestep_spacing = "linspace" } })
    assert.is_false(ok2)
    assert.truthy(tostring(err2):find("with 12 steps repeats a noise level at step 2", 1, true), tostring(err2))
    -- found by fuzzing: UniPC's last step into sigma = 0 is first order whatever lower_order_final says
    local exact = d.sample { scheduler = "UniPCMultistepScheduler", steps = 10, x = x,
      config = { lower_order_final = false, final_sigmas_type = "zero", solver_order = 3 },
      model = function(xi, t)
        local vp = d.schedule.linear {}
        return xi * vp:sigma(type(t) == "number" and t or t:get(1)) -- N(0, I) data, VP: eps = sigma x
      end }
    assert.is_true(exact:all_finite())
    -- and an epsilon model cannot denoise pure noise (zero terminal SNR): a clear error, not NaN
    local ok3, err3 = pcall(d.sample, { scheduler = "DDIMScheduler", steps = 4, x = x, model = model,
      config = { rescale_betas_zero_snr = true, timestep_spacing = "trailing" } })
    assert.is_false(ok3)
    assert.truthy(tostring(err3):find("epsilon-predicting model cannot give x0 where alpha = 0", 1, true), err3)
    -- JSON's 1000.0 is the integer 1000: the same plan as 1000
    local a = run("DDIMScheduler", { num_train_timesteps = 1000.0 })
    local b = run("DDIMScheduler", { num_train_timesteps = 1000 })
    assert.equal(0, (a - b):abs():max())
  end)
end)
