local d = require "diffusion"
local S = require "support"

-- Reference values come from plain Lua loops over the same inputs.
local function lua_map2(a, b, f)
  local out = {}
  for i = 1, #a do out[i] = f(a[i], b[i]) end
  return out
end

local function sigmoid(x) return 1 / (1 + math.exp(-x)) end

describe("elementwise ops", function()
  local rng = d.rng(7)
  local a = rng:randn { 3, 5 }
  local b = rng:rand { 3, 5 }:add_(0.5)
  local fa, fb = S.flatten(a:totable()), S.flatten(b:totable())

  it("add sub mul div pow maximum minimum match Lua", function()
    local cases = {
      add = function(x, y) return x + y end,
      sub = function(x, y) return x - y end,
      mul = function(x, y) return x * y end,
      div = function(x, y) return x / y end,
      pow = function(x, y) return math.abs(x) ^ y end,
      maximum = math.max,
      minimum = math.min,
    }
    for name, f in pairs(cases) do
      local lhs = name == "pow" and a:abs() or a
      local flhs = name == "pow" and S.flatten(lhs:totable()) or fa
      S.near(lhs[name](lhs, b), lua_map2(flhs, fb, f), 2e-6, name)
      local c = lhs:clone()
      c[name .. "_"](c, b)
      S.near(c, lua_map2(flhs, fb, f), 2e-6, name .. "_")
    end
  end)

  it("metamethods take numbers on either side", function()
    S.near(a + 1, lua_map2(fa, fa, function(x) return x + 1 end), 1e-7, "+")
    S.near(2 - a, lua_map2(fa, fa, function(x) return 2 - x end), 1e-7, "-")
    S.near(a * 3, lua_map2(fa, fa, function(x) return x * 3 end), 1e-7, "*")
    S.near(1 / b, lua_map2(fb, fb, function(x) return 1 / x end), 1e-6, "/")
    S.near(-a, lua_map2(fa, fa, function(x) return -x end), 0, "unm")
    S.near(a * b + a, lua_map2(fa, fb, function(x, y) return x * y + x end), 1e-6, "chain")
  end)

  it("unary ops match Lua's math", function()
    local cases = {
      abs = math.abs, neg = function(x) return -x end, exp = math.exp,
      tanh = function(x) return (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1) end,
      sigmoid = sigmoid, silu = function(x) return x * sigmoid(x) end,
      sin = math.sin, cos = math.cos, square = function(x) return x * x end,
      sign = function(x) return x > 0 and 1 or (x < 0 and -1 or 0) end,
    }
    for name, f in pairs(cases) do
      S.near(a[name](a), lua_map2(fa, fa, f), 3e-6, name)
      local c = a:clone()
      c[name .. "_"](c)
      S.near(c, lua_map2(fa, fa, f), 3e-6, name .. "_")
    end
    S.near(b:log(), lua_map2(fb, fb, function(x) return math.log(x) end), 2e-6, "log")
    S.near(b:sqrt(), lua_map2(fb, fb, math.sqrt), 2e-6, "sqrt")
    S.near(b:rsqrt(), lua_map2(fb, fb, function(x) return 1 / math.sqrt(x) end), 2e-6, "rsqrt")
  end)

  it("round (half away from zero) and floor, keeping NaN and infinities", function()
    local t = d.tensor { -2.5, -1.5, -0.4, 0.5, 1.49, 2.5, 254.6, 0 / 0, math.huge }
    local r, f = t:round():totable(), t:floor():totable()
    assert.same({ -3, -2, -0, 1, 1, 3, 255 }, { table.unpack(r, 1, 7) })
    assert.same({ -3, -2, -1, 0, 1, 2, 254 }, { table.unpack(f, 1, 7) })
    assert.is_true(r[8] ~= r[8] and f[8] ~= f[8])
    assert.equal(math.huge, r[9])
    t:floor_()
    assert.equal(-3, t:get(1))
  end)

  it("clamp bounds values and keeps NaN", function()
    local t = d.tensor { -2, -0.5, 0.5, 2, 0 / 0 }
    local c = t:clamp(-1, 1):totable()
    assert.same({ -1, -0.5, 0.5, 1 }, { c[1], c[2], c[3], c[4] })
    assert.is_true(c[5] ~= c[5])
    assert.same({ 0, 0, 0.5, 2 }, { table.unpack(t:clamp(0):totable(), 1, 4) })
    t:clamp_(nil, 0)
    assert.equal(0, t:get(4))
    assert.equal(-math.huge, d.tensor { -math.huge }:clamp(nil, 1):item())
  end)

  it("broadcasts as NumPy does", function()
    local m = d.arange(6):reshape { 2, 3 }
    local row = d.tensor { 10, 20, 30 }
    local col = d.tensor { { 100 }, { 200 } }
    assert.same({ { 10, 21, 32 }, { 13, 24, 35 } }, (m + row):totable())
    assert.same({ { 100, 101, 102 }, { 203, 204, 205 } }, (m + col):totable())
    assert.same({ { 110, 120, 130 }, { 210, 220, 230 } }, (col + row):totable())
    local x = d.ones { 2, 3, 4, 5 }
    local per_channel = d.arange(3):reshape { 1, 3, 1, 1 }
    local y = x * per_channel
    assert.same({ 2, 3, 4, 5 }, y:shape())
    assert.equal(2, y:get(2, 3, 4, 5))
    assert.equal(0, y:get(1, 1, 1, 1))
    assert.equal(3 * 20 * (0 + 1 + 2) * 2 / 3, y:sum())
    m:add_(row)
    assert.same({ { 10, 21, 32 }, { 13, 24, 35 } }, m:totable())
  end)

  it("in place ops on overlapping views read the original values", function()
    local t = d.arange(6):reshape { 3, 2 }
    local first = t:narrow(1, 1, 1) -- {1, 2} view of row 1
    t:add_(first)
    assert.same({ { 0, 2 }, { 2, 4 }, { 4, 6 } }, t:totable())
  end)

  it("copy_ and fill_", function()
    local t = d.zeros { 2, 3 }
    t:copy_(d.tensor { 1, 2, 3 })
    assert.same({ { 1, 2, 3 }, { 1, 2, 3 } }, t:totable())
    t:fill_(-4)
    assert.equal(-24, t:sum())
    t:copy_(d.arange(6):reshape { 2, 3 })
    assert.equal(15, t:sum())
  end)

  it("parallel and serial paths give the same result on big tensors", function()
    local big = d.rng(1):randn { 4, 100000 }
    local ref = big:clone()
    big:mul_(2):add_(1)
    -- spot-check elements against Lua
    for _, i in ipairs { 1, 50000, 100000 } do
      assert.near(2 * ref:get(4, i) + 1, big:get(4, i), 1e-6)
    end
  end)
end)

