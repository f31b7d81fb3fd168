local d = require "diffusion"
local cjson = require "cjson"

local function fixture(name)
  local f = assert(io.open("spec/fixtures/diffusers/schedulers/" .. name))
  local j = cjson.decode(f:read("a"))
  f:close()
  return j
end

local function lua_acp(betas)
  local acp, p = {}, 1
  for i, b in ipairs(betas) do
    p = p * (1 - b)
    acp[i] = p
  end
  return acp
end

describe("schedule constructors", function()
  it("linear: alphas_cumprod is the product of 1 - beta", function()
    local s = d.schedule.linear { beta_start = 1e-4, beta_end = 0.02, num_train_timesteps = 1000 }
    local betas = {}
    for i = 0, 999 do betas[i + 1] = 1e-4 + (0.02 - 1e-4) * i / 999 end
    local want, got = lua_acp(betas), s:alphas_cumprod()
    for i = 1, 1000, 37 do assert.near(want[i], got[i], 1e-14) end
    assert.equal("vp", s:info().kind)
    assert.equal(1000, s:info().num_train_timesteps)
  end)

  it("matches diffusers' recorded alphas_cumprod (float32 tables)", function()
    for _, case in ipairs { { "00_DDPMScheduler.json", "linear" }, { "01_DDPMScheduler.json", "cosine" },
      { "04_DDPMScheduler.json", "scaled_linear" } } do
      local j = fixture(case[1])
      local s = d.schedule[case[2]](case[2] == "cosine" and { float32 = true } or
        { beta_start = j.config.beta_start, beta_end = j.config.beta_end, float32 = true })
      local acp = s:alphas_cumprod()
      for i = 1, 1000, 13 do
        assert.is_true(math.abs(acp[i] - j.alphas_cumprod[i]) / j.alphas_cumprod[i] < 2e-6, case[1] .. " entry " .. i)
      end
    end
  end)

  it("cosine equals from_function with the same alpha_bar", function()
    local f = function(t) return math.cos((t + 0.008) / 1.008 * math.pi / 2) ^ 2 end
    local a, b = d.schedule.cosine {}:alphas_cumprod(), d.schedule.from_function(f, 1000):alphas_cumprod()
    for i = 1, 1000, 50 do assert.near(a[i], b[i], 1e-15) end
    -- and the acp follows alpha_bar((i)/n) / alpha_bar(0) until betas hit 0.999
    assert.near(f(500 / 1000) / f(0), a[500], 1e-12)
  end)

  it("sigmoid, from_betas and from_alphas_cumprod", function()
    local s = d.schedule.sigmoid { beta_start = 1e-4, beta_end = 0.02, num_train_timesteps = 100 }
    assert.near(1 - (1 / (1 + math.exp(6)) * (0.02 - 1e-4) + 1e-4), s:alphas_cumprod()[1], 1e-12)
    local b = d.schedule.from_betas { 0.1, 0.2, 0.3 }
    assert.near(0.9 * 0.8 * 0.7, b:alphas_cumprod()[3], 1e-15)
    local a = d.schedule.from_alphas_cumprod(d.tensor { 0.9, 0.5, 0.1 })
    assert.near(0.5, a:alphas_cumprod()[2], 1e-7)
  end)

  it("rescale_zero_terminal_snr keeps the first level and zeroes the last", function()
    local s = d.schedule.linear {}
    local r = s:rescale_zero_terminal_snr()
    local a0, r0 = s:alphas_cumprod(), r:alphas_cumprod()
    assert.near(a0[1], r0[1], 1e-12)
    assert.equal(0, r0[1000])
    assert.equal(0, r:alpha(999))
    assert.equal(1, r:sigma(999))
  end)

  it("edm and flow", function()
    local e = d.schedule.edm { sigma_min = 0.002, sigma_max = 80 }
    assert.equal(1, e:alpha(0.3))
    assert.near(math.exp(1.2), e:sigma(0.3), 1e-12)
    assert.near(0.25 * math.log(5), e:t_from_sigma(5), 1e-12)
    local f = d.schedule.flow { num_train_timesteps = 1000 }
    assert.near(0.75, f:alpha(250), 1e-12)
    assert.near(0.25, f:sigma(250), 1e-12)
    assert.near(250, f:t_from_sigma(0.25), 1e-9)
  end)

  it("rejects bad tables and options", function()
    assert.has_error(function() d.schedule.from_betas { 0.1, -0.2 } end,
      "from_betas: betas[2] = -0.2 must be in (0, 1]")
    assert.has_error(function() d.schedule.from_alphas_cumprod { 0.5, 0.9 } end,
      "from_alphas_cumprod: alphas_cumprod must not increase (entry 2: 0.9 > 0.5)")
    assert.has_error(function() d.schedule.from_betas { 0.1 } end, "from_betas: 1 timesteps (2..100000 allowed)")
    assert.has_error(function() d.schedule.linear { beta_begin = 1 } end, "linear: unknown option 'beta_begin'")
    assert.has_error(function() d.schedule.edm { sigma_min = 5, sigma_max = 1 } end)
    assert.has_error(function() d.schedule.edm {}:rescale_zero_terminal_snr() end)
  end)
end)

