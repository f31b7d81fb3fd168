-- The model's graph run backward (model:trace, pass:backward): the recorded
-- forward must be the model's forward, and its gradients the derivatives of
-- that function. Three small configs between them cover the
-- block types and options training can meet: attention with and without its
-- group norm, scale-shift time conditioning, resnet up/down samplers,
-- downsample padding 0, center_input_sample, mish, a mid-block scale
-- factor, and every time and class embedding (positional, Fourier, learned;
-- class table, timestep).
--
-- Gradients are checked per weight tensor along its own gradient direction
-- v = g / |g|: (L(w + h v) - L(w - h v)) / 2h must equal |g|, with
-- L = <model(x), R>. h = 3e-3 for tensors whose gradient is at least 1% of
-- the largest (worst relative error measured 1.0e-3, following h^2: the
-- curvature); h = 3e-2 for those between 0.1% and 1%, where the float32
-- rounding of L (about 1e-5, divided by 2h) would otherwise dominate (worst
-- measured 5e-4). The bar is 2e-3 for both. Smaller gradients (such as the keys' biases, which
-- softmax ignores: exactly 0) sit below the differences' noise floor.
local d = require "diffusion"

-- the central difference (L(p + h v) - L(p - h v)) / 2h along v = g / |g|, which must equal |g|;
-- p is left as it was. Returns the difference and |g|.
local function own_direction(p, g, loss, h)
  local gn = g:norm()
  local v = g / gn
  p:axpby_(1, h, v)
  local up = loss()
  p:axpby_(1, -2 * h, v)
  local down = loss()
  p:axpby_(1, h, v)
  return (up - down) / (2 * h), gn
end

