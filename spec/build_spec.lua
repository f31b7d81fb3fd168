-- Properties of the built modules themselves.
describe("the built modules", function()
  local function exported(path)
    local p = assert(io.popen("nm -D --defined-only " .. path .. " 2>&1"))
    local out = p:read("a")
    p:close()
    local names = {}
    for name in out:gmatch("%x+ [TDBRVW] (%S+)") do
      if not name:match("^_") then names[#names + 1] = name end -- _init, _fini, __bss_start ...
    end
    return names
  end

  it("export one opener each: luaopen_diffusion_core_<isa>, and luaopen_diffusion_cpu", function()
    local isa = require("diffusion").cpu().isa
    local path = package.searchpath("diffusion.core_" .. isa, package.cpath)
    assert.truthy(path, "diffusion.core_" .. isa .. " not found on package.cpath")
    assert.same({ "luaopen_diffusion_core_" .. isa }, exported(path))
    local cpu = package.searchpath("diffusion.cpu", package.cpath)
    assert.same({ "luaopen_diffusion_cpu" }, exported(cpu))
  end)

  it("has a build for every instruction set, the cpuid module built for any x86-64", function()
    if os.getenv("DIFFUSION_SANITIZED") then return end -- the sanitised tree has the avx2 build alone
    for _, isa in ipairs { "generic", "avx2", "avx512" } do
      assert.truthy(package.searchpath("diffusion.core_" .. isa, package.cpath), isa)
    end
    -- no AVX instruction in the chooser: it must load on any x86-64 to choose
    local p = assert(io.popen("objdump -d " .. package.searchpath("diffusion.cpu", package.cpath)))
    local dis = p:read("a")
    p:close()
    assert.is_falsy(dis:find("%sv[a-z]+%s+%%[xyz]mm"), "diffusion/cpu.so uses AVX")
  end)
end)

describe("choosing the build (DIFFUSION_ISA)", function()
  local function lua(env, code)
    local interpreter = env:find("qemu") and " /usr/bin/lua5.4" or " lua5.4" -- qemu wants the path
    local p = io.popen(env .. interpreter .. " -e 'package.path=\"lua/?.lua;lua/?/init.lua;\"..package.path "
      .. "package.cpath=\"./?.so;\"..package.cpath " .. code .. "' 2>&1")
    local out = p:read("a")
    return p:close(), out
  end

  it("loads the build it names, and refuses an unknown or unsupported one before anything else", function()
    if os.getenv("DIFFUSION_SANITIZED") then return end
    for _, isa in ipairs { "generic", "avx2" } do
      local ok, out = lua("DIFFUSION_ISA=" .. isa, 'print(require("diffusion").cpu().isa)')
      assert.is_true(ok, out)
      assert.equal(isa .. "\n", out)
    end
    assert.has_error(function() require("diffusion.cpu").supports("sse9") end,
      "supports: unknown instruction set 'sse9' (avx512, avx2 or generic)")
    local ok, out = lua("DIFFUSION_ISA=sse9", 'require "diffusion"')
    assert.is_falsy(ok)
    assert.truthy(out:find("DIFFUSION_ISA=sse9 is not one of avx512, avx2, generic", 1, true), out)
    if not require("diffusion").cpu().features.avx512f then
      ok, out = lua("DIFFUSION_ISA=avx512", 'require "diffusion"')
      assert.is_falsy(ok)
      assert.truthy(out:find("this CPU does not have that instruction set", 1, true), out)
    end
  end)

  it("gives the UNet fixtures' outputs within float32 rounding from every build", function()
    if os.getenv("DIFFUSION_SANITIZED") then return end
    local code = 'local d = require "diffusion" local U = "spec/fixtures/diffusers/unet/" '
      .. 'for _, n in ipairs { "tiny", "class_cond", "ddpm_cifar10_layout", "mixed_resnet" } do '
      .. 'local m = d.load(U .. n) local io_t = d.load_safetensors(U .. n .. "/io.safetensors") '
      .. 'local c = io_t.class_labels and { class_labels = io_t.class_labels } or nil '
      .. 'local o = m(io_t.sample, io_t.timestep_int, c) local r = io_t.output_int '
      .. 'print(n, (o - r):abs():max() / r:abs():max()) end'
    for _, isa in ipairs { "generic", "avx2", "avx512" } do
      if require("diffusion.cpu").supports(isa) then
        local ok, out = lua("DIFFUSION_ISA=" .. isa, code)
        assert.is_true(ok, out)
        local count = 0
        for name, err in out:gmatch("(%S+)\t(%S+)") do
          count = count + 1
          assert.is_true(tonumber(err) < 1e-4, isa .. " " .. name .. ": " .. err)
        end
        assert.equal(4, count, out)
      end
    end
  end)

  it("runs the bundled model on a CPU without AVX (qemu-user emulating a Nehalem), choosing generic", function()
    if os.getenv("DIFFUSION_SANITIZED") or not os.execute("command -v qemu-x86_64 >/dev/null 2>&1") then
      return -- (.ci/run installs qemu-user; a machine without it skips this)
    end
    local code = 'local d = require "diffusion" print(d.cpu().isa) '
      .. 'local x = d.generate { model = d.load(d.bundled("mnist")), n = 2, steps = 2, labels = { 3, 7 } } '
      .. 'print(x:size(1), x:all_finite())'
    -- OpenBLAS picks its kernels for the emulated CPU only with OPENBLAS_CORETYPE unset
    local ok, out = lua("env -u OPENBLAS_CORETYPE qemu-x86_64 -cpu Nehalem", code)
    assert.is_true(ok, out)
    assert.equal("generic\n2\ttrue\n", out)
    ok, out = lua("env -u OPENBLAS_CORETYPE DIFFUSION_ISA=avx2 qemu-x86_64 -cpu Nehalem", 'require "diffusion"')
    assert.is_falsy(ok)
    assert.truthy(out:find("DIFFUSION_ISA=avx2: this CPU does not have that instruction set", 1, true), out)
  end)
end)