describe("schedule levels", function()
  local s = d.schedule.linear {}

  it("VP levels satisfy alpha^2 + sigma^2 = 1 and lambda = log(alpha / sigma)", function()
    for _, t in ipairs { 0, 1.5, 17.25, 500, 998.9, 999 } do
      local a, sg = s:alpha(t), s:sigma(t)
      assert.near(1, a * a + sg * sg, 1e-12)
      assert.near(math.log(a / sg), s:lambda(t), 1e-12)
    end
    assert.near(math.sqrt(s:alphas_cumprod()[501]), s:alpha(500), 1e-15)
  end)

  it("interpolates log(sigma / alpha) linearly between integer times", function()
    local function ls(t) return math.log(s:sigma(t) / s:alpha(t)) end
    assert.near(0.5 * (ls(10) + ls(11)), ls(10.5), 1e-12)
    assert.near(0.75 * ls(10) + 0.25 * ls(11), ls(10.25), 1e-12)
  end)

  it("t_from_sigma and t_from_lambda invert the levels", function()
    for _, t in ipairs { 0.5, 3.75, 250, 612.4, 998 } do
      assert.near(t, s:t_from_sigma(s:sigma(t)), 1e-6)
      assert.near(t, s:t_from_lambda(s:lambda(t)), 1e-6)
    end
    assert.equal(0, s:t_from_sigma(0))
    assert.equal(999, s:t_from_lambda(-100))
  end)
end)

