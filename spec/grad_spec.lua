-- Backward passes against central finite differences. For an op f and a
-- random R shaped like its output, L = <f(...), R>; the backward pass given
-- grad_out = R must give dL/dP for every input and parameter P. Checked along
-- random directions V: <dL/dP, V> against (L(P + hV) - L(P - hV)) / 2h, with
-- h = 1e-2. The forward passes are float32, so the differences carry rounding
-- noise: the largest relative errors measured are 3e-5 (linear), 5e-5
-- (resampling), 5e-4 (conv2d, activations) and 7e-4 (group norm); attention's
-- differences come from a double-precision reference (see its test);
-- the bar is 2e-3, and an error of 0.3% in one gradient fails it.
local d = require "diffusion"

local rng = d.rng(11)
local H = 1e-2

local function loss(out, r) return d.dot(out, r) end

-- checks grad against finite differences of f(p) for a parameter tensor p
local function check(name, p, grad, f, r, step)
  local h = step or H
  for _ = 1, 3 do
    local v = rng:randn(p:shape())
    local saved = p:clone()
    p:axpby_(1, h, v)
    local up = loss(f(), r)
    p:copy_(saved):axpby_(1, -h, v)
    local down = loss(f(), r)
    p:copy_(saved)
    local fd, an = (up - down) / (2 * h), d.dot(grad, v)
    local rel = math.abs(fd - an) / math.max(math.abs(an), 1e-3)
    assert.is_true(rel < 2e-3, string.format("%s: analytic %.6g, finite differences %.6g (relative %.2g)",
      name, an, fd, rel))
  end
end

