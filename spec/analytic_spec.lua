-- diffusion.analytic: exact denoisers, scores and densities against closed
-- forms, identities (Tweedie, score = grad log p) and Monte Carlo.
local d = require "diffusion"
local S = require "support"

local function normal_logpdf(x, m, v) return -0.5 * ((x - m) ^ 2 / v + math.log(2 * math.pi * v)) end

describe("diffusion.analytic", function()
  it("a Gaussian: posterior mean, score and density of x_t in closed form", function()
    local g = d.analytic.gaussian { mean = d.tensor { 1, -3 }, std = d.tensor { 2, 0.5 } }
    local a, s = 0.6, 0.8
    local x = d.tensor { { 0.3, -1 }, { 2.5, -2 }, { -4, 0 } }
    local x0, score = g:denoise(x, a, s):totable(), g:score(x, a, s):totable()
    local lp, total = g:log_density(x, a, s)
    local sum = 0
    for i, row in ipairs(x:totable()) do
      local want_lp = 0
      for j, m in ipairs { 1, -3 } do
        local sd = ({ 2, 0.5 })[j]
        local v = a * a * sd * sd + s * s
        assert.near(m + a * sd * sd / v * (row[j] - a * m), x0[i][j], 1e-5)
        assert.near(-(row[j] - a * m) / v, score[i][j], 1e-5)
        want_lp = want_lp + normal_logpdf(row[j], a * m, v)
      end
      assert.near(want_lp, lp:get(i), 1e-4)
      sum = sum + want_lp
    end
    assert.near(sum, total, 1e-9)
  end)

  it("a mixture of image-shaped components: Tweedie's formula and score = grad log p", function()
    local rng = d.rng(3)
    local m = d.analytic.gmm { weights = { 0.2, 0.5, 0.3 }, means = rng:randn { 3, 2, 3, 3 },
      stds = { 0.3, d.full({ 2, 3, 3 }, 0.6), 1.1 } }
    local a, s = 0.7, 0.5
    local x = rng:randn { 4, 2, 3, 3 }
    local x0, score = m:denoise(x, a, s), m:score(x, a, s)
    S.near(x0, (x + score * (s * s)) / a, 1e-5, "E[x0 | x_t] = (x_t + sigma^2 score) / alpha")
    local h, v = 1e-3, rng:randn { 1, 2, 3, 3 }
    for i = 1, 4 do
      local xi = x:narrow(1, i, 1)
      local _, up = m:log_density(xi + v * h, a, s)
      local _, down = m:log_density(xi - v * h, a, s)
      local fd, an = (up - down) / (2 * h), d.dot(score:narrow(1, i, 1), v)
      assert.is_true(math.abs(fd - an) < 1e-3 * math.max(1, math.abs(an)), string.format("%.6g vs %.6g", fd, an))
    end
  end)

  it("samples the data distribution exactly (moments by Monte Carlo)", function()
    -- 1-D: weights 0.3, 0.7, means -2, 1, stds 0.5, 0.3: mean 0.1, variance
    -- 0.3 (0.25 + 4) + 0.7 (0.09 + 1) - 0.01 = 2.028
    local m = d.analytic.gmm { weights = { 0.3, 0.7 }, means = d.tensor { { -2 }, { 1 } }, stds = { 0.5, 0.3 } }
    local x = m:sample(d.rng(1), 20000)
    local n = x:numel()
    local mean, var = x:mean(), x:var()
    assert.is_true(math.abs(mean - 0.1) < 4 * math.sqrt(2.028 / n), "mean " .. mean)
    assert.is_true(math.abs(var - 2.028) < 0.08, "variance " .. var)
    local below = 0 -- the first component's share
    for _, v in ipairs(x:reshape { n }:totable()) do if v < -0.5 then below = below + 1 / n end end
    assert.is_true(math.abs(below - 0.3) < 0.015, "share " .. below)
  end)

  it("the empirical distribution: its denoiser is the posterior over the data points", function()
    local data = d.tensor { { 0, 0 }, { 1, 0 }, { 0, 2 } }
    local m = d.analytic.empirical(data)
    -- at small sigma, the nearest point; at sigma -> 0 the density is undefined
    S.near(m:denoise(d.tensor { { 0.9, 0.1 } }, 1, 0.05), { { 1, 0 } }, 1e-6, "nearest point")
    -- by hand at alpha 1, sigma 1: weights exp(-|x - p|^2 / 2) over the points
    local x = { 0.5, 0.5 }
    local wsum, mean = 0, { 0, 0 }
    for _, p in ipairs(data:totable()) do
      local w = math.exp(-((x[1] - p[1]) ^ 2 + (x[2] - p[2]) ^ 2) / 2)
      wsum = wsum + w
      mean[1], mean[2] = mean[1] + w * p[1], mean[2] + w * p[2]
    end
    S.near(m:denoise(d.tensor { x }, 1, 1), { { mean[1] / wsum, mean[2] / wsum } }, 1e-6, "posterior mean")
    local _, lp = m:log_density(d.tensor { x }, 1, 1)
    assert.near(math.log(wsum / 3) - math.log(2 * math.pi), lp, 1e-6)
    assert.has_error(function() m:log_density(d.tensor { x }, 1, 0) end,
      "log_density: a point mass at sigma 0 has no density: sigma must be > 0")
  end)

  it("stands in for a network: a sampler on the exact denoiser reaches the data distribution", function()
    local sched = d.schedule.linear {}
    local m = d.analytic.gmm { weights = { 0.3, 0.7 }, means = d.tensor { { -2 }, { 1 } }, stds = { 0.5, 0.3 } }
      :with_schedule(sched)
    local D = d.denoiser(m, sched)
    local x = d.samplers.dpmpp_2m(D, d.rng(2):randn { 4000, 1 }, sched:plan(50))
    local exact = m:sample(d.rng(5), 4000)
    assert.is_true(math.abs(x:mean() - exact:mean()) < 0.1, string.format("%.3f vs %.3f", x:mean(), exact:mean()))
    assert.is_true(math.abs(x:std() - exact:std()) < 0.1, string.format("%.3f vs %.3f", x:std(), exact:std()))
  end)

  it("takes a timestep per sample, as a network does: each row as its own call", function()
    local sched = d.schedule.linear {}
    local m = d.analytic.gmm { weights = { 0.3, 0.7 }, means = d.tensor { { -2 }, { 1 } }, stds = { 0.5, 0.3 } }
      :with_schedule(sched)
    local x = d.rng(3):randn { 3, 1 }
    local eps = m(x, d.tensor { 10, 500, 900 })
    for i, t in ipairs { 10, 500, 900 } do
      assert.equal(m(x:narrow(1, i, 1), t):get(1, 1), eps:get(i, 1))
    end
    assert.has_error(function() m(x, d.tensor { 1, 2 }) end, "analytic: 2 timesteps for 3 samples")
  end)

  it("the reference ODE solver reaches the probability-flow endpoint in closed form", function()
    -- data N(m, s0^2) in one dimension: in k-diffusion's variables the
    -- PF-ODE is solved by xs(s) = m + (xs_T - m) sqrt((s0^2 + s^2) / (s0^2 + s_T^2)),
    -- and the final denoise at s gives m + s0^2 / (s0^2 + s^2) (xs - m)
    local m, s0 = 0.7, 0.4
    local sched = d.schedule.linear {}
    local g = d.analytic.gaussian { mean = m, std = s0, shape = { 1 } }:with_schedule(sched)
    local D = d.denoiser(g, sched)
    local plan = sched:plan(10)
    local first, last = plan[1], plan[#plan - 1]
    local sT, s1 = first.sigma / first.alpha, last.sigma / last.alpha
    local x = d.tensor { { -1.3 }, { 0.2 }, { 2.5 } } * first.alpha * math.sqrt(s0 * s0 + sT * sT)
    local errors, nfes = {}, {}
    for i, tol in ipairs { 1e-3, 1e-6 } do
      local out, nfe = d.ode(D, x, plan, { rtol = tol, atol = tol })
      local worst = 0
      for j, xt in ipairs(x:reshape { 3 }:totable()) do
        local xs_end = m + (xt / first.alpha - m) * math.sqrt((s0 * s0 + s1 * s1) / (s0 * s0 + sT * sT))
        local want = m + s0 * s0 / (s0 * s0 + s1 * s1) * (xs_end - m)
        worst = math.max(worst, math.abs(out:get(j, 1) - want))
      end
      errors[i], nfes[i] = worst, nfe
    end
    -- measured: 1.7e-3 at tolerance 1e-3 (50 evaluations), 1.4e-6 at 1e-6 (152), float32's floor
    assert.is_true(errors[2] < 1e-5, "tight tolerance error " .. errors[2])
    assert.is_true(errors[2] < errors[1] and nfes[2] > nfes[1], string.format("errors %g, %g; nfe %d, %d",
      errors[1], errors[2], nfes[1], nfes[2]))
  end)

  it("the ODE solver names a denoiser or plan it cannot use", function()
    local sched = d.schedule.linear {}
    local g = d.analytic.gaussian { mean = 0, std = 1, shape = { 1 } }:with_schedule(sched)
    assert.has_error(function() d.ode(function() end, d.zeros { 1, 1 }, sched:plan(4)) end,
      "ode: D must be a diffusion.denoiser")
    local plan = sched:plan(4)
    local backwards = { plan[4], plan[3], plan[2], plan[1] }
    assert.has_error(function() d.ode(d.denoiser(g, sched), d.zeros { 1, 1 }, backwards) end,
      "ode: the plan must go from more noise to less")
  end)

  it("names bad input", function()
    local g = d.analytic.gaussian { mean = 0, std = 1, shape = { 2 } }
    assert.has_error(function() g:denoise(d.zeros { 3, 3 }, 1, 1) end, "denoise: x is {3,3}, expected N x {2}")
    assert.has_error(function() g:denoise(d.zeros { 3, 2 }, -1, 1) end,
      "denoise: alpha and sigma must be finite and >= 0")
    assert.has_error(function() d.analytic.gmm { weights = { 1, -1 }, means = d.zeros { 2, 1 }, stds = { 1, 1 } } end,
      "analytic: weight 2 is -1: weights must be positive")
    assert.has_error(function() d.analytic.gmm { weights = { 1 }, means = d.zeros { 2, 1 }, stds = { 1, 1 } } end,
      "analytic: 1 weights for 2 components")
    assert.has_error(function() g:denoise(d.tensor { { 0 / 0, 1 } }, 1, 1) end)
    assert.has_error(function() g(d.zeros { 1, 2 }, 10) end,
      "analytic: call with_schedule(schedule) before using the model as a network")
  end)
end)
