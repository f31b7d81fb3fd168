--- diffusion: diffusion models in Lua with a C core.
-- The public module. Tensor methods double as module functions, so
-- `t:sum()` and `diffusion.sum(t)` are the same call.
local core = require "diffusion.core"

local M = {}

local internal = { Tensor = true, Tensor_mt = true, TENSOR_TYPE = true,
  image_load = true, image_save = true, make_grid = true, -- reached through M.image
  unet_load = true, -- reached through M.load
  analytic_gmm = true } -- reached through M.analytic
for name, fn in pairs(core) do
  if not internal[name] and not name:match("^schedule_") then M[name] = fn end
end
for name, fn in pairs(core.Tensor) do
  if M[name] == nil then M[name] = fn end
end

M.Tensor = core.Tensor -- the methods table: add your own methods here
M.core = core -- the C module itself (unet_load, json_decode, ...)
M.VERSION = "scm"

--- True when v is a diffusion tensor.
function M.is_tensor(v)
  local mt = getmetatable(v)
  return mt ~= nil and mt == core.Tensor_mt
end

-- __tostring: shape, then values; large tensors show the first and last
-- three entries of each long dimension.
local EDGE, FULL_LIMIT = 3, 1000

local function fmt_number(v)
  if v ~= v then return "nan" end
  if v == math.huge then return "inf" end
  if v == -math.huge then return "-inf" end
  return string.format("%.4g", v)
end

local function format_values(t)
  local shape = t:shape()
  local nd = #shape
  if nd == 0 then return fmt_number(t:item()) end
  local abbreviate = t:numel() > FULL_LIMIT
  local idx = {}
  local function rec(d, indent)
    local n = shape[d]
    local parts = {}
    local function add(i)
      idx[d] = i
      if d == nd then
        parts[#parts + 1] = fmt_number(t:get(table.unpack(idx, 1, nd)))
      else
        parts[#parts + 1] = rec(d + 1, indent .. " ")
      end
    end
    if abbreviate and n > 2 * EDGE then
      for i = 1, EDGE do add(i) end
      parts[#parts + 1] = "..."
      for i = n - EDGE + 1, n do add(i) end
    else
      for i = 1, n do add(i) end
    end
    local sep = d == nd and ", " or (",\n" .. indent .. " ")
    return "[" .. table.concat(parts, sep) .. "]"
  end
  return rec(1, "")
end

core.Tensor_mt.__tostring = function(t)
  local ok, shape = pcall(t.shape, t)
  if not ok then return "diffusion.Tensor (freed)" end
  local dtype = t:dtype()
  if dtype ~= "float32" then -- weights kept in 16 bits: their values, widened
    return string.format("diffusion.Tensor {%s} %s\n%s", table.concat(shape, ","), dtype, format_values(t:float()))
  end
  return string.format("diffusion.Tensor {%s}\n%s", table.concat(shape, ","), format_values(t))
end

M.image = require "diffusion.image"
M.schedule = require "diffusion.schedule"
M.Schedule = core.Schedule -- the schedule methods table
M.denoiser = require "diffusion.denoiser"
M.samplers = require "diffusion.samplers"
M.diffusers = require "diffusion.diffusers"
M.classifier = require "diffusion.classifier"
M.load = require("diffusion.model").load
M.unet = require("diffusion.model").unet
M.save_pipeline = require("diffusion.model").save_pipeline
M.bundled = require("diffusion.model").bundled
M.shipped = require("diffusion.model").shipped
M.train = require "diffusion.train"
M.distill = require "diffusion.distill"
M.analytic = require "diffusion.analytic"
M.ode = require "diffusion.ode"
M.lab = require "diffusion.lab"
M.control = require "diffusion.control"
M.nll = require "diffusion.likelihood"
M.null = core.null -- JSON null in config tables
M.sample = M.diffusers.sample
M.generate = require "diffusion.generate"

return M
