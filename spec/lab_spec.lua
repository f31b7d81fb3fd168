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
    -- a reference line: dashed, labelled, at its value on the log axis (1e-3 lies on a grid line)
    results.reference = { value = 1e-3, label = "exact <ODE>" }
    svg = d.lab.svg(results)
    local grid = svg:match('<line x1="70" y1="([%d.]+)" x2="490" y2="[%d.]+" stroke="#ddd"/>\n<text x="64" y="[%d.]+" '
      .. 'text%-anchor="end">1e%-3</text>')
    assert.truthy(grid, svg)
    local dashed = '<line x1="70" y1="%s" x2="490" y2="%s" stroke="black" stroke-dasharray="6 4"/>'
    assert.truthy(svg:find(dashed:format(grid, grid), 1, true), svg)
    assert.truthy(svg:find(">exact ODE</text>", 1, true))
    for _, bad in ipairs { 0, -1, 0 / 0, math.huge, "1" } do
      results.reference = { value = bad }
      assert.has_error(function() d.lab.svg(results) end, "lab.svg: results.reference.value must be a positive finite "
        .. "number (the axis is logarithmic), got " .. tostring(bad))
    end
    -- several references: a dashed line and a label each; a bad one is named by its place in the list
    results.reference = { { value = 1e-3, label = "exact ODE" }, { value = 1e-2, label = "real data" } }
    svg = d.lab.svg(results)
    assert.are.equal(2, select(2, svg:gsub('stroke%-dasharray="6 4"', "")))
    assert.truthy(svg:find(">exact ODE</text>", 1, true) and svg:find(">real data</text>", 1, true))
    local y2 = svg:match('<line x1="70" y1="([%d.]+)" x2="490" y2="[%d.]+" stroke="#ddd"/>\n<text x="64" y="[%d.]+" '
      .. 'text%-anchor="end">1e%-2</text>')
    assert.truthy(svg:find(dashed:format(y2, y2), 1, true), svg)
    -- two close lines: the lower one's label goes under it, clear of the upper one's
    results.reference[2].value = 1.05e-3
    svg = d.lab.svg(results)
    local y_low = tonumber(svg:match('<line x1="70" y1="([%d.]+)" x2="490" y2="[%d.]+" stroke="black"'))
    local y_high = tonumber(svg:match('y1="([%d.]+)" x2="490" y2="[%d.]+" stroke="black" stroke%-dasharray="6 4"/>\n'
      .. '<text x="486" y="[%d.]+" text%-anchor="end">real data', svg:find(">exact ODE<", 1, true)))
    assert.is_true(y_low - y_high > 0 and y_low - y_high < 16, svg)
    assert.truthy(svg:find(string.format('y="%.1f" text%%-anchor="end">exact ODE<', y_low + 14)), svg)
    assert.truthy(svg:find(string.format('y="%.1f" text%%-anchor="end">real data<', y_high - 5)), svg)
    results.reference[2].value = -1
    assert.has_error(function() d.lab.svg(results) end, "lab.svg: results.reference[2].value must be a positive finite "
      .. "number (the axis is logarithmic), got -1")
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

  it("counts the NFE of samplers that read D.schedule (TCD, PNDM's Runge-Kutta start)", function()
    local results = d.lab.compare { model = m, schedule = sched, samplers = { "tcd",
      { name = "pndm_prk", sampler = function(D, x, plan, opts)
        return d.samplers.pndm(D, x, plan, { prk = true, seed = opts.seed })
      end } }, nfe = { 4, 13 }, n = 20, metric = { "swd" } }
    local by = {}
    for _, r in ipairs(results.rows) do by[r.sampler .. r.budget] = r end
    assert.are.same({ 4, 4 }, { by.tcd4.nfe, by.tcd4.steps })
    assert.is_true(by.pndm_prk13.nfe <= 13 and by.pndm_prk13.swd > 0)
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

  it("starts from given noise: a run on a slice of the noise gives that slice of the whole run", function()
    local whole = d.lab.compare { model = m, schedule = sched, samplers = { "dpmpp_2m" }, nfe = { 6 }, n = 40,
      metric = {}, keep = true }
    local noise = d.rng(0):randn { 40, 2 } -- the draw seed 0 gives
    local part = d.lab.compare { model = m, schedule = sched, samplers = { "dpmpp_2m" }, nfe = { 6 }, n = 20,
      metric = {}, keep = true, noise = noise:narrow(1, 21, 20) }
    local a, b = whole.samples.dpmpp_2m[6]:narrow(1, 21, 20), part.samples.dpmpp_2m[6]
    assert.equal(0, (a - b):abs():max())
    local other = d.lab.compare { model = m, schedule = sched, samplers = { "dpmpp_2m" }, nfe = { 6 }, n = 20,
      metric = {}, keep = true, noise = noise:narrow(1, 1, 20) }
    assert.is_true((other.samples.dpmpp_2m[6] - b):abs():max() > 0.1)
    assert.has_error(function()
      d.lab.compare { model = m, schedule = sched, samplers = { "euler" }, nfe = { 3 }, n = 20, noise = noise }
    end, "compare: noise has shape 40x2, expected 20x2 (n = 20 samples of the sample shape)")
  end)

  describe("optimize_plan", function()
    local result
    setup(function()
      result = d.lab.optimize_plan { model = m, schedule = sched, sampler = "dpmpp_2m", nfe = 5, n = 200 }
    end)

    it("finds levels that beat every fixed spacing on its calibration batch, and on fresh noise", function()
      assert.equal(5, result.steps)
      assert.equal(5, result.nfe)
      assert.equal(5, #result.sigmas)
      for name, err in pairs(result.fixed) do
        assert.is_true(result.rmse < err, name)
      end
      assert.near(result.best_fixed_rmse / result.rmse, result.gain, 1e-12)
      assert.is_true(result.gain > 1.2, "gain " .. result.gain)
      assert.is_true(result.sigmas[1] <= sched:info().sigma_max * (1 + 1e-9))
      for i = 2, #result.sigmas do assert.is_true(result.sigmas[i] < result.sigmas[i - 1]) end
      -- measured by lab.compare on its own noise (seed 0, not the calibration's)
      local fixed_plan = ({ trailing = true, leading = true, linspace = true })[result.best_fixed]
        and { spacing = result.best_fixed } or { sigmas = result.best_fixed }
      local check = d.lab.compare { model = m, schedule = sched, n = 500, nfe = { 5 }, metric = { "rmse" },
        samplers = { { name = "fixed", sampler = d.samplers.dpmpp_2m, plan = fixed_plan },
          { name = "optimised", sampler = d.samplers.dpmpp_2m, plan = { sigmas = result.sigmas } } } }
      assert.is_true(check.rows[2].rmse < check.rows[1].rmse,
        string.format("fresh noise: fixed %.4f, optimised %.4f", check.rows[1].rmse, check.rows[2].rmse))
    end)

    it("saves a JSON plan that plan{sigmas = } and diffusion sample --schedule take", function()
      local path = os.tmpname() .. ".json"
      d.lab.save_plan(result, path)
      local f = assert(io.open(path))
      local plan_json = d.core.json_decode(f:read("a"))
      f:close()
      assert.equal("dpmpp_2m", plan_json._lab.sampler)
      local plan = sched:plan(#plan_json.sigmas, { sigmas = plan_json.sigmas })
      for i, s in ipairs(result.sigmas) do assert.near(s, plan[i].sigma / plan[i].alpha, 1e-6 * s) end
      assert.equal(0, plan[#plan].sigma)
      local png = os.tmpname() .. ".png"
      local p = io.popen(string.format("lua5.4 bin/diffusion sample --model spec/fixtures/diffusers/unet/class_cond "
        .. "--schedule %s -n 2 --classes 0-1 --quiet -o %s 2>&1", path, png))
      local out = p:read("a")
      assert.is_true(p:close(), out)
      os.remove(path)
      os.remove(png)
    end)

    it("names bad options", function()
      assert.has_error(function() d.lab.optimize_plan { model = m, schedule = sched, nfe = 0 } end,
        "optimize_plan: nfe must be a positive integer")
      assert.has_error(function() d.lab.optimize_plan { model = m, schedule = sched, nfe = 5, steps = 3 } end,
        "optimize_plan: unknown option 'steps'")
      assert.has_error(function() d.lab.optimize_plan { schedule = sched, nfe = 5 } end,
        "optimize_plan: needs model and schedule")
    end)
  end)

  it("runs a diffusers configuration as a lab sampler, exactly as diffusion.sample does", function()
    local model = d.load("spec/fixtures/diffusers/unet/class_cond")
    local labels = d.tensor { 1, 2 }
    local x = d.rng(0):randn { 2, 1, 16, 16 }
    for _, case in ipairs { { "DPMSolverMultistepScheduler", { use_karras_sigmas = true } },
      { "EulerDiscreteScheduler", { timestep_spacing = "leading" } }, { "DDIMScheduler", { clip_sample = false } } } do
      local sampler = d.diffusers.lab_sampler(case[1], case[2])
      local D = d.denoiser(model, d.schedule.linear {}, { class_labels = labels })
      local plan = d.schedule.linear {}:plan(4)
      local ours = sampler(D, x * plan[1].sigma, plan, { seed = 0 })
      local theirs = d.sample { scheduler = case[1], config = case[2], steps = 4, model = model, x = x,
        class_labels = labels, seed = 0 }
      assert.equal(0, (ours - theirs):abs():max(), case[1])
    end
    assert.has_error(function() d.diffusers.lab_sampler("MyScheduler", {}) end,
      "lab_sampler: unsupported scheduler 'MyScheduler'")
  end)

  it("diffusion optimize writes a plan and reports the gain", function()
    local path = os.tmpname()
    local p = io.popen("lua5.4 bin/diffusion optimize --model gmm2d --nfe 4 -n 100 --rounds 2 --quiet -o " .. path
      .. " 2>&1")
    local out = p:read("a")
    assert.is_true(p:close(), out)
    assert.truthy(out:find("optimised%s+rmse [%d.]+: [%d.]+x lower than %a+"), out)
    local f = assert(io.open(path))
    assert.truthy(f:read("a"):find('^{"sigmas": %['))
    f:close()
    os.remove(path)
    for args, msg in pairs { ["--nfe 0"] = "--nfe must be a positive integer",
      ["--sampler nope"] = "unknown sampler 'nope'" } do
      p = io.popen("lua5.4 bin/diffusion optimize --model gmm2d --quiet " .. args .. " -o " .. path .. " 2>&1")
      out = p:read("a")
      assert.is_falsy(p:close())
      assert.truthy(out:find(msg, 1, true), out)
    end
  end)
end)
