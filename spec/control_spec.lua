-- diffusion.control (classifier guidance, inpainting, RePaint, img2img), the
-- noise-conditional classifier and the command line's --init / --mask /
-- --guidance.
local d = require "diffusion"
local S = require "support"
local C = d.classifier

local IMAGES, LABELS = "data/mnist/mnist-10k-images-idx3-ubyte.gz", "data/mnist/mnist-10k-labels-idx1-ubyte.gz"

local run = S.run_cli

-- the user's DDIM from docs/writing-a-sampler.md: control must steer it too
local function my_ddim(D, x, plan)
  for i = 1, #plan - 1 do
    local cur, nxt = plan[i], plan[i + 1]
    local x0 = D(x, cur)
    local eps = (x - x0 * cur.alpha) / cur.sigma
    x = x0 * nxt.alpha + eps * nxt.sigma
  end
  return x
end

describe("diffusion.control", function()
  local digits, labels = C.mnist(IMAGES, LABELS)
  local model = d.load(d.bundled("mnist"))
  local sched = model.schedule
  local function unconditional(n)
    return d.denoiser(model, sched, { prediction = "v_prediction", class_labels = d.full({ n }, 10) })
  end

  describe("the noise-conditional classifier", function()
    it("gives the input gradient of log p(label | x_t) (finite differences, at an EDM level)", function()
      local clf = C.new(3, "gelu", { noise_conditional = true })
      clf.params["fc2.weight"]:mul_(30) -- confident logits: a gradient float32 differences can resolve
      local x = digits:narrow(1, 1, 3):clone()
      local lvl = { t = 0, alpha = 1, sigma = 2 } -- not unit variance: the input scaling is in the gradient
      local target = { 3, 7, 1 }
      local logp, g = clf:grad_log_prob(x, lvl, target)
      assert.same({ 3, 1, 32, 32 }, g:shape())
      local v, h = d.rng(4):randn(x:shape()), 1e-2
      local up = clf:grad_log_prob(x + v * h, lvl, target):sum()
      local down = clf:grad_log_prob(x - v * h, lvl, target):sum()
      local fd, an = (up - down) / (2 * h), d.dot(g, v)
      assert.is_true(math.abs(fd - an) <= 1e-2 * math.abs(an), string.format("analytic %.6g, fd %.6g", an, fd))
      -- log p sums to one over the classes
      local total = 0
      for k = 0, 9 do total = total + math.exp(clf:grad_log_prob(x:narrow(1, 1, 1), lvl, { k }):get(1)) end
      assert.near(1, total, 1e-5)
      assert.near(logp:get(2), clf:grad_log_prob(x:narrow(1, 2, 1), lvl, { 7 }):get(1), 1e-5)
    end)

    it("the shipped one reads held-out digits through the noise, and nothing at pure noise", function()
      local clf = C.load(d.bundled("mnist-noisy-classifier"))
      assert.is_true(clf.noise_conditional)
      local held, truth = digits:narrow(1, 9001, 1000), {}
      for i = 1, 1000 do truth[i] = labels[9000 + i] end
      local rng = d.rng(1)
      local function accuracy(t)
        local lvl = { alpha = sched:alpha(t), sigma = sched:sigma(t) }
        return clf:accuracy(held * lvl.alpha + rng:randn(held:shape()) * lvl.sigma, truth, 500, lvl)
      end
      local clean, mid, noise = accuracy(0), accuracy(600), accuracy(999)
      assert.is_true(clean >= 0.97, "t = 0: " .. clean)
      assert.is_true(mid >= 0.9, "t = 600: " .. mid)
      assert.is_true(noise <= 0.2, "t = 999: " .. noise)
    end)

    it("refuses what it cannot use", function()
      local clf = C.new(0, "relu", { noise_conditional = true })
      local x = digits:narrow(1, 1, 2)
      assert.has_error(function() clf:forward(x) end,
        "classifier: the noise-conditional classifier needs the noise level")
      assert.has_error(function() clf:grad_log_prob(x, 0.5, { 1 }) end, "classifier: 1 labels for 2 samples")
      assert.has_error(function() clf:grad_log_prob(x, 0.5, { 1, 12 }) end, "classifier: label 12 is not 0..9")
      assert.has_error(function() clf:forward(x, d.tensor { 0.5 }) end, "classifier: need one noise level per sample")
      assert.has_error(function() clf:train(x, { 1, 2 }, { epochs = 1, batch = 2 }) end,
        "classifier.train: the noise-conditional classifier needs schedule")
    end)
  end)

  describe("classifier guidance", function()
    -- a classifier whose log p(label | x) has the gradient w everywhere
    local w = d.rng(5):randn { 2, 1, 4, 4 }
    local fake = { grad_log_prob = function(_, x) return d.zeros { x:size(1) }, w end }
    local function base(x, lvl) return x * 0.5, x * 0.25 + lvl.sigma end
    local plain = setmetatable({ level = function() end }, { __call = function(_, x, lvl) return base(x, lvl) end })

    it("moves eps by -scale sigma grad and x0 by scale sigma^2 / alpha grad (Dhariwal and Nichol)", function()
      local D = d.control.classifier_guidance(plain, fake, { labels = { 1, 2 }, scale = 3 })
      assert.equal(plain.level, D.level)
      local x, lvl = d.rng(6):randn { 2, 1, 4, 4 }, { t = 500, alpha = 0.6, sigma = 0.8 }
      local x0, eps = D(x, lvl)
      local x0_ref, eps_ref = base(x, lvl)
      S.near(eps, eps_ref - w * (3 * 0.8), 1e-6, "eps")
      S.near(x0, x0_ref + w * (3 * 0.64 / 0.6), 1e-5, "x0")
      -- the guided pair describes the same x as the unguided one
      S.near(x0 * lvl.alpha + eps * lvl.sigma, x0_ref * lvl.alpha + eps_ref * lvl.sigma, 1e-5, "x")
      -- untouched at sigma 0 and below min_alpha; a scale schedule sees the level
      local same0 = D(x, { t = 0, alpha = 1, sigma = 0 })
      S.near(same0, x * 0.5, 0, "sigma 0")
      local noisy = D(x, { t = 999, alpha = 0.005, sigma = 1 })
      S.near(noisy, x * 0.5, 0, "alpha below min_alpha")
      local seen
      local Ds = d.control.classifier_guidance(plain, fake, { labels = { 1, 2 }, scale = function(l)
        seen = l.t
        return 0
      end })
      S.near(Ds(x, lvl), x0_ref, 0, "scale 0")
      assert.equal(500, seen)
    end)

    it("raises the MNIST classifier's confidence in the target digit (bundled model, unconditional)", function()
      local n = 20
      local target = {}
      for i = 1, n do target[i] = (i - 1) % 10 end
      local clf, judge = C.load(d.bundled("mnist-noisy-classifier")), C.load()
      local noise, plan = d.rng(0):randn { n, 1, 32, 32 }, sched:plan(10, model.plan_options)
      local function confidence(scale)
        local D = d.control.classifier_guidance(unconditional(n), clf, { labels = target, scale = scale })
        local x = d.samplers.dpmpp_2m(D, noise, plan):clamp(-1, 1)
        local logits = judge:forward(x)
        local probs = (logits - logits:max(2, true)):exp()
        probs:div_(probs:sum(2, true))
        local p, right = 0, 0
        for i, label in ipairs(judge:predict(x)) do
          p = p + probs:get(i, target[i] + 1) / n
          if label == target[i] then right = right + 1 end
        end
        return p, right / n
      end
      local p0, acc0 = confidence(0)
      local p5, acc5 = confidence(5)
      assert.is_true(p5 >= p0 + 0.4 and acc5 >= 0.7,
        string.format("P(target) %.2f -> %.2f, accuracy %.2f -> %.2f", p0, p5, acc0, acc5))
    end)

    it("refuses a classifier for clean digits, missing labels and a bad scale", function()
      local D = unconditional(2)
      assert.has_error(function() d.control.classifier_guidance(D, C.load(), { labels = { 1, 2 }, scale = 1 }) end,
        "classifier_guidance: the classifier must be noise-conditional (it sees x_t, not clean digits)")
      assert.has_error(function() d.control.classifier_guidance(D, fake, { scale = 1 }) end,
        "classifier_guidance: needs labels")
      assert.has_error(function() d.control.classifier_guidance(D, fake, { labels = { 1 }, scale = "big" }) end,
        "classifier_guidance: scale must be a number or a function of the level")
      assert.has_error(function() d.control.classifier_guidance(D, fake, { labels = { 1 }, scael = 1 }) end,
        "classifier_guidance: unknown option 'scael'")
      local bad = d.control.classifier_guidance(plain, fake, { labels = { 1, 2 }, scale = function() return 0 / 0 end })
      assert.has_error(function() bad(d.zeros { 2, 1, 4, 4 }, { t = 7, alpha = 0.6, sigma = 0.8 }) end)
    end)
  end)

  describe("inpainting", function()
    local n = 4
    local image = digits:narrow(1, 9001, n):clone()
    local keep = d.zeros { 1, 1, 32, 32 }
    keep:narrow(3, 1, 16):fill_(1) -- the top half is known
    local top = function(x) return x:reshape { n, 32, 32 }:narrow(2, 1, 16):contiguous() end
    local bottom = function(x) return x:reshape { n, 32, 32 }:narrow(2, 17, 16):contiguous() end

    it("keeps the known pixels exactly with any sampler, a user's own included", function()
      local D = d.control.inpaint(unconditional(n), { image = image, keep = keep })
      local noise, plan = d.rng(2):randn { n, 1, 32, 32 }, sched:plan(10, model.plan_options)
      for name, sampler in pairs { dpmpp_2m = d.samplers.dpmpp_2m, euler_ancestral = d.samplers.euler_ancestral,
        unipc = d.samplers.unipc, mine = my_ddim } do
        local x = sampler(D, noise, plan)
        assert.is_true((top(x) - top(image)):abs():max() <= 1e-5, name)
        assert.is_true((bottom(x) - bottom(image)):abs():max() > 0.5, name .. ": the hidden half was generated")
      end
    end)

    -- two images, different in both halves: the known top half of one
    -- must bring back its bottom half (the exact denoiser of the set)
    local a, b = d.rng(7):randn { 1, 1, 32, 32 }:clamp(-1, 1), d.rng(8):randn { 1, 1, 32, 32 }:clamp(-1, 1)
    local data = d.cat({ a, b }, 1)
    local vp = d.schedule.cosine {}
    local exact = d.denoiser(d.analytic.empirical(data):with_schedule(vp), vp)
    local known = d.cat({ b, b }, 1)
    local function bottom2(x) return x:reshape { 2, 32, 32 }:narrow(2, 17, 16):contiguous() end

    it("completes the hidden half from the known one (two-image data set, exact denoiser)", function()
      local x = d.samplers.ddim(d.control.inpaint(exact, { image = known, keep = keep }),
        d.rng(3):randn { 2, 1, 32, 32 }, vp:plan(20, { spacing = "trailing" }))
      assert.is_true((bottom2(x) - bottom2(known)):abs():max() <= 1e-3)
    end)

    it("RePaint keeps the known pixels, completes the rest and calls the denoiser as its walk says", function()
      local plan = vp:plan(20, { spacing = "trailing" })
      local x, calls = d.control.repaint { denoiser = exact, x = d.rng(3):randn { 2, 1, 32, 32 }, plan = plan,
        image = known, keep = keep, jump_length = 5, resample = 3, seed = 1 }
      -- 20 steps, then at 0, 5 and 10 steps left (below 20 - 5) two more passes of 5 steps each
      assert.equal(20 + 3 * 2 * 5, calls)
      assert.is_true((x - known):abs():max() <= 1e-3)
      local steps = 0
      d.control.repaint { denoiser = unconditional(n), x = d.rng(3):randn { n, 1, 32, 32 },
        plan = sched:plan(6, model.plan_options), image = image, keep = keep, jump_length = 2, resample = 2,
        sampler = "dpmpp_2m", callback = function(_, total) steps = total end }
      assert.equal(6 + 2 * 2 + 2 * 2, steps) -- the callback sees the re-noising moves too
    end)

    it("refuses a mask that does not fit and options it does not know", function()
      local D = unconditional(n)
      assert.has_error(function() d.control.inpaint(D, { image = image, keep = d.ones { 1, 1, 16, 16 } }) end,
        "inpaint: keep {1,1,16,16} does not broadcast to the image {4,1,32,32}")
      assert.has_error(function() d.control.inpaint(D, { image = image, keep = keep * 2 }) end,
        "inpaint: keep must lie in [0, 1]")
      assert.has_error(function() d.control.inpaint(D, { image = image }) end)
      assert.has_error(function() d.control.inpaint(D, { image = image, keep = keep, mask = keep }) end,
        "inpaint: unknown option 'mask'")
      assert.has_error(function()
        d.control.repaint { denoiser = D, x = image, plan = sched:plan(4), image = image, keep = keep, jump_length = 0 }
      end, "repaint: jump_length must be a positive integer")
      local Dn = d.control.inpaint(D, { image = image, keep = keep })
      assert.has_error(function() Dn(d.zeros { 2, 1, 32, 32 }, sched:plan(4)[2]) end)
    end)
  end)

  describe("img2img", function()
    local image = digits:narrow(1, 9001, 2):clone()
    local plan = sched:plan(20, { spacing = "trailing" })

    it("runs the last floor(n * strength) steps from the image noised to that level, as diffusers", function()
      for _, case in ipairs { { 1, 20 }, { 0.6, 12 }, { 0.5, 10 }, { 0.33, 6 }, { 0.05, 1 } } do
        local eps = d.rng(1):randn(image:shape())
        local x, sub = d.control.img2img { plan = plan, image = image, strength = case[1], noise = eps }
        assert.equal(case[2] + 1, #sub, "strength " .. case[1])
        assert.equal(plan[#plan - case[2]].t, sub[1].t)
        assert.equal(0, sub[#sub].sigma)
        S.near(x, image * sub[1].alpha + eps * sub[1].sigma, 1e-6, "x")
      end
    end)

    it("stays closer to the image the lower the strength", function()
      local D = unconditional(2)
      local function distance(strength)
        local x, sub = d.control.img2img { plan = plan, image = image, strength = strength, seed = 3 }
        return math.sqrt((d.samplers.dpmpp_2m(D, x, sub) - image):square():mean())
      end
      local low, high = distance(0.2), distance(1)
      assert.is_true(low < 0.2 and high > 2 * low, string.format("strength 0.2: %.3f, 1: %.3f", low, high))
    end)

    it("refuses a strength outside (0, 1] or one that runs no step", function()
      for _, s in ipairs { 0, -0.5, 1.5, 0 / 0 } do
        assert.has_error(function() d.control.img2img { plan = plan, image = image, strength = s } end)
      end
      assert.has_error(function() d.control.img2img { plan = plan, image = image, strength = 0.01 } end,
        "img2img: strength 0.01 of 20 steps runs no step; raise strength or steps")
      assert.has_error(function()
        d.control.img2img { plan = plan, image = image, strength = 0.5, noise = d.zeros { 3 } }
      end, "img2img: noise must be shaped like the image")
    end)
  end)

  describe("the command line", function()
    local init, mask = S.tmpname(".png"), S.tmpname(".png")
    d.image.save(init, digits:narrow(1, 9001, 1):squeeze(1))
    local m = d.full({ 1, 32, 32 }, -1)
    m:narrow(2, 1, 16):fill_(1) -- white: kept
    d.image.save(mask, m)

    it("inpaints with --init and --mask (replacement and RePaint), keeping the white part", function()
      local known = d.image.load(init):reshape { 32, 32 }:narrow(1, 1, 16):contiguous()
      for _, extra in ipairs { "", " --resample 2 --jump 3" } do
        local png, npy = S.tmpname(".png"), S.tmpname(".npy")
        local ok, out = run(string.format("sample --init %s --mask %s -n 3 --steps 8 --class 7 --quiet -o %s "
          .. "--npy %s%s", init, mask, png, npy, extra))
        assert.is_true(ok, out)
        local x = d.load_npy(npy)
        for i = 1, 3 do
          local top = x:narrow(1, i, 1):reshape { 32, 32 }:narrow(1, 1, 16):contiguous()
          assert.is_true((top - known):abs():max() <= 1 / 255, extra)
        end
        os.remove(png)
        os.remove(npy)
      end
    end)

    it("runs img2img and classifier guidance, and names what is wrong", function()
      local png = S.tmpname(".png")
      local ok, out = run(string.format("sample --init %s --strength 0.5 --guidance both --class 8 -n 2 --steps 6 "
        .. "--quiet -o %s", init, png))
      assert.is_true(ok, out)
      ok, out = run(string.format("sample --guidance classifier --classes 0-1 -n 2 --steps 4 --quiet -o %s", png))
      assert.is_true(ok, out)
      ok, out = run(string.format("sample --mask %s -n 2 --quiet -o %s", mask, png))
      assert.is_falsy(ok)
      assert.truthy(out:find("--mask needs --init", 1, true), out)
      ok, out = run(string.format("sample --init %s --strength 2 -n 2 --quiet -o %s", init, png))
      assert.is_falsy(ok)
      assert.truthy(out:find("--strength must be in (0, 1]", 1, true), out)
      ok, out = run(string.format("sample --init spec/fixtures/diffusers/unet/class_cond/config.json -n 2 "
        .. "--quiet -o %s", png))
      assert.is_falsy(ok)
      assert.truthy(out:find("--init:", 1, true), out)
      ok, out = run(string.format("sample --guidance classifier --classifier models/mnist-classifier -n 2 "
        .. "--quiet -o %s", png))
      assert.is_falsy(ok)
      assert.truthy(out:find("not a noise-conditional classifier", 1, true), out)
      os.remove(png)
    end)
  end)
end)
