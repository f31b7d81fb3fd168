local d = require "diffusion"

-- Standard normal CDF through erf (Abramowitz and Stegun 7.1.26, |error| < 1.5e-7).
local function phi(x)
  local z = math.abs(x) / math.sqrt(2)
  local t = 1 / (1 + 0.3275911 * z)
  local y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
    + 0.254829592) * t * math.exp(-z * z)
  return x >= 0 and 0.5 * (1 + y) or 0.5 * (1 - y)
end

describe("Philox4x32-10", function()
  it("matches the Random123 known-answer vectors", function()
    assert.same({ 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 },
      d.philox4x32_10({ 0, 0, 0, 0 }, { 0, 0 }))
    assert.same({ 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd },
      d.philox4x32_10({ 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff }, { 0xffffffff, 0xffffffff }))
    assert.same({ 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1 },
      d.philox4x32_10({ 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344 }, { 0xa4093822, 0x299f31d0 }))
  end)
end)

describe("rng", function()
  it("sample i is the same whatever the batch size", function()
    local big = d.rng(42):randn { 8, 1, 4, 4 }
    local small = d.rng(42):randn { 3, 1, 4, 4 }
    assert.same(small:select(1, 3):totable(), big:select(1, 3):totable())
    assert.same(small:select(1, 1):totable(), big:select(1, 1):totable())
    -- and a longer sample extends a shorter one
    local long, short = d.rng(9):randn { 2, 1000 }, d.rng(9):randn { 2, 10 }
    assert.same(short:select(1, 2):totable(), long:select(1, 2):narrow(1, 1, 10):totable())
  end)

  it("is reproducible, and each draw is new", function()
    local r1, r2 = d.rng(5), d.rng(5)
    local a1, a2 = r1:randn { 4, 4 }, r2:randn { 4, 4 }
    assert.same(a1:totable(), a2:totable())
    local b1 = r1:randn { 4, 4 }
    assert.are_not.same(a1:totable(), b1:totable())
    assert.equal(2, r1:draws())
    r2:draws(0)
    assert.same(a1:totable(), r2:randn { 4, 4 }:totable())
    assert.are_not.same(a1:totable(), d.rng(6):randn { 4, 4 }:totable())
    local c = r1:clone()
    assert.same(c:randn { 3 }:totable(), r1:randn { 3 }:totable())
    assert.equal(5, r1:seed())
  end)

  it("fills an existing tensor in place", function()
    local t = d.zeros { 2, 5 }
    local r = d.rng(3)
    assert.equal(t, r:randn(t))
    assert.same(d.rng(3):randn { 2, 5 }:totable(), t:totable())
  end)

  it("normal values pass a moments test", function()
    local n = 200000
    local x = d.rng(1234):randn { n }
    local m = x:mean()
    local centered = x - m
    local var = (centered * centered):mean()
    local skew = (centered * centered * centered):mean() / var ^ 1.5
    local kurt = (centered:square():square()):mean() / var ^ 2
    -- tolerances are about 4 standard errors
    assert.is_true(math.abs(m) < 4 / math.sqrt(n), "mean " .. m)
    assert.is_true(math.abs(var - 1) < 4 * math.sqrt(2 / n), "variance " .. var)
    assert.is_true(math.abs(skew) < 4 * math.sqrt(6 / n), "skewness " .. skew)
    assert.is_true(math.abs(kurt - 3) < 4 * math.sqrt(24 / n), "kurtosis " .. kurt)
  end)

  it("normal values pass a Kolmogorov-Smirnov test", function()
    local n = 20000
    local v = d.rng(77):randn { n }:totable()
    table.sort(v)
    local dmax = 0
    for i = 1, n do
      local f = phi(v[i])
      dmax = math.max(dmax, math.abs(f - (i - 1) / n), math.abs(i / n - f))
    end
    -- critical value at the 1% level: 1.628 / sqrt(n)
    assert.is_true(dmax < 1.628 / math.sqrt(n), "KS statistic " .. dmax)
  end)

  it("uniform values lie in [0, 1) with the right mean and spread", function()
    local u = d.rng(8):rand { 100000 }
    assert.is_true(u:min() >= 0 and u:max() < 1)
    assert.near(0.5, u:mean(), 0.005)
    assert.near(1 / 12, u:var(), 0.002)
  end)

  it("randint covers [lo, hi] inclusive and nothing else", function()
    local t = d.rng(2):randint(-2, 3, { 6000 })
    local counts = {}
    for _, v in ipairs(t:totable()) do
      assert.equal(math.floor(v), v)
      counts[v] = (counts[v] or 0) + 1
    end
    for k = -2, 3 do assert.is_true(counts[k] > 850 and counts[k] < 1150, "count of " .. k) end
    local total = 0
    for k = -2, 3 do total = total + counts[k] end
    assert.equal(6000, total) -- no value outside [-2, 3]
  end)

  it("{first = k} draws rows k .. k + n - 1 of the draw made for more samples", function()
    local function r() return d.rng(11) end -- each draw from the stream's start
    local full_n, full_u, full_i = r():randn { 9, 2, 3 }, r():rand { 9, 5 }, r():randint(0, 100, { 9, 4 })
    for _, k in ipairs { 0, 3, 8 } do
      local rows = 9 - k
      assert.equal(0, (r():randn({ rows, 2, 3 }, { first = k }) - full_n:narrow(1, k + 1, rows)):abs():max())
      assert.equal(0, (r():rand({ rows, 5 }, { first = k }) - full_u:narrow(1, k + 1, rows)):abs():max())
      assert.equal(0, (r():randint(0, 100, { rows, 4 }, { first = k }) - full_i:narrow(1, k + 1, rows)):abs():max())
      local into = d.empty { rows, 2, 3 } -- a tensor to fill, too
      r():randn(into, { first = k })
      assert.equal(0, (into - full_n:narrow(1, k + 1, rows)):abs():max())
    end
    assert.is_true((r():randn({ 2, 3 }, { first = 1 }) - full_n:narrow(1, 1, 2)):abs():max() > 0)
    assert.has_error(function() r():randn({ 2, 3 }, { first = -1 }) end,
      "randn: first must be an integer in 0..2^32 - samples")
    assert.has_error(function() r():randn({ 2, 3 }, { first = 1.5 }) end,
      "randn: first must be an integer in 0..2^32 - samples")
    assert.has_error(function() r():rand({ 2, 3 }, { start = 1 }) end, "rand: unknown option 'start' (it takes first)")
  end)
end)
