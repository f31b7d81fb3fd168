local d = require "diffusion"
local S = require "support"

describe("denoiser", function()
  local sched = d.schedule.linear {}
  local x0_true = d.tensor { { 0.5, -0.25 }, { 1.0, 0.0 } }
  local eps_true = d.tensor { { 0.1, 1.2 }, { -0.7, 0.3 } }
  local lvl = { t = 400, alpha = sched:alpha(400), sigma = sched:sigma(400) }
  local x = x0_true * lvl.alpha + eps_true * lvl.sigma

  -- a network that outputs exactly what each parameterisation asks for
  local outputs = {
    epsilon = eps_true,
    v_prediction = eps_true * lvl.alpha - x0_true * lvl.sigma,
    sample = x0_true,
  }
  for prediction, out in pairs(outputs) do
    it("recovers x0 and eps from " .. prediction, function()
      local seen_t
      local D = d.denoiser(function(_, t) seen_t = t return out end, sched, { prediction = prediction })
      local x0, eps = D(x, lvl)
      assert.equal(400, seen_t)
      S.near(x0, x0_true, 1e-5, prediction .. " x0")
      S.near(eps, eps_true, 1e-5, prediction .. " eps")
    end)
  end

  it("recovers x0 and eps from a flow velocity", function()
    local f = d.schedule.flow {}
    local l = { t = 300, alpha = 0.7, sigma = 0.3 }
    local xf = x0_true * 0.7 + eps_true * 0.3
    local D = d.denoiser(function() return eps_true - x0_true end, f, { prediction = "flow" })
    local x0, eps = D(xf, l)
    S.near(x0, x0_true, 1e-6, "x0")
    S.near(eps, eps_true, 1e-6, "eps")
  end)

  it("applies EDM preconditioning", function()
    local e = d.schedule.edm {}
    local sigma = 2.5
    local l = { t = 0.25 * math.log(sigma), alpha = 1, sigma = sigma }
    local xe = x0_true + eps_true * sigma
    local c_in = 1 / math.sqrt(sigma ^ 2 + 0.25)
    -- the raw network F with D = c_skip x + c_out F reproducing x0_true
    local c_skip, c_out = 0.25 / (sigma ^ 2 + 0.25), sigma * 0.5 / math.sqrt(sigma ^ 2 + 0.25)
    local F = (x0_true - xe * c_skip) / c_out
    local D = d.denoiser(function(xin, t)
      S.near(xin, xe * c_in, 1e-6, "c_in")
      assert.near(0.25 * math.log(sigma), t, 1e-12)
      return F
    end, e, { preconditioning = "edm" })
    local x0 = D(xe, l)
    S.near(x0, x0_true, 1e-5, "x0")
  end)

  it("runs guidance as one batch of conditional and null-class inputs", function()
    local batches = {}
    local model = function(xin, _, cond)
      batches[#batches + 1] = { n = xin:size(1), labels = cond.class_labels:totable() }
      -- conditional outputs 1, unconditional 0 (by label)
      local out = d.zeros(xin:shape())
      for i, lab in ipairs(cond.class_labels:totable()) do out:select(1, i):fill_(lab == 10 and 0 or 1) end
      return out
    end
    local D = d.denoiser(model, sched, { class_labels = d.tensor { 3, 7 }, guidance_scale = 4 })
    local _, eps = D(x, lvl)
    assert.equal(1, #batches)
    assert.equal(4, batches[1].n)
    assert.same({ 3, 7, 10, 10 }, batches[1].labels)
    S.near(eps, { { 4, 4 }, { 4, 4 } }, 1e-6, "u + g (c - u)")
  end)

  it("rescales guidance (Lin et al. 2023) as diffusers' rescale_noise_cfg", function()
    -- conditional output c = (1, 2, 3, 4) per sample, unconditional u = (0, 0, 1, 1)
    local model = function(xin, _, cond)
      local out = d.empty(xin:shape())
      for i, lab in ipairs(cond.class_labels:totable()) do
        out:narrow(1, i, 1):copy_(lab == 10 and d.tensor { { 0, 0 }, { 1, 1 } } or d.tensor { { 1, 2 }, { 3, 4 } })
      end
      return out
    end
    local x4 = d.zeros { 1, 2, 2 }
    local function eps_for(r)
      local D = d.denoiser(model, sched, { class_labels = d.tensor { 3 }, guidance_scale = 3, guidance_rescale = r })
      return select(2, D(x4, lvl)):reshape { 4 }:totable()
    end
    -- cfg = u + 3 (c - u) = (3, 6, 7, 10); unbiased stds: c 1.29099, cfg 2.94392
    local cfg = { 3, 6, 7, 10 }
    local mean_c, mean_g = 2.5, 6.5
    local sc, sg = 0, 0
    for i = 1, 4 do
      sc = sc + (i - mean_c) ^ 2
      sg = sg + (cfg[i] - mean_g) ^ 2
    end
    local ratio = math.sqrt(sc / 3) / math.sqrt(sg / 3)
    S.near(eps_for(0), cfg, 1e-6, "rescale 0 is plain guidance")
    for _, r in ipairs { 0.7, 1 } do
      local want = {}
      for i = 1, 4 do want[i] = cfg[i] * (r * ratio + 1 - r) end
      S.near(eps_for(r), want, 1e-5, "rescale " .. r)
    end
    assert.has_error(function() d.denoiser(model, sched, { class_labels = d.tensor { 3 }, guidance_scale = 2,
      guidance_rescale = 2 }) end, "denoiser: guidance_rescale must be a number in [0, 1]")
  end)

  it("takes a guidance schedule: a scale per level, the conditional pass alone at scale 1", function()
    local batches = {}
    local model = function(xin, _, cond)
      batches[#batches + 1] = xin:size(1)
      local out = d.zeros(xin:shape())
      for i, lab in ipairs(cond.class_labels:totable()) do out:select(1, i):fill_(lab == 10 and 0 or 1) end
      return out
    end
    local seen = {}
    local D = d.denoiser(model, sched, { class_labels = d.tensor { 3, 7 }, guidance_scale = function(level)
      seen[#seen + 1] = level.t
      return level.t > 500 and 4 or 1
    end })
    local hi, lo = sched:plan(2)[1], sched:plan(2)[2]
    S.near(select(2, D(x, hi)), { { 4, 4 }, { 4, 4 } }, 1e-6, "scale 4 at t > 500")
    S.near(select(2, D(x, lo)), { { 1, 1 }, { 1, 1 } }, 1e-6, "conditional alone")
    assert.same({ 4, 2 }, batches)
    assert.same({ hi.t, lo.t }, seen)
    local bad = d.denoiser(model, sched, { class_labels = d.tensor { 3, 7 }, guidance_scale = function() end })
    assert.has_error(function() bad(x, hi) end)
  end)

  it("clips and dynamically thresholds x0 as diffusers does", function()
    local out = d.tensor { { 3, -0.5 }, { 0.2, -0.1 } } -- x0 predictions (sample)
    local clip = d.denoiser(function() return out end, sched, { prediction = "sample", clip_sample = 1 })
    S.near(clip(x, lvl), { { 1, -0.5 }, { 0.2, -0.1 } }, 1e-7, "clip")
    local thr = d.denoiser(function() return out end, sched,
      { prediction = "sample", thresholding = { ratio = 1, max = 2 } })
    -- sample 1: s = clamp(max |x0| = 3, 1, 2) = 2: clamp to [-2, 2], divide by 2
    -- sample 2: s = clamp(0.2, 1, 2) = 1: unchanged
    S.near(thr(x, lvl), { { 1, -0.25 }, { 0.2, -0.1 } }, 1e-7, "threshold")
  end)

  it("reports bad options and non-finite x0", function()
    assert.has_error(function() d.denoiser(function() end, sched, { predict = "epsilon" }) end,
      "denoiser: unknown option 'predict'")
    assert.has_error(function() d.denoiser(function() end, sched, { prediction = "score" }) end,
      "denoiser: unknown prediction 'score'")
    assert.has_error(function() d.denoiser(function() end, sched, { guidance_scale = 3 }) end,
      "denoiser: guidance_scale needs class_labels or cond and uncond")
    local D = d.denoiser(function() return d.tensor { 0 / 0, 1 } end, sched, { check_finite = true })
    assert.has_error(function() D(d.tensor { 1, 1 }, lvl) end)
  end)

  it("makes levels from a k-diffusion sigma", function()
    local D = d.denoiser(function() end, sched)
    local l = D.level(2.0)
    assert.near(2.0, l.sigma / l.alpha, 1e-12)
    assert.near(l.t, sched:t_from_lambda(-math.log(2)), 1e-12)
    assert.same({ t = 0, alpha = 1, sigma = 0, lambda = math.huge }, D.level(0))
  end)
end)