describe("backward passes against finite differences", function()
  it("conv2d: input, weights and bias, with padding, stride and a 1x1 kernel", function()
    for _, case in ipairs {
      { { 2, 3, 6, 5 }, { 4, 3, 3, 3 }, { padding = 1 } },
      { { 2, 3, 7, 7 }, { 4, 3, 3, 3 }, { stride = 2, padding = { 1, 1, 0, 0 } } },
      { { 1, 5, 4, 4 }, { 2, 5, 1, 1 }, nil },
    } do
      local x, w, b = rng:randn(case[1]), rng:randn(case[2]) * 0.3, rng:randn { case[2][1] }
      local f = function() return d.conv2d(x, w, b, case[3]) end
      local r = rng:randn(f():shape())
      local gx, gw, gb = d.conv2d_backward(x, w, r, case[3])
      assert.same(x:shape(), gx:shape())
      check("conv2d x", x, gx, f, r)
      check("conv2d w", w, gw, f, r)
      check("conv2d b", b, gb, f, r)
    end
  end)

  it("linear: input, weights and bias, any leading dims", function()
    local x, w, b = rng:randn { 2, 3, 5 }, rng:randn { 4, 5 }, rng:randn { 4 }
    local f = function() return d.linear(x, w, b) end
    local r = rng:randn { 2, 3, 4 }
    local gx, gw, gb = d.linear_backward(x, w, r)
    check("linear x", x, gx, f, r)
    check("linear w", w, gw, f, r)
    check("linear b", b, gb, f, r)
  end)

  it("group norm with each activation: input, gamma and beta", function()
    for _, act in ipairs { "none", "silu", "mish", "gelu" } do
      local x = rng:randn { 2, 6, 3, 3 } * 2 + 0.5
      local gamma, beta = rng:randn { 6 } * 0.5 + 1, rng:randn { 6 } * 0.3
      local f = function() return d.group_norm(x, 3, gamma, beta, 1e-5, act) end
      local r = rng:randn { 2, 6, 3, 3 }
      local gx, gg, gb = d.group_norm_backward(x, 3, gamma, beta, r, 1e-5, act)
      check("group_norm x " .. act, x, gx, f, r)
      check("group_norm gamma " .. act, gamma, gg, f, r)
      check("group_norm beta " .. act, beta, gb, f, r)
    end
  end)

  it("layer norm: input, gamma and beta", function()
    local own = d.rng(29) -- (its own draws: the other checks keep theirs)
    local x = own:randn { 2, 3, 8 } * 2 + 0.5
    local gamma, beta = own:randn { 8 } * 0.5 + 1, own:randn { 8 } * 0.3
    local f = function() return d.layer_norm(x, gamma, beta, 1e-5) end
    local r = own:randn { 2, 3, 8 }
    local gx, gg, gb = d.layer_norm_backward(x, gamma, r, 1e-5)
    check("layer_norm x", x, gx, f, r)
    check("layer_norm gamma", gamma, gg, f, r)
    check("layer_norm beta", beta, gb, f, r)
  end)

  it("activations", function()
    for _, act in ipairs { "silu", "mish", "gelu" } do
      local x = rng:randn { 64 } * 3
      local f = function() return d.activation(x, act) end
      local r = rng:randn { 64 }
      check("activation " .. act, x, d.activation_backward(x, r, act), f, r)
    end
    local own = d.rng(31) -- CLIP's quick GELU, on draws of its own (the checks below keep theirs)
    local x, r = own:randn { 64 } * 3, own:randn { 64 }
    check("activation quick_gelu", x, d.activation_backward(x, r, "quick_gelu"),
      function() return d.activation(x, "quick_gelu") end, r)
    check("activation tanh", x, d.activation_backward(x, r, "tanh"), function() return d.activation(x, "tanh") end, r)
    check("activation gelu_tanh", x, d.activation_backward(x, r, "gelu_tanh"),
      function() return d.activation(x, "gelu_tanh") end, r)
  end)

  it("nearest 2x upsampling and 2x2 average pooling (odd sizes too)", function()
    local x = rng:randn { 2, 3, 3, 4 }
    local f = function() return d.upsample_nearest2x(x) end
    local r = rng:randn { 2, 3, 6, 8 }
    check("upsample x", x, d.upsample_nearest2x_backward(r), f, r)
    local y = rng:randn { 2, 3, 5, 7 }
    local g = function() return d.avg_pool2x(y) end
    local r2 = rng:randn(g():shape())
    check("avg_pool y", y, d.avg_pool2x_backward(y, r2), g, r2)
  end)

  -- The attention's float32 forward is too noisy for float32 differences along directions where
  -- the derivative is small (measured: 11 of 40 seeds tripped the bar at h = 3e-3, the analytic
  -- gradient right to 1e-7). So its differences come from a naive double-precision attention in
  -- Lua: exact to about 1e-9, they leave the float32 gradient's own rounding as the only error.
  it("spatial self-attention: input, residual, and the four projections", function()
    local own = d.rng(37)
    local N, C, T = 2, 4, 6 -- maps 3 x 2
    local function flat(t)
      local out = {}
      for i, v in ipairs(t:reshape { t:numel() }:totable()) do out[i] = v end
      return out
    end
    -- <out, R> of (Wo softmax-attention + bo + residual) / rescale, in doubles, params flat tables
    local function loss_dbl(p, heads, R)
      local x, res, w, b = p.xn, p.res, p.w, p.b
      local dh, sum = C // heads, 0
      for n = 0, N - 1 do
        local function proj(W, B)
          local r = {}
          for c = 0, C - 1 do
            for t = 0, T - 1 do
              local s = B[c + 1]
              for k = 0, C - 1 do s = s + W[c * C + k + 1] * x[(n * C + k) * T + t + 1] end
              r[c * T + t + 1] = s
            end
          end
          return r
        end
        local q, k, v, o = proj(w[1], b[1]), proj(w[2], b[2]), proj(w[3], b[3]), {}
        for h = 0, heads - 1 do
          for t = 0, T - 1 do
            local sc, top, z = {}, -math.huge, 0
            for u = 0, T - 1 do
              local s = 0
              for j = h * dh, h * dh + dh - 1 do s = s + q[j * T + t + 1] * k[j * T + u + 1] end
              sc[u] = s / math.sqrt(dh)
              top = math.max(top, sc[u])
            end
            for u = 0, T - 1 do
              sc[u] = math.exp(sc[u] - top)
              z = z + sc[u]
            end
            for j = h * dh, h * dh + dh - 1 do
              local s = 0
              for u = 0, T - 1 do s = s + sc[u] / z * v[j * T + u + 1] end
              o[j * T + t + 1] = s
            end
          end
        end
        for c = 0, C - 1 do
          for t = 0, T - 1 do
            local s = b[4][c + 1]
            for j = 0, C - 1 do s = s + w[4][c * C + j + 1] * o[j * T + t + 1] end
            local at = (n * C + c) * T + t + 1
            sum = sum + (s + res[at]) / 1.5 * R[at]
          end
        end
      end
      return sum
    end
    for _, heads in ipairs { 1, 2 } do
      local xn, res = own:randn { N, C, 3, 2 }, own:randn { N, C, 3, 2 }
      local w, b = {}, {}
      for i = 1, 4 do w[i], b[i] = own:randn { 4, 4 } * 0.5, own:randn { 4 } * 0.1 end
      local r = own:randn { N, C, 3, 2 }
      local gxn, gres, gw, gb = d.attention_backward(xn, w, b, heads, 1.5, r)
      local p = { xn = flat(xn), res = flat(res), w = {}, b = {} }
      for i = 1, 4 do p.w[i], p.b[i] = flat(w[i]), flat(b[i]) end
      local R = flat(r)
      local function check_dbl(name, list, grad)
        for _ = 1, 3 do
          local v, saved, h = flat(own:randn(grad:shape())), {}, 1e-5
          for i, x in ipairs(list) do saved[i] = x end
          for i = 1, #list do list[i] = saved[i] + h * v[i] end
          local up = loss_dbl(p, heads, R)
          for i = 1, #list do list[i] = saved[i] - h * v[i] end
          local down = loss_dbl(p, heads, R)
          for i = 1, #list do list[i] = saved[i] end
          local fd, an = (up - down) / (2 * h), 0
          for i, g in ipairs(flat(grad)) do an = an + g * v[i] end
          local rel = math.abs(fd - an) / math.max(math.abs(an), 1e-3)
          assert.is_true(rel < 2e-3, string.format("%s (%d heads): analytic %.6g, differences %.6g (%.2g)", name,
            heads, an, fd, rel))
        end
      end
      check_dbl("attention xn", p.xn, gxn)
      check_dbl("attention residual", p.res, gres)
      for i = 1, 4 do
        check_dbl("attention w" .. i, p.w[i], gw[i])
        if i ~= 2 then check_dbl("attention b" .. i, p.b[i], gb[i]) end
      end
      -- a key bias adds the same score to every key of a query: softmax ignores
      -- it, and its gradient is exactly zero (not rounding for AdamW to amplify)
      assert.are.equal(0, gb[2]:abs():max())
    end
  end)

  it("refuses a grad_out that is not the output's shape", function()
    local x, w = rng:randn { 1, 2, 4, 4 }, rng:randn { 3, 2, 3, 3 }
    assert.has_error(function() d.conv2d_backward(x, w, d.zeros { 1, 3, 4, 4 }) end,
      "conv2d_backward: grad_out is {1,3,4,4}, the output is {1,3,2,2}")
    assert.has_error(function() d.linear_backward(d.zeros { 2, 5 }, d.zeros { 4, 5 }, d.zeros { 2, 5 }) end,
      "linear_backward: grad_out is {2,5}, the output is {2,4}")
    assert.has_error(function() d.activation_backward(d.zeros { 3 }, d.zeros { 4 }, "silu") end,
      "activation_backward: grad_out is {4}, the output is {3}")
  end)
end)

