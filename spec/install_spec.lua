-- An installed copy (make install PREFIX=...) works from any directory with
-- no Lua paths set: the command finds the module it was installed with, and
-- the module finds the models and digits installed beside it.
local S = require "support"

describe("make install", function()
  local prefix = S.tmpname("-prefix")
  local empty = S.tmpname("-cwd")
  setup(function()
    -- (under make check-asan the sanitiser is preloaded: make and its tools need not carry it)
    assert(os.execute("env -u LD_PRELOAD make -s install PREFIX=" .. prefix .. " >/dev/null"))
    assert(os.execute("mkdir -p " .. empty))
  end)
  teardown(function() os.execute("rm -rf " .. prefix .. " " .. empty) end)

  -- runs the installed command from an empty directory with a clean Lua environment
  local function installed(args)
    local p = io.popen(string.format("cd %s && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 "
      .. "%s/bin/diffusion %s 2>&1", empty, prefix, args))
    local out = p:read("a")
    return p:close(), out
  end

  it("runs the installed command, loading the installed module", function()
    local ok, out = installed("samplers")
    assert.is_true(ok, out)
    assert.truthy(out:find("\nunipc ", 1, true), out)
    ok, out = installed("info " .. prefix .. "/share/lua/5.4/diffusion/models/mnist")
    assert.is_true(ok, out)
    assert.truthy(out:find("class-conditional: 11 classes", 1, true), out)
  end)

  it("samples the installed bundled model and measures it on the installed held-out digits", function()
    local ok, out = installed("sample -n 2 --steps 2 --quiet -o grid.png")
    assert.is_true(ok, out)
    assert.truthy(io.open(empty .. "/grid.png"), "no grid")
    ok, out = installed("nll -n 2 --method vlb --steps 4 --quiet")
    assert.is_true(ok, out)
    assert.truthy(out:find("vlb: [%d.]+ bits/dim"), out)
    assert.truthy(out:find("over 2 samples", 1, true), out)
    ok, out = installed("compare --model mnist --samplers euler --nfe 2 -n 4 --metric fd --quiet -o report")
    assert.is_true(ok, out)
    assert.truthy(io.open(empty .. "/report/report.md"), out)
  end)

  it("runs the examples from another directory, finding the checkout and the digits from the script", function()
    local root = assert(io.popen("pwd")):read("l")
    local p = io.popen(string.format("cd %s && env -u LUA_PATH -u LUA_CPATH lua5.4 %s/examples/tensor_demo.lua "
      .. "demo.png 2>&1", empty, root))
    local out = p:read("a")
    assert.is_true(p:close(), out)
    assert.truthy(out:find("loaded 10000 digits of 28x28", 1, true), out)
    assert.truthy(io.open(empty .. "/demo.png"), out)
  end)

  it("trains without overwriting the bundled model: the documented config writes under runs/", function()
    local config = prefix .. "/share/lua/5.4/diffusion/models/mnist/train_config.lua"
    local ok, out = installed("train " .. config .. " --steps 1 --quiet --output "
      .. prefix .. "/share/lua/5.4/diffusion/models/mnist")
    assert.is_falsy(ok)
    assert.truthy(out:find("already holds a model; pass --force to overwrite it", 1, true), out)
    local f = assert(io.open(config))
    local text = f:read("a")
    f:close()
    assert.truthy(text:find('output = "runs/mnist/model"', 1, true), "the config's output is not under runs/")
  end)
end)