describe("fused sampler ops", function()
  local rng = d.rng(3)
  local t1, t2, t3, t4 = rng:randn { 2, 3, 8, 8 }, rng:randn { 2, 3, 8, 8 }, rng:randn { 2, 3, 8, 8 },
      rng:randn { 2, 3, 8, 8 }
  local f1, f2, f3, f4 = S.flatten(t1:totable()), S.flatten(t2:totable()), S.flatten(t3:totable()),
      S.flatten(t4:totable())

  it("axpby_ computes a*t + b*u in place", function()
    local x = t1:clone()
    x:axpby_(0.5, -2, t2)
    S.near(x, lua_map2(f1, f2, function(p, q) return 0.5 * p - 2 * q end), 1e-6, "axpby_")
    local y = d.ones { 2, 3 }
    y:axpby_(2, 1, d.tensor { 1, 2, 3 }) -- u broadcasts
    assert.same({ { 3, 4, 5 }, { 3, 4, 5 } }, y:totable())
  end)

  it("lincomb and lincomb_ sum any number of terms", function()
    local c = { 0.25, -1.5, 2, 0.125 }
    local want = {}
    for i = 1, #f1 do want[i] = c[1] * f1[i] + c[2] * f2[i] + c[3] * f3[i] + c[4] * f4[i] end
    S.near(d.lincomb(c, { t1, t2, t3, t4 }), want, 1e-6, "lincomb")
    local out = t1:clone()
    out:lincomb_(c, { out, t2, t3, t4 }) -- the output may be a term
    S.near(out, want, 1e-6, "lincomb_ aliased")
    S.near(d.lincomb({ 3 }, { t2 }), lua_map2(f2, f2, function(x) return 3 * x end), 1e-6, "one term")
  end)
end)

