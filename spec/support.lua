-- Small helpers shared by the specs.
local support = {}

--- Flattens a nested Lua table in row-major order.
function support.flatten(t, out)
  out = out or {}
  if type(t) ~= "table" then
    out[#out + 1] = t
    return out
  end
  for _, v in ipairs(t) do support.flatten(v, out) end
  return out
end

--- Asserts |a - b| <= tol * max(1, |b|) elementwise (a, b: tensors or tables).
function support.near(a, b, tol, what)
  local fa = support.flatten(type(a) == "table" and a or a:totable())
  local fb = support.flatten(type(b) == "table" and b or b:totable())
  assert(#fa == #fb, string.format("%s: %d values vs %d", what or "near", #fa, #fb))
  for i = 1, #fa do
    local x, y = fa[i], fb[i]
    local ok = (x ~= x and y ~= y) or x == y or math.abs(x - y) <= tol * math.max(1, math.abs(y))
    if not ok then
      error(string.format("%s: element %d is %.9g, expected %.9g", what or "near", i, x, y), 2)
    end
  end
end

--- Runs bin/diffusion with args as a user would; returns success and the
-- output (stdout and stderr together).
function support.run_cli(args)
  local p = io.popen("lua5.4 bin/diffusion " .. args .. " 2>&1")
  local out = p:read("a")
  local ok = p:close()
  return ok, out
end

--- Resident set size of this process in MiB (Linux).
function support.rss_mib()
  local f = assert(io.open("/proc/self/statm"))
  local _, resident = f:read("n", "n")
  f:close()
  return resident * 4096 / 2 ^ 20
end

--- A fresh path in a temporary directory.
function support.tmpname(suffix)
  local p = os.tmpname()
  os.remove(p)
  return p .. (suffix or "")
end

--- Writes bytes to a new temporary file and returns its path.
function support.write_bytes(bytes, suffix)
  local p = support.tmpname(suffix)
  local f = assert(io.open(p, "wb"))
  f:write(bytes)
  f:close()
  return p
end

function support.read_bytes(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

support.sanitized = os.getenv("DIFFUSION_SANITIZED") == "1"

return support