describe("plans", function()
  local s = d.schedule.linear {}
  local function ts(plan)
    local out = {}
    for i, lvl in ipairs(plan) do out[i] = lvl.t end
    return out
  end

  it("leading, trailing and linspace spacings match diffusers' DDIM timesteps", function()
    for _, case in ipairs { { "06_DDIMScheduler.json", "leading" }, { "08_DDIMScheduler.json", "trailing" },
      { "09_DDIMScheduler.json", "linspace" } } do
      local plan = s:plan(10, { spacing = case[2], round = true, final = "none" })
      assert.same(fixture(case[1]).timesteps, ts(plan))
    end
    local offset = s:plan(10, { spacing = "leading", steps_offset = 1, final = "none" })
    assert.equal(901, offset[1].t)
  end)

  it("spaces timesteps as diffusers does at step counts that do not divide 1000, rounding half to even", function()
    -- every recorded DDPM, DDIM and PNDM run at 7, 13, 17 and 33 steps (odd_*: trailing, linspace, leading)
    local checked = 0
    for name in io.popen("ls spec/fixtures/diffusers/schedulers"):lines() do
      local class = name:match("^odd_%d+_(%a+)Scheduler%.json$")
      if class == "DDPM" or class == "DDIM" then
        local f = fixture(name)
        local c = f.config
        local opts = { spacing = c.timestep_spacing, steps_offset = c.steps_offset, round = true, final = "none" }
        assert.same(f.timesteps, ts(s:plan(f.num_inference_steps, opts)), name)
        assert.same(f.timesteps, d.core.schedule_timesteps(1000, f.num_inference_steps, c.timestep_spacing,
          c.steps_offset), name)
        checked = checked + 1
      end
    end
    assert.is_true(checked >= 8)
    -- np.linspace(0, 999, 7).round(): 166.5 and 832.5 go to the even neighbour
    local linspace = ts(s:plan(7, { spacing = "linspace", round = true, final = "none" }))
    assert.same({ 999, 832, 666, 500, 333, 166, 0 }, linspace)
    -- np.round(np.arange(1000, 0, -62.5)) - 1: 812.5 -> 812, 687.5 -> 688
    local trailing = d.core.schedule_timesteps(1000, 16, "trailing")
    assert.equal(811, trailing[4])
    assert.equal(687, trailing[6])
    -- unrounded linspace (the k-diffusion classes) keeps the fractions
    assert.equal(999 * 5 / 6, d.core.schedule_timesteps(1000, 7, "linspace", 0, false)[2])
    assert.has_error(function() d.core.schedule_timesteps(1000, 0, "trailing") end)
    assert.has_error(function() d.core.schedule_timesteps(1000, 7, "evenly") end)
  end)

  it("ends at sigma = 0, at sigma_min, or at the last step", function()
    local zero = s:plan(4)
    assert.equal(5, #zero)
    assert.same({ 1, 0 }, { zero[5].alpha, zero[5].sigma })
    assert.equal(math.huge, zero[5].lambda)
    local smin = s:plan(4, { final = "sigma_min" })
    assert.near(s:sigma(0), smin[5].sigma, 1e-15)
    assert.equal(4, #s:plan(4, { final = "none" }))
  end)

  it("karras, exponential and polyexponential sigmas follow their formulas", function()
    local lo, hi = 0.1, 10
    local function ve(lvl) return lvl.sigma / lvl.alpha end
    local k = s:plan(5, { sigmas = "karras", sigma_min = lo, sigma_max = hi, final = "none" })
    for i = 0, 4 do
      local want = (hi ^ (1 / 7) + i / 4 * (lo ^ (1 / 7) - hi ^ (1 / 7))) ^ 7
      assert.near(want, ve(k[i + 1]), want * 1e-12)
    end
    local e = s:plan(5, { sigmas = "exponential", sigma_min = lo, sigma_max = hi, final = "none" })
    assert.near(1, ve(e[3]), 1e-12) -- the geometric mean
    local p = s:plan(5, { sigmas = "polyexponential", rho = 1, sigma_min = lo, sigma_max = hi, final = "none" })
    assert.near(ve(e[2]), ve(p[2]), 1e-12) -- rho = 1 is exponential
    -- the time of each level is consistent with its sigma
    for _, lvl in ipairs(k) do assert.near(lvl.t, s:t_from_sigma(lvl.sigma), 1e-6) end
  end)

  it("beta sigmas use the inverse regularised incomplete beta function", function()
    assert.near(0.3, d.beta_ppf(0.3, 1, 1), 1e-12) -- uniform
    assert.near(math.sqrt(0.3), d.beta_ppf(0.3, 2, 1), 1e-12) -- cdf x^2
    assert.near(1 - math.sqrt(0.7), d.beta_ppf(0.3, 1, 2), 1e-12)
    assert.near(0.5, d.beta_ppf(0.5, 0.6, 0.6), 1e-12) -- symmetric
    local b = s:plan(6, { sigmas = "beta", sigma_min = 1, sigma_max = 2, final = "none" })
    assert.near(2, b[1].sigma / b[1].alpha, 1e-9)
    assert.near(1, b[6].sigma / b[6].alpha, 1e-9)
    assert.near(1.5, b[4].sigma / b[4].alpha + b[3].sigma / b[3].alpha - 1.5, 1e-9) -- symmetric about 1.5
  end)

  it("takes custom sigmas as a table or a function, and custom times", function()
    local t = s:plan(0, { sigmas = { 10, 1, 0.1 } })
    assert.equal(4, #t)
    assert.near(1, t[2].sigma / t[2].alpha, 1e-12)
    local f = s:plan(3, { sigmas = function(n, lo, hi)
      assert.equal(3, n)
      assert.is_true(lo < hi)
      return { hi, math.sqrt(lo * hi), lo }
    end })
    assert.near(s:info().sigma_max, f[1].sigma / f[1].alpha, 1e-9)
    local c = s:plan(0, { timesteps = { 800, 400.5, 10 }, final = "none" })
    assert.same({ 800, 400.5, 10 }, ts(c))
    assert.near(s:alpha(400.5), c[2].alpha, 1e-15)
  end)

  it("edm plans default to Karras sigmas with the schedule's rho", function()
    local e = d.schedule.edm { sigma_min = 0.002, sigma_max = 80, rho = 7 }
    local p = e:plan(10)
    assert.near(80, p[1].sigma, 1e-9)
    assert.near(0.002, p[10].sigma, 1e-12)
    assert.near(0.25 * math.log(80), p[1].t, 1e-12)
    assert.equal(0, p[11].sigma)
  end)

  it("flow plans match diffusers' FlowMatchEulerDiscreteScheduler sigmas", function()
    for _, name in ipairs { "53_FlowMatchEulerDiscreteScheduler.json", "54_FlowMatchEulerDiscreteScheduler.json" } do
      local j = fixture(name)
      local p = d.schedule.flow { shift = j.config.shift }:plan(10)
      for i, sv in ipairs(j.sigmas) do assert.near(sv, p[i].sigma, 1e-6) end
    end
  end)

  it("refuses unknown options and bad values", function()
    assert.has_error(function() s:plan(10, { spacings = "leading" }) end, "plan: unknown option 'spacings'")
    assert.has_error(function() s:plan(10, { spacing = "middle" }) end,
      "plan: unknown spacing 'middle' (expected one of trailing, leading, linspace)")
    assert.has_error(function() s:plan(0) end, "plan: step count must be 1..100000, got 0")
    assert.has_error(function() s:plan(3, { sigmas = { 1, 0 / 0, 2 } }) end)
    assert.has_error(function() s:plan(3, { sigmas = { 1, -1, 0.5 } }) end)
    assert.has_error(function() s:plan(3, { sigmas = "karras", sigma_min = 2, sigma_max = 1 }) end)
  end)

  it("from_diffusers gives the schedule and the plan options of a config", function()
    local sched, opts = d.schedule.from_diffusers { beta_schedule = "scaled_linear", beta_start = 0.00085,
      beta_end = 0.012, timestep_spacing = "leading", steps_offset = 1, use_karras_sigmas = true }
    assert.equal("leading", opts.spacing)
    assert.equal(1, opts.steps_offset)
    assert.equal("karras", opts.sigmas)
    assert.near(1 - 0.00085, sched:alphas_cumprod()[1], 1e-7)
  end)
end)
