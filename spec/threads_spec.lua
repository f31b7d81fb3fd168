-- Results must not depend on the thread count.
local d = require "diffusion"

describe("threads", function()
  local before = d.threads()
  after_each(function() d.threads(before) end)

  local function run_all()
    local r = d.rng(2024)
    local x = r:randn { 8, 3, 64, 64 } -- big enough for the parallel paths
    local u = r:rand { 8, 3, 64, 64 }
    local y = (x * 1.5 + u):silu()
    y:axpby_(0.9, 0.1, x)
    local z = d.lincomb({ 0.3, -0.2, 0.5 }, { x, u, y })
    local a, b = r:randn { 64, 96 }, r:randn { 96, 80 }
    return {
      x = x:totable(), y = y:totable(), z = z:totable(),
      sum = x:sum(), var = x:var(), norm = y:norm(), max = y:max(), argmax = y:argmax(),
      dot = d.dot(x, u), rowsum = x:sum(4):totable(), q = x:abs_quantile(0.9):totable(),
      mm = d.matmul(a, b):totable(),
    }
  end

  it("gives identical results with 1 and 2 threads", function()
    d.threads(1)
    assert.equal(1, d.threads())
    local one = run_all()
    d.threads(2)
    assert.equal(2, d.threads())
    local two = run_all()
    for k, v in pairs(one) do assert.same(v, two[k], k) end
  end)
end)
