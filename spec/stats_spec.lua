local d = require "diffusion"

-- mean and unbiased covariance of the rows of a 2-column tensor, in Lua
local function moments2(x)
  local rows = x:totable()
  local n = #rows
  local m1, m2 = 0, 0
  for _, r in ipairs(rows) do m1, m2 = m1 + r[1], m2 + r[2] end
  m1, m2 = m1 / n, m2 / n
  local a, b, c = 0, 0, 0
  for _, r in ipairs(rows) do
    a, b, c = a + (r[1] - m1) ^ 2, b + (r[1] - m1) * (r[2] - m2), c + (r[2] - m2) ^ 2
  end
  return { m1, m2 }, { a / (n - 1), b / (n - 1), c / (n - 1) } -- {xx, xy, yy}
end

describe("frechet_distance", function()
  local rng = d.rng(21)

  it("matches the closed form in two dimensions", function()
    -- for 2 x 2 matrices, tr sqrt(S1 S2) = sqrt(tr(S1 S2) + 2 sqrt(det S1 det S2))
    local a = d.matmul(rng:randn { 400, 2 }, d.tensor { { 1.0, 0.3 }, { 0.0, 0.5 } })
    local b = d.matmul(rng:randn { 300, 2 }, d.tensor { { 0.7, -0.2 }, { 0.4, 1.2 } }) + d.tensor { 0.5, -1 }
    local ma, sa = moments2(a)
    local mb, sb = moments2(b)
    local tr12 = sa[1] * sb[1] + 2 * sa[2] * sb[2] + sa[3] * sb[3]
    local det1, det2 = sa[1] * sa[3] - sa[2] ^ 2, sb[1] * sb[3] - sb[2] ^ 2
    local expect = (ma[1] - mb[1]) ^ 2 + (ma[2] - mb[2]) ^ 2 + sa[1] + sa[3] + sb[1] + sb[3]
      - 2 * math.sqrt(tr12 + 2 * math.sqrt(det1 * det2))
    local got = d.frechet_distance(a, b)
    assert.is_true(math.abs(got - expect) < 1e-6 * math.abs(expect), string.format("%.10g vs %.10g", got, expect))
  end)

  it("is zero for a set against itself, symmetric, and shift-invariant in 128 dimensions", function()
    local a = rng:randn { 600, 128 }
    local b = rng:randn { 500, 128 } * 1.1 + 0.2
    assert.is_true(math.abs(d.frechet_distance(a, a)) < 1e-6)
    local ab, ba = d.frechet_distance(a, b), d.frechet_distance(b, a)
    assert.is_true(ab > 0 and math.abs(ab - ba) < 1e-6 * ab, ab .. " " .. ba)
    assert.is_true(math.abs(d.frechet_distance(a + 3, b + 3) - ab) < 1e-4 * ab)
  end)

  it("is the same number whatever the thread count (so a metric is the same on any rank count)", function()
    local draws = d.rng(5)
    local a, b = draws:randn { 100, 128 }, draws:randn { 100, 128 } * 0.9 + 0.1
    local saved = d.threads()
    d.threads(1)
    local one = d.frechet_distance(a, b)
    d.threads(2)
    local two = d.frechet_distance(a, b)
    d.threads(saved)
    assert.are.equal(one, two)
  end)

  it("refuses mismatched, tiny or non-finite feature sets", function()
    assert.has_error(function() d.frechet_distance(d.zeros { 5, 3 }, d.zeros { 5, 4 }) end,
      "frechet_distance: feature sets must be N x D and M x D with the same D")
    assert.has_error(function() d.frechet_distance(d.zeros { 1, 3 }, d.zeros { 5, 3 }) end,
      "frechet_distance: each feature set needs at least 2 rows")
    local bad = d.zeros { 3, 2 }
    bad:set(2, 1, 0 / 0)
    assert.has_error(function() d.frechet_distance(bad, d.zeros { 3, 2 }) end,
      "frechet_distance: features hold NaN or inf")
  end)
end)
