-- Text to image with a StableDiffusionPipeline folder: the shared fixtures' runs
-- (../shared/fixtures/diffusers/sd/README.md), replayed from their recorded latents through
-- pipe:generate: SD1's PNDM with guidance 7.5, Euler with a batch of two prompts and negative
-- prompts, DPM++ 2M Karras without guidance; and SD2's DDIM v-prediction run. Tolerances are the
-- README's: latents 1e-4 relative, images 2e-4 absolute.
local d = require "diffusion"

local F = "spec/fixtures/diffusers/sd/sd1/"
local runs = d.core.json_decode(io.open(F .. "txt2img_runs.json"):read("a"))

local function rel_err(a, b) return (a - b):abs():max() / b:abs():max() end

describe("StableDiffusionPipeline", function()
  local pipe = d.load(F)

  it("loads its components from model_index.json", function()
    for _, k in ipairs { "tokenizer", "text_encoder", "unet", "vae" } do assert.is_truthy(pipe[k], k) end
    assert.equal("PNDMScheduler", pipe.scheduler)
    assert.equal(0.012, pipe.scheduler_config.beta_end)
    assert.same({}, pipe.notes) -- the fixture has no safety checker to ignore
  end)

  it("runs its components in one workspace, without cached Winograd transforms unless asked", function()
    local r, t = runs.txt2img_pndm, d.load_safetensors(F .. "txt2img_pndm_io.safetensors")
    local function run()
      return pipe:generate { prompt = r.prompt, steps = 2, guidance = r.guidance_scale, latents = t.latents }
    end
    assert.same({ min_pixels = 16, cache = 0, cached = 0 }, pipe.vae:winograd())
    local want = run()
    local shared = pipe.unet:memory()
    assert.is_true(shared.scratch > 0)
    for _, k in ipairs { "vae", "text_encoder" } do
      local m = pipe[k]:memory()
      assert.same({ shared.scratch, shared.pooled }, { m.scratch, m.pooled }, k)
    end
    assert.equal(0, pipe.unet:winograd().cached)
    -- what the workspace holds between runs goes back (as before every decode), and comes again
    assert.is_true(shared.pooled > 0)
    pipe.text_encoder:release_memory()
    assert.equal(0, pipe.unet:memory().pooled)
    assert.same(want:totable(), run():totable())
    pipe.unet:winograd { cache = true } -- the budget is the workspace's: every component's transforms
    assert.same(want:totable(), run():totable())
    local all = pipe.vae:winograd().cached
    assert.is_true(all > 0 and all == pipe.unet:winograd().cached, "cached " .. all)
    -- lowered through one component, the others' transforms go as their convolutions next run
    pipe.unet:winograd { cache = 0 }
    assert.same(want:totable(), run():totable())
    assert.equal(0, pipe.text_encoder:winograd().cached)
  end)

  it("encodes prompts as encode_prompt does", function()
    local t = d.load_safetensors(F .. "txt2img_euler_io.safetensors")
    local r = runs.txt2img_euler
    assert.is_true(rel_err(pipe:encode_prompt(r.prompt), t.prompt_embeds) < 1e-4)
    assert.is_true(rel_err(pipe:encode_prompt(r.negative_prompt), t.negative_prompt_embeds) < 1e-4)
  end)

  for _, name in ipairs { "txt2img_pndm", "txt2img_euler", "txt2img_dpm_karras" } do
    it(name .. " replays diffusers' run: every step's latents and the image", function()
      local r, t = runs[name], d.load_safetensors(F .. name .. "_io.safetensors")
      local steps = {}
      local images, latents = pipe:generate {
        prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
        guidance = r.guidance_scale, latents = t.latents, scheduler = r.scheduler.class,
        scheduler_config = r.scheduler.config, callback = function(_, _, x) steps[#steps + 1] = x:clone() end,
      }
      local recorded = t.latents_per_step
      -- PNDM's PLMS warm-up evaluates its first timestep twice: diffusers calls back per timestep
      -- (5 for 4 steps), diffusion per step; the final latents are the last of both
      if #steps == recorded:size(1) then
        for k, x in ipairs(steps) do
          local e = rel_err(x, recorded:select(1, k))
          assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
        end
      end
      local e = rel_err(latents, recorded:select(1, recorded:size(1)))
      assert.is_true(e < 1e-4, string.format("final latents: %.3g", e))
      local diff = (images:permute(1, 3, 4, 2) - t.image):abs():max() -- the fixture's images are NHWC
      assert.is_true(diff < 2e-4, string.format("image: %.3g", diff))
    end)
  end

  it("SD2: v-prediction with DDIM, linear projections, a tokenizer padding with \"!\"", function()
    local F2 = "spec/fixtures/diffusers/sd/sd2/"
    local sd2 = d.load(F2)
    local r = d.core.json_decode(io.open(F2 .. "txt2img_runs.json"):read("a")).txt2img_ddim_v
    local t = d.load_safetensors(F2 .. "txt2img_ddim_v_io.safetensors")
    local steps = {}
    local images = sd2:generate { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
      guidance = r.guidance_scale, latents = t.latents, callback = function(_, _, x) steps[#steps + 1] = x:clone() end }
    assert.equal(t.latents_per_step:size(1), #steps)
    for k, x in ipairs(steps) do
      local e = rel_err(x, t.latents_per_step:select(1, k))
      assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
    end
    assert.is_true((images:permute(1, 3, 4, 2) - t.image):abs():max() < 2e-4)
  end)

  -- a run's every step's latents (1e-4 relative) and its image (2e-4 absolute, NHWC in the fixture)
  local function replay(p, r, t, extra)
    local steps = {}
    local args = { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
      guidance = r.guidance_scale, latents = t.latents, callback = function(_, _, x) steps[#steps + 1] = x:clone() end }
    for k, v in pairs(extra or {}) do args[k] = v end
    local images = p:generate(args)
    assert.equal(t.latents_per_step:size(1), #steps)
    for k, x in ipairs(steps) do
      local e = rel_err(x, t.latents_per_step:select(1, k))
      assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
    end
    local diff = (images:permute(1, 3, 4, 2) - t.image):abs():max()
    assert.is_true(diff < 2e-4, string.format("image: %.3g", diff))
  end

  -- a fixture folder's pipeline (checked to be of its class), one of its runs and the run's tensors
  local function fixture_run(folder, class, group)
    local dir = "spec/fixtures/diffusers/sd/" .. folder
    local p = d.load(dir .. (folder == "dit" and "/pipeline" or ""))
    assert.equal(class, p.class)
    local r = d.core.json_decode(io.open(dir .. "/runs.json"):read("a"))[group]
    return p, r, d.load_safetensors(dir .. "/" .. group .. "_io.safetensors")
  end

  it("SDXL: two text encoders, the pooled projection and size ids as added conditioning, Euler", function()
    local xl, r, t = fixture_run("sdxl", "StableDiffusionXLPipeline", "txt2img_euler")
    local embeds, pooled = xl:encode_prompt(r.prompt)
    assert.is_true(rel_err(embeds, t.prompt_embeds) < 1e-4)
    assert.is_true(rel_err(pooled, t.pooled_prompt_embeds) < 1e-4)
    replay(xl, r, t)
  end)

  it("SDXL img2img: strength 0.6 of 10 Euler steps, the size ids those of the image", function()
    -- recorded here from diffusers (bench/peers/record_sdxl_img2img.py): the shared fixtures have none
    local xl = d.load("spec/fixtures/diffusers/sd/sdxl")
    local dir = "spec/fixtures/diffusers/sd/sdxl/"
    local r = d.core.json_decode(io.open(dir .. "img2img_runs.json"):read("a")).img2img_euler
    local t = d.load_safetensors(dir .. "img2img_euler_io.safetensors")
    replay(xl, r, t, { init_image = t.init_image, strength = r.strength, image_noise = t.image_noise,
      scheduler = r.scheduler.class, scheduler_config = r.scheduler.config })
  end)

  it("LCM: four consistency steps, guidance as the UNet's timestep_cond, recorded noise", function()
    local lcm, r, t = fixture_run("lcm", "LatentConsistencyModelPipeline", "lcm")
    replay(lcm, r, t, { noise = { t.noise_0, t.noise_1, t.noise_2 } })
    assert.has_error(function() lcm:generate { prompt = "a", latents = t.latents, noise = { t.noise_0 } } end,
      "generate: noise has 1 tensors, step 2 needs one more")
  end)

  local image_runs = d.core.json_decode(io.open(F .. "runs.json"):read("a"))

  it("img2img: strength 0.6 of 10 DDIM steps from the VAE's posterior sample, noised to the first kept step",
    function()
      local r, t = image_runs.img2img_ddim, d.load_safetensors(F .. "img2img_ddim_io.safetensors")
      replay(pipe, r, t, { init_image = t.init_image, strength = r.strength, image_noise = t.noise_0,
        latents = t.noise_1, scheduler = r.scheduler.class, scheduler_config = r.scheduler.config })
    end)

  it("img2img and inpainting with any sampler: sampler = \"ddim\" follows the DDIM img2img run", function()
    local r, t = image_runs.img2img_ddim, d.load_safetensors(F .. "img2img_ddim_io.safetensors")
    local function run(extra)
      local steps, last_x0 = {}, nil
      local args = { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
        guidance = r.guidance_scale, init_image = t.init_image, strength = r.strength, image_noise = t.noise_0,
        latents = t.noise_1, sampler = "ddim", scheduler_config = r.scheduler.config,
        callback = function(_, _, x, x0) steps[#steps + 1], last_x0 = x:clone(), x0 end }
      for k, v in pairs(extra or {}) do args[k] = v end
      local _, latents = pipe:generate(args)
      return steps, latents, last_x0
    end
    local steps, latents, last_x0 = run()
    local n = t.latents_per_step:size(1)
    assert.equal(n, #steps) -- the same 6 of 10 steps
    for k = 1, n - 1 do -- all but the last, which ends at the clean level (set_alpha_to_one false)
      local e = rel_err(steps[k], t.latents_per_step:select(1, k))
      assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
    end
    assert.same(last_x0:totable(), latents:totable())
    -- inpainting: outside the mask the result is the image's latents, inside it the sampler's
    local mask = d.zeros { 1, 1, 64, 64 }
    mask:narrow(3, 1, 32):fill_(1) -- paint the top half
    local _, painted = run { mask = mask, strength = 1 }
    local mean, std = pipe.vae:encode(t.init_image * 2 - 1)
    local image = (mean + std * t.noise_0) * pipe.vae.config.scaling_factor
    local h = image:size(3) // 2
    assert.is_true(rel_err(painted:narrow(3, h + 1, h), image:narrow(3, h + 1, h)) < 1e-5, "known half")
    assert.is_true(rel_err(painted:narrow(3, 1, h), image:narrow(3, 1, h)) > 0.1, "painted half")
  end)

  it("inpaint with a 4-channel UNet: the known region re-imposed after every DDIM step", function()
    local r, t = image_runs.inpaint_ddim, d.load_safetensors(F .. "inpaint_ddim_io.safetensors")
    replay(pipe, r, t, { init_image = t.init_image, mask = t.mask_image, image_noise = t.noise_0,
      latents = t.noise_1, scheduler = r.scheduler.class, scheduler_config = r.scheduler.config })
  end)

  it("inpaint with a 9-channel UNet: the mask and the masked image's latents beside the latents, DDIM", function()
    -- recorded here from diffusers (bench/peers/record_inpaint9.py): the shared fixtures have no such run
    local dir = "spec/fixtures/diffusers/sd/inpaint9/"
    local r = d.core.json_decode(io.open(dir .. "runs.json"):read("a")).inpaint9_ddim
    local t = d.load_safetensors(dir .. "inpaint9_ddim_io.safetensors")
    local nine = require("diffusion.pipeline").assemble("StableDiffusionPipeline", dir, {
      tokenizer = pipe.tokenizer, text_encoder = pipe.text_encoder, vae = pipe.vae, scheduler = pipe.scheduler,
      scheduler_config = pipe.scheduler_config, unet = d.load(dir .. "unet") })
    assert.is_true(rel_err(nine:encode_prompt(r.prompt), t.prompt_embeds) < 1e-4) -- the run's embeddings
    replay(nine, r, t, { init_image = t.init_image, mask = t.mask_image, masked_image_noise = t.image_noise,
      scheduler = r.scheduler.class, scheduler_config = r.scheduler.config })
    -- below strength 1 the image's latents, noised to the first kept step, start the run (diffusers draws
    -- the image's posterior, the noise, then the masked image's posterior)
    r = d.core.json_decode(io.open(dir .. "runs.json"):read("a")).inpaint9_ddim_strength
    t = d.load_safetensors(dir .. "inpaint9_ddim_strength_io.safetensors")
    replay(nine, r, t, { init_image = t.init_image, mask = t.mask_image, strength = r.strength,
      image_noise = t.image_noise, masked_image_noise = t.masked_image_noise, scheduler = r.scheduler.class,
      scheduler_config = r.scheduler.config })
    -- and with a sampler of ours: DDIM through the same steps (all but the last, which ends at the clean
    -- level where diffusers' set_alpha_to_one = false stops short of it)
    local steps = {}
    nine:generate { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
      guidance = r.guidance_scale, latents = t.latents, init_image = t.init_image, mask = t.mask_image,
      strength = r.strength, image_noise = t.image_noise, masked_image_noise = t.masked_image_noise, sampler = "ddim",
      scheduler_config = r.scheduler.config, callback = function(_, _, x) steps[#steps + 1] = x:clone() end }
    assert.equal(t.latents_per_step:size(1), #steps)
    for k = 1, #steps - 1 do
      local e = rel_err(steps[k], t.latents_per_step:select(1, k))
      assert.is_true(e < 1e-4, string.format("sampler ddim, step %d: %.3g", k, e))
    end
    assert.has_error(function()
      pipe:generate { prompt = "a", init_image = t.init_image, masked_image_noise = t.latents }
    end, "generate: masked_image_noise is for a 9-channel inpainting UNet")
    assert.has_error(function()
      nine:generate { prompt = "a", init_image = t.init_image, mask = t.mask_image, steps = 2,
        masked_image_noise = d.zeros { 1, 4, 8, 8 } }
    end, "generate: masked_image_noise must have the latents' shape")
  end)

  it("DiT: class labels, guidance against the null class on the noise channels, learned sigma dropped", function()
    local dit, r, t = fixture_run("dit", "DiTPipeline", "pipeline")
    local steps = {}
    local images = dit:generate { class_labels = r.class_labels, guidance = r.guidance_scale,
      steps = r.num_inference_steps, latents = t.noise_0,
      callback = function(_, _, x) steps[#steps + 1] = x:clone() end }
    assert.equal(t.latents_per_step:size(1), #steps)
    for k, x in ipairs(steps) do -- the recorded latents are the CFG batch: both halves the same
      local e = rel_err(x, t.latents_per_step:select(1, k):narrow(1, 1, 2))
      assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
    end
    local diff = (images:permute(1, 3, 4, 2) - t.image):abs():max()
    assert.is_true(diff < 2e-4, string.format("image: %.3g", diff))
    assert.has_error(function() dit:generate { class_labels = { 1000 } } end,
      "generate: class_labels must be integers in 0..999")
    assert.has_error(function() dit:generate { class_labels = { 1 }, prompt = "a" } end,
      "generate: unknown option 'prompt' (a DiT pipeline)")
  end)

  it("any Lua sampler on the UNet: sampler = \"ddim\" on the config's plan follows SD2's DDIM run", function()
    local F2 = "spec/fixtures/diffusers/sd/sd2/"
    local sd2 = d.load(F2)
    local r = d.core.json_decode(io.open(F2 .. "txt2img_runs.json"):read("a")).txt2img_ddim_v
    local t = d.load_safetensors(F2 .. "txt2img_ddim_v_io.safetensors")
    local function run(sampler)
      local steps, last_x0 = {}, nil
      local _, latents = sd2:generate { prompt = r.prompt, negative_prompt = r.negative_prompt,
        steps = r.num_inference_steps, guidance = r.guidance_scale, latents = t.latents, sampler = sampler,
        callback = function(_, _, x, x0) steps[#steps + 1], last_x0 = x:clone(), x0 end }
      return steps, latents, last_x0
    end
    local steps, latents, last_x0 = run("ddim")
    local n = t.latents_per_step:size(1)
    assert.equal(n, #steps)
    -- every step but the last lands where diffusers' does; the plan ends at the clean level, where
    -- DDIMScheduler with set_alpha_to_one false stops at alphas_cumprod[0]
    for k = 1, n - 1 do
      local e = rel_err(steps[k], t.latents_per_step:select(1, k))
      assert.is_true(e < 1e-4, string.format("step %d: %.3g", k, e))
    end
    assert.same(last_x0:totable(), latents:totable())
    -- a sampler of the user's: DDIM's update written out, on the same plan, gives the same numbers
    local function my_ddim(D, x, plan, opts)
      for i = 1, #plan - 1 do
        local cur, nxt = plan[i], plan[i + 1]
        local x0, eps = D(x, cur) -- the denoiser gives both estimates
        x = x0 * nxt.alpha + eps * nxt.sigma
        opts.callback(i, #plan - 1, x, x0)
      end
      return x
    end
    local mine, mine_latents = run(my_ddim)
    assert.is_true(rel_err(mine_latents, latents) < 1e-6)
    for k = 1, n - 1 do assert.is_true(rel_err(mine[k], steps[k]) < 1e-6) end
    assert.has_error(function() sd2:generate { prompt = "a", sampler = "nope" } end,
      "generate: unknown sampler 'nope' (see diffusion.samplers.list())")
  end)

  it("diffusion.sample names bad image, strength and mask arguments before any step", function()
    local z = d.zeros { 1, 4, 16, 16 }
    local base = { scheduler = "DDIMScheduler", config = pipe.scheduler_config, steps = 4, model = pipe.unet, x = z,
      cond = { encoder_hidden_states = d.zeros { 1, 77, 32 } } }
    local function with(extra)
      local a = {}
      for k, v in pairs(base) do a[k] = v end
      for k, v in pairs(extra) do a[k] = v end
      return function() d.sample(a) end
    end
    assert.has_error(with { strength = 0.5 }, "sample: mask and strength need image")
    assert.has_error(with { mask = z }, "sample: mask and strength need image")
    assert.has_error(with { image = z, strength = 1.5 }, "sample: img2img: strength must be in (0, 1], got 1.5")
    assert.has_error(with { image = z, strength = 0.1 },
      "sample: img2img: strength 0.1 of 4 steps runs no step; raise strength or steps")
  end)

  it("names bad options before any work", function()
    local z = d.zeros { 1, 4, 16, 16 }
    assert.has_error(function() pipe:generate { prompt = "a", stepz = 3 } end, "generate: unknown option 'stepz'")
    assert.has_error(function() pipe:generate { prompt = "a", latents = d.zeros { 1, 4, 8, 16 } } end,
      "generate: latents are {1,4,8,16}, the call needs {1,4,16,16}")
    assert.has_error(function() pipe:generate { prompt = { "a", "b" }, negative_prompt = { "c" } } end,
      "generate: 1 negative prompts for 2 prompts")
    assert.has_error(function() pipe:generate { prompt = "a", latents = z, clip_skip = 4 } end,
      "generate: clip_skip must be an integer in 1..3")
    assert.has_error(function() pipe:generate { prompt = "a", height = 30 } end,
      "generate: height and width must be positive multiples of 4")
    assert.has_error(function() pipe:generate { prompt = 7 } end, "generate: prompt must be a string or a list of them")
    assert.has_error(function() pipe:generate { prompt = "a", strength = 0.5 } end,
      "generate: strength needs init_image")
    assert.has_error(function() pipe:generate { prompt = "a", init_image = d.zeros { 1, 3, 64 } } end,
      "generate: init_image must be 1 x 3 x H x W (one per prompt)")
    assert.has_error(function() pipe:generate { prompt = "a", init_image = d.zeros { 1, 3, 64, 64 },
      mask = d.zeros { 1, 1, 32, 64 } } end, "generate: mask and init_image differ in size")
    assert.has_error(function() pipe:generate { prompt = "a", init_image = d.full({ 1, 3, 64, 64 }, 0 / 0) } end,
      "generate: init_image has NaN or infinite values")
    assert.has_error(function() pipe:generate { prompt = "a", image_noise = z } end,
      "generate: image_noise needs init_image")
    assert.has_error(function()
      pipe:generate { prompt = "a", init_image = d.zeros { 1, 3, 64, 64 }, sampler = "ddim", steps = 10,
        strength = 0.05 }
    end, "generate: strength 0.05 of 10 steps runs no step; raise strength or steps")
    local nine = require("diffusion.pipeline").assemble("StableDiffusionPipeline", "nine", {
      tokenizer = pipe.tokenizer, text_encoder = pipe.text_encoder, vae = pipe.vae, scheduler = pipe.scheduler,
      scheduler_config = pipe.scheduler_config, unet = d.load("spec/fixtures/diffusers/sd/inpaint9/unet") })
    assert.has_error(function() nine:generate { prompt = "a" } end,
      "generate: this inpainting UNet needs init_image and mask")
    local five = require("diffusion.pipeline").assemble("StableDiffusionPipeline", "five", {
      tokenizer = pipe.tokenizer, text_encoder = pipe.text_encoder, vae = pipe.vae, scheduler = pipe.scheduler,
      scheduler_config = pipe.scheduler_config, unet = d.unet { in_channels = 5, block_out_channels = { 8 },
        down_block_types = { "DownBlock2D" }, up_block_types = { "UpBlock2D" }, norm_num_groups = 4 } })
    assert.has_error(function() five:generate { prompt = "a" } end, "generate: a 5-channel UNet over 4-channel "
      .. "latents: neither the latents alone nor inpainting's latents, mask and masked image (9)")
  end)
end)

describe("diffusion generate", function()
  local S = require "support"
  local dir = os.tmpname()
  os.remove(dir)
  os.execute("mkdir -p " .. dir)
  local function quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("replays the fixtures' Euler run from its latents (--latents FILE.npy) and writes the settings", function()
    local r, t = runs.txt2img_euler, d.load_safetensors(F .. "txt2img_euler_io.safetensors")
    -- the run's first prompt alone: its latents are the first of the batch of two
    d.save_npy(dir .. "/latents.npy", t.latents:narrow(1, 1, 1))
    local out_png = dir .. "/euler.png"
    local ok, out = S.run_cli(string.format("generate --model %s --prompt %s --negative %s --steps %d --cfg %g "
      .. "--sampler %s --latents %s -o %s --quiet", F, quote(r.prompt[1]), quote(r.negative_prompt[1]),
      r.num_inference_steps, r.guidance_scale, r.scheduler.class, dir .. "/latents.npy", out_png))
    assert.is_true(ok, out)
    -- the PNG holds 8-bit values of the fixture's image: within half a level, and the README's 2e-4
    local got = (d.image.load(out_png) + 1) * 0.5
    local want = t.image:narrow(1, 1, 1):permute(1, 4, 2, 3):squeeze(1)
    local diff = (got - want):abs():max()
    assert.is_true(diff <= 0.5 / 255 + 2e-4, string.format("image: %.3g", diff))
    local text = d.image.text(out_png).parameters
    assert.equal(r.prompt[1] .. "\nNegative prompt: " .. r.negative_prompt[1] .. "\nSteps: 6, Sampler: "
      .. "EulerDiscreteScheduler, CFG scale: 5, Seed: 0, Size: 64x64, Model: sd1, Version: diffusion "
      .. d.VERSION, text)
    ok, out = S.run_cli("info " .. out_png)
    assert.is_true(ok, out)
    assert.truthy(out:find("parameters: " .. r.prompt[1], 1, true), out)
  end)

  it("--preview decodes the denoised latents with TAESD on the way; the final image is the same", function()
    local plain, shown = dir .. "/plain.png", dir .. "/preview.png"
    local base = "generate --model " .. F .. " --prompt 'a red door' --steps 5 --quiet -o "
    local ok, out = S.run_cli(base .. plain)
    assert.is_true(ok, out)
    ok, out = S.run_cli(base .. shown .. " --preview spec/fixtures/diffusers/sd/taesd")
    assert.is_true(ok, out)
    assert.same(d.image.load(plain):totable(), d.image.load(shown):totable())
    ok, out = S.run_cli(base .. shown .. " --preview " .. F .. "unet")
    assert.is_falsy(ok)
    assert.truthy(out:find("--preview '" .. F .. "unet' is not an autoencoder folder", 1, true), out)
  end)

  it("names a bad flag or input before any work, and leaves no file behind", function()
    local png = dir .. "/never.png"
    for _, case in ipairs {
      { "--prompt a --steps 0", "--steps must be a positive integer, got 0" },
      { "--steps 2", "--prompt is required" },
      { "--prompt a --strength 0.5", "--strength needs --init" },
      { "--prompt a --sampler nope", "unknown sampler 'nope'" },
      { "--prompt a --steps x", "--steps must be an integer, got 'x'" },
      { "--prompt a -W 30", "height and width must be positive multiples of 4" },
    } do
      local ok, out = S.run_cli("generate --model " .. F .. " -o " .. png .. " --quiet " .. case[1])
      assert.is_falsy(ok, case[1])
      assert.truthy(out:find(case[2], 1, true), out)
      assert.falsy(out:find("traceback", 1, true), out)
      assert.is_nil(io.open(png), case[1])
    end
    local ok, out = S.run_cli("generate --model spec/fixtures --prompt a -o " .. png)
    assert.is_falsy(ok)
    assert.truthy(out:find("no pipeline at 'spec/fixtures' (no model_index.json)", 1, true), out)
  end)
end)

describe("weights kept in 16 bits (dtype = \"f16\", --dtype f16)", function()
  local S = require "support"
  local SF = "spec/fixtures/diffusers/sd/sd1_single_file/sd1.safetensors"
  -- the expectation: the float32 pipeline with its weights rounded to float16 in place; every op
  -- computes in float32 on the widened weights, so the two agree bit for bit
  local rounded = d.load(F)
  for _, k in ipairs { "text_encoder", "unet", "vae" } do
    for _, w in pairs(rounded[k]:weights()) do w:copy_(w:to("f16"):float()) end
  end
  local r, t = runs.txt2img_euler, d.load_safetensors(F .. "txt2img_euler_io.safetensors")
  local function run(p)
    return p:generate { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = 3,
      guidance = r.guidance_scale, latents = t.latents, scheduler = r.scheduler.class,
      scheduler_config = r.scheduler.config }
  end
  local want = run(rounded)

  it("a pipeline folder and a single file: every weight float16, the rounded pipeline's image", function()
    local half = d.load(F, { dtype = "f16" })
    for _, k in ipairs { "text_encoder", "unet", "vae" } do
      for name, w in pairs(half[k]:weights()) do assert.equal("float16", w:dtype(), k .. " " .. name) end
    end
    assert.equal(0, (run(half) - want):abs():max())
    assert.is_true((run(d.load(F)) - want):abs():max() > 0) -- the rounding shows
    assert.equal(0, (run(d.load(SF, { config = F, dtype = "f16" })) - want):abs():max())
    -- the penultimate layer's states through the final layer norm, read from the 16-bit weights
    local skip = { prompt = "a red door", steps = 2, clip_skip = 1 }
    assert.equal(0, (half:generate(skip) - rounded:generate(skip)):abs():max())
  end)

  it("diffusion generate --dtype f16", function()
    local png = os.tmpname() .. ".png"
    local ok, out = S.run_cli("generate --model " .. F .. " --prompt 'a red door' --steps 3 --dtype f16 --quiet -o "
      .. png)
    assert.is_true(ok, out)
    local image = rounded:generate { prompt = "a red door", steps = 3 }
    local diff = (d.image.load(png) - (image * 2 - 1):squeeze(1)):abs():max()
    assert.is_true(diff <= 1.01 / 255, string.format("%.3g", diff))
    ok, out = S.run_cli("generate --model " .. F .. " --prompt a --dtype f8 --quiet -o " .. png .. ".never.png")
    assert.is_falsy(ok)
    assert.truthy(out:find("argument for option '--dtype' must be one of 'f32', 'f16', 'bf16'", 1, true), out)
    assert.is_nil(io.open(png .. ".never.png"))
    os.remove(png)
  end)
end)

describe("bf16 products (diffusion.matmul_precision, --matmul bf16)", function()
  local S = require "support"
  local supported = pcall(d.matmul_precision, "bf16")
  d.matmul_precision("float32")

  it("diffusion generate --matmul bf16: near the float32 image, or a clear error where the CPU cannot", function()
    local png = os.tmpname() .. ".png"
    local ok, out = S.run_cli("generate --model " .. F .. " --prompt 'a red door' --steps 3 --matmul bf16 --quiet -o "
      .. png)
    if not supported then
      assert.is_falsy(ok)
      assert.truthy(out:find('--matmul: matmul_precision: "bf16" needs the avx512 kernel set', 1, true), out)
      return
    end
    assert.is_true(ok, out)
    local image = (d.load(F):generate { prompt = "a red door", steps = 3 } * 2 - 1):squeeze(1)
    local diff = (d.image.load(png) - image):abs()
    -- the products' rounding moves pixels: measured here by up to 8.4 levels of 255 on this tiny
    -- random model (a real one is far less sensitive), 1.3 on average
    assert.is_true(diff:max() > 1.01 / 255, string.format("%.3g", diff:max()))
    assert.is_true(diff:max() < 0.05 and diff:mean() < 2 / 255, string.format("%.3g %.3g", diff:max(), diff:mean()))
    assert.equal("float32", d.matmul_precision()) -- (the CLI ran in its own process)
    ok, out = S.run_cli("generate --model " .. F .. " --prompt a --matmul tf32 --quiet -o " .. png .. ".never.png")
    assert.is_falsy(ok)
    assert.truthy(out:find("argument for option '--matmul' must be one of 'f32', 'bf16'", 1, true), out)
    os.remove(png)
  end)
end)

describe("single-file checkpoints", function()
  local SF = "spec/fixtures/diffusers/sd/sd1_single_file/sd1.safetensors"
  local single = d.load(SF, { config = F })
  local folder = d.load(F)
  -- every tensor of the components `parts` of the folder's pipeline, bit for bit, and no other
  local function same_weights(from_file, from_folder, parts)
    for _, part in ipairs(parts) do
      local mine, theirs = from_file[part]:weights(), from_folder[part]:weights()
      local n = 0
      for name, t in pairs(theirs) do
        assert.is_truthy(mine[name], part .. ": " .. name)
        assert.same(t:shape(), mine[name]:shape(), name)
        assert.equal(0, (t - mine[name]):abs():max(), name)
        n = n + 1
      end
      for name in pairs(mine) do assert.is_truthy(theirs[name], part .. " has an extra " .. name) end
      assert.is_true(n > 30, part)
    end
  end

  it("map every tensor of the original layout onto diffusers' names, bit for bit", function()
    same_weights(single, folder, { "unet", "vae", "text_encoder" })
  end)

  it("infer the architecture the shapes say", function()
    local sf = require "diffusion.single_file"
    local w = d.load_safetensors(SF)
    local function under(prefix)
      local out = {}
      for k, v in pairs(w) do if k:sub(1, #prefix) == prefix then out[k:sub(#prefix + 1)] = v end end
      return out
    end
    local _, unet = sf.convert_unet(under("model.diffusion_model."))
    local want = folder.unet.config
    for _, k in ipairs { "in_channels", "out_channels", "block_out_channels", "layers_per_block", "down_block_types",
      "up_block_types", "cross_attention_dim" } do
      assert.same(want[k], unet[k], k)
    end
    assert.is_false(unet.use_linear_projection)
    local _, vae = sf.convert_vae(under("first_stage_model."))
    for _, k in ipairs { "block_out_channels", "layers_per_block", "latent_channels", "in_channels" } do
      assert.same(folder.vae.config[k], vae[k], k)
    end
    local _, clip = sf.convert_clip(under("cond_stage_model.transformer."))
    for _, k in ipairs { "hidden_size", "num_hidden_layers", "intermediate_size", "vocab_size" } do
      assert.same(folder.text_encoder.config[k], clip[k], k)
    end
  end)

  it("gives the sd1 folder's image: the PNDM run", function()
    local r = runs.txt2img_pndm
    local t = d.load_safetensors(F .. "txt2img_pndm_io.safetensors")
    local images = single:generate { prompt = r.prompt, steps = r.num_inference_steps, guidance = r.guidance_scale,
      latents = t.latents }
    local diff = (images:permute(1, 3, 4, 2) - t.image):abs():max()
    assert.is_true(diff < 2e-4, string.format("image: %.3g", diff))
  end)

  it("generate from the command line: --model FILE --config DIR", function()
    local S = require "support"
    local png = os.tmpname() .. ".png"
    local ok, out = S.run_cli("generate --model " .. SF .. " --config " .. F .. " --prompt 'a red door' --steps 3 "
      .. "--quiet -o " .. png)
    assert.is_true(ok, out)
    local want = (folder:generate { prompt = "a red door", steps = 3 } * 2 - 1):squeeze(1)
    assert.is_true((d.image.load(png) - want):abs():max() <= 1.01 / 255 * 2)
    os.remove(png)
    ok, out = S.run_cli("generate --model " .. SF .. " --prompt a -o " .. png)
    assert.is_falsy(ok)
    assert.truthy(out:find("is a single-file checkpoint: give --config", 1, true), out)
  end)

  it("SD 2.x: the OpenCLIP text tower onto CLIPTextModel, and the sd2 folder's DDIM v-prediction image", function()
    -- the sd2 fixture converted by diffusers' own script (bench/peers/record_sd2_single_file.py)
    local F2, SF2 = "spec/fixtures/diffusers/sd/sd2/", "spec/fixtures/diffusers/sd/sd2_single_file/sd2.safetensors"
    local sd2, folder2 = d.load(SF2, { config = F2 }), d.load(F2)
    same_weights(sd2, folder2, { "unet", "vae", "text_encoder" })
    local r = d.core.json_decode(io.open(F2 .. "txt2img_runs.json"):read("a")).txt2img_ddim_v
    local t = d.load_safetensors(F2 .. "txt2img_ddim_v_io.safetensors")
    local images = sd2:generate { prompt = r.prompt, negative_prompt = r.negative_prompt,
      steps = r.num_inference_steps, guidance = r.guidance_scale, latents = t.latents }
    assert.is_true((images:permute(1, 3, 4, 2) - t.image):abs():max() < 2e-4)
    -- SD 2.x checkpoints hold a resblock past the diffusers model's layers (the UNet reads the
    -- penultimate states) and CLIP's text_projection: both left out
    local w = d.load_safetensors(SF2)
    local last = "cond_stage_model.model.transformer.resblocks.2."
    for k, v in pairs(d.load_safetensors(SF2)) do
      if k:sub(1, #last) == last then w["cond_stage_model.model.transformer.resblocks.3." .. k:sub(#last + 1)] = v end
    end
    w["cond_stage_model.model.text_projection"] = d.zeros { 32, 32 }
    local tmp = os.tmpname() .. ".safetensors"
    d.save_safetensors(tmp, w)
    local deeper = d.load(tmp, { config = F2 })
    local ids = d.tensor { { 49406, 320, 49407 } }
    assert.same(folder2.text_encoder(ids).last_hidden_state:totable(),
      deeper.text_encoder(ids).last_hidden_state:totable())
    w["cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight"] = d.zeros { 95, 32 }
    d.save_safetensors(tmp, w)
    local ok, err = pcall(d.load, tmp, { config = F2 })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight has 95 rows, "
      .. "not 3 x 32", 1, true), tostring(err))
    w["cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight"] = nil
    w["cond_stage_model.model.transformer.resblocks.0.attn.mystery"] = d.zeros { 2 }
    d.save_safetensors(tmp, w)
    ok, err = pcall(d.load, tmp, { config = F2 })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("unknown OpenCLIP tensor cond_stage_model.model.transformer.resblocks.0.attn"
      .. ".mystery", 1, true), tostring(err))
    os.remove(tmp)
  end)

  it("SDXL: both text encoders (the second OpenCLIP's, its projection transposed), the added conditioning, "
    .. "the sdxl folder's Euler image", function()
    -- the sdxl fixture converted by diffusers' own script (bench/peers/record_sdxl_single_file.py)
    local FX, SFX = "spec/fixtures/diffusers/sd/sdxl/", "spec/fixtures/diffusers/sd/sdxl_single_file/sdxl.safetensors"
    local xl, folder_xl = d.load(SFX, { config = FX }), d.load(FX)
    assert.equal("StableDiffusionXLPipeline", xl.class)
    same_weights(xl, folder_xl, { "unet", "vae", "text_encoder", "text_encoder_2" })
    local ldm = {}
    for k, v in pairs(d.load_safetensors(SFX)) do
      if k:sub(1, 22) == "model.diffusion_model." then ldm[k:sub(23)] = v end
    end
    local _, shapes = require("diffusion.single_file").convert_unet(ldm) -- what the shapes say
    assert.equal("text_time", shapes.addition_embed_type)
    assert.equal(folder_xl.unet.config.projection_class_embeddings_input_dim,
      shapes.projection_class_embeddings_input_dim)
    assert.same({ "DownBlock2D", "CrossAttnDownBlock2D" }, shapes.down_block_types)
    assert.equal(2, shapes.transformer_layers_per_block[2])
    local r = d.core.json_decode(io.open(FX .. "runs.json"):read("a")).txt2img_euler
    local t = d.load_safetensors(FX .. "txt2img_euler_io.safetensors")
    local images = xl:generate { prompt = r.prompt, negative_prompt = r.negative_prompt, steps = r.num_inference_steps,
      guidance = r.guidance_scale, latents = t.latents }
    local diff = (images:permute(1, 3, 4, 2) - t.image):abs():max()
    assert.is_true(diff < 2e-4, string.format("image: %.3g", diff))
    -- kept in 16 bits, the projection transposed as it is: the same weights rounded
    local half = d.load(SFX, { config = FX, dtype = "f16" })
    local p = half.text_encoder_2:weights()["text_projection.weight"]
    assert.equal("float16", p:dtype())
    assert.equal(0, (p:float() - folder_xl.text_encoder_2:weights()["text_projection.weight"]:to("f16"):float())
      :abs():max())
    -- a checkpoint with the second encoder only (a refiner's) is refused by name
    local w = d.load_safetensors(SFX)
    for k in pairs(w) do if k:match("^conditioner%.embedders%.0%.") then w[k] = nil end end
    local tmp = os.tmpname() .. ".safetensors"
    d.save_safetensors(tmp, w)
    local ok, err = pcall(d.load, tmp, { config = FX })
    os.remove(tmp)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("an SDXL checkpoint needs both text encoders", 1, true), tostring(err))
    w = d.load_safetensors(SFX)
    w["conditioner.embedders.1.model.text_projection"] = nil
    d.save_safetensors(tmp, w)
    ok, err = pcall(d.load, tmp, { config = FX })
    os.remove(tmp)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("conditioner.embedders.1.model.* has no 32 x N text_projection", 1, true),
      tostring(err))
  end)

  it("refuses pickles, other layouts and a missing config by name", function()
    assert.has_error(function() d.load("model.ckpt") end)
    local ok, err = pcall(d.load, "model.ckpt")
    assert.is_false(ok)
    assert.truthy(tostring(err):find("pickle file, which runs arbitrary code", 1, true), err)
    ok, err = pcall(d.load, SF)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("pass config = a diffusers SD 1.x folder", 1, true), err)
    ok, err = pcall(d.load, F .. "unet/diffusion_pytorch_model.safetensors", { config = F })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("no model.diffusion_model.* tensors", 1, true), err)
  end)
end)
