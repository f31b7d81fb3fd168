--- diffusion.samplers: one file per sampler, each `sampler(D, x, plan, opts) -> x`.
-- D(x, level) returns x0, eps (see diffusion.denoiser); plan is a list of
-- levels {t, alpha, sigma, lambda} from schedule:plan(n), noisiest first,
-- usually ending at sigma = 0. x enters at plan[1]'s level and leaves at the
-- last one, always as x = alpha * x0 + sigma * eps.
-- Loaded on first use: diffusion.samplers.ddim, diffusion.samplers.euler, ...
local util = require "diffusion.samplers.util"

local M = {}

--- diffusion.samplers.list() -> { {name =, title =, options =, stochastic =,
-- diffusers =, k_diffusion =, large_sigma_diverges =}, ... } sorted by name:
-- every sampler file beside this one, as it describes itself (util.describe).
function M.list()
  local dir = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  local out = {}
  local ls = io.popen("ls '" .. dir:gsub("'", "'\\''") .. "'")
  for file in ls:lines() do
    local name = file:match("^(.-)%.lua$")
    if name and name ~= "init" and name ~= "util" then
      local _ = M[name] -- loads the file, which describes itself
      out[#out + 1] = assert(util.catalog[name], "sampler file " .. file .. " does not describe itself")
    end
  end
  ls:close()
  table.sort(out, function(a, b) return a.name < b.name end)
  return out
end

--- The metadata of one sampler (as list() gives it), loading it first.
function M.info(name)
  local _ = M[name]
  return util.catalog[name]
end

return setmetatable(M, {
  __index = function(self, name)
    local ok, mod = pcall(require, "diffusion.samplers." .. name)
    if not ok then
      if tostring(mod):find("module 'diffusion.samplers." .. name .. "' not found", 1, true) then
        error(string.format("diffusion.samplers: no sampler named '%s'", tostring(name)), 2)
      end
      error(mod, 2)
    end
    rawset(self, name, mod)
    return mod
  end,
})
