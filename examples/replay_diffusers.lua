-- Replays sampling runs recorded from HuggingFace diffusers (JSON, format in
-- spec/fixtures/diffusers/README.md) through diffusion.sample with the same
-- stand-in model, initial noise and recorded noise, and compares timesteps,
-- every call's model input, every completed step's sample, and the final
-- sample. Prints PASS/FAIL per file with the max relative error (max abs
-- error / max abs reference) and exits non-zero if any file exceeds 1e-4.
--   lua5.4 examples/replay_diffusers.lua spec/fixtures/diffusers/schedulers/*.json
-- Loaded without arguments (loadfile(...)()) it returns replay(path) -> ok, msg,
-- which the spec suite uses.
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"
local cjson = require "cjson"

local TOL = 1e-4

-- The stand-in network every fixture used (elementwise; t a float).
local function stand_in(x, t)
  local t_num = type(t) == "number" and t or t:get(1)
  local y = x * 3
  y:tanh_():mul_(0.1 * math.cos(t_num / 300))
  return y:axpby_(1, 0.9, x):add_(0.02 * math.sin(t_num / 100))
end

local function read_json(path)
  local f = assert(io.open(path))
  local j = cjson.decode(f:read("a"))
  f:close()
  return j
end

-- max |a - b| / max |b| over flat arrays; infinite where a value is not
-- finite (math.max passes NaN over, so it is caught here)
local function rel_err(a, b)
  local num, den = 0, 0
  for i = 1, #b do
    local e = math.abs(a[i] - b[i])
    if e ~= e or e == math.huge then return math.huge end
    num = math.max(num, e)
    den = math.max(den, math.abs(b[i]))
  end
  return num / math.max(den, 1e-30)
end

local function flat(t) return d.reshape(t, -1):totable() end

local function replay(path)
  local j = read_json(path)
  local shape = j.shape
  local x_init = d.tensor(j.x_init, shape)
  local recorded = {}
  for _, call in ipairs(j.calls) do
    for _, z in ipairs(call.noise or {}) do recorded[#recorded + 1] = z end
  end
  local used = 0
  local function noise()
    used = used + 1
    if not recorded[used] then error("the sampler drew more noise than diffusers recorded") end
    return d.tensor(recorded[used], shape)
  end
  local calls, step_ends = {}, {}
  local function model(x, t)
    calls[#calls + 1] = { t = t, input = flat(x) }
    return stand_in(x, t)
  end
  local final = d.sample {
    scheduler = j.scheduler, config = j.config, steps = j.num_inference_steps, model = model, x = x_init,
    eta = type(j.eta) == "number" and j.eta or nil, noise = noise,
    callback = function(_, _, x) step_ends[#calls] = flat(x) end,
  }
  local worst, what = 0, "ok"
  local function check(e, label)
    if e > worst or e ~= e then worst, what = e, label end
  end
  if #calls ~= #j.calls then
    return false, string.format("%d model calls, diffusers made %d", #calls, #j.calls)
  end
  for k, call in ipairs(j.calls) do
    check(math.abs(calls[k].t - call.t) / math.max(math.abs(call.t), 1), "timestep of call " .. k)
    check(rel_err(calls[k].input, call.model_input), "model input of call " .. k)
    if step_ends[k] then check(rel_err(step_ends[k], call.prev_sample), "sample after call " .. k) end
  end
  check(rel_err(flat(final), j.final), "final sample")
  if used ~= #recorded then return false, string.format("used %d of %d recorded noise tensors", used, #recorded) end
  return worst <= TOL, string.format("max rel err %.2e (%s)", worst, what)
end

local files = { ... }
if #files == 0 then return replay end
local passed, failed = 0, 0
for _, path in ipairs(files) do
  local ok, res, msg = pcall(replay, path)
  if not ok then res, msg = false, "error: " .. tostring(res) end
  print(string.format("%s %s: %s", res and "PASS" or "FAIL", path:match("[^/]+$"), msg))
  if res then passed = passed + 1 else failed = failed + 1 end
end
print(string.format("replay: %d passed, %d failed", passed, failed))
os.exit(failed == 0 and 0 or 1)
