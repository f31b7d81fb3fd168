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

describe("diffusion.cpu()", function()
  it("names the build's kernel set and the CPU's features, consistently", function()
    local cpu = d.cpu()
    assert.truthy(({ avx512 = true, avx2 = true, generic = true })[cpu.isa], cpu.isa)
    for _, f in ipairs { "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512bf16" } do
      assert.equal("boolean", type(cpu.features[f]), f)
    end
    -- the process runs, so the CPU has what the build's kernels use
    if cpu.isa == "avx2" then assert.is_true(cpu.features.avx2 and cpu.features.fma) end
    if cpu.isa == "avx512" then assert.is_true(cpu.features.avx512f and cpu.features.avx512vl) end
    -- an independent reader: the kernel's own flags
    local f = io.open("/proc/cpuinfo")
    if f then
      local flags = f:read("a"):match("\nflags%s*:%s*([^\n]*)") or ""
      f:close()
      assert.equal(flags:find("%f[%w]avx2%f[%W]") ~= nil, cpu.features.avx2)
      assert.equal(flags:find("%f[%w]avx512f%f[%W]") ~= nil, cpu.features.avx512f)
    end
  end)
end)
