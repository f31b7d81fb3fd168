-- diffusion.lab: NFE budgets, the metrics, and the report writers.
local d = require "diffusion"

describe("diffusion.lab", function()
  local m = d.analytic.gmm { weights = { 0.3, 0.7 }, means = d.tensor { { -2, 0 }, { 1, 1 } }, stds = { 0.4, 0.3 } }
  local sched = d.schedule.linear {}

  it("sliced Wasserstein: 0 between a set and itself, the shift between 1-D sets", function()
    local a = d.rng(1):randn { 500, 2 }
    assert.near(0, d.lab.sliced_wasserstein(a, a:clone()), 1e-12)
    local x = d.rng(2):randn { 300, 1 }
    assert.near(0.75, d.lab.sliced_wasserstein(x, x + 0.75), 1e-5)
  end)

  it("runs each sampler at the step count its NFE budget allows, and errors fall with NFE", function()
    local results = d.lab.compare { model = m, schedule = sched, samplers = { "euler", "heun", "dpmpp_2m" },
      nfe = { 4, 8, 16 }, n = 200, metric = { "rmse", "swd" } }
    local by = {}
    for _, r in ipairs(results.rows) do by[r.sampler .. r.budget] = r end
    assert.are.same({ 4, 4 }, { by.euler4.nfe, by.euler4.steps })
    assert.are.same({ 7, 4 }, { by.heun8.nfe, by.heun8.steps }) -- 2 per step, 1 for the step to sigma 0
    for _, name in ipairs { "euler", "heun", "dpmpp_2m" } do
      assert.is_true(by[name .. 16].rmse < by[name .. 4].rmse, name)
      assert.is_true(by[name .. 16].swd > 0)
    end
    assert.is_true(by.dpmpp_2m16.rmse < by.euler16.rmse) -- second order beats first
    assert.is_true(d.lab.order(results, "dpmpp_2m", "rmse") > d.lab.order(results, "euler", "rmse"))
    local md = d.lab.markdown(results, "rmse")
    assert.truthy(md:find("| sampler | 4 | 8 | 16 | order |", 1, true), md)
    assert.truthy(d.lab.csv(results):find("^sampler,budget,nfe,steps,rmse,swd\n"))
    local svg = d.lab.svg(results)
    assert.truthy(svg:find("^<svg") and svg:find("</svg>\n$") and select(2, svg:gsub("<polyline", "")) == 3)
  end)

  it("every sampler stays finite on plans that end at sigma 0 (DEIS did not: found by the lab)", function()
    local D = d.denoiser(m:with_schedule(sched), sched)
    for file in io.popen("ls lua/diffusion/samplers"):lines() do
      local name = file:match("^(.-)%.lua$")
      if name and name ~= "init" and name ~= "util" then
        for _, n in ipairs { 1, 2, 3, 10, 20 } do
          local out = d.samplers[name](D, d.rng(0):randn { 20, 2 }, sched:plan(n), { seed = 1 })
          assert.is_true(out:all_finite(), string.format("%s, %d steps", name, n))
        end
      end
    end
  end)

  it("takes a user's sampler with its own plan options, and names bad options", function()
    local calls = 0
    local mine = function(D, x, plan, opts)
      calls = calls + 1
      return d.samplers.euler(D, x, plan, opts)
    end
    local results = d.lab.compare { model = m, schedule = sched, n = 50, nfe = { 5 },
      samplers = { { name = "mine", sampler = mine, plan = { spacing = "trailing" } } } }
    assert.equal("mine", results.rows[1].sampler)
    assert.is_true(calls > 1) -- counting runs, then the measured one
    assert.has_error(function() d.lab.compare { model = m, schedule = sched, nfe = { 5 }, samplerz = {} } end,
      "compare: unknown option 'samplerz'")
    assert.has_error(function() d.lab.compare { model = m, schedule = sched, samplers = { 5 } } end)
  end)
end)