describe("adamw_step_", function()
  -- torch.optim.AdamW's update, written out in double precision
  local function reference(p, g, m, v, o, step)
    local bc1, bc2 = 1 - o.beta1 ^ step, 1 - o.beta2 ^ step
    for i = 1, #p do
      p[i] = p[i] * (1 - o.lr * o.weight_decay)
      m[i] = o.beta1 * m[i] + (1 - o.beta1) * g[i]
      v[i] = o.beta2 * v[i] + (1 - o.beta2) * g[i] * g[i]
      p[i] = p[i] - o.lr / bc1 * m[i] / (math.sqrt(v[i]) / math.sqrt(bc2) + o.eps)
    end
  end

  it("matches torch.optim.AdamW's update over several steps", function()
    local o = { lr = 1e-2, beta1 = 0.9, beta2 = 0.99, eps = 1e-8, weight_decay = 0.1 }
    local p = rng:randn { 50 }
    local m, v = d.zeros { 50 }, d.zeros { 50 }
    local rp, rm, rv = p:totable(), m:totable(), v:totable()
    for step = 1, 5 do
      local g = rng:randn { 50 }
      d.adamw_step_(p, g, m, v, { lr = o.lr, beta1 = o.beta1, beta2 = o.beta2, eps = o.eps,
        weight_decay = o.weight_decay, step = step })
      reference(rp, g:totable(), rm, rv, o, step)
    end
    local worst = 0
    for i = 1, 50 do worst = math.max(worst, math.abs(p:get(i) - rp[i]) / math.max(math.abs(rp[i]), 1e-3)) end
    assert.is_true(worst < 1e-5, "relative difference " .. worst)
  end)

  it("refuses missing or out-of-range settings", function()
    local t = d.zeros { 3 }
    assert.has_error(function() d.adamw_step_(t, t, t, t, { lr = 1e-3 }) end,
      "adamw_step_: step (counting from 1) is required")
    assert.has_error(function() d.adamw_step_(t, t, t, t, { lr = 1e-3, beta1 = 1, step = 1 }) end,
      "adamw_step_: beta1 = 1 is out of range")
    assert.has_error(function() d.adamw_step_(t, t, t, t, { step = 1 }) end, "adamw_step_: lr is required")
    assert.has_error(function() d.adamw_step_(t, t, t, t, { lr = 1 / 0, step = 1 }) end,
      "adamw_step_: lr = inf is out of range")
    local ok, err = pcall(d.adamw_step_, t, t, t, t, { lr = 0 / 0, step = 1 })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("lr = %-?nan is out of range"), err)
    assert.has_error(function() d.adamw_step_(t, d.zeros { 4 }, t, t, { lr = 1, step = 1 }) end,
      "adamw_step_: p, grad, m and v must have the same number of elements")
  end)
end)
