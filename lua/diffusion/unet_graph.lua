--- diffusion.unet_graph: the UNet2DModel forward as a sequence of native ops
-- recorded on a tape, and its backward pass. Every op and every gradient is
-- computed in C (conv2d, group norm, attention, linear, ... and their
-- *_backward); this file only sequences them, mirroring csrc/core/unet.c
-- block by block (the specs check the two forwards agree), so training,
-- classifier guidance and likelihood estimates share one gradient.
--
--   local out, pass = graph.forward(model, x, t, { class_labels = labels })
--   local grads, gx = graph.backward(pass, gout)  -- grads: weight name -> tensor
local d = require "diffusion.core"
local Tape = require "diffusion.tape"

local G = {}

-- One forward pass: the tape, the weights, their gradients, the layout.
local Pass = {}
Pass.__index = Pass

local function add_grad(grads, name, g)
  grads[name] = grads[name] and grads[name] + g or g
end

function Pass:conv(name, x, stride, pad)
  local w, b = self.w[name .. ".weight"], self.w[name .. ".bias"]
  local p = { stride = stride or 1, padding = pad or 1 }
  return self.tape:record(d.conv2d(x, w, b, p), { x }, function(gy)
    if self.input_only then return d.conv2d_backward_input(x, w, gy, p) end
    local gx, gw, gb = d.conv2d_backward(x, w, gy, p)
    add_grad(self.grads, name .. ".weight", gw)
    add_grad(self.grads, name .. ".bias", gb)
    return gx
  end)
end

function Pass:linear(name, x)
  local w, b = self.w[name .. ".weight"], self.w[name .. ".bias"]
  return self.tape:record(d.linear(x, w, b), { x }, function(gy)
    local gx, gw, gb = d.linear_backward(x, w, gy)
    add_grad(self.grads, name .. ".weight", gw)
    add_grad(self.grads, name .. ".bias", gb)
    return gx
  end)
end

function Pass:norm(name, x, groups, act)
  local gamma, beta, eps = self.w[name .. ".weight"], self.w[name .. ".bias"], self.layout.norm_eps
  return self.tape:record(d.group_norm(x, groups, gamma, beta, eps, act), { x }, function(gy)
    local gx, gg, gb = d.group_norm_backward(x, groups, gamma, beta, gy, eps, act)
    add_grad(self.grads, name .. ".weight", gg)
    add_grad(self.grads, name .. ".bias", gb)
    return gx
  end)
end

function Pass:act(x, act)
  return self.tape:record(d.activation(x, act), { x }, function(gy)
    return d.activation_backward(x, gy, act)
  end)
end

function Pass:resample(x, up)
  if up then
    return self.tape:record(d.upsample_nearest2x(x), { x }, d.upsample_nearest2x_backward)
  end
  return self.tape:record(d.avg_pool2x(x), { x }, function(gy) return d.avg_pool2x_backward(x, gy) end)
end

-- a + b (same shapes), scaled by s
function Pass:add(a, b, s)
  s = s or 1
  local y = a + b
  if s ~= 1 then y:mul_(s) end
  return self.tape:record(y, { a, b }, function(gy)
    local g = s ~= 1 and gy * s or gy
    return g, g
  end)
end

-- (N, C, H, W) + (N, C) broadcast over H, W
function Pass:add_channels(x, v)
  local n, c = v:size(1), v:size(2)
  return self.tape:record(x + v:reshape { n, c, 1, 1 }, { x, v }, function(gy)
    return gy, gy:sum(4):sum(3):reshape { n, c }
  end)
end

-- x * (1 + scale) + shift, scale and shift the halves of v (N, 2C)
function Pass:scale_shift(x, v)
  local n, c = v:size(1), v:size(2) // 2
  local scale1 = v:narrow(2, 1, c):reshape { n, c, 1, 1 } + 1
  local shift = v:narrow(2, c + 1, c):reshape { n, c, 1, 1 }
  return self.tape:record(x * scale1 + shift, { x, v }, function(gy)
    local gscale = (gy * x):sum(4):sum(3):reshape { n, c }
    local gshift = gy:sum(4):sum(3):reshape { n, c }
    return gy * scale1, d.cat({ gscale, gshift }, 2)
  end)
end

function Pass:concat(a, b)
  local ca, cb = a:size(2), b:size(2)
  return self.tape:record(d.cat({ a, b }, 2), { a, b }, function(gy)
    return gy:narrow(2, 1, ca), gy:narrow(2, ca + 1, cb)
  end)
end