local CONFIGS = {
  { block_out_channels = { 32, 64 }, layers_per_block = 1, norm_num_groups = 8, attention_head_dim = 16,
    down_block_types = { "DownBlock2D", "AttnDownBlock2D" }, up_block_types = { "AttnUpBlock2D", "UpBlock2D" },
    num_class_embeds = 11, in_channels = 1, out_channels = 1, sample_size = 16 },
  { block_out_channels = { 16, 32 }, layers_per_block = 1, norm_num_groups = 8,
    down_block_types = { "AttnDownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "AttnUpBlock2D" },
    in_channels = 2, out_channels = 2, sample_size = 8, resnet_time_scale_shift = "scale_shift",
    downsample_type = "resnet", upsample_type = "resnet", time_embedding_type = "fourier",
    center_input_sample = true, act_fn = "mish", downsample_padding = 0, mid_block_scale_factor = 1.4142 },
  { block_out_channels = { 16, 32 }, layers_per_block = 2, norm_num_groups = 8,
    down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
    in_channels = 1, out_channels = 1, sample_size = 8, time_embedding_type = "learned",
    num_train_timesteps = 1000, class_embed_type = "timestep", downsample_padding = 0, add_attention = false },
  -- UNet2DConditionModel: Transformer2DModel (group norm, 1x1 conv projections, layer norms, self- and
  -- cross-attention over the text, GEGLU feed-forward), 2 heads
  { _class_name = "UNet2DConditionModel", block_out_channels = { 16, 32 }, layers_per_block = 1,
    norm_num_groups = 8, down_block_types = { "CrossAttnDownBlock2D", "DownBlock2D" },
    up_block_types = { "UpBlock2D", "CrossAttnUpBlock2D" }, cross_attention_dim = 12, attention_head_dim = 2,
    in_channels = 2, out_channels = 2, sample_size = 8 },
  -- linear projections, heads and transformer depth per level (the mid block takes the last: 4 heads, 2 deep)
  { _class_name = "UNet2DConditionModel", block_out_channels = { 16, 32 }, layers_per_block = 1,
    norm_num_groups = 8, down_block_types = { "DownBlock2D", "CrossAttnDownBlock2D" },
    up_block_types = { "CrossAttnUpBlock2D", "UpBlock2D" }, cross_attention_dim = 8, attention_head_dim = { 2, 4 },
    transformer_layers_per_block = { 1, 2 }, use_linear_projection = true, in_channels = 1, out_channels = 1,
    sample_size = 8 },
  -- SDXL's added conditioning (pooled text of 6 and 2 ids of 4 features) and LCM's guidance embedding
  { _class_name = "UNet2DConditionModel", block_out_channels = { 16, 32 }, layers_per_block = 1,
    norm_num_groups = 8, down_block_types = { "CrossAttnDownBlock2D", "DownBlock2D" },
    up_block_types = { "UpBlock2D", "CrossAttnUpBlock2D" }, cross_attention_dim = 8, attention_head_dim = 2,
    addition_embed_type = "text_time", addition_time_embed_dim = 4, projection_class_embeddings_input_dim = 14,
    time_cond_proj_dim = 5, in_channels = 1, out_channels = 1, sample_size = 8 },
}

-- the conditioning config k takes, for n samples: class labels or text (5 tokens)
local function cond_for(k, n)
  local cfg = CONFIGS[k]
  if cfg.num_class_embeds or cfg.class_embed_type then
    return { class_labels = d.rng(11):randint(0, 10, { n }) }
  elseif cfg.cross_attention_dim then
    local rng = d.rng(12)
    local c = { encoder_hidden_states = rng:randn { n, 5, cfg.cross_attention_dim } }
    if cfg.time_cond_proj_dim then c.timestep_cond = rng:randn { n, cfg.time_cond_proj_dim } end
    if cfg.addition_embed_type then c.text_embeds, c.time_ids = rng:randn { n, 6 }, rng:randint(0, 1024, { n, 2 }) end
    return c
  end
end

-- a model whose group norms are not the identity (so their gradients matter)
local function model_for(k)
  local cfg = CONFIGS[k]
  local m = d.unet(cfg, { seed = k })
  local rng = d.rng(70 + k)
  local names = {}
  for name in pairs(m:weights()) do names[#names + 1] = name end
  table.sort(names) -- (pairs' order changes from run to run)
  for _, name in ipairs(names) do
    if name:find("norm") then m:weights()[name]:add_(rng:randn(m:weights()[name]:shape()):mul_(0.2)) end
  end
  local n = 2
  local x = d.rng(1):randn { n, cfg.in_channels, cfg.sample_size, cfg.sample_size }
  local t = d.tensor { 3, 999 }
  local cond = cond_for(k, n)
  if cond and cond.class_labels then cond.class_labels = d.tensor { 0, 10 } end
  return m, x, t, cond
end

describe("model graph", function()
  it("records the model's own forward for every covered option, in chunks or not", function()
    for k, cfg in ipairs(CONFIGS) do
      local m, _, _, cond = model_for(k)
      -- 40 samples: inference runs them in chunks of 32, writing over dying values; the record keeps all
      local x = d.rng(9):randn { 40, cfg.in_channels, cfg.sample_size, cfg.sample_size }
      local t = d.rng(10):randint(5, 904, { 40 })
      if cond then cond = cond_for(k, 40) end
      local ref = m(x, t, cond)
      local out = m:trace(x, t, cond)
      assert.are.same(ref:shape(), out:shape())
      local err = (out - ref):abs():max() / ref:abs():max()
      assert.is_true(err < 1e-6, string.format("config %d: relative difference %.3g", k, err))
    end
  end)

  it("gives every trainable weight the derivative of the network (finite differences)", function()
    for k, cfg in ipairs(CONFIGS) do
      local m, x, t, cond = model_for(k)
      local r = d.rng(3):randn { x:size(1), cfg.out_channels, cfg.sample_size, cfg.sample_size }
      local function loss() return d.dot(m(x, t, cond), r) end
      local _, pass = m:trace(x, t, cond)
      local grads, gx = pass:backward(r)
      local weights = m:weights()
      local gmax = 0
      for name in pairs(weights) do
        if name ~= "time_proj.weight" or cfg.time_embedding_type ~= "fourier" then
          assert.is_truthy(grads[name], string.format("config %d: no gradient for %s", k, name))
          gmax = math.max(gmax, grads[name]:norm())
        end
      end
      for name, g in pairs(grads) do
        local gn = g:norm()
        if gn > 1e-3 * gmax then
          local fd = own_direction(weights[name], g, loss, gn >= 1e-2 * gmax and 3e-3 or 3e-2)
          local rel = math.abs(fd - gn) / gn
          assert.is_true(rel < 2e-3, string.format("config %d, %s: analytic %.6g, differences %.6g (%.2g)",
            k, name, gn, fd, rel))
        end
      end
      -- and the input's gradient, along its own direction as well
      local fd, gn = own_direction(x, gx, loss, 3e-3)
      assert.is_true(math.abs(fd - gn) / gn < 2e-3, string.format("config %d, input: %.6g vs %.6g", k, gn, fd))
    end
  end)

  it("input_only: the same gradient with respect to x, without the weights' gradients", function()
    for k in ipairs(CONFIGS) do
      local m, x, t, cond = model_for(k)
      local gout = d.rng(5):randn(x:shape())
      local _, full = select(2, m:trace(x, t, cond)):backward(gout)
      local grads, gx = select(2, m:trace(x, t, cond)):backward(gout, { input_only = true })
      assert.equal(0, (gx - full):abs():max(), "config " .. k)
      assert.is_nil(next(grads))
    end
    local w, x = d.rng(1):randn { 4, 3, 3, 3 }, d.rng(2):randn { 2, 3, 6, 6 }
    for _, p in ipairs { { padding = 1 }, { stride = 2, padding = 1 } } do
      local gy = d.rng(3):randn(d.conv2d(x, w, nil, p):shape())
      assert.equal(0, (d.conv2d_backward_input(x, w, gy, p) - d.conv2d_backward(x, w, gy, p)):abs():max())
    end
    assert.has_error(function() d.conv2d_backward_input(x, w, d.zeros { 1, 4, 6, 6 }, { padding = 1 }) end,
      "conv2d_backward_input: grad_out is {1,4,6,6}, the output is {2,4,6,6}")
  end)

  it("trains the embeddings: time table, class table and class MLP get gradients in the right rows", function()
    local m, x, t, cond = model_for(1) -- class table: labels 0 and 10 used, 1..9 not
    local _, pass = m:trace(x, t, cond)
    local g = pass:backward(d.ones { 2, 1, 16, 16 })["class_embedding.weight"]
    assert.is_true(g:select(1, 1):norm() > 0 and g:select(1, 11):norm() > 0)
    for row = 2, 10 do assert.are.equal(0, g:select(1, row):norm()) end
    m, x, t, cond = model_for(3) -- learned time embedding: rows 3 and 999 only
    _, pass = m:trace(x, t, cond)
    g = pass:backward(d.ones { 2, 1, 8, 8 })["time_proj.weight"]
    assert.is_true(g:select(1, 4):norm() > 0 and g:select(1, 1000):norm() > 0)
    assert.are.equal(0, g:narrow(1, 5, 995):norm())
  end)

  it("names a bad class label or timestep", function()
    local m, x = model_for(1)
    assert.has_error(function() m:trace(x, 10, { class_labels = d.tensor { 0, 11 } }) end,
      "trace: class label 11 is not an integer in 0..10")
    assert.has_error(function() m:trace(x, 10) end, "trace: the model is class-conditional: class_labels are needed")
    local m3, x3 = model_for(3)
    assert.has_error(function() m3:trace(x3, d.tensor { 0.5, 2 }, { class_labels = d.tensor { 1, 2 } }) end,
      "trace: timestep 0.5 is not an integer in 0..999")
  end)

  it("a pass: backward once, its gradient's shape checked, the model kept alive or its freeing named", function()
    local m, x, t, cond = model_for(1)
    local out, pass = m:trace(x, t, cond)
    assert.has_error(function() pass:backward(d.zeros { 1, 1, 16, 16 }) end,
      "backward: the gradient is {1,1,16,16}, the output {2,1,16,16}")
    assert.has_error(function() pass:backward(out, "input_only") end,
      "backward: options must be a table such as {input_only = true}")
    local grads, gx = pass:backward(out)
    assert.are.same(x:shape(), gx:shape())
    assert.is_truthy(grads["conv_in.weight"])
    assert.has_error(function() pass:backward(out) end, "backward: this pass already ran backward")
    -- the pass holds the model: dropping every other reference leaves its backward working
    local held = select(2, m:trace(x, t, cond))
    m = nil -- luacheck: ignore 311
    collectgarbage()
    collectgarbage()
    assert.is_truthy(select(2, held:backward(d.ones(x:shape()))))
    -- a model freed by hand: a clear error, and the pass's own memory still released (ASan)
    local m2, x2, t2, cond2 = model_for(1)
    local _, orphan = m2:trace(x2, t2, cond2)
    m2:free()
    assert.has_error(function() orphan:backward(d.ones(x2:shape())) end, "backward: the model was freed")
    orphan = nil -- luacheck: ignore 311
    collectgarbage()
  end)

  it("weights dropped, freed or edited between calls: the model's own references, the edits seen", function()
    local m, x, t, cond = model_for(1)
    local w = m:weights()
    w["conv_in.weight"]:free()
    w = nil -- luacheck: ignore 311
    collectgarbage()
    local out, pass = m:trace(x, t, cond)
    assert.equal(0, (out - m(x, t, cond)):abs():max())
    local grads = pass:backward(d.ones(out:shape()))
    -- an edit in place reaches both the forward and the record (Winograd's cache notices it too)
    m:weights()["conv_out.bias"]:add_(1)
    local moved = m:trace(x, t, cond)
    assert.is_true(((moved - out) - 1):abs():max() < 1e-5)
    assert.is_truthy(grads["conv_out.bias"])
  end)

  it("a DiT's gradients (patches, sin-cos positions, adaLN-Zero modulation, GELU tanh, unpatchify)", function()
    local m = d.load("spec/fixtures/diffusers/sd/dit/transformer")
    local x, t = d.rng(1):randn { 2, 4, 8, 8 }, d.tensor { 999, 20 }
    local cond = { class_labels = d.tensor { 3, 10 } }
    local r = d.rng(3):randn { 2, 8, 8, 8 }
    local function loss() return d.dot(m(x, t, cond), r) end
    local _, pass = m:trace(x, t, cond)
    local grads, gx = pass:backward(r)
    local weights, gmax, checked = m:weights(), 0, 0
    for _, g in pairs(grads) do gmax = math.max(gmax, g:norm()) end
    for name, g in pairs(grads) do
      if g:norm() > 1e-2 * gmax then -- along its own direction, as above
        local fd, gn = own_direction(weights[name], g, loss, 3e-3)
        assert.is_true(math.abs(fd - gn) / gn < 2e-3,
          string.format("%s: analytic %.6g, differences %.6g", name, gn, fd))
        checked = checked + 1
      end
    end
    assert.is_true(checked >= 20, checked .. " weights checked")
    local fd, gn = own_direction(x, gx, loss, 3e-3)
    assert.is_true(math.abs(fd - gn) / gn < 2e-3, "input")
  end)
end)
