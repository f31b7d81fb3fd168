local d = require "diffusion"
local S = require "support"

-- naive references in Lua
local function conv_ref(x, w, b, stride, pt, pl, pb, pr)
  local N, C, H, W = table.unpack(x:shape())
  local O, _, KH, KW = table.unpack(w:shape())
  local Ho, Wo = (H + pt + pb - KH) // stride + 1, (W + pl + pr - KW) // stride + 1
  local out = d.zeros { N, O, Ho, Wo }
  for n = 1, N do
    for o = 1, O do
      for oy = 1, Ho do
        for ox = 1, Wo do
          local s = b and b:get(o) or 0
          for c = 1, C do
            for i = 1, KH do
              for j = 1, KW do
                local y, xx = (oy - 1) * stride - pt + i, (ox - 1) * stride - pl + j
                if y >= 1 and y <= H and xx >= 1 and xx <= W then s = s + x:get(n, c, y, xx) * w:get(o, c, i, j) end
              end
            end
          end
          out:set(n, o, oy, ox, s)
        end
      end
    end
  end
  return out
end

describe("nn ops", function()
  local r = d.rng(21)

  it("conv2d matches a direct convolution (padding, stride, 1x1, asymmetric padding)", function()
    local x = r:randn { 2, 3, 6, 5 }
    local w, b = r:randn { 4, 3, 3, 3 }, r:randn { 4 }
    S.near(d.conv2d(x, w, b, { padding = 1 }), conv_ref(x, w, b, 1, 1, 1, 1, 1), 1e-5, "3x3 pad 1")
    S.near(d.conv2d(x, w, b, { stride = 2, padding = 1 }), conv_ref(x, w, b, 2, 1, 1, 1, 1), 1e-5, "stride 2")
    S.near(d.conv2d(x, w, nil, { stride = 2, padding = { 0, 0, 1, 1 } }), conv_ref(x, w, nil, 2, 0, 0, 1, 1), 1e-5,
      "pad (0, 1, 0, 1)")
    local xw = r:randn { 2, 4, 7, 6 } -- odd size: partial tiles
    local ww, bw = r:randn { 3, 4, 3, 3 }, r:randn { 3 }
    S.near(d.conv2d(xw, ww, bw, { padding = 1, winograd = true }), conv_ref(xw, ww, bw, 1, 1, 1, 1, 1), 1e-5,
      "winograd F(2x2, 3x3)")
    for _, shape in ipairs { { 1, 3, 1, 1 }, { 2, 3, 2, 13 }, { 1, 3, 9, 1 } } do -- thin maps: the row splits' edges
      local xt = r:randn(shape)
      local wt = r:randn { 2, 3, 3, 3 }
      S.near(d.conv2d(xt, wt, nil, { padding = 1, winograd = true }), conv_ref(xt, wt, nil, 1, 1, 1, 1, 1), 1e-5,
        "winograd " .. table.concat(shape, "x"))
    end
    assert.has_error(function() d.conv2d(x, w, b, { stride = 2, padding = 1, winograd = true }) end,
      "conv2d: winograd needs a 3x3 kernel, stride 1 and padding 1")
    -- both tile sizes, explicitly: F(4x4) tiles (4 x 4 outputs from 6 x 6 inputs) counted here as
    -- tile rows x tiles per row -> columns of the products, which the kernel takes in blocks of 16, 12,
    -- 8 or 4 (a count not a multiple of 4 is padded); output channels in panels of 6 (a partial panel)
    for _, case in ipairs {
      { { 1, 5, 18, 22 }, 7 }, -- F(4x4): 5 x 6 = 30 tiles -> blocks of 16 and 16 (2 padding)
      { { 2, 4, 13, 9 }, 13 }, -- 4 x 3 = 12: one block of 12; 13 channels: panels of 6, 6 and 1
      { { 1, 3, 17, 17 }, 6 }, -- 5 x 5 = 25 -> 16 + 12 (3 padding); one whole panel
      { { 1, 3, 5, 5 }, 2 }, -- 2 x 2 = 4: one block of 4
      { { 1, 3, 9, 1 }, 3 }, -- 3 x 1 = 3 -> 4 (1 padding); a one-column map
      { { 1, 3, 2, 13 }, 2 }, -- 1 x 4, a two-row map
      { { 1, 4, 8, 8 }, 4 }, -- panels of 4 and (below) 5 channels: the kernel multiplies 4 or 6 rows
      { { 1, 4, 8, 8 }, 5 },
    } do
      local xt = r:randn(case[1])
      local wt, bt = r:randn { case[2], case[1][2], 3, 3 }, r:randn { case[2] }
      local want = conv_ref(xt, wt, bt, 1, 1, 1, 1, 1)
      local what = "on " .. table.concat(case[1], "x")
      S.near(d.conv2d(xt, wt, bt, { padding = 1, winograd = 2 }), want, 1e-5, "winograd F(2x2) " .. what)
      -- F(4x4)'s transforms mix a tile's 36 inputs with weights up to 5 (F(2x2): 1), so its rounding
      -- error scales with the tile's inputs, not with the output element (an output that is a small
      -- difference carries its tile's error): bounded here relative to the largest sum of term
      -- magnitudes, the convolution of |x| with |w|
      local got = S.flatten(d.conv2d(xt, wt, bt, { padding = 1, winograd = 4 }):totable())
      local exact = S.flatten(want:totable())
      local scale = conv_ref(xt:abs(), wt:abs(), bt:abs(), 1, 1, 1, 1, 1):max()
      local worst = 0
      for i = 1, #got do worst = math.max(worst, math.abs(got[i] - exact[i])) end
      assert(worst <= 1e-6 * scale, string.format("winograd F(4x4) %s: error %.3g, terms up to %.4g", what, worst,
        scale))
    end
    -- maps whose tiles' transforms exceed 32 MB run in bands of tile rows (a 512 x 512 VAE decode's
    -- did): 347 x 341 at F(4x4) is 87 x 86 tiles of 16 channels in and out, bands of 84 tile rows; at
    -- F(2x2) 259 x 263, bands of 124; heights not a multiple of the tile, a batch of two (a sample per
    -- thread) and one (the threads splitting the sample). A band's edge rows read the next band's
    -- input: wrong there, the outputs were off by their whole size.
    for _, case in ipairs { { 4, { 2, 16, 347, 341 } }, { 4, { 1, 16, 347, 341 } }, { 2, { 1, 16, 259, 263 } } } do
      local xt = r:randn(case[2])
      local wt, bt = r:randn { 16, 16, 3, 3 }, r:randn { 16 }
      local want = d.conv2d(xt, wt, bt, { padding = 1 })
      local err = (d.conv2d(xt, wt, bt, { padding = 1, winograd = case[1] }) - want):abs():max() / want:abs():max()
      assert(err < 2e-6, string.format("F(%dx%d) on %s: relative error %.3g", case[1], case[1],
        table.concat(case[2], "x"), err))
    end
    for _, bad in ipairs { 3, 2.5, "4", (1 << 32) + 2, {} } do
      local ok, err = pcall(d.conv2d, x, w, b, { padding = 1, winograd = bad })
      assert.is_false(ok)
      assert.truthy(tostring(err):find("conv2d: winograd must be true, 2 or 4 (the output tile), got "
        .. tostring(bad), 1, true), tostring(err))
    end
    -- im2col's row edges: kernels wider than the input, strides 2 and 3, wide and one-sided padding
    for _, case in ipairs { { { 1, 2, 1, 1 }, 5, 3, 2, { 2, 2, 2, 2 } }, { { 2, 2, 4, 7 }, 3, 3, 3, { 1, 0, 2, 1 } },
      { { 1, 1, 3, 1 }, 3, 3, 2, { 1, 1, 1, 1 } }, { { 1, 3, 9, 8 }, 5, 4, 2, { 0, 3, 1, 0 } } } do
      local xs, kh, kw, stride, pad = r:randn(case[1]), case[2], case[3], case[4], case[5]
      local wk = r:randn { 2, case[1][2], kh, kw }
      local label = string.format("%s kernel %dx%d stride %d pad {%s}", table.concat(case[1], "x"), kh, kw, stride,
        table.concat(pad, ","))
      S.near(d.conv2d(xs, wk, nil, { stride = stride, padding = pad }),
        conv_ref(xs, wk, nil, stride, pad[1], pad[2], pad[3], pad[4]), 1e-5, label)
    end
    -- maps big enough that the columns go through the GEMM in blocks of output rows (4 blocks of 7,
    -- 7, 7 and 6 rows; at stride 2, 2 blocks of 11); one sample (blocks over threads) and a batch
    -- (samples over threads), at one and two threads, all bit for bit the same
    local wb, bb = r:randn { 3, 32, 3, 3 }, r:randn { 3 }
    local before = d.threads()
    for _, case in ipairs { { 27, { padding = 1 } }, { 45, { stride = 2, padding = { 0, 0, 1, 1 } } } } do
      local xb, opts = r:randn { 2, 32, case[1], case[1] }, case[2]
      local pad = type(opts.padding) == "table" and opts.padding or { 1, 1, 1, 1 }
      local want = conv_ref(xb, wb, bb, opts.stride or 1, pad[1], pad[2], pad[3], pad[4])
      local got = {}
      for _, threads in ipairs { 1, 2 } do
        d.threads(threads)
        got[#got + 1] = d.conv2d(xb, wb, bb, opts)
        got[#got + 1] = d.conv2d(xb:narrow(1, 2, 1), wb, bb, opts)
      end
      d.threads(before)
      S.near(got[1], want, 1e-4, "blocked im2col, stride " .. (opts.stride or 1))
      for i = 3, 4, 2 do assert.same(got[1]:totable(), got[i]:totable()) end
      for i = 2, 4, 2 do assert.same(got[1]:select(1, 2):totable(), got[i]:select(1, 1):totable()) end
    end
    local w1 = r:randn { 5, 3, 1, 1 }
    S.near(d.conv2d(x, w1), conv_ref(x, w1, nil, 1, 0, 0, 0, 0), 1e-5, "1x1")
    assert.has_error(function() d.conv2d(x, r:randn { 4, 2, 3, 3 }) end)
  end)

  it("group_norm normalises each group and applies the affine and activation", function()
    local x = r:randn { 2, 4, 3, 3 } * 3 + 1
    local g, b = d.tensor { 1, 2, 0.5, -1 }, d.tensor { 0, 0.1, -0.2, 0.3 }
    local out = d.group_norm(x, 2, g, b, 1e-5)
    for n = 1, 2 do
      for grp = 0, 1 do
        local vals = {}
        for c = grp * 2 + 1, grp * 2 + 2 do
          for _, v in ipairs(S.flatten(x:select(1, n):select(1, c):totable())) do vals[#vals + 1] = v end
        end
        local mean, var = 0, 0
        for _, v in ipairs(vals) do mean = mean + v / #vals end
        for _, v in ipairs(vals) do var = var + (v - mean) ^ 2 / #vals end
        for c = grp * 2 + 1, grp * 2 + 2 do
          local want = (x:get(n, c, 2, 3) - mean) / math.sqrt(var + 1e-5) * g:get(c) + b:get(c)
          assert.near(want, out:get(n, c, 2, 3), 1e-5)
        end
      end
    end
    local silu = d.group_norm(x, 2, g, b, 1e-5, "silu")
    S.near(silu, out:silu(), 1e-6, "fused silu")
  end)

  it("linear, activations, upsampling and pooling", function()
    local x, w, b = r:randn { 3, 4 }, r:randn { 5, 4 }, r:randn { 5 }
    S.near(d.linear(x, w, b), d.matmul(x, w:transpose()) + b, 1e-5, "linear")
    local t = d.tensor { -2, -0.5, 0, 1, 3 }
    S.near(d.activation(t, "silu"), t:silu(), 1e-6, "silu")
    -- the network ops' SiLU uses a vectorised exp (csrc/core/fastmath.h):
    -- within 2 float ulps of glibc's expf on the range where exp(-v) is a
    -- normal float (measured worst 2.9e-7 relative), and beyond it as good
    -- as zero where glibc's overflow makes an exact -0
    local inner = d.linspace(-87, 88, 100001)
    local rel = ((d.activation(inner, "silu") - inner:silu()):abs() / inner:silu():abs():clamp(1e-38, 1e38)):max()
    assert.is_true(rel < 3e-7, string.format("silu: relative error %.3g", rel))
    local outer = d.linspace(-100, -88, 1001)
    assert.is_true((d.activation(outer, "silu") - outer:silu()):abs():max() < 1e-30)
    assert.has_error(function() d.timestep_embedding(d.zeros { 2, 2 }, 8) end,
      "timestep_embedding: expected a 1-d tensor of timesteps")
    assert.has_error(function() d.timestep_embedding(d.zeros { 2 }, 1) end,
      "timestep_embedding: dim 1 out of range 2..2^20")
    local nan = d.activation(d.tensor { 0 / 0, 1 }, "silu"):totable()
    assert.is_true(nan[1] ~= nan[1], "NaN stays NaN")
    nan = d.activation(d.tensor { 1, 0 / 0, 2, 3, 4, 5, 6, 7, 8, 0 / 0 }, "silu"):totable() -- eight lanes, a tail
    assert.is_true(nan[2] ~= nan[2] and nan[10] ~= nan[10] and nan[1] == nan[1], "NaN stays NaN, lanes and tail")
    local mish, gelu = d.activation(t, "mish"):totable(), d.activation(t, "gelu"):totable()
    local sp = math.log(1 + math.exp(3)) -- mish(3) = 3 tanh(softplus(3))
    assert.near(3 * (math.exp(2 * sp) - 1) / (math.exp(2 * sp) + 1), mish[5], 1e-5)
    assert.near(0.8413447 * 1, gelu[4], 1e-5) -- x * Phi(x) at x = 1
    -- layer norm over the last dimension: (x - mean) / sqrt(var + eps) * gamma + beta, biased variance
    local row = d.tensor { { 1, 2, 4, 9 } }
    local ln = d.layer_norm(row, d.tensor { 1, 2, 1, 1 }, d.tensor { 0, 0, 0, 1 }, 0):totable()[1]
    local sd = math.sqrt(((1 - 4) ^ 2 + (2 - 4) ^ 2 + 0 + (9 - 4) ^ 2) / 4)
    assert.near(-3 / sd, ln[1], 1e-6)
    assert.near(2 * -2 / sd, ln[2], 1e-6)
    assert.near(5 / sd + 1, ln[4], 1e-6)
    assert.has_error(function() d.layer_norm(row, d.ones { 3 }, d.zeros { 4 }) end,
      "layer_norm: need (..., C) input and C-sized gamma and beta")
    local quick = d.activation(t, "quick_gelu"):totable() -- x sigmoid(1.702 x), CLIP's
    assert.near(3 / (1 + math.exp(-1.702 * 3)), quick[5], 1e-6)
    assert.near((math.exp(-1) - 1) / (math.exp(-1) + 1), d.activation(t, "tanh"):totable()[2], 1e-7) -- tanh(-0.5)
    local u = math.sqrt(2 / math.pi) * (3 + 0.044715 * 27) -- GELU's tanh form at 3
    assert.near(1.5 * (1 + (math.exp(2 * u) - 1) / (math.exp(2 * u) + 1)), d.activation(t, "gelu_tanh"):totable()[5],
      1e-5)
    local img = d.arange(4):reshape { 1, 1, 2, 2 }
    assert.same({ { { { 0, 0, 1, 1 }, { 0, 0, 1, 1 }, { 2, 2, 3, 3 }, { 2, 2, 3, 3 } } } },
      d.upsample_nearest2x(img):totable())
    assert.same({ { { { 1.5 } } } }, d.avg_pool2x(img):totable())
  end)

  it("attention matches a direct computation, its heads spread over the threads bit for bit", function()
    -- naive multi-head self-attention over the H x W positions, in Lua doubles
    local function ref(xn, res, w, b, heads, rescale)
      local N, C, H, W = table.unpack(xn:shape())
      local T, dh = H * W, C // heads
      local x, resid = xn:reshape { N, C, T }:totable(), res:reshape { N, C, T }:totable()
      local wt, bt = {}, {}
      for i = 1, 4 do wt[i], bt[i] = w[i]:totable(), b[i]:totable() end
      local function project(i, rows)
        local p = {}
        for o = 1, C do
          p[o] = {}
          for t = 1, T do
            local s = bt[i][o]
            for c = 1, C do s = s + wt[i][o][c] * rows[c][t] end
            p[o][t] = s
          end
        end
        return p
      end
      local out = {}
      for n = 1, N do
        local q, k, v = project(1, x[n]), project(2, x[n]), project(3, x[n])
        local o = {}
        for c = 1, C do o[c] = {} end
        for h = 0, heads - 1 do
          for i = 1, T do
            local sc, top, sum = {}, -math.huge, 0
            for j = 1, T do
              local s = 0
              for c = h * dh + 1, (h + 1) * dh do s = s + q[c][i] * k[c][j] end
              sc[j] = s / math.sqrt(dh)
              top = math.max(top, sc[j])
            end
            for j = 1, T do sc[j] = math.exp(sc[j] - top); sum = sum + sc[j] end
            for c = h * dh + 1, (h + 1) * dh do
              local s = 0
              for j = 1, T do s = s + v[c][j] * sc[j] / sum end
              o[c][i] = s
            end
          end
        end
        local p = project(4, o)
        out[n] = {}
        for c = 1, C do
          out[n][c] = {}
          for t = 1, T do out[n][c][t] = (p[c][t] + resid[n][c][t]) / rescale end
        end
      end
      return d.tensor(out):reshape { N, C, H, W }
    end
    local rng = d.rng(11)
    -- queries go in blocks of 16 (the last one padded to a multiple of 4): 20 tokens are a block and
    -- 4, 49 a block and 1 (3 padding); 256 tokens of one head spread their blocks over the threads
    for _, case in ipairs { { 1, 12, 5, 4 }, { 3, 12, 5, 4 }, { 4, 12, 5, 4 }, { 1, 6, 7, 7 }, { 3, 6, 7, 7 },
      { 1, 4, 16, 16 } } do
      local heads, C, H, W = case[1], case[2], case[3], case[4]
      local xn, res = rng:randn { 2, C, H, W }, rng:randn { 2, C, H, W }
      local w, b = {}, {}
      for i = 1, 4 do w[i], b[i] = rng:randn { C, C } * 0.4, rng:randn { C } * 0.1 end
      local before = d.threads()
      d.threads(2)
      local two = d.attention(xn, res, w, b, heads, 1.5) -- a sample per thread
      -- one sample: its heads (or one head's query blocks) spread over the threads
      local single = d.attention(xn:narrow(1, 2, 1), res:narrow(1, 2, 1), w, b, heads, 1.5)
      d.threads(1)
      local one = d.attention(xn, res, w, b, heads, 1.5)
      d.threads(before)
      assert.same(one:totable(), two:totable())
      assert.same(two:select(1, 2):totable(), single:totable()[1])
      local expect = ref(xn, res, w, b, heads, 1.5)
      local err = (two - expect):abs():max() / expect:abs():max()
      assert.is_true(err < 1e-5, string.format("%d heads, %dx%d: relative error %g", heads, H, W, err))
    end
  end)

  it("attention's softmax: saturated scores pick their key, a NaN token reaches every query", function()
    -- one head of 16 channels over 16x16 tokens (full query blocks, the vectorised softmax), keys made
    -- to score each query a few hundred apart: the softmax is then one-hot up to exp(-87) or less, so
    -- each output is the top key's value (projections are identities, biases zero)
    local C, H, W = 16, 16, 16
    local T = H * W
    local rows = {}
    for i = 1, C do
      rows[i] = {}
      for j = 1, C do rows[i][j] = i == j and 1 or 0 end
    end
    local eye, zero = d.tensor(rows), d.zeros { C }
    local x = d.rng(3):randn { 1, C, H, W } * 30
    local w, b = { eye, eye, eye, eye }, { zero, zero, zero, zero }
    local out = d.attention(x, d.zeros { 1, C, H, W }, w, b, 1, 1):reshape { C, T }:totable()
    local xs = x:reshape { C, T }:totable()
    for i = 1, T, 17 do
      local best, top = nil, -math.huge
      for j = 1, T do
        local s = 0
        for c = 1, C do s = s + xs[c][i] * xs[c][j] end
        if s > top then best, top = j, s end
      end
      for c = 1, C do
        assert.near(xs[c][best], out[c][i], 1e-3 * math.abs(xs[c][best]) + 1e-3)
      end
    end
    -- a NaN in one token's input makes its key NaN, so every query's softmax is NaN (as in PyTorch)
    xs[5][40] = 0 / 0
    local nan = d.attention(d.tensor(xs):reshape { 1, C, H, W }, d.zeros { 1, C, H, W }, w, b, 1, 1)
    local finite = 0
    for _, v in ipairs(nan:reshape { C * T }:totable()) do
      if v == v then finite = finite + 1 end
    end
    assert.equal(0, finite)
  end)
end)
