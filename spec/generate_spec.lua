-- diffusion.generate: the library's sampling front (what `diffusion sample` runs).
local d = require "diffusion"

local MODEL = "spec/fixtures/diffusers/unet/class_cond"

describe("diffusion.generate", function()
  local model = d.load(MODEL)

  it("gives sample i the same whatever the batch size, stochastic samplers included", function()
    for _, sampler in ipairs { "dpmpp_2m", "euler_ancestral", "dpmpp_2m_sde" } do
      local a = d.generate { model = model, n = 5, batch = 5, steps = 4, sampler = sampler, seed = 3, labels = 2 }
      local b = d.generate { model = model, n = 5, batch = 2, steps = 4, sampler = sampler, seed = 3, labels = 2 }
      assert.equal(0, (a - b):abs():max(), sampler)
      assert.same({ 5, 1, 16, 16 }, a:shape())
    end
  end)

  it("gives any share (first, count) of a run exactly the samples the whole run gives there", function()
    for _, sampler in ipairs { "dpmpp_2m", "euler_ancestral" } do
      local all = d.generate { model = model, n = 7, batch = 3, steps = 3, sampler = sampler, seed = 4, labels = 1 }
      local parts = {}
      for _, share in ipairs { { 1, 3 }, { 4, 0 }, { 4, 2 }, { 6, 2 } } do
        local x = d.generate { model = model, n = 7, first = share[1], count = share[2], batch = 3, steps = 3,
          sampler = sampler, seed = 4, labels = 1 }
        assert.same({ share[2], 1, 16, 16 }, x:shape())
        if share[2] > 0 then parts[#parts + 1] = x end
      end
      assert.equal(0, (d.cat(parts, 1) - all):abs():max(), sampler)
    end
    -- count defaults to the rest
    local rest = d.generate { model = model, n = 4, first = 3, steps = 2, seed = 1, labels = 0 }
    local all = d.generate { model = model, n = 4, steps = 2, seed = 1, labels = 0 }
    assert.equal(0, (rest - all:narrow(1, 3, 2)):abs():max())
  end)

  it("is the sampler run by hand on the same noise, denoiser and plan", function()
    local x, info = d.generate { model = model, n = 3, steps = 5, seed = 9, labels = { 1, 2, 3 }, cfg = 2 }
    local linear = d.schedule.linear {} -- a bare UNet folder: DDPM's betas
    local D = d.denoiser(model, linear, { class_labels = d.tensor { 1, 2, 3 }, guidance_scale = 2, null_class = 10 })
    local want = d.samplers.dpmpp_2m(D, d.rng(9):randn { 3, 1, 16, 16 }, linear:plan(5))
    assert.equal(0, (x - want):abs():max())
    assert.equal(6, #info.plan)
    assert.same({ 1, 2, 3 }, info.labels)
  end)

  it("samples the null class when no labels are given", function()
    local x = d.generate { model = model, n = 2, steps = 3 }
    local linear = d.schedule.linear {}
    local D = d.denoiser(model, linear, { class_labels = d.full({ 2 }, 10) })
    local want = d.samplers.dpmpp_2m(D, d.rng(0):randn { 2, 1, 16, 16 }, linear:plan(3))
    assert.equal(0, (x - want):abs():max())
  end)

  it("checks everything before the first network call", function()
    local calls = 0
    local function run(o)
      o.model = o.model or function(...) calls = calls + 1 return model(...) end
      o.shape = o.shape or { 1, 16, 16 }
      local ok, err = pcall(d.generate, o)
      assert.is_false(ok)
      return tostring(err)
    end
    local cases = {
      { { steps = 0 }, "steps must be an integer >= 1" },
      { { n = 2.5 }, "n must be an integer >= 1" },
      { { sampler = "nope" }, "unknown sampler 'nope'" },
      { { sampler = "ddim", sampler_options = { order = 2 } }, "sampler ddim has no option 'order' (it takes: eta)" },
      { { spacing = "even" }, "spacing must be leading, trailing or linspace" },
      { { guidance = "both2" }, "guidance must be cfg, classifier or both" },
      { { labels = { 1 } }, "the model is not class-conditional" },
      { { mask = d.ones { 1, 16, 16 } }, "mask needs init" },
      { { strength = 0.5 }, "strength needs init" },
      { { init = d.zeros { 1, 16, 16 }, strength = 1.5 }, "strength must be in (0, 1]" },
      { { init = d.zeros { 3, 16, 16 } }, "init is 3 x 16 x 16; the model makes 1 x 16 x 16 images" },
      { { steps = 2000 }, "2000 steps: the schedule has only 1000 timesteps" },
      { { bogus = 1 }, "unknown option 'bogus'" },
      { { n = 3, first = 5 }, "first is 5, past the n = 3 samples" },
      { { n = 3, first = 2, count = 3 }, "first 2 and count 3 run past the n = 3 samples" },
      { { first = 0 }, "first must be an integer >= 1" },
      { { count = -1 }, "count must be an integer >= 0" },
    }
    for _, c in ipairs(cases) do
      local err = run(c[1])
      assert.truthy(err:find(c[2], 1, true), err)
    end
    assert.equal(0, calls)
    local err = select(2, pcall(d.generate, { model = model, labels = { 1, 12 }, n = 2 }))
    assert.truthy(tostring(err):find("class 12 is not one of 0..9", 1, true), tostring(err))
  end)

  it("warns where the sampler is known to diverge on the plan, and only there", function()
    local said = {}
    local bundled = d.load(d.bundled("mnist"))
    d.generate { model = bundled, n = 1, steps = 2, sampler = "heun", labels = 1,
      on_warning = function(msg) said[#said + 1] = msg end }
    assert.equal(1, #said)
    assert.truthy(said[1]:find("heun is known to diverge", 1, true))
    local _, info = d.generate { model = bundled, n = 1, steps = 2, sampler = "heun", labels = 1,
      schedule = d.schedule.edm {}, on_warning = function(msg) said[#said + 1] = msg end }
    assert.equal(1, #said) -- sigma_max 80: no warning
    assert.equal(0, #info.warnings)
  end)
end)
