-- Properties of the built module itself.
describe("the built module", function()
  it("exports luaopen_diffusion_core and nothing else", function()
    local path = package.searchpath("diffusion.core", package.cpath)
    assert.truthy(path, "diffusion.core not found on package.cpath")
    local p = assert(io.popen("nm -D --defined-only " .. path .. " 2>&1"))
    local out = p:read("a")
    p:close()
    local exported = {}
    for name in out:gmatch("%x+ [TDBRVW] (%S+)") do
      if not name:match("^_") then exported[#exported + 1] = name end -- _init, _fini, __bss_start ...
    end
    assert.same({ "luaopen_diffusion_core" }, exported)
  end)
end)