function Pass:resnet(prefix, x, emb, opts)
  local L = self.layout
  local h = self:norm(prefix .. ".norm1", x, L.norm_num_groups, L.act)
  local skip = x
  if opts.up or opts.down then
    h = self:resample(h, opts.up)
    skip = self:resample(x, opts.up)
  end
  h = self:conv(prefix .. ".conv1", h)
  local tp = self:linear(prefix .. ".time_emb_proj", emb)
  if L.scale_shift then
    h = self:norm(prefix .. ".norm2", h, L.norm_num_groups, "none")
    h = self:act(self:scale_shift(h, tp), L.act)
  else
    h = self:norm(prefix .. ".norm2", self:add_channels(h, tp), L.norm_num_groups, L.act)
  end
  h = self:conv(prefix .. ".conv2", h)
  if self.w[prefix .. ".conv_shortcut.weight"] then
    skip = self:conv(prefix .. ".conv_shortcut", skip, 1, 0)
  end
  return self:add(skip, h, 1 / (opts.out_scale or 1))
end

function Pass:attention(prefix, x, groups, rescale)
  local L = self.layout
  local ch = x:size(2)
  local heads = ch // (L.attention_head_dim > 0 and L.attention_head_dim or ch)
  local xn = groups > 0 and self:norm(prefix .. ".group_norm", x, groups, "none") or x
  local w, b = {}, {}
  local names = { "to_q", "to_k", "to_v", "to_out.0" }
  for i, p in ipairs(names) do
    w[i], b[i] = self.w[prefix .. "." .. p .. ".weight"], self.w[prefix .. "." .. p .. ".bias"]
  end
  -- without a norm, x is both the attended input and the residual: the tape
  -- adds the two gradients, since it sums over repeated inputs
  return self.tape:record(d.attention(xn, x, w, b, heads, rescale), { xn, x }, function(gy)
    local gxn, gres, gw, gb = d.attention_backward(xn, w, b, heads, rescale, gy)
    for i, p in ipairs(names) do
      add_grad(self.grads, prefix .. "." .. p .. ".weight", gw[i])
      add_grad(self.grads, prefix .. "." .. p .. ".bias", gb[i])
    end
    return gxn, gres
  end)
end

-- rows table[idx[i]] of a trainable table (N, dim); the gradient scatters back
function Pass:lookup(name, idx, what, limit)
  local tab = self.w[name]
  local n = #idx
  local out = d.empty { n, tab:size(2) }
  for i, k in ipairs(idx) do
    if math.type(k) ~= "integer" or k < 0 or k >= limit then
      error(string.format("%s %s is not an integer in 0..%d", what, tostring(k), limit - 1), 4)
    end
    out:narrow(1, i, 1):copy_(tab:narrow(1, k + 1, 1))
  end
  return self.tape:record(out, {}, function(gy)
    local g = d.zeros(tab:shape())
    for i, k in ipairs(idx) do g:narrow(1, k + 1, 1):add_(gy:narrow(1, i, 1)) end
    add_grad(self.grads, name, g)
  end)
end

local function integers(v, what)
  local list = {}
  for i, x in ipairs(v) do
    local k = math.tointeger(x)
    if not k then error(string.format("%s %s is not an integer", what, tostring(x)), 4) end
    list[i] = k
  end
  return list
end

-- the time (and class) embedding, activated once for all resnets (N, temb)
function Pass:embedding(t, labels, cond)
  local L = self.layout
  local n = t:size(1)
  local ch0 = L.block_out_channels[1]
  local proj
  if L.time_embedding == "positional" then
    proj = d.timestep_embedding(t, ch0, L.flip_sin_to_cos, L.freq_shift)
  elseif L.time_embedding == "fourier" then -- fixed features (not trained, as in diffusers)
    local arg = t:log():reshape { n, 1 } * self.w["time_proj.weight"]:reshape { 1, ch0 } * 2 * math.pi
    proj = d.cat({ arg:sin(), arg:cos() }, 2)
  else
    proj = self:lookup("time_proj.weight", integers(t:totable(), "timestep"), "timestep",
      L.num_train_timesteps)
  end
  local h = self:act(self:linear("time_embedding.linear_1", proj), "silu")
  local emb = self:linear("time_embedding.linear_2", h)
  if L.class_embedding ~= "none" then
    if not labels and not cond then error("the model is class-conditional: class_labels are needed", 3) end
    local ce
    if L.class_embedding == "table" then
      ce = self:lookup("class_embedding.weight", integers(labels, "class label"), "class label", L.num_class_embeds)
    elseif L.class_embedding == "timestep" then
      local p = d.timestep_embedding(d.tensor(labels), ch0, L.flip_sin_to_cos, L.freq_shift)
      ce = self:linear("class_embedding.linear_2", self:act(self:linear("class_embedding.linear_1", p), "silu"))
    else
      ce = cond
    end
    emb = self:add(emb, ce)
  elseif labels then
    error("class_labels given, but the model has no class embedding", 3)
  end
  return self:act(emb, L.act)
