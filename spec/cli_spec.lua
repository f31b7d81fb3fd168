-- bin/diffusion, run as a user would (lua5.4 bin/diffusion ...).
local d = require "diffusion"
local S = require "support"

local run = S.run_cli

describe("the diffusion command", function()
  it("lists every sampler with its paper, one line each", function()
    local ok, out = run("samplers")
    assert.is_true(ok, out)
    local lines = {}
    for line in out:gmatch("[^\n]+") do lines[#lines + 1] = line end
    assert.is_true(#lines >= 20)
    assert.truthy(("\n" .. out):find("\nddim%s+DDIM %(Song, Meng and Ermon 2021%)"), out)
    assert.truthy(out:find("\nunipc%s+UniPC %(Zhao et al. 2023%)"), out)
    for _, line in ipairs(lines) do
      assert.is_true(#line < 160, line)
      local name = line:match("^(%S+)")
      assert.equal("function", type(d.samplers[name]), name)
    end
  end)

  it("describes a model folder", function()
    local ok, out = run("info spec/fixtures/diffusers/unet/class_cond")
    assert.is_true(ok, out)
    local m = d.load("spec/fixtures/diffusers/unet/class_cond")
    assert.truthy(out:find(tostring(m:parameters()) .. " parameters", 1, true), out)
    assert.truthy(out:find("class-conditional: 11 classes", 1, true), out)
  end)

  it("samples a grid and the samples, the same for sample i whatever --batch is", function()
    local png, a, b = S.tmpname(".png"), S.tmpname(".npy"), S.tmpname(".npy")
    local common = "sample --model spec/fixtures/diffusers/unet/class_cond --steps 4 -n 6 --classes 0-2 --quiet -o "
      .. png
    local ok, out = run(common .. " --batch 4 --npy " .. a)
    assert.is_true(ok, out)
    assert.equal("", out) -- --quiet
    local ok2, out2 = run(common .. " --batch 6 --npy " .. b)
    assert.is_true(ok2, out2)
    local xa, xb = d.load_npy(a), d.load_npy(b)
    assert.same({ 6, 1, 16, 16 }, xa:shape())
    assert.equal(0, (xa - xb):abs():max())
    -- a stochastic sampler too
    local c = S.tmpname(".npy")
    assert.is_true(run(common .. " --sampler euler_ancestral --batch 4 --npy " .. a))
    assert.is_true(run(common .. " --sampler euler_ancestral --batch 5 --npy " .. c))
    local sa, sc = d.load_npy(a), d.load_npy(c)
    assert.equal(0, (sa - sc):abs():max())
    assert.is_true((sa - xa):abs():max() > 1e-3) -- it did add noise
    os.remove(c)
    local grid = d.image.load(png)
    assert.same({ 1, 2 * 18 + 2, 3 * 18 + 2 }, grid:shape()) -- 2 rows of 3 tiles, 16 + 2 pixels each
    os.remove(png)
    os.remove(a)
    os.remove(b)
  end)

  it("samples with a plan or schedule from --schedule (Lua or JSON)", function()
    local base = "sample --model spec/fixtures/diffusers/unet/class_cond -n 2 --quiet --steps 4 -o /dev/null --npy "
    local lua_file, json_file = S.tmpname(".lua"), S.tmpname(".json")
    local plain, karras, listed = S.tmpname(".npy"), S.tmpname(".npy"), S.tmpname(".npy")
    io.open(lua_file, "w"):write('return { sigmas = "karras" }'):close()
    io.open(json_file, "w"):write('{"sigmas": [14.6, 2.0, 0.5, 0.1]}'):close()
    assert.is_true(run(base .. plain))
    assert.is_true(run(base .. karras .. " --schedule " .. lua_file))
    assert.is_true(run(base .. listed .. " --schedule " .. json_file))
    local a, b, c = d.load_npy(plain), d.load_npy(karras), d.load_npy(listed)
    assert.is_true((a - b):abs():max() > 1e-3 and (b - c):abs():max() > 1e-3) -- three different plans
    -- the same karras plan through the library gives the same samples
    local model = d.load("spec/fixtures/diffusers/unet/class_cond") -- a bare UNet: DDPM's linear schedule
    local size = model.config.sample_size
    local noise = d.rng(0):randn { 2, model.config.in_channels, size, size }
    local sched = d.schedule.linear {}
    local D = d.denoiser(model, sched, { class_labels = d.tensor { 0, 5 }, -- --classes 0-9 over 2 samples
      guidance_scale = 1.2 }) -- the default --cfg
    local want = d.samplers.dpmpp_2m(D, noise, sched:plan(4, { sigmas = "karras" })):clamp(-1, 1)
    S.near(b, want, 1e-5, "karras plan")
    io.open(lua_file, "w"):write("return 5"):close()
    local ok, out = run(base .. plain .. " --schedule " .. lua_file)
    assert.is_falsy(ok)
    assert.truthy(out:find("must return a schedule or a table of plan options", 1, true), out)
    for _, f in ipairs { lua_file, json_file, plain, karras, listed } do os.remove(f) end
  end)

  it("trains from a config file, resumes, and writes a pipeline `sample` runs", function()
    local dir = S.tmpname("")
    os.remove(dir)
    local config = dir .. "-config.lua"
    local f = assert(io.open(config, "w"))
    f:write(string.format([[
      local d = require "diffusion"
      local x = d.rng(0):rand { 16, 1, 8, 8 } * 2 - 1
      local labels = {}
      for i = 1, 16 do labels[i] = i %% 2 end
      return {
        model = { block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
          down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
          in_channels = 1, out_channels = 1, sample_size = 8, num_class_embeds = 3 },
        scheduler = { num_train_timesteps = 100, beta_schedule = "squaredcos_cap_v2",
          prediction_type = "v_prediction", timestep_spacing = "trailing" },
        data = x, labels = labels, steps = 4, batch = 4, checkpoint = %q, output = %q,
      }
    ]], dir .. "/run", dir .. "/pipeline"))
    f:close()
    local ok, out = run("train " .. config .. " --steps 2 --quiet")
    assert.is_true(ok, out)
    assert.equal(2, d.core.json_decode(io.open(dir .. "/run/trainer_state.json"):read("a")).step)
    ok, out = run("train " .. config .. " --resume --quiet") -- the 2-step run's pipeline is there now
    assert.is_falsy(ok)
    assert.truthy(out:find("already holds a model; pass --force", 1, true), out)
    ok, out = run("train " .. config .. " --resume --force --quiet")
    assert.is_true(ok, out)
    assert.equal(4, d.core.json_decode(io.open(dir .. "/run/trainer_state.json"):read("a")).step)
    local m = d.load(dir .. "/pipeline")
    assert.equal("v_prediction", m.scheduler_config.prediction_type)
    assert.equal("DDPMScheduler", m.scheduler_config._class_name)
    ok, out = run("sample --model " .. dir .. "/pipeline --steps 3 -n 4 --quiet -o " .. dir .. "/grid.png")
    assert.is_true(ok, out)
    assert.are.same({ 1, 22, 22 }, d.image.load(dir .. "/grid.png"):shape()) -- 2 x 2 of 8 x 8, 2-pixel borders
    ok, out = run("train /nonexistent.lua")
    assert.is_falsy(ok)
    assert.truthy(out:find("diffusion: cannot read config", 1, true), out)
    os.execute("rm -rf '" .. dir .. "' '" .. config .. "'")
  end)

  it("trains with a schedule object and no scheduler config, saving its betas for diffusers", function()
    local dir = S.tmpname("")
    os.remove(dir)
    local config = dir .. "-config.lua"
    local f = assert(io.open(config, "w"))
    f:write(string.format([[
      local d = require "diffusion"
      return {
        model = { block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
          down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
          in_channels = 1, out_channels = 1, sample_size = 8 },
        schedule = d.schedule.cosine { num_train_timesteps = 50 },
        data = d.rng(0):rand { 8, 1, 8, 8 } * 2 - 1, steps = 2, batch = 4, output = %q,
      }
    ]], dir .. "/pipeline"))
    f:close()
    local ok, out = run("train " .. config .. " --quiet")
    assert.is_true(ok, out)
    local m = d.load(dir .. "/pipeline")
    assert.equal(50, #m.scheduler_config.trained_betas)
    local want = d.schedule.cosine { num_train_timesteps = 50 }:alphas_cumprod()
    local got = m.schedule:alphas_cumprod()
    for i = 1, 50 do assert.near(want[i], got[i], 1e-6) end
    os.execute("rm -rf '" .. dir .. "' '" .. config .. "'")
  end)

  it("compares samplers: a report (Markdown, CSV, SVG) and, for image models, grids", function()
    local dir = S.tmpname("")
    os.remove(dir)
    local ok, out = run("compare --samplers euler,dpmpp_2m --nfe 3,6 -n 100 --quiet -o " .. dir)
    assert.is_true(ok, out)
    assert.truthy(out:find("| dpmpp_2m |", 1, true), out)
    local md = io.open(dir .. "/report.md"):read("a")
    assert.truthy(md:find("## rmse", 1, true) and md:find("## swd", 1, true), md)
    assert.truthy(io.open(dir .. "/report.svg"):read("a"):find("<polyline", 1, true))
    assert.equal(5, select(2, io.open(dir .. "/report.csv"):read("a"):gsub("\n", ""))) -- header + 4 runs
    ok, out = run("compare --model spec/fixtures/diffusers/unet/class_cond --samplers euler --nfe 3 -n 4 --cfg 1 "
      .. "--rtol 1e-2 --quiet -o " .. dir) -- (random weights: a loose reference keeps it quick)
    assert.is_true(ok, out)
    assert.are.same({ 1, 38, 38 }, d.image.load(dir .. "/euler_nfe3.png"):shape()) -- 2 x 2 of 16 x 16
    assert.equal("3", d.image.text(dir .. "/euler_nfe3.png").nfe)
    ok, out = run("compare --nfe 3,x --quiet -o " .. dir)
    assert.is_falsy(ok)
    assert.truthy(out:find("diffusion: --nfe: 'x' is not a positive integer", 1, true), out)
    ok, out = run("compare --model spec/fixtures/diffusers/unet/class_cond --metric fd --nfe 3 -n 4 --quiet -o " .. dir)
    assert.is_falsy(ok)
    assert.truthy(out:find("needs 1 x 32 x 32 samples", 1, true), out)
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("distills a teacher folder into a student that `sample` runs with lcm by default", function()
    local dir = S.tmpname("")
    local teacher = d.unet({ block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
      down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
      in_channels = 1, out_channels = 1, sample_size = 8, num_class_embeds = 3 }, { seed = 1 })
    d.save_pipeline(dir .. "/teacher", teacher, { _class_name = "DDPMScheduler", num_train_timesteps = 100,
      beta_schedule = "squaredcos_cap_v2", prediction_type = "v_prediction" })
    local config = dir .. "/config.lua"
    local f = assert(io.open(config, "w"))
    f:write(string.format([[
      local d = require "diffusion"
      local labels = {}
      for i = 1, 8 do labels[i] = i %% 2 end
      return { teacher = %q, method = "consistency", data = d.rng(0):rand { 8, 1, 8, 8 } * 2 - 1, labels = labels,
        guidance = 1.5, skip = 10, steps = 2, batch = 4, groups = 2, checkpoint = %q, output = %q }
    ]], dir .. "/teacher", dir .. "/run", dir .. "/student"))
    f:close()
    local ok, out = run("distill " .. config .. " --quiet")
    assert.is_true(ok, out)
    local student = d.load(dir .. "/student")
    assert.equal("LCMScheduler", student.scheduler_config._class_name)
    assert.equal(10, student.scheduler_config.original_inference_steps)
    ok, out = run("sample --model " .. dir .. "/student --steps 1 -n 4 --classes 0-1 --quiet -o " .. dir .. "/s.png")
    assert.is_true(ok, out)
    local png = io.popen("lua5.4 bin/diffusion info " .. dir .. "/s.png 2>&1"):read("a")
    assert.truthy(png:find("lcm", 1, true), png)
    ok, out = run("distill " .. config .. " --quiet") -- the student is there now
    assert.is_falsy(ok)
    assert.truthy(out:find("already holds a model; pass --force", 1, true), out)
    f = assert(io.open(config, "w"))
    f:write("return { teacher = '" .. dir .. "/teacher', method = 'guess', data = 1 }")
    f:close()
    ok, out = run("distill " .. config .. " --quiet --output " .. dir .. "/other")
    assert.is_falsy(ok)
    assert.truthy(out:find("^diffusion: distill: method must be \"progressive\" or \"consistency\""), out)
    f = assert(io.open(config, "w")) -- progressive, steps by round: the progress counts all rounds' steps
    f:write(string.format([[
      local d = require "diffusion"
      return { teacher = %q, method = "progressive", from = 4, data = d.rng(0):rand { 8, 1, 8, 8 } * 2 - 1,
        labels = { 0, 1, 0, 1, 0, 1, 0, 1 }, steps = { [2] = 2, [1] = 3 }, batch = 4, groups = 2, output = %q }
    ]], dir .. "/teacher", dir .. "/pd"))
    f:close()
    ok, out = run("distill " .. config)
    assert.is_true(ok, out)
    assert.truthy(out:find("distilling 5/5", 1, true), out)
    assert.equal("DDIMScheduler", d.load(dir .. "/pd").scheduler_config._class_name)
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("measures FD: the lab's Fréchet distance on the classifier's features, from .npy, PNGs or a model", function()
    local x = d.rng(3):rand { 6, 1, 32, 32 } * 2 - 1
    local npy = S.tmpname(".npy")
    d.save_npy(npy, x)
    local clf = d.classifier.load()
    local held = d.classifier.mnist():narrow(1, 9001, 1000)
    local want = d.frechet_distance(clf:features(x), clf:features(held))
    local ok, out = run("fid --samples " .. npy .. " --json --quiet --batch 4")
    assert.is_true(ok, out)
    local got = d.core.json_decode(out)
    assert.is_true(math.abs(got.fd - want) <= 1e-9 * want, got.fd .. " vs " .. want)
    assert.equal(6, got.samples)
    assert.equal(1000, got.reference)
    local held_npy = S.tmpname(".npy")
    d.save_npy(held_npy, held)
    ok, out = run("fid --samples " .. held_npy .. " --json --quiet") -- the held-out digits against themselves
    assert.is_true(ok, out)
    local f = clf:features(held)
    -- FD's scale is the trace of the covariance; the square root of C C
    -- loses about sqrt(eps) of it in the dimensions of near-zero variance
    local spread = (f - f:mean(1, true)):square():sum() / 999
    assert.is_true(math.abs(d.core.json_decode(out).fd) < 1e-6 * spread, out .. " against a spread of " .. spread)
    os.remove(held_npy)
    ok, out = run("fid --samples 4 --steps 2 --quiet") -- drawn from the bundled model
    assert.is_true(ok, out)
    assert.truthy(out:find("^FD %d+%.%d+: 4 samples against 1000 reference images"), out)
    local bad = {
      { "fid --samples 1", "--samples must be at least 2" },
      { "fid --samples /nonexistent.npy", "--samples: " },
      { "fid --samples /nonexistent", "--samples: '/nonexistent' does not exist" },
      { "fid --samples " .. npy .. " --model models/mnist", "--model applies to --samples N" },
      { "fid --samples 4 --steps 0", "--steps" },
    }
    local flat = S.tmpname(".npy")
    d.save_npy(flat, d.zeros { 4, 32 })
    bad[#bad + 1] = { "fid --samples " .. flat, "holds 2-dimensional data, not N x C x H x W images" }
    local rgb = S.tmpname(".npy")
    d.save_npy(rgb, d.zeros { 4, 3, 32, 32 })
    bad[#bad + 1] = { "fid --samples " .. rgb, "images are 3 x 32 x 32; the MNIST classifier takes 1 x 32 x 32" }
    for _, case in ipairs(bad) do
      ok, out = run(case[1] .. " --quiet")
      assert.is_falsy(ok, case[1])
      assert.truthy(out:find("diffusion: ", 1, true) and out:find(case[2], 1, true), case[1] .. ": " .. out)
      assert.falsy(out:find("traceback", 1, true), out)
    end
    os.remove(npy)
    os.remove(flat)
    os.remove(rgb)
  end)

  it("reports a user's mistakes in one line, without a traceback, and fails", function()
    for args, message in pairs {
      ["sample --model /nonexistent"] = "diffusion: no diffusers model at '/nonexistent'",
      ["sample --model spec/fixtures/diffusers/unet/tiny --sampler nope"] = "diffusion: unknown sampler 'nope'",
      ["sample --model spec/fixtures/diffusers/unet/class_cond --class 12"] = "diffusion: class 12 is not one of 0..9",
      ["sample --model spec/fixtures/diffusers/unet/tiny --class 1"] = "diffusion: the model is not class-conditional",
      ["sample --model spec/fixtures/diffusers/unet/tiny -o /nonexistent/x.png"] = "diffusion: cannot write",
      ["info /nonexistent"] = "diffusion: load: no config.json in '/nonexistent'",
    } do
      local ok, out = run(args)
      assert.is_falsy(ok, args)
      assert.equal(1, select(2, out:gsub("\n", "")), out) -- one line
      assert.equal(1, out:find(message, 1, true), out)
    end
  end)

  describe("says no before it works, and leaves nothing half-written", function()
    local CC = "sample --model spec/fixtures/diffusers/unet/class_cond -n 2 --quiet "
    local function files_in(dir)
      local out = {}
      for f in io.popen("ls -A '" .. dir .. "'"):lines() do out[#out + 1] = f end
      return out
    end
    local schedule_json = S.write_bytes('{"sigmas": [2.0, 14.6, 0.5, 0.1]}', ".json")
    local labels_idx = "data/mnist/mnist-10k-labels-idx1-ubyte.gz"
    local cases = {
      { CC .. "--steps 1500", "diffusion: 1500 steps: the schedule has only 1000 timesteps" },
      { CC .. "--steps 4 --schedule " .. schedule_json, "diffusion: the plan's noise levels must decrease" },
      { CC .. "--strength 0.5", "diffusion: --strength needs --init" },
      { CC .. "--resample 3", "diffusion: --resample and --jump are RePaint's: they need --mask and --init" },
      { CC .. "--jump 4", "diffusion: --resample and --jump are RePaint's" },
      { CC .. "--npy /nonexistent/x.npy", "diffusion: cannot write '/nonexistent/x.npy'" },
      { CC .. "--save-each /proc/nope", "diffusion: --save-each: cannot create '/proc/nope'" },
      { CC .. "--class abc", "diffusion: --class: 'abc' is not a class number" },
      { CC .. "--classes 5-2", "diffusion: --classes 5-2: the range runs backwards (write 2-5)" },
      { CC .. "--classes ,", "diffusion: --classes is empty" },
      { CC .. "--class 3 --classes 1-2", "diffusion: give --class or --classes, not both" },
      { CC .. "--steps -5", "diffusion: --steps must be a positive integer, got -5" },
      { CC .. "--steps abc", "diffusion: --steps must be an integer, got 'abc'" },
      { CC .. "--seed -1", "diffusion: --seed must be at least 0" },
      { CC .. "--init README.md", "diffusion: --init: image.load: 'README.md': Not a PNG file" },
      { CC .. "--class null --cfg 3", "diffusion: classifier-free guidance (cfg 3) needs class labels" },
      { CC .. "--guidance-rescale 2", "diffusion: guidance_rescale must be a number in [0, 1]" },
      { CC .. "--sampler dpmpp_2m --eta 0.5", "diffusion: sampler dpmpp_2m has no option 'eta'" },
      { "compare --metric bogus", "diffusion: --metric: unknown metric 'bogus'" },
      { "compare --samplers=", "diffusion: --samplers is empty" },
      { "compare --nfe ,", "diffusion: --nfe is empty" },
      { "compare --metric fd", "diffusion: --metric fd needs an image model" },
      { "nll --data " .. labels_idx .. " -n 2", "diffusion: --data: '" .. labels_idx .. "' holds 1-dimensional data" },
      { "nll -n 0", "diffusion: -n must be a positive integer, got 0" },
      { "optimize --model gmm2d --nfe 0", "diffusion: --nfe must be a positive integer, got 0" },
    }
    for _, case in ipairs(cases) do
      it(case[1], function()
        local dir = S.tmpname("")
        assert(os.execute("mkdir -p " .. dir))
        local t0 = d.core.now()
        local outputs = case[1]:find("^nll") and " --csv " .. dir .. "/x.csv"
          or case[1]:find("^compare") and " -o " .. dir .. "/report" or " -o " .. dir .. "/out.png"
        local ok, out = run(case[1] .. outputs)
        assert.is_falsy(ok, out)
        assert.equal(1, select(2, out:gsub("\n", "")), out) -- one line
        assert.equal(1, out:find(case[2], 1, true), out)
        assert.is_true(d.core.now() - t0 < 10, "said no only after the work") -- no model run happened
        local left = files_in(dir)
        assert.is_true(#left == 0 or (#left == 1 and left[1] == "report"), table.concat(left, " "))
        os.execute("rm -rf " .. dir)
      end)
    end

    it("keeps an existing output as it was when a run fails, and writes outputs only whole", function()
      local dir = S.tmpname("")
      assert(os.execute("mkdir -p " .. dir))
      local png = dir .. "/grid.png"
      io.open(png, "wb"):write("old"):close()
      local ok = run(CC .. "--steps 1500 -o " .. png)
      assert.is_falsy(ok)
      assert.equal("old", io.open(png, "rb"):read("a"))
      ok = run(CC .. "--steps 2 -o " .. png .. " --npy " .. dir .. "/x.npy")
      assert.is_true(ok)
      assert.same({ 2, 1, 16, 16 }, d.load_npy(dir .. "/x.npy"):shape())
      assert.same({ "grid.png", "x.npy" }, files_in(dir))
      os.execute("rm -rf " .. dir)
    end)

    it("warns on stderr where a sampler is known to diverge on the plan", function()
      local ok, out = run("sample -n 1 --steps 2 --sampler heun -o /dev/null")
      assert.is_true(ok, out)
      assert.truthy(out:find("diffusion: warning: heun is known to diverge on plans that start at sigma 20291", 1,
        true), out)
      ok, out = run("sample -n 1 --steps 2 --sampler dpmpp_2m -o /dev/null")
      assert.is_true(ok, out)
      assert.is_falsy(out:find("warning", 1, true), out)
    end)
  end)

  describe("the options researchers expect", function()
    local CC = "sample --model spec/fixtures/diffusers/unet/class_cond --quiet --steps 3 "
    it("passes --eta, --order and --spacing through to the sampler and the plan", function()
      local function sample_npy(extra)
        local npy = S.tmpname(".npy")
        local ok, out = run(CC .. "-n 2 -o /dev/null --npy " .. npy .. " " .. extra)
        assert.is_true(ok, out)
        local x = d.load_npy(npy)
        os.remove(npy)
        return x
      end
      -- the library, run directly with the same settings, is the expectation
      local model = d.load("spec/fixtures/diffusers/unet/class_cond")
      local function lib(o)
        o.model, o.n, o.steps, o.labels, o.cfg = model, 2, 3, { 0, 5 }, 1.2
        return (d.generate(o)):clamp(-1, 1)
      end
      local cases = {
        { "--sampler ddim --eta 0.7", { sampler = "ddim", sampler_options = { eta = 0.7 } } },
        { "--sampler unipc --order 1", { sampler = "unipc", sampler_options = { order = 1 } } },
        { "--spacing leading", { spacing = "leading" } },
        { "--guidance-rescale 0.7", { guidance_rescale = 0.7 } },
      }
      local plain = sample_npy("")
      for _, c in ipairs(cases) do
        local got = sample_npy(c[1])
        assert.equal(0, (got - lib(c[2])):abs():max(), c[1])
        assert.is_true((got - plain):abs():max() > 1e-4, c[1] .. " changed nothing")
      end
    end)

    it("samples the null class with --class null, writes each sample with --save-each, and lays out --nrow", function()
      local dir = S.tmpname("")
      local ok, out = run(CC .. "-n 3 --class null --nrow 3 -o " .. dir .. "-grid.png --save-each " .. dir)
      assert.is_true(ok, out)
      assert.same({ 1, 18 + 2, 3 * 18 + 2 }, d.image.load(dir .. "-grid.png"):shape())
      local model = d.load("spec/fixtures/diffusers/unet/class_cond")
      local want = (d.generate { model = model, n = 3, steps = 3, labels = "null" }):clamp(-1, 1)
      for i = 1, 3 do
        local img = d.image.load(string.format("%s/%05d.png", dir, i))
        assert.is_true((img - want:narrow(1, i, 1):squeeze(1)):abs():max() <= 1 / 127.5 + 1e-6, "sample " .. i)
      end
      os.execute("rm -rf '" .. dir .. "' '" .. dir .. "-grid.png'")
    end)

    it("records the seed and settings in the PNG's text chunks", function()
      local png = S.tmpname(".png")
      assert.is_true(run(CC .. "-n 2 --seed 17 --sampler euler --class 4 -o " .. png))
      local text = d.image.text(png)
      assert.equal("17", text.seed)
      assert.equal("euler", text.sampler)
      assert.equal("3", text.steps)
      assert.equal("4", text.classes)
      -- a reader that does not know our writer: each chunk's CRC as zlib computes it
      local bytes = io.open(png, "rb"):read("a")
      local pos, chunks = 9, 0
      while pos < #bytes do
        local len, kind = string.unpack(">I4c4", bytes, pos)
        if kind == "tEXt" then chunks = chunks + 1 end
        pos = pos + 12 + len
      end
      assert.is_true(chunks >= 5)
      local py = io.popen("env -u LD_PRELOAD python3 -c \"import zlib,struct,sys;b=open(sys.argv[1],'rb').read();p=8\n"
        .. "while p<len(b):\n n,=struct.unpack('>I',b[p:p+4]);assert zlib.crc32(b[p+4:p+8+n])=="
        .. "struct.unpack('>I',b[p+8+n:p+12+n])[0];p+=12+n\nprint('ok')\" " .. png .. " 2>&1")
      assert.equal("ok\n", py:read("a"))
      py:close()
      os.remove(png)
    end)

    it("prints --json from nll, compare and optimize, and lists samplers as JSON", function()
      local ok, out = run("compare --samplers euler,dpmpp_2m --nfe 3 -n 50 --quiet --json -o " .. S.tmpname(""))
      assert.is_true(ok, out)
      local report = d.core.json_decode(out)
      assert.equal(2, #report.rows)
      assert.is_number(report.rows[1].rmse)
      local plan = S.tmpname(".json")
      ok, out = run("optimize --model gmm2d --nfe 3 -n 8 --rounds 1 --quiet --json -o " .. plan)
      assert.is_true(ok, out)
      local opt = d.core.json_decode(out)
      assert.is_number(opt.rmse)
      assert.equal(plan, opt.output)
      os.remove(plan)
      ok, out = run("samplers --json")
      assert.is_true(ok, out)
      local list = d.core.json_decode(out)
      assert.equal(#d.samplers.list(), #list)
      assert.equal("ddim", list[1].name)
      local npy = S.tmpname(".npy")
      d.save_npy(npy, (d.rng(0):rand { 3, 1, 16, 16 } * 255):round() / 127.5 - 1) -- 8-bit pixels, as vlb wants
      ok, out = run("nll --model spec/fixtures/diffusers/unet/class_cond --data " .. npy
        .. " -n 3 --method vlb --steps 10 --quiet --json")
      assert.is_true(ok, out)
      local nll = d.core.json_decode(out)
      assert.equal(3, #nll.methods.vlb.samples)
      assert.is_number(nll.methods.vlb.bits_per_dim)
      os.remove(npy)
    end)
  end)
end)
