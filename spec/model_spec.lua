local d = require "diffusion"
local S = require "support"

local UNET = "spec/fixtures/diffusers/unet/"

local function rel_err(a, b) return (a - b):abs():max() / b:abs():max() end

local function fails(pattern, f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  assert.truthy(tostring(err):find(pattern, 1, true), "message was: " .. tostring(err))
end

describe("UNet2DConditionModel parity with diffusers", function()
  -- sd1: 1x1 conv projections, 4 heads everywhere; sd2: linear projections, heads (2, 4, 4);
  -- sdxl: transformer depth (1, 2), the "text_time" added conditioning (pooled text and the six
  -- size/crop ids); lcm: the guidance embedding (time_cond_proj_dim 32).
  -- The fixtures' README: ../shared/fixtures/diffusers/sd
  for _, name in ipairs { "sd1", "sd2", "sdxl", "lcm" } do
    for _, which in ipairs { "int", "float" } do
      it(name .. " with " .. which .. " timesteps matches to 1e-4", function()
        local m = d.load("spec/fixtures/diffusers/sd/" .. name .. "/unet")
        local io_t = d.load_safetensors("spec/fixtures/diffusers/sd/" .. name .. "/unet_io.safetensors")
        local text = { encoder_hidden_states = io_t.encoder_hidden_states, timestep_cond = io_t.timestep_cond,
          text_embeds = io_t["added_cond_kwargs.text_embeds"], time_ids = io_t["added_cond_kwargs.time_ids"] }
        local out = m(io_t.sample, io_t["timestep_" .. which], text)
        local e = rel_err(out, io_t["output_" .. which])
        assert.is_true(e < 1e-4, string.format("max relative error %.3g", e))
        -- batch 1: the second sample alone gives its row of the batch of 2
        local one = {}
        for k, v in pairs(text) do one[k] = v:narrow(1, 2, 1) end
        local single = m(io_t.sample:narrow(1, 2, 1), io_t["timestep_" .. which]:narrow(1, 2, 1), one)
        assert.is_true(rel_err(single, io_t["output_" .. which]:narrow(1, 2, 1)) < 1e-4, "batch 1")
      end)
    end
  end

  -- options recorded here (bench/peers/record_cond_options.py): class embeddings ("timestep" with act_fn
  -- mish: the time and class MLPs take act_fn on this class; a class table), added before SDXL's
  -- conditioning as in diffusers; only_cross_attention on the first block; a 9-channel inpainting input
  for _, name in ipairs { "timestep", "table", "only_cross", "inpaint" } do
    it(name .. " matches to 1e-4", function()
      local F = "spec/fixtures/diffusers/sd/cond_class/" .. name
      local io_t = d.load_safetensors(F .. "_io.safetensors")
      local out = d.load(F)(io_t.sample, io_t.timestep,
        { encoder_hidden_states = io_t.encoder_hidden_states, class_labels = io_t.class_labels })
      assert.is_true(rel_err(out, io_t.output) < 1e-4, string.format("%.3g", rel_err(out, io_t.output)))
    end)
  end

  it("names what the text conditioning lacks, and the features not built yet", function()
    local dir = "spec/fixtures/diffusers/sd/sd1/unet"
    local m = d.load(dir)
    local x = d.zeros { 2, 4, 16, 16 }
    fails("model: the model is text-conditional: encoder_hidden_states are needed", m, x, 10)
    fails("model: encoder_hidden_states {2,77,16}: expected 2 x L x 32", m, x, 10,
      { encoder_hidden_states = d.zeros { 2, 77, 16 } })
    fails("model: encoder_hidden_states {1,77,32}: expected 2 x L x 32", m, x, 10,
      { encoder_hidden_states = d.zeros { 1, 77, 32 } })
    fails("model: encoder_hidden_states must be a tensor", m, x, 10, { encoder_hidden_states = {} })
    local plain = d.load(UNET .. "tiny")
    fails("encoder_hidden_states given, but the model takes no text", plain, d.zeros { 1, 3, 32, 32 }, 10,
      { encoder_hidden_states = d.zeros { 1, 77, 32 } })
    -- the added conditioning the config asks for, and none it does not
    local xl, lcm = d.load("spec/fixtures/diffusers/sd/sdxl/unet"), d.load("spec/fixtures/diffusers/sd/lcm/unet")
    local text = { encoder_hidden_states = d.zeros { 2, 77, 64 } }
    fails("text_embeds and time_ids: the model needs 2 x D and 2 x K with D + 8 K = 80", xl, x, 10, text)
    text.text_embeds, text.time_ids = d.zeros { 2, 32 }, d.zeros { 2, 5 }
    fails("text_embeds and time_ids: the model needs 2 x D and 2 x K with D + 8 K = 80", xl, x, 10, text)
    fails("timestep_cond: the model needs 2 x 32 (the guidance embedding)", lcm, x, 10,
      { encoder_hidden_states = d.zeros { 2, 77, 32 } })
    fails("timestep_cond given, but the model has no time_cond_proj_dim", m, x, 10,
      { encoder_hidden_states = d.zeros { 2, 77, 32 }, timestep_cond = d.zeros { 2, 32 } })
    fails("text_embeds or time_ids given, but the model takes none", m, x, 10,
      { encoder_hidden_states = d.zeros { 2, 77, 32 }, time_ids = d.zeros { 2, 6 } })
    -- features not built yet are refused by name, not ignored
    text = S.read_bytes(dir .. "/config.json")
    local w = d.load_safetensors(dir .. "/diffusion_pytorch_model.safetensors")
    fails("config 'addition_embed_type' = \"text\": not supported yet (only null and \"text_time\")",
      d.core.unet_load, text:gsub('"addition_embed_type": null', '"addition_embed_type": "text"'), w)
    fails("config 'dual_cross_attention' = true: not supported yet", d.core.unet_load,
      text:gsub('"dual_cross_attention": false', '"dual_cross_attention": true'), w)
    fails("config 'only_cross_attention' = [true]: must be true, false or one of them per block", d.core.unet_load,
      text:gsub('"only_cross_attention": false', '"only_cross_attention": [true]'), w)
    fails("config: addition_embed_type \"text_time\" needs addition_time_embed_dim", d.core.unet_load,
      text:gsub('"addition_embed_type": null', '"addition_embed_type": "text_time"'), w)
    fails("config key 'add_attention' is not supported", d.core.unet_load,
      text:gsub("{", '{"add_attention": true,', 1), w)
    fails("config 'attention_head_dim' = [4,4]: must be a number or a list of one per block", d.core.unet_load,
      text:gsub('"attention_head_dim": 4', '"attention_head_dim": [4, 4]'), w)
    fails("config: 3 attention heads do not divide 32 channels", d.core.unet_load,
      text:gsub('"attention_head_dim": 4', '"attention_head_dim": 3'), w)
  end)
end)

describe("CLIPTokenizer parity with transformers", function()
  local SD = "spec/fixtures/diffusers/sd/"
  local function cases(name)
    return d.core.json_decode(S.read_bytes(SD .. name .. "/tokenizer_cases.json")).cases
  end

  -- 40 prompts: long (truncated), empty, accented, CJK, Hangul, emoji, punctuation, quotes, control
  -- characters, the special tokens' own strings; SD2's tokenizer pads with "!" (id 0)
  for _, name in ipairs { "sd1", "sd2" } do
    it(name .. ": every recorded prompt gives exactly the recorded ids", function()
      local tok = d.load(SD .. name .. "/tokenizer")
      local list = cases(name)
      local prompts = {}
      for i, c in ipairs(list) do
        prompts[i] = c.prompt
        assert.same(c.untruncated_ids, tok:tokenize(c.prompt), c.prompt)
      end
      local ids, lengths = tok:encode(prompts)
      assert.same({ #list, 77 }, ids:shape())
      for i, c in ipairs(list) do
        assert.same(c.input_ids, ids:select(1, i):totable(), c.prompt)
        assert.equal(math.min(77, #c.untruncated_ids), lengths[i])
      end
    end)
  end

  it("decodes ids back to the text, and encodes without padding or truncation on request", function()
    local tok = d.load(SD .. "sd1/tokenizer")
    local ids = tok:encode { "a photograph of an astronaut riding a horse", "café, 東京!" }
    assert.same({ "a photograph of an astronaut riding a horse", "café , 東 京 !" }, tok:decode(ids))
    local short, n = tok:encode("a lovely cat", { padding = false })
    assert.same({ { 49406, 320, 2165, 2368, 49407 } }, short:totable())
    assert.same({ 5 }, n)
    local long = string.rep("a ", 100)
    assert.same({ 1, 102 }, tok:encode(long, { truncation = false }):shape())
    assert.same({ 1, 10 }, tok:encode(long, { max_length = 10 }):shape())
  end)

  it("names bad prompts, ids and files", function()
    local tok = d.load(SD .. "sd1/tokenizer")
    fails("encode: the text is not valid UTF-8 (at byte 2)", tok.encode, tok, { "ab\xff" })
    fails("encode: prompts must be strings", tok.encode, tok, { 12 })
    fails("decode: id 49408 is not in the vocabulary (0..49407)", tok.decode, tok, d.tensor { 320, 49408 })
    fails("decode: id 1.5 is not in the vocabulary", tok.decode, tok, d.tensor { 1.5 })
    local vocab = S.read_bytes(SD .. "sd1/tokenizer/vocab.json")
    local merges = S.read_bytes(SD .. "sd1/tokenizer/merges.txt")
    fails("merges.txt line 3: expected two symbols separated by a space", d.core.clip_tokenizer, vocab,
      (merges:gsub("\nt h\n", "\nth\n", 1)))
    fails("vocab.json is not a JSON object", d.core.clip_tokenizer, "[1, 2]", merges)
    fails("the special token '<|pad|>' is not in the vocabulary", d.core.clip_tokenizer, vocab, merges,
      { pad = "<|pad|>" })
    local dir = S.tmpname("")
    os.execute("mkdir -p " .. dir .. " && cp " .. SD .. "sd1/tokenizer/vocab.json " .. dir)
    fails("load: no merges.txt in '" .. dir .. "'", d.load, dir)
    os.execute("rm " .. dir .. "/vocab.json && cp " .. SD .. "sd1/tokenizer/merges.txt " .. dir)
    fails("load: no vocab.json in '" .. dir .. "'", d.load, dir)
    os.execute("rm -rf " .. dir)
  end)
end)

describe("CLIPTextModel parity with transformers", function()
  local dir = "spec/fixtures/diffusers/sd/sd1/text_encoder"
  local io_t = d.load_safetensors("spec/fixtures/diffusers/sd/sd1/text_encoder_io.safetensors")

  -- sd2: GELU; sdxl: its two encoders, the second WithProjection (text_embeds, no bias)
  for _, case in ipairs { { "sd2", "text_encoder", "pooler_output" }, { "sdxl", "text_encoder", "pooler_output" },
    { "sdxl", "text_encoder_2", "text_embeds" } } do
    it(case[1] .. "/" .. case[2] .. ": last and pooled state, every hidden state", function()
      local F = "spec/fixtures/diffusers/sd/" .. case[1] .. "/" .. case[2]
      local io2 = d.load_safetensors(F .. "_io.safetensors")
      local out = d.load(F)(io2.input_ids, { hidden_states = true })
      assert.is_true(rel_err(out.last_hidden_state, io2.last_hidden_state) < 1e-4, "last_hidden_state")
      assert.is_true(rel_err(out[case[3]], io2[case[3]]) < 1e-4, case[3])
      for k, h in ipairs(out.hidden_states) do
        assert.is_true(rel_err(h, io2.hidden_states:select(1, k)) < 1e-4, "hidden_states " .. k)
      end
    end)
  end

  it("last hidden state, pooled output (legacy eos: argmax of the ids) and every hidden state", function()
    local te = d.load(dir)
    local out = te(io_t.input_ids, { hidden_states = true })
    assert.is_true(rel_err(out.last_hidden_state, io_t.last_hidden_state) < 1e-4, "last_hidden_state")
    assert.is_true(rel_err(out.pooler_output, io_t.pooler_output) < 1e-4, "pooler_output")
    assert.equal(4, #out.hidden_states) -- the embeddings and three layers
    for k, h in ipairs(out.hidden_states) do
      assert.is_true(rel_err(h, io_t.hidden_states:select(1, k)) < 1e-4, "hidden_states " .. k)
    end
    assert.is_nil(te(io_t.input_ids).hidden_states)
    -- clip_skip k (diffusers' encode_prompt): final_layer_norm(hidden_states[-(k + 1)])
    local w = te:weights()
    for k = 1, 2 do
      local h = out.hidden_states[#out.hidden_states - k]:narrow(1, 1, 1)
      local e = d.layer_norm(h, w["text_model.final_layer_norm.weight"], w["text_model.final_layer_norm.bias"], 1e-5)
      assert.is_true(rel_err(e, io_t["prompt_embeds_clip_skip_" .. k]) < 1e-4, "clip_skip " .. k)
    end
    -- a prompt's result does not depend on its batch
    local one = te(io_t.input_ids:narrow(1, 3, 1))
    assert.equal(0, (one.last_hidden_state - out.last_hidden_state:narrow(1, 3, 1)):abs():max())
  end)

  it("names bad ids and configs", function()
    local te = d.load(dir)
    local ids = io_t.input_ids:narrow(1, 1, 1):clone()
    ids:narrow(2, 5, 1):fill_(49408)
    fails("encode_text: token id 49408 is not an integer in 0..49407", te, ids)
    fails("encode_text: ids {1,78}: 78 tokens, the model takes at most 77", te, d.zeros { 1, 78 })
    fails("encode_text: ids {77}: expected N x L token ids", te, d.zeros { 77 })
    fails("encode_text: options must be a table such as {hidden_states = true}", te, d.zeros { 1, 77 }, true)
    fails("trace: only a UNet has this (the model is a CLIPTextModel)", te.trace, te, d.zeros { 1, 77 }, 1)
    fails("layout: only a UNet has this (the model is a CLIPTextModel)", te.layout, te)
    local text = S.read_bytes(dir .. "/config.json")
    local w = d.load_safetensors(dir .. "/model.safetensors")
    fails("config 'architectures' = [\"CLIPVisionModel\"]: only CLIPTextModel and CLIPTextModelWithProjection",
      d.core.clip_load, text:gsub('"CLIPTextModel"', '"CLIPVisionModel"'), w)
    fails("config 'hidden_act' = \"relu\": only quick_gelu and gelu are supported", d.core.clip_load,
      text:gsub('"quick_gelu"', '"relu"'), w)
    fails("weight 'text_projection.weight' (shape {32,32}) is missing", d.core.clip_load,
      text:gsub('"CLIPTextModel"', '"CLIPTextModelWithProjection"'), w)
    fails("weight 'text_model.encoder.layers.0.mlp.fc1.weight' has shape {64,32}, the config implies {48,32}",
      d.core.clip_load, text:gsub('"intermediate_size": 64', '"intermediate_size": 48'), w)
  end)
end)

describe("F16 and BF16 copies of the weights", function()
  -- diffusers' float32 forward on the weights rounded to each precision (bench/peers/record_sd_rounded.py;
  -- the text encoder's through a plain torch CLIP tower checked there against transformers) is what a model
  -- loaded from such a file must compute: the rounding of the weights alone
  local SD = "spec/fixtures/diffusers/sd/"
  local rounded = d.load_safetensors(SD .. "sd1/rounded_io.safetensors")
  local function copy(dir, dtype, stem)
    local tmp = S.tmpname("")
    os.execute("mkdir -p " .. tmp .. " && cp " .. dir .. "/config.json " .. tmp)
    local w = d.load_safetensors(dir .. "/" .. stem .. ".safetensors")
    d.save_safetensors(tmp .. "/" .. stem .. ".fp16.safetensors", w, nil, { dtype = dtype })
    local model = d.load(tmp, { variant = "fp16" })
    os.execute("rm -rf " .. tmp)
    return model
  end
  local io_u = d.load_safetensors(SD .. "sd1/unet_io.safetensors")
  local io_v = d.load_safetensors(SD .. "sd1/vae_io.safetensors")
  local io_t = d.load_safetensors(SD .. "taesd_io.safetensors")
  local io_d = d.load_safetensors(SD .. "dit/transformer_io.safetensors")
  local io_c = d.load_safetensors(SD .. "sd1/text_encoder_io.safetensors")
  local cases = {
    { "unet", SD .. "sd1/unet", "diffusion_pytorch_model", function(m)
      return m(io_u.sample, io_u.timestep_float, { encoder_hidden_states = io_u.encoder_hidden_states })
    end, io_u.output_float },
    { "vae_decode", SD .. "sd1/vae", "diffusion_pytorch_model", function(m) return m:decode(io_v.latent) end,
      io_v.decoded },
    { "taesd_decode", SD .. "taesd", "diffusion_pytorch_model", function(m) return m:decode(io_t.latent) end,
      io_t.decoded },
    { "dit", SD .. "dit/transformer", "diffusion_pytorch_model", function(m)
      return m(io_d.sample, io_d.timestep, { class_labels = io_d.class_labels })
    end, io_d.output },
    { "text_encoder", SD .. "sd1/text_encoder", "model", function(m) return m(io_c.input_ids).last_hidden_state end,
      io_c.last_hidden_state },
  }
  for _, dtype in ipairs { { "F16", "f16" }, { "BF16", "bf16" } } do
    it(dtype[1] .. ": UNet, VAE, TAESD, DiT and text encoder match diffusers on the rounded weights", function()
      for _, c in ipairs(cases) do
        local out = c[4](copy(c[2], dtype[1], c[3]))
        local e = rel_err(out, rounded[c[1] .. "_" .. dtype[2]])
        assert.is_true(e < 1e-4, string.format("%s: %.3g", c[1], e))
        -- and the rounding is what moved it from the float32 weights' output
        assert.is_true(rel_err(out, c[5]) > 3 * e, c[1])
      end
    end)

    it(dtype[1] .. ": kept in 16 bits (dtype = '" .. dtype[2] .. "'), the same bits as widened on loading", function()
      -- from the float32 file (rounded while loading) and from the 16-bit one (mapped as it is)
      for _, c in ipairs(cases) do
        local widened = c[4](copy(c[2], dtype[1], c[3]))
        local kept = d.load(c[2], { dtype = dtype[2] })
        for name, w in pairs(kept:weights()) do
          assert.equal(dtype[2] == "f16" and "float16" or "bfloat16", w:dtype(), name)
        end
        assert.equal(0, (c[4](kept) - widened):abs():max(), c[1])
        local tmp = S.tmpname("")
        os.execute("mkdir -p " .. tmp .. " && cp " .. c[2] .. "/config.json " .. tmp)
        d.save_safetensors(tmp .. "/" .. c[3] .. ".safetensors", d.load_safetensors(c[2] .. "/" .. c[3]
          .. ".safetensors"), nil, { dtype = dtype[1] })
        local mapped = d.load(tmp, { dtype = dtype[2] })
        os.execute("rm -rf " .. tmp)
        assert.equal(0, (c[4](mapped) - widened):abs():max(), c[1])
      end
    end)
  end

  -- bf16 products (diffusion.matmul_precision): the activations rounded too, so no longer the
  -- float32 arithmetic of the rounded weights. Bounds set from what it measured here: the
  -- products move each tiny model by 0.1-0.7% of its output's range, as much as rounding its
  -- weights did (0.2-1.3% from diffusers' float32 output)
  local bf16_products = pcall(d.matmul_precision, "bf16")
  d.matmul_precision("float32")
  if bf16_products then
    it("bf16 products: each model within 1% of its float32 arithmetic, 2% of diffusers' float32 output", function()
      for _, c in ipairs(cases) do
        local kept = d.load(c[2], { dtype = "bf16" })
        local exact = c[4](kept)
        d.matmul_precision("bf16")
        local ok, out = pcall(c[4], kept)
        d.matmul_precision("float32")
        assert(ok, out)
        local e = rel_err(out, exact)
        assert.is_true(e < 1e-2 and e > 1e-4, string.format("%s: %.3g", c[1], e))
        e = rel_err(out, c[5])
        assert.is_true(e < 2e-2, string.format("%s against diffusers: %.3g", c[1], e))
      end
    end)
  end

  it("16-bit weights: a clear error where float32 is needed, t:float() and t:to() convert", function()
    local unet = d.load(SD .. "sd1/unet", { dtype = "f16" })
    local w = unet:weights()["conv_in.weight"]
    fails("a float16 tensor: weights kept in 16 bits are read by models only (t:float() makes a float32 copy)",
      function() return w + 1 end)
    fails("a float16 tensor", function() return w:sum() end)
    local f32 = d.load(SD .. "sd1/unet"):weights()["conv_in.weight"]
    assert.equal(0, (w:float() - f32:to("f16"):float()):abs():max())
    assert.is_true((w:float() - f32):abs():max() > 0) -- rounded
    assert.equal("bfloat16", w:to("bfloat16"):dtype())
    fails("invalid option 'f8'", w.to, w, "f8")
    assert.same(f32:shape(), w:reshape(-1):view(w:shape()):shape())
    assert.equal("float16", w:narrow(1, 1, 2):dtype()) -- a view
    fails("a float16 tensor", function() return w:narrow(2, 1, 1) end) -- a copy
    -- traced and differentiated as the float32 model on the rounded weights, bit for bit
    local unet32 = d.load(SD .. "sd1/unet")
    for _, v in pairs(unet32:weights()) do v:copy_(v:to("f16"):float()) end
    local cond = { encoder_hidden_states = io_u.encoder_hidden_states }
    local r = d.rng(2):randn(io_u.sample:shape())
    local out16, pass16 = unet:trace(io_u.sample, io_u.timestep_float, cond)
    local out32, pass32 = unet32:trace(io_u.sample, io_u.timestep_float, cond)
    assert.equal(0, (out16 - out32):abs():max())
    local g16, gx16 = pass16:backward(r)
    local g32, gx32 = pass32:backward(r)
    assert.equal(0, (gx16 - gx32):abs():max())
    assert.equal(0, (g16["conv_in.weight"] - g32["conv_in.weight"]):abs():max())
    assert.equal(0, (g16["mid_block.attentions.0.proj_in.weight"] - g32["mid_block.attentions.0.proj_in.weight"])
      :abs():max())
    -- beside a float32 file, dtype = "f16" reads the float16 variant (here negated, to tell them apart)
    local tmp = S.tmpname("")
    local file = SD .. "sd1/unet/diffusion_pytorch_model.safetensors"
    os.execute("mkdir -p " .. tmp .. " && cp " .. SD .. "sd1/unet/config.json " .. file .. " " .. tmp)
    local negated = {}
    for k, v in pairs(d.load_safetensors(file)) do negated[k] = -v end
    d.save_safetensors(tmp .. "/diffusion_pytorch_model.fp16.safetensors", negated, nil, { dtype = "F16" })
    assert.equal(0, (d.load(tmp, { dtype = "f16" }):weights()["conv_in.weight"]:float() + w:float()):abs():max())
    assert.equal(0, (d.load(tmp):weights()["conv_in.weight"] - f32):abs():max())
    assert.equal(0, (d.load(tmp, { dtype = "bf16" }):weights()["conv_in.weight"]:float()
      - f32:to("bf16"):float()):abs():max()) -- bfloat16 from the float32 file
    os.execute("rm -rf " .. tmp)
    fails("the model's weights are float16 (weight '", d.train, { model = unet })
    fails("load it with dtype = \"f32\" to train it", d.train, { model = unet })
    fails("load: dtype 'f8' is not f32, f16 or bf16", d.load, SD .. "sd1/unet", { dtype = "f8" })
    fails("load_safetensors: dtype 'int8' is not F32, F16 or BF16", d.load_safetensors,
      SD .. "sd1/unet/diffusion_pytorch_model.safetensors", { dtype = "int8" })
    fails("encoder_hidden_states: a float16 tensor", unet, io_u.sample, io_u.timestep_float,
      { encoder_hidden_states = io_u.encoder_hidden_states:to("f16") })
  end)
end)

describe("AutoencoderKL parity with diffusers", function()
  local dir = "spec/fixtures/diffusers/sd/sd1/vae"
  local io_t = d.load_safetensors("spec/fixtures/diffusers/sd/sd1/vae_io.safetensors")

  it("encodes to the posterior's mean and std and decodes, at batch 1 and 2, to 1e-4", function()
    local vae = d.load(dir)
    assert.equal(0.18215, vae.config.scaling_factor)
    local mean, std = vae:encode(io_t.image)
    assert.is_true(rel_err(mean, io_t.latent_mean) < 1e-4, "mean")
    assert.is_true(rel_err(std, io_t.latent_std) < 1e-4, "std")
    assert.is_true(rel_err(vae:decode(io_t.latent), io_t.decoded) < 1e-4, "decode")
    -- a sample's result does not depend on its batch
    local two = vae:decode(d.cat({ io_t.latent, io_t.latent }, 1))
    assert.equal(0, (two:narrow(1, 2, 1) - vae:decode(io_t.latent)):abs():max())
    local m2 = vae:encode(d.cat({ io_t.image, io_t.image }, 1))
    assert.equal(0, (m2:narrow(1, 1, 1) - mean):abs():max())
  end)

  it("tiled decoding and encoding as diffusers' enable_tiling (bench/peers/record_vae_tiled.py)", function()
    local vae = d.load(dir)
    local t = d.load_safetensors("spec/fixtures/diffusers/sd/sd1/vae_tiled_io.safetensors")
    local out = vae:decode_tiled(t.latent) -- 24 x 24 latents: four 16 x 16 tiles
    assert.is_true(rel_err(out, t.decoded) < 1e-4, string.format("decode %.3g", rel_err(out, t.decoded)))
    assert.is_true(rel_err(vae:decode(t.latent), t.decoded) > 0.1) -- the tiles do change the result
    local mean, std = vae:encode_tiled(t.image)
    assert.is_true(rel_err(mean, t.mean) < 1e-4 and rel_err(std, t.std) < 1e-4, "encode")
    -- one tile or less: the plain forward
    assert.equal(0, (vae:decode_tiled(io_t.latent) - vae:decode(io_t.latent)):abs():max())
    -- the posterior's sample: mean + std * noise, the noise given or drawn
    local noise = d.rng(4):randn(mean:shape())
    assert.equal(0, (vae:sample(mean, std, noise) - (mean + std * noise)):abs():max())
    assert.equal(0, (vae:sample(mean, std, d.rng(4)) - (mean + std * noise)):abs():max())
    fails("sample: noise must be a tensor or a diffusion.rng", vae.sample, vae, mean, std, 3)
  end)

  it("names bad inputs and configs", function()
    local vae = d.load(dir)
    fails("encode: images {1,4,64,64}: expected N x 3 x H x W", vae.encode, vae, d.zeros { 1, 4, 64, 64 })
    fails("encode: images {1,3,62,64}: H and W must be multiples of 4", vae.encode, vae, d.zeros { 1, 3, 62, 64 })
    fails("decode: latents {1,3,16,16}: expected N x 4 x H x W", vae.decode, vae, d.zeros { 1, 3, 16, 16 })
    fails("model: an AutoencoderKL is not called: use vae:encode(images) or vae:decode(latents)", vae,
      d.zeros { 1, 4, 16, 16 }, 1)
    local unet = d.load(UNET .. "tiny")
    fails("decode: the model is not an AutoencoderKL", unet.decode, unet, d.zeros { 1, 4, 16, 16 })
    local text = S.read_bytes(dir .. "/config.json")
    local w = d.load_safetensors(dir .. "/diffusion_pytorch_model.safetensors")
    fails("config key 'bogus' is not supported", d.core.vae_load, text:gsub("{", '{"bogus": 1,', 1), w)
    fails("config 'latents_mean' = [0,0,0,0]: not supported yet", d.core.vae_load,
      text:gsub('"latents_mean": null', '"latents_mean": [0, 0, 0, 0]'), w)
    fails("config 'down_block_types' = [\"DownBlock2D\"", d.core.vae_load,
      text:gsub('"DownEncoderBlock2D"', '"DownBlock2D"', 1), w)
    fails("weight 'encoder.mid_block.attentions.0.to_q.weight' (shape {32,32}) is missing", d.core.vae_load,
      text, (function()
        local copy = {}
        for k, v in pairs(w) do copy[k] = v end
        copy["encoder.mid_block.attentions.0.to_q.weight"] = nil
        return copy
      end)())
    fails("is not part of this config", d.core.vae_load, text:gsub('"mid_block_add_attention": true',
      '"mid_block_add_attention": false'), w)
  end)
end)

describe("AutoencoderTiny (TAESD) parity with diffusers", function()
  it("encodes to the latents and decodes, to 1e-4; names a config it cannot build", function()
    local dir = "spec/fixtures/diffusers/sd/taesd"
    local io_t = d.load_safetensors("spec/fixtures/diffusers/sd/taesd_io.safetensors")
    local vae = d.load(dir)
    local latents, none = vae:encode(io_t.image)
    assert.is_nil(none)
    assert.is_true(rel_err(latents, io_t.latents) < 1e-4, "encode")
    assert.is_true(rel_err(vae:decode(io_t.latent), io_t.decoded) < 1e-4, "decode")
    fails("encode: images {1,3,60,64}: H and W must be multiples of 8", vae.encode, vae, d.zeros { 1, 3, 60, 64 })
    local text = S.read_bytes(dir .. "/config.json")
    local w = d.load_safetensors(dir .. "/diffusion_pytorch_model.safetensors")
    fails("config 'upsample_fn' = \"bilinear\": only nearest is supported", d.core.vae_load,
      text:gsub('"nearest"', '"bilinear"'), w)
    fails("config: 4 encoder and 4 decoder block counts for 3 and 4 block widths", d.core.vae_load,
      text:gsub('"encoder_block_out_channels": %b[]', '"encoder_block_out_channels": [16, 16, 16]'), w)
    fails("weight 'decoder.layers.0.weight' has shape {16,4,3,3}, the config implies {32,4,3,3}",
      d.core.vae_load,
      text:gsub('"decoder_block_out_channels": %b[]', '"decoder_block_out_channels": [32, 16, 16, 16]'), w)
  end)
end)

describe("DiTTransformer2DModel parity with diffusers", function()
  it("patches, adaLN-Zero blocks, the modulated output and unpatchify: to 1e-4, the null class included", function()
    local dir = "spec/fixtures/diffusers/sd/dit/transformer"
    local io_t = d.load_safetensors("spec/fixtures/diffusers/sd/dit/transformer_io.safetensors")
    local m = d.load(dir)
    local out = m(io_t.sample, io_t.timestep, { class_labels = io_t.class_labels }) -- labels 1, 7 and 10 (null)
    assert.is_true(rel_err(out, io_t.output) < 1e-4, string.format("%.3g", rel_err(out, io_t.output)))
    local one = m(io_t.sample:narrow(1, 2, 1), io_t.timestep:narrow(1, 2, 1), { class_labels = d.tensor { 7 } })
    assert.equal(0, (one - out:narrow(1, 2, 1)):abs():max())
    fails("model: class label 11 is not an integer in 0..10", m, io_t.sample:narrow(1, 1, 1), 5,
      { class_labels = d.tensor { 11 } })
    fails("model: the model is class-conditional: class_labels are needed", m, io_t.sample, 5)
    fails("model: a DiT takes class_labels, no text or added conditioning", m, io_t.sample, 5,
      { class_labels = io_t.class_labels, encoder_hidden_states = d.zeros { 3, 77, 32 } })
    fails("model: input {1,4,7,8}: H and W must be multiples of 2", m, d.zeros { 1, 4, 7, 8 }, 5,
      { class_labels = d.tensor { 1 } })
    local text = S.read_bytes(dir .. "/config.json")
    local w = d.load_safetensors(dir .. "/diffusion_pytorch_model.safetensors")
    fails("config 'norm_type' = \"ada_norm_single\": only ada_norm_zero is supported", d.core.dit_load,
      text:gsub('"ada_norm_zero"', '"ada_norm_single"'), w)
    fails("weight 'transformer_blocks.0.norm1.emb.class_embedder.embedding_table.weight' has shape {11,32}, "
      .. "the config implies {13,32}", d.core.dit_load,
      text:gsub('"num_embeds_ada_norm": 10', '"num_embeds_ada_norm": 12'), w)
  end)
end)

describe("UNet2DModel parity with diffusers", function()
  -- mixed_resnet: DownBlock2D/AttnDownBlock2D (and up) with downsample_type = upsample_type = "resnet",
  -- which diffusers gives only to the attention blocks (bench/peers/record_unet_mixed_resnet.py)
  for _, name in ipairs { "tiny", "ddpm_cifar10_layout", "class_cond", "mixed_resnet" } do
    for _, which in ipairs { "int", "float" } do
      it(name .. " with " .. which .. " timesteps matches to 1e-4", function()
        local m = d.load(UNET .. name)
        local io_t = d.load_safetensors(UNET .. name .. "/io.safetensors")
        local cond = io_t.class_labels and { class_labels = io_t.class_labels } or nil
        local out = m(io_t.sample, io_t["timestep_" .. which], cond)
        local e = rel_err(out, io_t["output_" .. which])
        assert.is_true(e < 1e-4, string.format("max relative error %.3g", e))
      end)
    end
  end
end)

describe("diffusion.load", function()
  it("exposes the config and counts parameters", function()
    local m = d.load(UNET .. "tiny/")
    assert.equal(8, m.config.sample_size)
    assert.same({ 16, 32 }, m.config.block_out_channels)
    local total = 0
    for _, t in pairs(m:weights()) do total = total + t:numel() end
    assert.equal(total, m:parameters())
    assert.truthy(tostring(m):find("UNet2DModel"))
  end)

  it("loads a pipeline folder with its scheduler", function()
    local dir = S.tmpname("_pipe")
    os.execute("mkdir -p " .. dir .. "/unet " .. dir .. "/scheduler")
    os.execute("cp " .. UNET .. "tiny/config.json " .. UNET .. "tiny/diffusion_pytorch_model.safetensors " .. dir ..
      "/unet/")
    local f = assert(io.open(dir .. "/model_index.json", "w"))
    f:write('{"_class_name": "DDPMPipeline", "unet": ["diffusers", "UNet2DModel"]}')
    f:close()
    f = assert(io.open(dir .. "/scheduler/scheduler_config.json", "w"))
    f:write('{"_class_name": "DDPMScheduler", "beta_schedule": "linear", "num_train_timesteps": 1000, ' ..
      '"prediction_type": "epsilon", "timestep_spacing": "leading", "steps_offset": 0}')
    f:close()
    local m = d.load(dir)
    assert.equal("DDPMScheduler", m.scheduler_config._class_name)
    assert.equal("vp", m.schedule:info().kind)
    assert.equal("leading", m.plan_options.spacing)
    local io_t = d.load_safetensors(UNET .. "tiny/io.safetensors")
    assert.is_true(rel_err(m(io_t.sample, io_t.timestep_int), io_t.output_int) < 1e-4)
    os.execute("rm -rf " .. dir)
  end)

  it("reads the fp16 variant", function()
    local m16 = d.load("spec/fixtures/models/tiny_fp16", { variant = "fp16" })
    local m16b = d.load("spec/fixtures/models/tiny_fp16") -- found without asking too
    local io_t = d.load_safetensors(UNET .. "tiny/io.safetensors")
    local o = m16(io_t.sample, io_t.timestep_int)
    assert.same(o:totable(), m16b(io_t.sample, io_t.timestep_int):totable())
    -- half-precision weights: close to the float32 reference, not equal
    local e = rel_err(o, io_t.output_int)
    assert.is_true(e > 1e-6 and e < 1e-2, "relative error " .. e)
  end)

  it("gives each sample the same output whatever the batch and thread count", function()
    local m = d.load(UNET .. "class_cond")
    local io_t = d.load_safetensors(UNET .. "class_cond/io.safetensors")
    local both = m(io_t.sample, io_t.timestep_int, { class_labels = io_t.class_labels })
    local one = m(io_t.sample:narrow(1, 2, 1), io_t.timestep_int:narrow(1, 2, 1),
      { class_labels = io_t.class_labels:narrow(1, 2, 1) })
    assert.same(one:totable()[1], both:select(1, 2):totable())
    local before = d.threads()
    d.threads(1)
    local single = m(io_t.sample, io_t.timestep_int, { class_labels = io_t.class_labels })
    d.threads(before)
    assert.same(both:totable(), single:totable())
  end)

  it("reuses its buffers and reports its memory", function()
    local m = d.load(UNET .. "ddpm_cifar10_layout")
    local x = d.rng(1):randn { 2, 3, 16, 16 }
    m(x, 10)
    local mem = m:memory()
    assert.is_true(mem.scratch > 0 and mem.peak_activations > 0 and mem.pooled > 0)
    local pooled = mem.pooled
    m(x, 20)
    assert.equal(pooled, m:memory().pooled) -- the same blocks came back
  end)

  it("takes t as a number or a tensor, any batch size", function()
    local m = d.load(UNET .. "tiny")
    local x = d.rng(2):randn { 3, 3, 8, 8 }
    local a = m(x, 500)
    local b = m(x, d.full({ 3 }, 500))
    assert.same(a:totable(), b:totable())
    assert.same({ 3, 3, 8, 8 }, a:shape())
    assert.same({ 1, 3, 16, 16 }, m(d.rng(3):randn { 1, 3, 16, 16 }, 1.5):shape())
  end)
end)

describe("model errors name the problem", function()
  local dir = UNET .. "tiny"
  local config = S.read_bytes(dir .. "/config.json")

  local function weights() return d.load_safetensors(dir .. "/diffusion_pytorch_model.safetensors") end

  it("missing, misshapen and extra weights", function()
    local w = weights()
    w["conv_in.weight"] = nil
    fails("weight 'conv_in.weight' (shape {16,3,3,3}) is missing", d.core.unet_load, config, w)
    w = weights()
    w["mid_block.attentions.0.to_q.weight"] = d.zeros { 32, 16 }
    fails("weight 'mid_block.attentions.0.to_q.weight' has shape {32,16}, the config implies {32,32}",
      d.core.unet_load, config, w)
    w = weights()
    w["extra.bias"] = d.zeros { 4 }
    fails("weight 'extra.bias' (shape {4}) is not part of this config", d.core.unet_load, config, w)
  end)

  it("unsupported or malformed configs", function()
    local w = weights()
    fails("config key 'bogus' is not supported", d.core.unet_load, config:gsub("{", '{"bogus": 1,', 1), w)
    fails("block type 'CrossAttnDownBlock2D' is not supported",
      d.core.unet_load, config:gsub('"AttnDownBlock2D"', '"CrossAttnDownBlock2D"'), w)
    fails("config 'act_fn': 'relu' is not supported", d.core.unet_load, config:gsub('"silu"', '"relu"'), w)
    -- a value of the wrong kind is quoted as the file spells it
    fails("config 'norm_num_groups' = 3.5: the wrong type or out of range",
      d.core.unet_load, config:gsub('"norm_num_groups": %d+', '"norm_num_groups": 3.5'), w)
    fails("config 'block_out_channels' = \"abc\": must list 1 to 8 channel counts",
      d.core.unet_load, config:gsub('"block_out_channels": %b[]', '"block_out_channels": "abc"'), w)
    fails("config is for 'UNet1DModel', not UNet2DModel or UNet2DConditionModel",
      d.core.unet_load, config:gsub('"UNet2DModel"', '"UNet1DModel"'), w)
    -- the class decides the keys: UNet2DConditionModel's constructor takes no add_attention
    fails("config key 'add_attention' is not supported",
      d.core.unet_load, config:gsub('"UNet2DModel"', '"UNet2DConditionModel"'), w)
    fails("config is not valid JSON", d.core.unet_load, "{", w)
    fails("load: no config.json in 'spec'", d.load, "spec")
    -- through d.load, the one parse (in C) names the file
    local tmp = S.tmpname("")
    os.execute("mkdir -p " .. tmp .. " && cp " .. dir .. "/diffusion_pytorch_model.safetensors " .. tmp)
    io.open(tmp .. "/config.json", "w"):write("{"):close()
    fails("load: '" .. tmp .. "/config.json': config is not valid JSON", d.load, tmp)
    io.open(tmp .. "/config.json", "w"):write((config:gsub('"UNet2DModel"', '"UNet1DModel"'))):close()
    fails("load: '" .. tmp .. "/config.json': config is for 'UNet1DModel', not UNet2DModel or UNet2DConditionModel",
      d.load, tmp)
    os.execute("rm -rf " .. tmp)
    fails("load: unknown option 'precision'", d.load, dir, { precision = "f16" })
  end)

  it("bad inputs to the forward pass", function()
    local m = d.load(dir)
    fails("input {1,1,8,8}: expected N x 3 x H x W", m, d.zeros { 1, 1, 8, 8 }, 10)
    fails("H and W must be multiples of 2", m, d.zeros { 1, 3, 7, 8 }, 10)
    fails("model: t must be a number or a tensor of 2 timesteps", m, d.zeros { 2, 3, 8, 8 }, d.zeros { 3 })
    fails("is not usable", m, d.zeros { 1, 3, 8, 8 }, 0 / 0)
    fails("class_labels given, but the model has no class embedding", m, d.zeros { 1, 3, 8, 8 }, 1,
      { class_labels = d.tensor { 1 } })
    local cc = d.load(UNET .. "class_cond")
    fails("class_labels are needed", cc, d.zeros { 1, 1, 16, 16 }, 1)
    fails("class label 11 is not an integer in 0..10", cc, d.zeros { 1, 1, 16, 16 }, 1,
      { class_labels = d.tensor { 11 } })
  end)

  it("an empty batch gives an empty batch; 1 x 1 images run where the levels allow", function()
    local m = d.load(UNET .. "tiny")
    assert.same({ 0, 3, 8, 8 }, m(d.zeros { 0, 3, 8, 8 }, 10):shape())
    assert.same({ 0, 3, 8, 8 }, m(d.zeros { 0, 3, 8, 8 }, d.zeros { 0 }):shape())
    fails("H and W must be multiples of 2", m, d.zeros { 1, 3, 1, 1 }, 10)
    fails("model: input must be an N x C x H x W tensor", m, d.zeros { 3, 8, 8 }, 10)
    -- one level: a 1 x 1 image is a valid input; each sample matches its own batch-of-one run
    local one = d.unet({ block_out_channels = { 8 }, down_block_types = { "DownBlock2D" },
      up_block_types = { "UpBlock2D" }, norm_num_groups = 4, in_channels = 1, out_channels = 1,
      layers_per_block = 1, sample_size = 1 }, { seed = 1 })
    local x = d.rng(3):randn { 2, 1, 1, 1 }
    local out = one(x, 10)
    assert.same({ 2, 1, 1, 1 }, out:shape())
    assert.is_true(out:all_finite())
    assert.equal(out:get(2, 1, 1, 1), one(x:narrow(1, 2, 1), 10):item())
    -- and a sampler carries an empty batch through untouched
    local D = d.denoiser(m, d.schedule.linear {})
    assert.same({ 0, 3, 8, 8 }, d.samplers.ddim(D, d.zeros { 0, 3, 8, 8 }, d.schedule.linear {}:plan(3)):shape())
  end)

  it("check_finite names a weight with NaN", function()
    local tmp = S.tmpname("_nan")
    os.execute("mkdir -p " .. tmp)
    local w = weights()
    w["conv_out.bias"]:set(1, 0 / 0)
    d.save_safetensors(tmp .. "/diffusion_pytorch_model.safetensors", w)
    os.execute("cp " .. dir .. "/config.json " .. tmp .. "/")
    fails("weight 'conv_out.bias'", d.load, tmp, { check_finite = true })
    os.execute("rm -rf " .. tmp)
  end)
end)

describe("examples/sample_diffusers.lua", function()
  it("samples a model folder into a PNG grid", function()
    local out = S.tmpname(".png")
    local p = io.popen("lua5.4 examples/sample_diffusers.lua " .. UNET .. "class_cond " .. out .. " 5 4 2>&1")
    local log = p:read("a")
    p:close()
    assert.truthy(log:find("wrote", 1, true), log)
    assert.same({ 1, 2 * 18 + 2, 2 * 18 + 2 }, d.image.load(out):shape())
    os.remove(out)
  end)
end)

describe("diffusion.unet and model:save", function()
  local cfg = {
    block_out_channels = { 16, 32 }, down_block_types = { "DownBlock2D", "AttnDownBlock2D" },
    up_block_types = { "AttnUpBlock2D", "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 8,
    in_channels = 1, out_channels = 1, sample_size = 8, attention_head_dim = d.null, num_class_embeds = 11,
  }

  it("creates a model with PyTorch's default initialisation, reproducibly", function()
    local m = d.unet(cfg, { seed = 5 })
    local w = m:weights()
    local conv = w["down_blocks.0.resnets.0.conv1.weight"] -- fan_in 16 * 9
    local bound = 1 / math.sqrt(16 * 9)
    assert.is_true(conv:max() <= bound and conv:min() >= -bound)
    assert.near(bound ^ 2 / 3, conv:var(), bound ^ 2 / 3 * 0.1) -- uniform variance
    assert.equal(1, w["conv_norm_out.weight"]:min())
    assert.equal(0, w["conv_norm_out.bias"]:abs():max())
    assert.near(1, w["class_embedding.weight"]:std(), 0.05)
    local again = d.unet(cfg, { seed = 5 })
    assert.same(conv:totable(), again:weights()["down_blocks.0.resnets.0.conv1.weight"]:totable())
    assert.has_error(function() d.unet { block_out_channels = { 12 }, down_block_types = { "DownBlock2D" },
      up_block_types = { "UpBlock2D" }, norm_num_groups = 8 } end)
  end)

  it("saves diffusers-format folders that load back to the same function", function()
    local m = d.unet(cfg, { seed = 1 })
    local dir = S.tmpname("_saved")
    m:save(dir)
    local config = d.core.json_decode(S.read_bytes(dir .. "/config.json"))
    assert.same({ 16, 32 }, config.block_out_channels)
    assert.truthy(S.read_bytes(dir .. "/config.json"):find('"attention_head_dim":%s*null'))
    local back = d.load(dir)
    local x = d.rng(9):randn { 2, 1, 8, 8 }
    local cond = { class_labels = d.tensor { 3, 10 } }
    assert.same(m(x, 250, cond):totable(), back(x, 250, cond):totable())
    os.execute("rm -rf " .. dir)
  end)

  it("computes the same function with and without Winograd convolutions", function()
    local wide = d.unet({ block_out_channels = { 96, 128 }, down_block_types = { "DownBlock2D", "DownBlock2D" },
      up_block_types = { "UpBlock2D", "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 32,
      in_channels = 3, out_channels = 3, sample_size = 16 }, { seed = 2 })
    local x = d.rng(4):randn { 2, 3, 16, 16 }
    local with = wide(x, 100)
    wide:winograd(false)
    local without = wide(x, 100)
    local e = rel_err(with, without)
    assert.is_true(e > 0 and e < 1e-5, "relative difference " .. e) -- different rounding, same function
    -- weights edited in place: winograd() drops the cached transforms
    wide:winograd(64)
    wide(x, 100)
    local w = wide:weights()["down_blocks.1.resnets.0.conv2.weight"]
    w:mul_(-1)
    wide:winograd(64)
    local edited = wide(x, 100)
    wide:winograd(false)
    local e2 = rel_err(edited, wide(x, 100))
    assert.is_true(e2 < 1e-5 and rel_err(edited, with) > 1e-3, "relative difference " .. e2)
  end)

  it("keeps Winograd transforms within the cache budget, the outputs the same whatever the budget", function()
    local wide = d.unet({ block_out_channels = { 32, 48 }, down_block_types = { "DownBlock2D", "DownBlock2D" },
      up_block_types = { "UpBlock2D", "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 16,
      in_channels = 3, out_channels = 3, sample_size = 16 }, { seed = 3 })
    local x = d.rng(5):randn { 2, 3, 16, 16 }
    local s = wide:winograd()
    assert.same({ min_pixels = 16, cache = false, cached = 0 }, s)
    local want = wide(x, 100):totable()
    local all = wide:winograd().cached
    -- 48 x 48 3x3 kernels at 8x8 (F(2x2): 16 products of 48 rounded up to 6-row panels)
    assert.is_true(all >= 16 * 48 * 48 * 4, "cached " .. all)
    for _, budget in ipairs { 0, all // 2, all } do
      assert.same({ min_pixels = 16, cache = budget, cached = 0 }, wide:winograd { cache = budget })
      assert.same(want, wide(x, 100):totable(), "budget " .. budget)
      local held = wide:winograd().cached
      assert.is_true(held <= budget and (budget == 0 or held > 0), budget .. ": " .. held)
      assert.same(want, wide(x, 100):totable(), "budget " .. budget .. ", second pass")
    end
    -- a convolution whose transforms exceed 32 MB makes and uses them a piece of output channels at
    -- a time: 520 -> 520 channels at 16 x 16 (F(4x4)) hold 39 MB of them, pieces of 444 and 76
    -- channels; batch 2 (a sample per thread) and 1 (the threads splitting it)
    local big = d.unet({ block_out_channels = { 520 }, down_block_types = { "DownBlock2D" },
      up_block_types = { "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 4, in_channels = 1,
      out_channels = 1, sample_size = 16, add_attention = false }, { seed = 4 })
    for _, n in ipairs { 2, 1 } do
      local xb = d.rng(6):randn { n, 1, 16, 16 }
      big:winograd { cache = true }
      local cached = big(xb, 10)
      assert.is_true(big:winograd().cached > 39e6, "cached " .. big:winograd().cached)
      big:winograd { cache = 0 }
      assert.same(cached:totable(), big(xb, 10):totable(), "batch " .. n)
      big:winograd(false)
      assert.is_true((big(xb, 10) - cached):abs():max() > 0, "Winograd in use")
      big:winograd(true)
    end
    -- kept in float16, the pieces widen their kernels piece by piece: the float32 model's output
    -- on the rounded weights, bit for bit, with the transforms cached and made per call
    local dir = S.tmpname("")
    big:save(dir)
    local half = d.load(dir, { dtype = "f16" })
    os.execute("rm -rf " .. dir)
    for _, w in pairs(big:weights()) do w:copy_(w:to("f16"):float()) end
    for _, n in ipairs { 2, 1 } do
      local xb = d.rng(6):randn { n, 1, 16, 16 }
      big:winograd { cache = 0 }
      local rounded = big(xb, 10)
      for _, cache in ipairs { 0, true } do
        half:winograd { cache = cache }
        assert.equal(0, (half(xb, 10) - rounded):abs():max(), "batch " .. n .. ", cache " .. tostring(cache))
      end
    end
    -- without a cache every call transforms the weights as they are now
    wide:winograd { cache = 0 }
    local w = wide:weights()["down_blocks.1.resnets.0.conv2.weight"]
    w:mul_(-1)
    local edited = wide(x, 100)
    w:mul_(-1)
    assert.is_true(rel_err(edited, d.tensor(want)) > 1e-3)
    assert.same(want, wide(x, 100):totable())
    -- the threshold kept when only the budget changes, and back to no limit
    wide:winograd(64)
    assert.same({ min_pixels = 64, cache = 0, cached = 0 }, wide:winograd { cache = 0 })
    assert.same({ min_pixels = 16, cache = false, cached = 0 }, wide:winograd { min_pixels = 16, cache = true })
    for _, bad in ipairs {
      { { cache = -1 }, "winograd: cache must be >= 0, got -1" },
      { { cache = 1.5 }, "winograd: cache must be an integer, got number" },
      { { cache = "1G" }, "winograd: cache must be an integer, got string" },
      { { budget = 1 }, "winograd: unknown option 'budget' (min_pixels, cache)" },
      { { min_pixels = -2 }, "winograd: min_pixels must be >= 0, got -2" },
      { "on", "winograd: min_pixels must be an integer, got string" },
    } do
      local ok, err = pcall(wide.winograd, wide, bad[1])
      assert.is_false(ok)
      assert.truthy(tostring(err):find(bad[2], 1, true), tostring(err))
    end
  end)

  it("gives each sample its batch-of-one output through Winograd convolutions", function()
    local wide = d.unet({ block_out_channels = { 32, 48 }, down_block_types = { "DownBlock2D", "DownBlock2D" },
      up_block_types = { "UpBlock2D", "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 16,
      in_channels = 3, out_channels = 3, sample_size = 16 }, { seed = 2 })
    -- a batch runs whole samples per thread, a single sample splits its
    -- GEMMs and transforms over the threads: the same calls either way;
    -- 14x14 gives 7x7 maps, with partial tiles, on Winograd too (49 pixels)
    for _, size in ipairs { 16, 14 } do
      local x = d.rng(size):randn { 5, 3, size, size }
      local out = wide(x, 100)
      wide:winograd(false)
      assert.is_true((wide(x, 100) - out):abs():max() > 0, "Winograd in use") -- it rounds differently
      wide:winograd(true)
      for i = 1, 5 do
        assert.same(wide(x:narrow(1, i, 1), 100):totable()[1], out:select(1, i):totable(), size .. "x" .. size
          .. " sample " .. i)
      end
    end
  end)

  it("runs a big batch in pieces and gives each sample its batch-of-one output", function()
    local m = d.unet(cfg, { seed = 3 })
    local n = 70 -- over two of the 32-sample chunks the forward pass works in, and a remainder
    local x, t, labels = d.rng(5):randn { n, 1, 8, 8 }, d.rng(6):rand { n } * 999, {}
    for i = 1, n do labels[i] = (i * 7) % 11 end
    local out = m(x, t, { class_labels = d.tensor(labels) })
    local whole = m:flops()
    for _, i in ipairs { 1, 32, 33, 64, 65, 70 } do
      local one = m(x:narrow(1, i, 1), t:narrow(1, i, 1), { class_labels = d.tensor { labels[i] } })
      assert.same(one:totable()[1], out:select(1, i):totable(), "sample " .. i)
    end
    assert.near(n * m:flops(), whole, 1e-6 * whole) -- counted over every piece
    -- a bad label in a later piece (checked as that piece runs) is an error, not a half-written result
    labels[50] = 11
    fails("class label 11 is not an integer in 0..10", m, x, t, { class_labels = d.tensor(labels) })
    t:set(50, math.huge)
    fails("timestep inf is not usable", m, x, t)
  end)

  it("adds the identity class embedding's rows to the time embedding", function()
    local base = { block_out_channels = { 8, 16 }, down_block_types = { "DownBlock2D", "DownBlock2D" },
      up_block_types = { "UpBlock2D", "UpBlock2D" }, layers_per_block = 1, norm_num_groups = 4,
      in_channels = 1, out_channels = 1, sample_size = 8 }
    local plain = d.unet(base, { seed = 7 })
    local cond_cfg = {}
    for k, v in pairs(base) do cond_cfg[k] = v end
    cond_cfg.class_embed_type = "identity"
    local ident = d.unet(cond_cfg, { seed = 7 }) -- no weights of its own: the same draws
    local x = d.rng(8):randn { 3, 1, 8, 8 }
    -- rows of zeros add nothing: the unconditional model's output
    assert.same(plain(x, 40):totable(), ident(x, 40, { class_labels = d.zeros { 3, 32 } }):totable())
    local rows = d.rng(9):randn { 3, 32 }
    local out = ident(x, 40, { class_labels = rows })
    assert.is_true((out - plain(x, 40)):abs():max() > 1e-3)
    assert.same(out:totable()[2], ident(x:narrow(1, 2, 1), 40, { class_labels = rows:narrow(1, 2, 1) }):totable()[1])
    fails("class_labels {3}: the identity class embedding needs 3 x 32", ident, x, 40,
      { class_labels = d.tensor { 1, 2, 3 } })
    fails("class_labels {3,16}: the identity class embedding needs 3 x 32", ident, x, 40,
      { class_labels = d.zeros { 3, 16 } })
  end)

  it("counts the FLOPs of a forward pass", function()
    local m = d.load(UNET .. "tiny")
    m(d.zeros { 1, 3, 8, 8 }, 1)
    -- conv_in alone: 2 * 16 out * 27 in * 64 positions
    assert.is_true(m:flops() > 2 * 16 * 27 * 64)
  end)
end)

describe("json_decode", function()
  it("keeps integers as integers and any other number as a float, however large", function()
    local v = d.core.json_decode('{"a": 1e27, "b": 3, "c": -0.5, "d": -1e300, "e": [1, null, 2], "f": null}')
    assert.equal("float", math.type(v.a))
    assert.equal(1e27, v.a)
    assert.equal("integer", math.type(v.b))
    assert.equal(-0.5, v.c)
    assert.equal(-1e300, v.d)
    assert.is_nil(v.f)
    assert.equal(2, v.e[3])
    assert.has_error(function() d.core.json_decode("{") end, "json_decode: not valid JSON")
    assert.has_error(function() d.core.json_decode(string.rep("[", 100) .. string.rep("]", 100)) end,
      "json: nesting deeper than 64")
  end)
end)

describe("the model owns its weights", function()
  local io_t = d.load_safetensors(UNET .. "tiny/io.safetensors")
  local function run(m) return m(io_t.sample, io_t.timestep_float) end

  it("keeps working when every tensor handed out is dropped and collected", function()
    local m = d.load(UNET .. "tiny")
    local want = run(m)
    local w = m:weights()
    for name in pairs(w) do w[name] = nil end
    w = nil -- luacheck: ignore 311
    collectgarbage()
    collectgarbage()
    assert.equal(0, (run(m) - want):abs():max())
    local count = 0
    for _ in pairs(m:weights()) do count = count + 1 end
    assert.is_true(count > 10) -- the model still hands out all of them
  end)

  it("keeps working when a weight handed out is freed, and the next weights() has it again", function()
    local m = d.load(UNET .. "tiny")
    local want = run(m)
    for _, t in pairs(m:weights()) do t:free() end
    collectgarbage()
    assert.equal(0, (run(m) - want):abs():max())
    local again = m:weights()["conv_in.weight"]
    assert.same({ 16, 3, 3, 3 }, again:shape())
  end)

  it("ignores a replaced entry: weights() is a fresh table of the model's own", function()
    local m = d.load(UNET .. "tiny")
    local want = run(m)
    local w = m:weights()
    w["conv_in.weight"] = d.zeros { 16, 3, 3, 3 }
    assert.equal(0, (run(m) - want):abs():max())
    assert.is_true(m:weights()["conv_in.weight"]:abs():max() > 0)
  end)

  it("sees weights edited in place, Winograd transforms included, without being told", function()
    local m = d.load(UNET .. "tiny")
    m:winograd(1) -- every 3x3 convolution on Winograd, so its transforms are cached
    local before = run(m)
    local name = "down_blocks.1.resnets.0.conv2.weight"
    m:weights()[name]:mul_(1.5)
    local edited = run(m)
    assert.is_true((edited - before):abs():max() > 1e-3)
    -- the same edit made before loading: the expectation
    local w = d.load_safetensors(UNET .. "tiny/diffusion_pytorch_model.safetensors")
    w[name] = w[name] * 1.5
    local fresh = d.core.unet_load(io.open(UNET .. "tiny/config.json"):read("a"), w)
    fresh:winograd(1)
    assert.is_true((run(fresh) - edited):abs():max() < 1e-6)
    -- and by every in-place writer: copy_, set, lincomb_, an optimizer step
    local t = m:weights()[name]
    for _, edit in ipairs {
      function() t:copy_(t * 0.5) end,
      function() t:set(1, 1, 1, 1, 3.0) end,
      function() t:lincomb_({ 2 }, { t }) end,
      function()
        d.adamw_step_(t, d.ones(t:shape()), d.zeros(t:shape()), d.zeros(t:shape()), { lr = 0.1, step = 1 })
      end,
    } do
      local prev = run(m)
      edit()
      assert.is_true((run(m) - prev):abs():max() > 1e-4)
    end
  end)
end)
