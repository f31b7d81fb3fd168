-- tests/two_states.c: a host program that opens two Lua states and uses the
-- module in both, interleaved, against a state alone (built by make test).
describe("two Lua states in one process", function()
  it("keep their own generators, pools and models, and outlive each other", function()
    local bin = "build/test/two_states"
    assert.truthy(io.open(bin), bin .. " is missing: run the specs through make test")
    local root = io.popen("pwd"):read("l")
    local p = io.popen(string.format("%s %q %q 2>&1", bin, package.cpath, root))
    local out = p:read("a")
    local ok = p:close()
    assert.is_true(ok, out)
    assert.equal("ok\n", out)
  end)
end)
