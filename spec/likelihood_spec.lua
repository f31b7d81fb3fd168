-- diffusion.nll: the probability-flow ODE likelihood (exact divergence for
-- analytic models, Hutchinson's estimate with the backward pass for
-- networks) and DDPM's variational bound, checked against closed forms.
local d = require "diffusion"
local S = require "support"

local LOG2 = math.log(2)

-- samples of a Gaussian clamped to [-1, 1] and rounded to 8 bits
local function quantized(mean, std, n, seed)
  local x = d.rng(seed):randn { n, #mean }
  x:mul_(d.tensor(std)):add_(d.tensor(mean)):clamp_(-1, 1)
  return ((x + 1) * 127.5):round_():div_(127.5):sub_(1)
end

-- the exact probability of each 8-bit sample's bin under N(mean, std^2),
-- bins [v - 1/255, v + 1/255] open-ended at -1 and 1, by Simpson's rule:
-- an estimate independent of the module's erfc
local function discrete_bits(x, mean, std)
  local rows = x:totable()
  local total = 0
  for _, row in ipairs(rows) do
    for j, v in ipairs(row) do
      local m, s = mean[j], std[j]
      local lo = v <= -1 + 1e-6 and m - 12 * s or v - 1 / 255
      local hi = v >= 1 - 1e-6 and m + 12 * s or v + 1 / 255
      local k, sum = 400, 0
      local h = (hi - lo) / k
      for i = 0, k do
        local u = lo + i * h
        local w = (i == 0 or i == k) and 1 or (i % 2 == 1 and 4 or 2)
        sum = sum + w * math.exp(-0.5 * ((u - m) / s) ^ 2) / (s * math.sqrt(2 * math.pi))
      end
      total = total - math.log(sum * h / 3)
    end
  end
  return total / (#rows * #rows[1] * LOG2)
end

describe("diffusion.nll", function()
  local sched = d.schedule.linear {}
  local gmm = d.analytic.gmm { weights = { 0.3, 0.7 }, means = { d.tensor { -0.6, 0.4 }, d.tensor { 0.5, -0.3 } },
    stds = { 0.2, 0.35 } }

  it("analytic models give the exact divergence of their denoiser (finite differences)", function()
    local image_gmm = d.analytic.gmm { weights = { 1, 2 }, means = d.rng(1):randn { 2, 1, 2, 2 }, stds = { 0.5, 0.8 } }
    local cases = { { gmm, d.tensor { { 0.2, 0.1 }, { -0.7, 0.4 } } }, { image_gmm, d.rng(2):randn { 2, 1, 2, 2 } } }
    for _, case in ipairs(cases) do
      local m, x = case[1], case[2]
      local a, s = 0.8, 0.6
      local div = m:divergence(x, a, s)
      local flat = x:reshape { 2, -1 }
      for i = 1, 2 do
        local fd, h = 0, 1e-3
        for j = 1, flat:size(2) do
          local up, down = flat:clone(), flat:clone()
          up:set(i, j, flat:get(i, j) + h)
          down:set(i, j, flat:get(i, j) - h)
          local dup = m:denoise(up:reshape(x:shape()), a, s):reshape { 2, -1 }
          local ddown = m:denoise(down:reshape(x:shape()), a, s):reshape { 2, -1 }
          fd = fd + (dup:get(i, j) - ddown:get(i, j)) / (2 * h)
        end
        assert.is_true(math.abs(div[i] - fd) <= 2e-3 * math.max(1, math.abs(fd)), string.format("%g vs %g", div[i], fd))
      end
    end
  end)

  it("ode: matches the closed-form log-density within 0.5% (Gaussian and mixtures, 2-D and image-shaped)", function()
    local gauss = d.analytic.gaussian { mean = d.tensor { 0.3, -0.2 }, std = d.tensor { 0.4, 0.7 } }
    local image_gmm = d.analytic.gmm { weights = { 1, 2 }, means = d.rng(1):randn { 2, 1, 4, 4 } * 0.5,
      stds = { 0.3, 0.5 } }
    for name, case in pairs { gaussian = { gauss, sched }, gmm = { gmm, d.schedule.cosine {} },
      image_gmm = { image_gmm, sched } } do
      local m, sc = case[1], case[2]
      local x = m:sample(d.rng(3), 100)
      local bpd, per, info = d.nll(m, sc, x, { dequantize = false })
      local lp = m:log_density(x, sc:alpha(0), sc:sigma(0)):totable()
      local dim = x:numel() // 100
      local exact = 0
      for i = 1, 100 do
        exact = exact - lp[i] / (100 * dim * LOG2)
        assert.is_true(math.abs(per[i] + lp[i] / (dim * LOG2)) <= 5e-3 * math.max(1, math.abs(per[i])), name)
      end
      assert.is_true(math.abs(bpd - exact) <= 5e-3 * math.abs(exact),
        string.format("%s: %.5f vs %.5f", name, bpd, exact))
      assert.is_true(info.nfe > 10, name)
    end
  end)

  it("vlb and dequantised ode are never below the exact discrete likelihood of 8-bit data", function()
    local mean, std = { 0.2, -0.3 }, { 0.2, 0.25 } -- little mass beyond [-1, 1], where clamping piles it up
    local x = quantized(mean, std, 400, 5)
    local exact = discrete_bits(x, mean, std)
    local gauss = d.analytic.gaussian { mean = d.tensor(mean), std = d.tensor(std) }
    local vlb = d.nll(gauss, sched, x, { method = "vlb" })
    local small = d.nll(gauss, sched, x, { method = "vlb", variance = "fixed_small" })
    local coarse = d.nll(gauss, sched, x, { method = "vlb", steps = 50 })
    local ode = d.nll(gauss, sched, x, { method = "ode" })
    for name, v in pairs { vlb = vlb, fixed_small = small, coarse = coarse, ode = ode } do
      assert.is_true(v >= exact, string.format("%s %.4f below the exact %.4f", name, v, exact))
    end
    -- and they are bounds worth having: the exact denoiser's come within 2% (ode) and 5% (vlb)
    assert.is_true(ode <= exact * 1.02 and vlb <= exact * 1.05, string.format("exact %.4f ode %.4f vlb %.4f", exact,
      ode, vlb))
    assert.is_true(coarse >= vlb, "50 steps bound less tightly than 1,000")
  end)

  describe("networks", function()
    local model = d.unet({ sample_size = 8, in_channels = 1, out_channels = 1, block_out_channels = { 8, 16 },
      layers_per_block = 1, down_block_types = { "DownBlock2D", "AttnDownBlock2D" },
      up_block_types = { "AttnUpBlock2D", "UpBlock2D" }, norm_num_groups = 4, num_class_embeds = 3 }, { seed = 1 })
    local x = d.rng(4):randn { 2, 1, 8, 8 } * 0.5
    local lvl = { t = 300, alpha = sched:alpha(300), sigma = sched:sigma(300) }
    local labels = { 0, 2 }

    it("Hutchinson's z . J^T z is each probe's directional derivative, and averages to the trace", function()
      for _, prediction in ipairs { "epsilon", "v_prediction" } do
        local opts = { prediction = prediction, class_labels = labels }
        local D = d.denoiser(model, sched, { prediction = prediction, class_labels = d.tensor(labels) })
        local z = d.rng(6):randn { 2, 1, 8, 8 }:sign_()
        local x0, trace = d.nll.hutchinson(model, x, lvl, z, opts)
        S.near(x0, D(x, lvl), 1e-5, "x0")
        local h = 1e-2
        local fd = (D(x + z * h, lvl) - D(x - z * h, lvl)):mul_(z):reshape { 2, -1 }:sum(2):div_(2 * h):totable()
        for i = 1, 2 do
          assert.is_true(math.abs(trace[i] - fd[i]) <= 2e-2 * math.abs(fd[i]),
            string.format("%s: %g vs %g", prediction, trace[i], fd[i]))
        end
      end
      -- the exact trace, a basis vector at a time, against 256 probes
      local D = d.denoiser(model, sched, { class_labels = d.tensor(labels) })
      local exact = { 0, 0 }
      for j = 1, 64 do
        local e = d.zeros { 2, 64 }
        e:set(1, j, 1)
        e:set(2, j, 1)
        e = e:reshape { 2, 1, 8, 8 }
        local diff = (D(x + e * 1e-2, lvl) - D(x - e * 1e-2, lvl)):div_(2e-2):mul_(e):reshape { 2, -1 }:sum(2):totable()
        exact[1], exact[2] = exact[1] + diff[1], exact[2] + diff[2]
      end
      local z = d.rng(8):randn { 256 * 2, 1, 8, 8 }:sign_()
      local _, trace = d.nll.hutchinson(model, x, lvl, z, { class_labels = labels })
      for i = 1, 2 do
        assert.is_true(math.abs(trace[i] - exact[i]) <= 0.1 * math.abs(exact[i]) + 0.5,
          string.format("%g vs %g", trace[i], exact[i]))
      end
    end)

    it("ode runs on a network, reproducibly for a seed; vlb is not below it", function()
      local data = quantized({ 0 }, { 0.5 }, 2 * 64, 9):reshape { 2, 1, 8, 8 }
      local opts = { rtol = 1e-3, atol = 1e-3, class_labels = labels }
      local a, per, info = d.nll(model, sched, data, opts)
      local b = d.nll(model, sched, data, opts)
      assert.equal(a, b)
      assert.equal(2, #per)
      assert.is_true(info.nfe > 10 and info.probes == 1)
      local vlb = d.nll(model, sched, data, { method = "vlb", steps = 20, class_labels = d.tensor(labels) })
      assert.is_true(vlb >= a, string.format("vlb %.3f, ode %.3f", vlb, a))
    end)
  end)

  it("names what is wrong", function()
    local x = gmm:sample(d.rng(1), 4)
    assert.has_error(function() d.nll(gmm, sched, x, { method = "exact" }) end,
      "nll: unknown method 'exact' (ode or vlb)")
    assert.has_error(function() d.nll(gmm, sched, x, { tolerance = 1 }) end, "nll: unknown option 'tolerance'")
    assert.has_error(function() d.nll(gmm, sched, x) end,
      "nll: x is not 8-bit data in [-1, 1] (pixel k at k / 127.5 - 1); pass dequantize = false for continuous data")
    assert.has_error(function() d.nll(gmm, sched, x, { method = "vlb" }) end,
      "nll: method \"vlb\" needs 8-bit data in [-1, 1] (pixel k at k / 127.5 - 1)")
    local q = quantized({ 0, 0 }, { 0.5, 0.5 }, 4, 2)
    assert.has_error(function() d.nll(gmm, d.schedule.edm {}, q, { method = "vlb" }) end,
      "nll: method \"vlb\" needs a discrete VP schedule (DDPM betas)")
    assert.has_error(function() d.nll(gmm, sched, q, { method = "vlb", steps = 1 }) end,
      "nll: steps must be an integer in 2..1000")
    assert.has_error(function() d.nll(function() end, sched, q) end,
      "nll: method \"ode\" needs a diffusion.Model (for its backward pass) or an analytic model")
    local bad = q:clone()
    bad:set(1, 1, 0 / 0)
    assert.has_error(function() d.nll(gmm, sched, bad) end, "nll: x has NaN or inf")
    assert.has_error(function() d.nll(gmm, sched, q, { probes = 0 }) end)
  end)

  it("the command line reports bits per dimension for held-out digits", function()
    local csv = os.tmpname()
    local ok, out = S.run_cli("nll -n 2 --batch 2 --method vlb --steps 10 --quiet --csv " .. csv)
    assert.is_true(ok, out)
    local v = tonumber(out:match("^vlb: ([%d.]+) bits/dim"))
    assert.is_true(v and v > 0.5 and v < 20, out)
    local f = assert(io.open(csv))
    local lines = {}
    for line in f:lines() do lines[#lines + 1] = line end
    f:close()
    os.remove(csv)
    assert.equal("index,method,bits_per_dim", lines[1])
    local a, b = tonumber(lines[2]:match("^9001,vlb,(.+)$")), tonumber(lines[3]:match("^9002,vlb,(.+)$"))
    assert.near(v, (a + b) / 2, 1e-4)
    ok, out = S.run_cli("nll --data spec/fixtures/nope.npy -n 2 --quiet")
    assert.is_falsy(ok)
    assert.truthy(out:find("--data:", 1, true), out)
    ok, out = S.run_cli("nll --from 9990 -n 20 --quiet")
    assert.is_falsy(ok)
    assert.truthy(out:find("--data holds 10000 samples: --from 9990 -n 20 is out of range", 1, true), out)
  end)

  -- bench/nll_parallel.sh splits the 1,000-digit figure into runs by --from
  it("a run split by --from at batch boundaries gives the whole run's numbers", function()
    local function rows(args)
      local csv = os.tmpname()
      local ok, out = S.run_cli("nll --method vlb --steps 10 --batch 2 --quiet --threads 1 --csv " .. csv .. " "
        .. args)
      assert.is_true(ok, out)
      local t = {}
      for line in io.lines(csv) do
        local index, bits = line:match("^(%d+),vlb,(.+)$")
        if index then t[tonumber(index)] = tonumber(bits) end
      end
      os.remove(csv)
      return t
    end
    local whole = rows("-n 4")
    local tail = rows("--from 9003 -n 2")
    assert.same({ [9003] = whole[9003], [9004] = whole[9004] }, tail)
    assert.are_not.equal(whole[9001], rows("--from 9001 -n 2 --seed 1")[9001]) -- the seed does reach it
  end)
end)
