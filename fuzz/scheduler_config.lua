-- The Lua side of fuzz_scheduler_config: feeds a scheduler_config.json text
-- to both ways it enters diffusion (schedule.from_diffusers, as a pipeline
-- load does, and diffusion.sample with the class it names) and sorts the
-- outcome: "ok", "error" (a clear error naming what was wrong) or "bug: ..."
-- (a Lua runtime error from unvalidated input, or non-finite samples).
local d = require "diffusion"

local names = {}
for name in pairs(d.diffusers.classes) do names[#names + 1] = name end
table.sort(names)

-- The network each config's sampler gets: the exact one for N(0, I) data
-- (x0 = alpha x / v, eps = sigma x / v with v = alpha^2 + sigma^2), in the
-- config's prediction type. With a model that is right, non-finite samples
-- are the sampler's or the schedule's fault, never the model's. (EDM
-- classes get F = 0, so D = c_skip x: finite, if not exact.)
local function exact_model(config)
  local class = type(config._class_name) == "string" and config._class_name or ""
  local ok, s = pcall(d.diffusers.schedule_from_config, config)
  if not ok or class:find("^EDM") then return function(x) return x * 0 end end
  local kind = class:find("^FlowMatch") and "flow" or config.prediction_type
  return function(x, t)
    t = type(t) == "number" and t or t:get(1)
    local a, sg = s:alpha(t), s:sigma(t)
    local v = a * a + sg * sg
    if kind == "sample" then return x * (a / v) end
    if kind == "v_prediction" then return x * 0 end -- alpha eps - sigma x0 = 0
    if kind == "flow" then return x * ((sg - a) / v) end -- eps - x0
    return x * (sg / v)
  end
end

-- Runtime errors that mean a value reached code that never checked it. The
-- message proper follows the "file:line: " prefix (clear errors start with
-- the function's name, and may quote user text, so only the head counts).
local RUNTIME = { "attempt to ", "stack overflow", "number has no integer representation", "bad argument" }
local function is_bug(msg)
  msg = tostring(msg)
  if msg:find("^bug: ") then return true end
  local head = msg:gsub("^[^\n:]*:%d+: ", "", 1)
  for _, what in ipairs(RUNTIME) do
    if head:sub(1, #what) == what then return true end
  end
  return false
end

local function run(text)
  local ok, config = pcall(d.core.json_decode, text)
  if not ok or type(config) ~= "table" then return "error" end
  local outcome = "ok"
  local function try(f, ...)
    local good, err = xpcall(f, function(e) return is_bug(e) and debug.traceback(e, 2) or e end, ...)
    if good then return true end
    if is_bug(err) then error(tostring(err):find("^bug: ") and err or "bug: " .. tostring(err), 0) end
    outcome = "error"
  end
  try(d.schedule.from_diffusers, config)
  local class = config._class_name
  if not d.diffusers.classes[class] then class = names[#text % #names + 1] end
  try(function()
    local x = d.sample { scheduler = class, config = config, steps = 1 + #text % 12, model = exact_model(config),
      x = d.ones { 1, 1, 2, 2 }, seed = 0 }
    if not x:all_finite() then error("bug: " .. class .. " returned non-finite samples without an error", 0) end
  end)
  return outcome
end

return function(text)
  local ok, err = pcall(run, text)
  if ok then return err end
  return tostring(err)
end