end

local function as_times(t, n)
  if type(t) == "number" then return d.full({ n }, t) end
  if type(t) == "table" then return d.tensor(t) end
  return t:reshape { n }
end

--- The forward pass of `model` (a diffusion.Model) on x (N, C, H, W) at
-- timesteps t (a number or N values); opts.class_labels (a list or tensor of
-- N labels), opts.cond (N, temb) for "identity" class embeddings,
-- opts.input_only (the backward pass then skips the convolutions' weight
-- gradients, most of its work, for vector-Jacobian products with respect to
-- x). Returns the output and the pass to give to G.backward.
function G.forward(model, x, t, opts)
  opts = opts or {}
  local L = model:layout()
  local self = setmetatable({ tape = Tape.new(), w = model:weights(), grads = {}, layout = L, x = x,
    input_only = opts.input_only }, Pass)
  local n = x:size(1)
  local times = as_times(t, n)
  local labels = opts.class_labels
  if labels and type(labels) ~= "table" then labels = labels:reshape { n }:totable() end
  local emb = self:embedding(times, labels, opts.cond)

  local h = x
  if L.center_input_sample then
    h = self.tape:record(x * 2 - 1, { x }, function(gy) return gy * 2 end)
  end
  h = self:conv("conv_in", h)
  local skips = { h }
  local levels = L.levels
  for i = 0, levels - 1 do
    for j = 0, L.layers_per_block - 1 do
      h = self:resnet(string.format("down_blocks.%d.resnets.%d", i, j), h, emb, {})
      if L.down_attention[i + 1] then
        h = self:attention(string.format("down_blocks.%d.attentions.%d", i, j), h, L.norm_num_groups, 1)
      end
      skips[#skips + 1] = h
    end
    if i < levels - 1 then
      local prefix = string.format("down_blocks.%d.downsamplers.0", i)
      if L.downsample_resnet and L.down_attention[i + 1] then -- AttnDownBlock2D's alone, as in diffusers
        h = self:resnet(prefix, h, emb, { down = true })
      else
        local pad = L.downsample_padding
        h = self:conv(prefix .. ".conv", h, 2, pad == 0 and { 0, 0, 1, 1 } or pad)
      end
      skips[#skips + 1] = h
    end
  end
  if L.mid_block then
    local scale = L.mid_block_scale_factor
    h = self:resnet("mid_block.resnets.0", h, emb, { out_scale = scale })
    if L.add_attention then
      local groups = L.attn_norm_num_groups > 0 and L.attn_norm_num_groups
        or (L.scale_shift and 0 or L.norm_num_groups)
      h = self:attention("mid_block.attentions.0", h, groups, scale)
    end
    h = self:resnet("mid_block.resnets.1", h, emb, { out_scale = scale })
  end
  for i = 0, levels - 1 do
    for j = 0, L.layers_per_block do
      local skip = table.remove(skips)
      h = self:resnet(string.format("up_blocks.%d.resnets.%d", i, j), self:concat(h, skip), emb, {})
      if L.up_attention[i + 1] then
        h = self:attention(string.format("up_blocks.%d.attentions.%d", i, j), h, L.norm_num_groups, 1)
      end
    end
    if i < levels - 1 then
      local prefix = string.format("up_blocks.%d.upsamplers.0", i)
      if L.upsample_resnet and L.up_attention[i + 1] then -- AttnUpBlock2D's alone
        h = self:resnet(prefix, h, emb, { up = true })
      else
        h = self:conv(prefix .. ".conv", self:resample(h, true))
      end
    end
  end
  h = self:conv("conv_out", self:norm("conv_norm_out", h, L.norm_num_groups, "silu"))
  if L.time_embedding == "fourier" then -- the output is divided by the noise level
    local tt = times:reshape { n, 1, 1, 1 }
    local y = h / tt
    h = self.tape:record(y, { h }, function(gy) return gy / tt end)
  end
  self.out = h
  return h, self
end

--- Gradients of a loss given gout = dLoss/d(output): a table weight name ->
-- tensor (every trainable weight the pass used), and dLoss/dx.
function G.backward(pass, gout)
  local g = pass.tape:backward(pass.out, gout)
  return pass.grads, g[pass.x]
end

return G
