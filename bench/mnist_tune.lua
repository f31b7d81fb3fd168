-- Tuning the stochastic samplers' noise at NFE 10 on the bundled MNIST model
-- (the sampler lab's NFE-10 goal) without tuning on the digits the table is
-- measured against. Each configuration (SA-Solver's noise level tau and the
-- window of t it applies in, with the default, the searched and a Karras plan;
-- DPM++ 2S ancestral's eta) is first measured against the 9,000 *training*
-- digits' classifier features, from noise seed 1; only the best few by that
-- measure are then run under the table's own protocol (noise seed 0, the 1,000
-- held-out digits, as bench/mnist_fd_vs_nfe.lua) and on a second noise seed
-- (2, held-out digits), to show how much of a difference is the noise draw's.
--
--   lua5.4 bench/mnist_tune.lua todo OUT | sh bench/parallel.sh WORKERS CLAIMS [SECONDS]
--   lua5.4 bench/mnist_tune.lua confirm OUT K | sh bench/parallel.sh WORKERS CLAIMS2
--   lua5.4 bench/mnist_tune.lua show OUT
--
-- Stages: todo prints a task line per configuration not yet in OUT/tune.csv
-- ("eval OUT NAME": its calibration FD appended there); confirm prints the
-- best K of tune.csv, plus the table's own best at NFE 10 (DPM++ 2S
-- ancestral, eta 1), as "check OUT NAME SEED" tasks for seeds 0 and 2
-- (appended to OUT/tune_check.csv; seed 0's also to OUT/rows.csv as kind
-- "tuned", where the table's report reads them); show prints both ranked.
-- check takes a budget as a fifth argument too (default 10; other budgets go
-- to tune_check.csv alone): SA-Solver's NFE-50 cell on a second seed, say.
-- One thread a process: run as many processes as cores.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local stage, out = arg[1], arg[2] or "bench/results/mnist_lab"
local NFE = 10 -- the budget configurations are searched at
local N = tonumber(os.getenv("TUNE_N")) or 1000 -- fewer only to try the script out
local CALIBRATION_SEED, TABLE_SEED, SECOND_SEED = 1, 0, 2
local BASELINE = "2sa_eta1_default" -- the table's best NFE-10 cell, as a configuration

local function read_sigmas(path)
  local f = assert(io.open(path), "mnist_tune: no searched plan at " .. path)
  local plan = d.core.json_decode(f:read "a")
  f:close()
  return plan.sigmas
end

-- name -> {sampler, plan (nil: the model's own), extra (the sampler's
-- options besides the seed)}; `order` lists the names most promising first,
-- so a run cut short has measured those
local configs, order = {}, {}
local function add(name, sampler, plan, extra)
  configs[name] = { sampler = sampler, plan = plan, extra = extra }
  order[#order + 1] = name
end
do
  local plans = { -- by name; "default" (absent) is the model's own
    searched = { sigmas = read_sigmas("bench/results/mnist_lab/plan_unipc_nfe10.json") },
    karras20 = { sigmas = "karras", sigma_max = 20 },
  }
  local function sa_solver_grid(plan)
    for _, tau in ipairs { 0.6, 1.0, 1.4 } do
      for _, window in ipairs { { 0, 1000 }, { 200, 800 }, { 0, 800 }, { 200, 1000 }, { 400, 1000 }, { 400, 800 } } do
        local lo, hi = window[1], window[2]
        -- the Karras plan's first level is t = 967: windows ending at 1000 only
        if plan ~= "karras20" or hi == 1000 then
          add(string.format("sa_tau%.1f_t%d-%d_%s", tau, lo, hi, plan), "sa_solver", plans[plan], {
            tau = function(t) return (t >= lo and t <= hi) and tau or 0 end })
        end
      end
    end
  end
  for _, plan in ipairs { "default", "searched" } do
    sa_solver_grid(plan)
    add("sa_p3c3_tau1.0_t200-800_" .. plan, "sa_solver", plans[plan],
      { predictor_order = 3, corrector_order = 3 })
  end
  for _, eta in ipairs { 1.0, 0.5, 0.75, 1.25, 1.5 } do
    add(string.format("2sa_eta%g_default", eta), "dpmpp_2s_ancestral", nil, { eta = eta })
  end
  sa_solver_grid("karras20")
end

local function options(config, seed)
  local o = { seed = seed }
  for k, v in pairs(config.extra) do o[k] = v end
  return o
end

local function append(path, line)
  local f = assert(io.open(path, "a"))
  f:write(line, "\n")
  f:close()
end

local function read_csv(path, pattern)
  local rows, f = {}, io.open(path)
  if not f then return rows end
  for line in f:lines() do
    local fields = { line:match(pattern) }
    if #fields > 0 then rows[#rows + 1] = fields end
  end
  f:close()
  return rows
end

local function ranked_calibration()
  local rows = read_csv(out .. "/tune.csv", "^([^,]+),([^,]+),([^,]+),([^,]+)$")
  local list = {}
  for _, r in ipairs(rows) do
    if tonumber(r[2]) then list[#list + 1] = { name = r[1], fd = tonumber(r[2]), accuracy = tonumber(r[3]) } end
  end
  table.sort(list, function(a, b) return a.fd < b.fd end)
  return list
end

if stage == "todo" then
  local measured = {}
  for _, r in ipairs(ranked_calibration()) do measured[r.name] = true end
  for _, name in ipairs(order) do
    if not measured[name] then print(string.format("%s lua5.4 %s eval %s %s", name, arg[0], out, name)) end
  end
  return
elseif stage == "confirm" then
  local k = math.tointeger(tonumber(arg[3] or "")) or error("confirm: give K, how many configurations to check")
  local picked, seen = {}, {}
  for _, r in ipairs(ranked_calibration()) do
    if #picked < k then picked[#picked + 1], seen[r.name] = r.name, true end
  end
  if not seen[BASELINE] then picked[#picked + 1] = BASELINE end
  for _, seed in ipairs { TABLE_SEED, SECOND_SEED } do
    for _, name in ipairs(picked) do
      print(string.format("%s_seed%d lua5.4 %s check %s %s %d", name, seed, arg[0], out, name, seed))
    end
  end
  return
elseif stage == "show" then
  print("calibration (training digits, noise seed 1):")
  for _, r in ipairs(ranked_calibration()) do print(string.format("  %-32s FD %7.3f  accuracy %.3f", r.name, r.fd,
    r.accuracy)) end
  print("checks (held-out digits): name, NFE, seed, FD, accuracy")
  for _, r in ipairs(read_csv(out .. "/tune_check.csv", "^(.+)$")) do print("  " .. r[1]) end
  return
elseif stage ~= "eval" and stage ~= "check" then
  error("unknown stage '" .. tostring(stage) .. "' (todo, eval, confirm, check, show)")
end

local name = arg[3]
local config = configs[name] or error(string.format("mnist_tune: no configuration '%s'", tostring(name)))
local seed = stage == "eval" and CALIBRATION_SEED or math.tointeger(tonumber(arg[4] or ""))
  or error("check: give the noise seed")
local budget = stage == "check" and arg[5] and (math.tointeger(tonumber(arg[5]))
  or error("check: the budget must be an integer, got " .. arg[5])) or NFE
d.threads(1)
local model = d.load(d.bundled("mnist"))
local clf = d.classifier.load()
local digits = d.classifier.mnist("data/mnist/mnist-10k-images-idx3-ubyte.gz",
  "data/mnist/mnist-10k-labels-idx1-ubyte.gz")
local reference = clf:features(stage == "eval" and digits:narrow(1, 1, 9000) or digits:narrow(1, 9001, 1000))
local labels = {}
for i = 1, N do labels[i] = (i - 1) % 10 end
local t0 = d.core.now()
local res = d.lab.compare { model = model, schedule = model.schedule, plan = model.plan_options, shape = { 1, 32, 32 },
  samplers = { { name = name, sampler = d.samplers[config.sampler], plan = config.plan,
    opts = options(config, seed) } },
  nfe = { budget }, n = N, seed = seed, metric = { "fd", "accuracy" },
  denoiser = { prediction = "v_prediction", class_labels = d.tensor(labels) }, labels = labels,
  features = function(x) return clf:features(x:clamp(-1, 1)) end,
  classify = function(x) return clf:predict(x:clamp(-1, 1)) end, reference_features = reference }
local row = res.rows[1]
if not row.fd then error(string.format("mnist_tune: %s does not fit NFE %d", name, budget)) end
local seconds = d.core.now() - t0
if stage == "eval" then
  append(out .. "/tune.csv", string.format("%s,%.5f,%.4f,%.0f", name, row.fd, row.accuracy, seconds))
else
  append(out .. "/tune_check.csv", string.format("%s,%d,%d,%.5f,%.4f", name, budget, seed, row.fd, row.accuracy))
  if seed == TABLE_SEED and budget == NFE then
    append(out .. "/rows.csv", string.format("tuned,%s,%d,%d,%d,%.5f,%.4f,%d", name, NFE, row.nfe, row.steps, row.fd,
      row.accuracy, N))
  end
end
io.stderr:write(string.format("%s %s seed %d: FD %.3f, accuracy %.3f, %.0f s\n", stage, name, seed, row.fd,
  row.accuracy, seconds))