describe("reductions", function()
  local m = d.tensor { { 1, 5, 3 }, { 4, 2, 6 } }

  it("over everything", function()
    assert.equal(21, m:sum())
    assert.equal(3.5, m:mean())
    assert.equal(6, m:max())
    assert.equal(1, m:min())
    assert.equal(6, m:argmax())
    assert.equal(1, m:argmin())
    assert.near(3.5, m:var(), 1e-12) -- unbiased: sum((x - 3.5)^2) / 5
    assert.near(17.5 / 6, m:var(nil, false, false), 1e-12)
    assert.near(math.sqrt(3.5), m:std(), 1e-12)
    assert.near(math.sqrt(91), m:norm(), 1e-6)
    assert.equal(21, m:norm(1))
    assert.equal(6, m:norm(math.huge))
    assert.near((1 + 125 + 27 + 64 + 8 + 216) ^ (1 / 3), m:norm(3), 1e-6)
  end)

  it("along a dim, with keepdim", function()
    assert.same({ 5, 7, 9 }, m:sum(1):totable())
    assert.same({ { 9 }, { 12 } }, m:sum(2, true):totable())
    assert.same({ 3, 4 }, m:mean(2):totable())
    local v, i = m:max(2)
    assert.same({ 5, 6 }, v:totable())
    assert.same({ 2, 3 }, i:totable())
    local vmin, imin = m:min(1)
    assert.same({ 1, 2, 3 }, vmin:totable())
    assert.same({ 1, 2, 1 }, imin:totable())
    assert.same({ 2, 1, 2 }, m:argmax(1):totable())
    assert.same({ 4.5, 4.5, 4.5 }, m:var(1):totable())
    S.near(m:std(2), { 2, 2 }, 1e-6, "std")
    S.near(m:norm(2, 1), { math.sqrt(17), math.sqrt(29), math.sqrt(45) }, 1e-6, "norm dim")
    assert.same({ 9, 12 }, m:sum(-1):totable()) -- -1 is the last dim
  end)

  it("propagates NaN in max and argmax as NumPy", function()
    local t = d.tensor { 1, 0 / 0, 3 }
    assert.is_true(t:max() ~= t:max())
    assert.equal(2, t:argmax())
  end)

  it("sums a large tensor accurately", function()
    local n = 1 << 22
    local t = d.full({ n }, 0.1)
    assert.near(n * 0.1, t:sum(), n * 0.1 * 1e-7)
    assert.near(0.1, t:mean(), 1e-8)
  end)

  it("dot", function()
    assert.equal(32, d.dot(d.tensor { 1, 2, 3 }, d.tensor { 4, 5, 6 }))
    assert.equal(32, d.tensor { { 1, 2, 3 } }:dot(d.tensor { 4, 5, 6 }))
  end)

  it("abs_quantile per sample matches sorting with linear interpolation", function()
    local x = d.rng(11):randn { 3, 2, 7, 5 }
    for _, q in ipairs { 0, 0.3, 0.5, 0.995, 1 } do
      local got = x:abs_quantile(q):totable()
      for s = 1, 3 do
        local v = S.flatten(x:select(1, s):abs():totable())
        table.sort(v)
        local pos = q * (#v - 1)
        local lo = math.floor(pos)
        local hi = math.min(lo + 1, #v - 1)
        local want = v[lo + 1] + (v[hi + 1] - v[lo + 1]) * (pos - lo)
        assert.near(want, got[s], 1e-6)
      end
    end
  end)
end)

-- the products and transposes of plain Lua tables (in double), for the expectations
local function naive(a, b)
  local m, k, n = #a, #b, #b[1]
  local c = {}
  for i = 1, m do
    c[i] = {}
    for j = 1, n do
      local s = 0
      for l = 1, k do s = s + a[i][l] * b[l][j] end
      c[i][j] = s
    end
  end
  return c
end

local function transpose(m)
  local r = {}
  for j = 1, #m[1] do
    r[j] = {}
    for i = 1, #m do r[j][i] = m[i][j] end
  end
  return r
end

describe("matmul", function()

  it("2-D matches a naive product", function()
    local rng = d.rng(5)
    local a, b = rng:randn { 7, 13 }, rng:randn { 13, 5 }
    S.near(d.matmul(a, b), naive(a:totable(), b:totable()), 1e-5, "matmul")
  end)

  it("few columns and many rows (blocks of 32 rows over the threads) match, at 1 and 2 threads", function()
    local rng = d.rng(8)
    local a, b = rng:randn { 70, 40 }, rng:randn { 40, 24 } -- rows 32 + 32 + 6
    local before = d.threads()
    d.threads(1)
    local one = d.matmul(a, b)
    d.threads(2)
    local two = d.matmul(a, b)
    d.threads(before)
    S.near(one, naive(a:totable(), b:totable()), 1e-5, "row blocks")
    assert.same(one:totable(), two:totable())
  end)

  -- Our own GEMM (the avx512 build) tiles C in 8 x 48, K in blocks of at
  -- most 384 and B in blocks of 3072 columns: each side one short of, at
  -- and one past those edges, against the naive sums.
  it("matches the naive product at the edges of its tiles and blocks, at 1 and 2 threads", function()
    local rng = d.rng(9)
    local before = d.threads()
    for _, s in ipairs { { 1, 1, 1 }, { 7, 15, 383 }, { 8, 48, 384 }, { 9, 49, 385 }, { 17, 97, 769 },
      { 130, 33, 40 }, { 3, 3073, 5 } } do
      local m, n, k = s[1], s[2], s[3]
      local a, b = rng:randn { m, k }, rng:randn { k, n }
      d.threads(1)
      local one = d.matmul(a, b)
      d.threads(2)
      local two = d.matmul(a, b)
      S.near(one, naive(a:totable(), b:totable()), 1e-5 * math.sqrt(k), table.concat(s, "x"))
      assert.same(one:totable(), two:totable())
    end
    d.threads(before)
  end)

  it("transposed operands (linear and its weight gradient) match the naive product", function()
    local rng = d.rng(10)
    local x, w = rng:randn { 50, 400 }, rng:randn { 53, 400 }
    local xt, wt = x:totable(), w:totable()
    local t = transpose
    S.near(d.linear(x, w, d.zeros { 53 }), naive(xt, t(wt)), 2e-4, "x w^T")
    local g = rng:randn { 50, 53 }
    local _, gw = d.linear_backward(x, w, g)
    S.near(gw, naive(t(g:totable()), xt), 1e-4, "g^T x")
  end)

  it("batched 3-D, and a batch against one matrix", function()
    local rng = d.rng(6)
    local a, b = rng:randn { 3, 4, 6 }, rng:randn { 3, 6, 2 }
    local c = d.matmul(a, b)
    assert.same({ 3, 4, 2 }, c:shape())
    for i = 1, 3 do
      S.near(c:select(1, i), naive(a:select(1, i):totable(), b:select(1, i):totable()), 1e-5, "batch")
    end
    local w = rng:randn { 6, 2 }
    local c2 = a:matmul(w)
    for i = 1, 3 do
      S.near(c2:select(1, i), naive(a:select(1, i):totable(), w:totable()), 1e-5, "shared")
    end
    local c3 = d.matmul(rng:randn { 4, 6 }, b)
    assert.same({ 3, 4, 2 }, c3:shape())
  end)
end)

-- diffusion.matmul_precision("bf16"): both operands rounded to bfloat16
-- (round to nearest even), their products summed in float32. The
-- expectation rounds the operands here, bit by bit, and sums in double.
describe("matmul_precision", function()
  local function bf16(x)
    local bits = string.unpack("<I4", string.pack("<f", x))
    if x ~= x then return x end
    bits = (bits + 0x7fff + ((bits >> 16) & 1)) & 0xffff0000
    return (string.unpack("<f", string.pack("<I4", bits)))
  end
  local function rounded(t)
    local r = {}
    for i, row in ipairs(t) do
      r[i] = {}
      for j, v in ipairs(row) do r[i][j] = bf16(v) end
    end
    return r
  end
  local supported = pcall(d.matmul_precision, "bf16")
  d.matmul_precision("float32")
  after_each(function() d.matmul_precision("float32") end)

  it("is float32 by default, names what it accepts, and says why bf16 is not there", function()
    assert.equal("float32", d.matmul_precision())
    local ok, err = pcall(d.matmul_precision, "tf32")
    assert.is_false(ok)
    assert.truthy(tostring(err):find('expected "float32" or "bf16", got "tf32"', 1, true), tostring(err))
    if not supported then
      ok, err = pcall(d.matmul_precision, "bf16")
      assert.is_false(ok)
      assert.truthy(tostring(err):find('"bf16" needs the avx512 kernel set on a CPU with AVX512_BF16', 1, true))
      assert.equal("float32", d.matmul_precision())
    end
  end)

  if not supported then return end -- (the avx2 and generic builds, CPUs without AVX512_BF16)

  -- K blocks of at most 384 as in float32: 385 is two blocks of 193 (odd, a last word half
  -- zero), 769 three of 257
  it("multiplies the rounded operands at the edges of tiles and K blocks (odd K too), at 1 and 2 threads", function()
    local rng = d.rng(11)
    local before = d.threads()
    for _, s in ipairs { { 1, 1, 1 }, { 7, 15, 383 }, { 8, 48, 384 }, { 9, 49, 385 }, { 17, 97, 769 },
      { 130, 33, 40 }, { 3, 3073, 5 } } do
      local m, n, k = s[1], s[2], s[3]
      local a, b = rng:randn { m, k }, rng:randn { k, n }
      local want = naive(rounded(a:totable()), rounded(b:totable()))
      local f32 = d.matmul(a, b)
      d.matmul_precision("bf16")
      d.threads(1)
      local one = d.matmul(a, b)
      d.threads(2)
      local two = d.matmul(a, b)
      d.matmul_precision("float32")
      S.near(one, want, 1e-5 * math.sqrt(k), table.concat(s, "x"))
      assert.same(one:totable(), two:totable())
      if k > 1 then assert.is_true((one - f32):abs():max() > 1e-3, "bf16 products differ from float32's") end
    end
    d.threads(before)
  end)

  it("rounds transposed operands the same way (linear and its weight gradient)", function()
    local rng = d.rng(12)
    local x, w, g = rng:randn { 50, 401 }, rng:randn { 53, 401 }, rng:randn { 50, 53 }
    d.matmul_precision("bf16")
    local y = d.linear(x, w, d.zeros { 53 })
    local _, gw = d.linear_backward(x, w, g)
    d.matmul_precision("float32")
    local xr = rounded(x:totable())
    S.near(y, naive(xr, transpose(rounded(w:totable()))), 2e-4, "x w^T")
    S.near(gw, naive(transpose(rounded(g:totable())), xr), 2e-4, "g^T x")
  end)

  it("keeps NaN and infinity", function()
    local a, b = d.rng(13):randn { 9, 64 }, d.rng(14):randn { 64, 50 }
    a:set(2, 5, 0 / 0)
    a:set(3, 7, math.huge)
    b:set(1, 49, 0 / 0)
    d.matmul_precision("bf16")
    local c = d.matmul(a, b):totable()
    for j = 1, 50 do assert.is_true(c[2][j] ~= c[2][j], "row 2 NaN") end
    for i = 1, 9 do assert.is_true(c[i][49] ~= c[i][49], "column 49 NaN") end
    for j = 1, 50 do
      if j ~= 49 then assert.is_true(math.abs(c[3][j]) == math.huge, "row 3 infinite") end
    end
    assert.is_true(c[1][1] == c[1][1] and math.abs(c[1][1]) < math.huge)
    -- a NaN whose payload is in the low 16 bits only: rounding must not carry it into infinity
    local path = S.tmpname(".npy")
    local f = assert(io.open(path, "wb"))
    local header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"
    header = header .. string.rep(" ", 118 - #header) .. "\n"
    f:write("\x93NUMPY\x01\x00", string.pack("<I2", #header), header,
      string.pack("<I4I4I4I4", 0x7f800001, 0x3f800000, 0x3f800000, 0x3f800000))
    f:close()
    local odd = d.load_npy(path)
    os.remove(path)
    d.matmul_precision("bf16")
    local one = d.matmul(odd, d.ones { 2, 1 })       -- the NaN in A (rounded as A is packed)
    local other = d.matmul(d.ones { 1, 2 }, odd)     -- and in B
    d.matmul_precision("float32")
    assert.is_true(one:get(1, 1) ~= one:get(1, 1), "A's NaN stays NaN")
    assert.is_true(other:get(1, 1) ~= other:get(1, 1), "B's NaN stays NaN")
  end)

  it("rounds ties to even, in A and in B", function()
    -- 1 + 2^-8 and 1 + 3 * 2^-8 lie halfway between bfloat16 neighbours (2^-7 apart): to 1 and
    -- 1 + 2^-6, the even ones; just past halfway rounds up
    local ties = d.tensor { { 1 + 2 ^ -8, 1 + 3 * 2 ^ -8 }, { -(1 + 2 ^ -8), 1 + 2 ^ -8 + 2 ^ -12 } }
    local eye = d.tensor { { 1, 0 }, { 0, 1 } }
    d.matmul_precision("bf16")
    local ab, ba = d.matmul(ties, eye), d.matmul(eye, ties)
    d.matmul_precision("float32")
    local want = { { 1, 1 + 2 ^ -6 }, { -1, 1 + 2 ^ -7 } }
    assert.same(want, ab:totable())
    assert.same(want, ba:totable())
  end)
end)
