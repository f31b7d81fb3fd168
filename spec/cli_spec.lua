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
    ok, out = run("train " .. config .. " --resume --quiet")
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
    ok, out = run("compare --nfe 3,x --quiet -o " .. dir)
    assert.is_falsy(ok)
    assert.truthy(out:find("diffusion: --nfe: 'x' is not a positive integer", 1, true), out)
    ok, out = run("compare --model spec/fixtures/diffusers/unet/class_cond --metric fd --nfe 3 -n 4 --quiet -o " .. dir)
    assert.is_falsy(ok)
    assert.truthy(out:find("needs 1 x 32 x 32 samples", 1, true), out)
    os.execute("rm -rf '" .. dir .. "'")
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
end)
