--- diffusion.core: the C module, in the build for the widest instruction set
-- this CPU runs (avx512, then avx2, then generic), or the one the environment
-- variable DIFFUSION_ISA names. Every build computes the same functions; each
-- is bit-for-bit independent of thread count and batch size on its own, while
-- two builds may differ in the last bits (FMA, vector widths).
-- `diffusion.cpu().isa` says which one was loaded.
local cpu = require "diffusion.cpu" -- cpuid, built for any x86-64
local ORDER = { "avx512", "avx2", "generic" }
local KNOWN = { avx512 = true, avx2 = true, generic = true }

local function load(isa)
  return require("diffusion.core_" .. isa)
end

local forced = os.getenv("DIFFUSION_ISA")
if forced and forced ~= "" then
  if not KNOWN[forced] then
    error(string.format("DIFFUSION_ISA=%s is not one of avx512, avx2, generic", forced), 0)
  end
  if not cpu.supports(forced) then
    error(string.format("DIFFUSION_ISA=%s: this CPU does not have that instruction set", forced), 0)
  end
  return load(forced)
end
local tried = {}
for _, isa in ipairs(ORDER) do
  if cpu.supports(isa) then
    local ok, mod = pcall(load, isa)
    if ok then return mod end
    if not tostring(mod):find("module 'diffusion.core_" .. isa .. "' not found", 1, true) then error(mod, 0) end
    tried[#tried + 1] = isa
  end
end
error("diffusion.core: no build of the C module is installed (looked for " .. table.concat(tried, ", ") .. ")", 0)
