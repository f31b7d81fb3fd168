local d = require "diffusion"

describe("shape ops", function()
  local t = d.arange(24):reshape { 2, 3, 4 }

  it("reshape infers one -1 and keeps the data order", function()
    assert.same({ 6, 4 }, t:reshape { -1, 4 }:shape())
    assert.same({ { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, { 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 } },
      t:view(2, 12):totable())
  end)

  it("permute and transpose move data (1-based dims)", function()
    local p = t:permute { 3, 1, 2 }
    assert.same({ 4, 2, 3 }, p:shape())
    for i = 1, 2 do
      for j = 1, 3 do
        for k = 1, 4 do assert.equal(t:get(i, j, k), p:get(k, i, j)) end
      end
    end
    local m = d.arange(6):reshape { 2, 3 }
    assert.same({ { 0, 3 }, { 1, 4 }, { 2, 5 } }, m:transpose():totable())
    assert.same({ 4, 3, 2 }, t:transpose(1, 3):shape())
    assert.equal(t:get(2, 1, 3), t:transpose(1, 3):get(3, 1, 2))
    assert.equal(t, t:contiguous())
  end)

  it("cat and stack", function()
    local a, b = d.tensor { { 1, 2 } }, d.tensor { { 3, 4 }, { 5, 6 } }
    assert.same({ { 1, 2 }, { 3, 4 }, { 5, 6 } }, d.cat({ a, b }, 1):totable())
    assert.same({ { 1, 2, 3, 4 } }, d.cat({ a, d.tensor { { 3, 4 } } }, 2):totable())
    assert.same({ 2, 1, 2 }, d.stack({ a, a }):shape())
    assert.same({ { { 1, 2 } }, { { 1, 2 } } }, d.stack({ a, a }, 1):totable())
    assert.same({ { { 1, 1 }, { 2, 2 } } }, d.stack({ a, a }, 3):totable())
    local x = d.arange(8):reshape { 2, 2, 2 }
    local y = d.cat({ x, x * 10 }, 2)
    assert.same({ 2, 4, 2 }, y:shape())
    assert.same({ { 0, 1 }, { 2, 3 }, { 0, 10 }, { 20, 30 } }, y:select(1, 1):totable())
  end)

  it("repeat_ tiles and expand broadcasts", function()
    local a = d.tensor { { 1, 2 } }
    assert.same({ { 1, 2, 1, 2 }, { 1, 2, 1, 2 } }, a:repeat_ { 2, 2 }:totable())
    assert.same({ { { 1, 2 } }, { { 1, 2 } } }, a:repeat_ { 2, 1, 1 }:totable())
    assert.same({ { 1, 2 }, { 1, 2 }, { 1, 2 } }, a:expand { 3, 2 }:totable())
    assert.same({ { 5, 5 }, { 6, 6 } }, d.tensor { { 5 }, { 6 } }:expand { 2, 2 }:totable())
  end)

  it("pad zero-pads (or fills) the last two dims: left, right, top, bottom", function()
    local a = d.ones { 1, 2, 2 }
    local p = a:pad { 1, 2, 0, 1 }
    assert.same({ 1, 3, 5 }, p:shape())
    assert.same({ { { 0, 1, 1, 0, 0 }, { 0, 1, 1, 0, 0 }, { 0, 0, 0, 0, 0 } } }, p:totable())
    assert.equal(4 + 2 * 12, a:pad({ 1 }, 2):sum()) -- 4x4: 4 ones, 12 cells of 2
  end)
end)
