local d = require "diffusion"
local S = require "support"

describe("tensor creation", function()
  it("builds from nested tables, flat tables with a shape, and numbers", function()
    local t = d.tensor { { 1, 2, 3 }, { 4, 5, 6 } }
    assert.same({ 2, 3 }, t:shape())
    assert.same({ { 1, 2, 3 }, { 4, 5, 6 } }, t:totable())
    local f = d.tensor({ 1, 2, 3, 4, 5, 6 }, { 3, 2 })
    assert.same({ { 1, 2 }, { 3, 4 }, { 5, 6 } }, f:totable())
    local s = d.tensor(2.5)
    assert.equal(0, s:dim())
    assert.equal(2.5, s:item())
    assert.same({ 0 }, d.tensor({}):shape())
  end)

  it("makes zeros, ones, full, empty, arange, linspace", function()
    assert.same({ { 0, 0 }, { 0, 0 } }, d.zeros { 2, 2 }:totable())
    assert.same({ 1, 1, 1 }, d.ones(3):totable())
    assert.same({ { 7, 7 } }, d.full({ 1, 2 }, 7):totable())
    assert.same({ 2, 3, 4 }, d.empty { 2, 3, 4 }:shape())
    assert.same({ 0, 1, 2, 3 }, d.arange(4):totable())
    assert.same({ 1, 3 }, d.arange(1, 5, 2):totable())
    assert.same({ 5, 4.5 }, d.arange(5, 4, -0.5):totable())
    assert.same({ 0, 0.25, 0.5, 0.75, 1 }, d.linspace(0, 1, 5):totable())
    assert.same({}, d.linspace(0, 1, 0):totable())
  end)

  it("clones into separate memory", function()
    local a = d.tensor { 1, 2 }
    local b = a:clone()
    b:fill_(9)
    assert.same({ 1, 2 }, a:totable())
  end)
end)

describe("tensor inspection", function()
  local t = d.arange(24):reshape { 2, 3, 4 }
  it("reports shape, dim, numel, #t and size", function()
    assert.same({ 2, 3, 4 }, t:shape())
    assert.equal(3, t:dim())
    assert.equal(24, t:numel())
    assert.equal(2, #t)
    assert.equal(4, t:size(3))
  end)
  it("gets and sets 1-based elements", function()
    assert.equal(23, t:get(2, 3, 4))
    assert.equal(5, t:get(1, 2, 2))
    local u = t:clone()
    u:set(1, 2, 2, -1)
    assert.equal(-1, u:get(1, 2, 2))
    assert.equal(5, t:get(1, 2, 2))
  end)
  it("prints shape and values, abbreviated when large", function()
    local s = tostring(d.tensor { { 1, 2 }, { 3, 4 } })
    assert.truthy(s:find("{2,2}", 1, true))
    assert.truthy(s:find("[[1, 2],", 1, true))
    local big = tostring(d.arange(10000):reshape { 100, 100 })
    assert.truthy(big:find("...", 1, true))
    assert.truthy(big:find("9999", 1, true))
    assert.is_true(#big < 2000)
    assert.truthy(tostring(d.tensor(0 / 0)):find("nan"))
  end)
  it("item needs exactly one element", function()
    assert.equal(3, d.tensor({ 3 }, { 1, 1 }):item())
    assert.has_error(function() d.zeros { 2 }:item() end,
      "item: tensor of shape {2} has 2 elements, expected 1")
  end)
  it("now() is a monotonic wall clock in seconds", function()
    local t0, c0 = d.now(), os.clock()
    local x = 0
    for i = 1, 3e6 do x = x + i % 7 end -- about 0.1 s of one core's time
    local wall, cpu = d.now() - t0, os.clock() - c0
    assert.is_true(x > 0 and wall > 0)
    assert.is_true(wall > 0.5 * cpu and wall < 5 * cpu + 0.05, string.format("wall %.3f cpu %.3f", wall, cpu))
  end)

  it("methods are module functions too", function()
    local a = d.tensor { 1, 2, 3 }
    assert.equal(6, d.sum(a))
    assert.equal(a:sum(), d.sum(a))
    assert.is_true(d.is_tensor(a))
    assert.is_false(d.is_tensor({}))
  end)
end)

describe("views and memory", function()
  it("reshape and view share storage", function()
    local a = d.zeros { 2, 3 }
    local v = a:view { 3, 2 }
    v:set(3, 2, 5)
    assert.equal(5, a:get(2, 3))
    assert.same({ 6 }, a:reshape(-1):shape())
    assert.same({ 2, 1, 3 }, a:unsqueeze(2):shape())
    assert.same({ 2, 3 }, a:unsqueeze(1):squeeze():shape())
  end)

  it("narrow and select along dim 1 are views", function()
    local a = d.arange(12):reshape { 4, 3 }
    local n = a:narrow(1, 2, 2)
    assert.same({ { 3, 4, 5 }, { 6, 7, 8 } }, n:totable())
    n:fill_(0)
    assert.same({ 0, 0, 0 }, a:select(1, 2):totable())
    assert.equal(9, a:get(4, 1))
  end)

  it("narrow and select along later dims copy", function()
    local a = d.arange(12):reshape { 2, 2, 3 }
    assert.same({ { { 1, 2 }, { 4, 5 } }, { { 7, 8 }, { 10, 11 } } }, a:narrow(3, 2, 2):totable())
    assert.same({ { 3, 4, 5 }, { 9, 10, 11 } }, a:select(2, 2):totable())
    a:select(2, 2):fill_(0)
    assert.equal(3, a:get(1, 2, 1))
  end)

  it("a view keeps its base alive after the base is collected", function()
    local v
    do
      local a = d.arange(1000)
      v = a:narrow(1, 991, 10)
    end
    collectgarbage()
    collectgarbage()
    assert.same({ 990, 991, 992, 993, 994, 995, 996, 997, 998, 999 }, v:totable())
  end)

  it("closing a tensor frees it; views stay valid", function()
    local v
    do
      local a <close> = d.arange(10)
      v = a:view { 2, 5 }
    end
    assert.same({ 5, 6, 7, 8, 9 }, v:select(1, 2):totable())
    local a = d.zeros { 3 }
    a:free()
    a:free() -- idempotent
    assert.has_error(function() a:sum() end)
    assert.truthy(tostring(a):find("freed"))
  end)

  it("a loop dropping 1,000 16 MiB tensors grows the resident size by less than 200 MiB", function()
    if S.sanitized then
      pending("ASan's quarantine and valgrind's shadow memory change resident size on purpose")
      return
    end
    collectgarbage()
    local before = S.rss_mib()
    local peak = before
    for _ = 1, 1000 do
      local t = d.empty { 4, 1024, 1024 } -- 16 MiB
      t:fill_(1) -- touch every page
      local rss = S.rss_mib()
      if rss > peak then peak = rss end
    end
    -- relative to the start: specs that ran before this one leave their own heap behind
    assert.is_true(peak - before < 200, string.format("peak resident %.0f MiB (started at %.0f)", peak, before))
  end)
end)
