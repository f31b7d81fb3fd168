-- The sampler lab on the bundled MNIST model: Fréchet distance (the MNIST
-- classifier's features, against the 1,000 held-out digits) against NFE, for
-- this project's samplers with their default plan and with plans from
-- lab.optimize_plan, and for diffusers' schedulers with their built-in
-- spacings (run through diffusion.diffusers.lab_sampler, our diffusers front).
--
--   lua5.4 bench/mnist_fd_vs_nfe.lua STAGE [out_dir=bench/results/mnist_lab] [threads=2]
--
-- Stages, each appending to out_dir/rows.csv (so a long run can be split):
--   table       every listed sampler at NFE 3, 5, 10 and 20 (1,000 samples)
--   converged   DPM-Solver++ 2M and UniPC at NFE 50 (1,000 samples)
--   cells [SAMPLERS [NFES]]  the whole table: each sampler (comma-separated
--               names; default every sampler that fits this model, the
--               1,000-step DDPM reference included) at each NFE (default 3 to
--               50), skipping the cells rows.csv already has
--   todo [SAMPLERS [NFES]]   those cells as task lines for bench/parallel.sh
--               (bench/mnist_table_parallel.sh runs the table that way); the
--               reference cell as its 10 chunks
--   refchunk K  the reference cell's chunk K (of 10): samples K*100-99 to
--               K*100 of the 1,000, from the same noise as in the whole run,
--               the ancestral noise seeded K; saved as
--               out_dir/reference/chunk_K.safetensors. Whichever chunk
--               completes the set measures the 1,000 and writes the row, so
--               the two-hour reference can be spread over sessions
--   diffusers   each diffusers configuration at NFE 5 and 10, screened on 200
--               samples; the best three per NFE rerun on 1,000
--   optimize    optimize_plan (32 calibration noises) for the listed samplers
--               at NFE 5 and 10; plans saved as out_dir/plan_<sampler>_nfe<K>.json
--               and each evaluated on 1,000 samples
--   seeds SEED  the goal's contest from another noise seed (1, 2, ...): at NFE
--               5 and 10, UniPC with the default trailing plan (diffusers' best
--               configuration at both budgets, the same sampler), UniPC with
--               the searched plans of models/mnist/plans/, and DPM++ 2S
--               ancestral; rows appended to out_dir/seeds.csv, not rows.csv
--   seeds-report  mean and spread of seeds.csv (with seed 0 from rows.csv)
--   plan SAMPLER NFE N ROUNDS  optimize_plan on N calibration noises and
--               ROUNDS rounds (the optimize stage's are 32 and 5), saved as
--               out_dir/plan_SAMPLER_nfeNFE_nN.json; not measured
--   seeds SEED TAG  UniPC with out_dir/plan_unipc_nfe5_TAG.json and
--               _nfe10_TAG.json (TAG: n128, say) instead of the seeds stage's
--               three configurations; seed 0 too
--   plan-check NFE nN  RMSE to the reference ODE endpoint on 64 fresh noises
--               (seed 7: neither the calibration's nor the FD runs'), UniPC
--               with models/mnist/plans/unipc_nfeNFE.json and with the nN plan:
--               a choice between plans that looks at no digits
--   floor       what real digits score: each block of 1,000 training digits
--               against the held-out 1,000 (rows of kind "floor"; the report
--               states their range and draws their mean)
--   report      out_dir/report.md and report.svg from rows.csv
-- Guidance is off (the class-conditional model at its labels, scale 1), the
-- labels cycle through 0-9, and every run starts from the same noise (seed 0).
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local stage, out = arg[1] or "report", arg[2] or "bench/results/mnist_lab"
d.threads(tonumber(arg[3]) or 2)
os.execute("mkdir -p " .. out)

local SAMPLERS = { "ddim", "euler", "heun", "ipndm", "dpmpp_2m", "unipc" }
local OPTIMIZE = { "dpmpp_2m", "unipc", "ipndm" }
local TABLE_NFE = { 3, 5, 10, 20 }
-- the whole table: every sampler of lua/diffusion/samplers/ but flow_euler
-- (flow-matching models only), at the issue's budgets, plus the reference row
local ALL_SAMPLERS = { "ddim", "euler", "heun", "dpm2", "lms", "pndm", "ipndm", "deis", "dpmpp_2m",
  "dpm_solver_multistep", "dpm_solver_singlestep", "unipc", "sa_solver", "edm_euler", "edm_dpmpp_2m", "ddpm",
  "euler_ancestral", "dpm2_ancestral", "dpmpp_2s_ancestral", "dpmpp_2m_sde", "dpmpp_3m_sde", "lcm", "tcd" }
local ALL_NFE = { 3, 4, 5, 6, 8, 10, 15, 20, 50 }
local REFERENCE = { "ddpm", 1000 } -- DDPM's ancestral sampler at every training step
local CHUNKS, CHUNK = 10, 100 -- the reference's 1,000 samples as resumable pieces
-- class, extra config, label; k-diffusion-style classes have no clip_sample
-- and DPMSolverSinglestep no timestep_spacing, so those keys are left out there
local NO_CLIP = { EulerDiscreteScheduler = true, HeunDiscreteScheduler = true, LMSDiscreteScheduler = true,
  PNDMScheduler = true, KDPM2DiscreteScheduler = true }
local NO_SPACING = { DPMSolverSinglestepScheduler = true }
local DIFFUSERS = {
  { "DDIMScheduler", {}, "DDIM" }, { "DPMSolverMultistepScheduler", {}, "DPM++ 2M" },
  { "DPMSolverMultistepScheduler", { use_karras_sigmas = true }, "DPM++ 2M Karras" },
  { "DPMSolverMultistepScheduler", { use_lu_lambdas = true }, "DPM++ 2M Lu" },
  { "UniPCMultistepScheduler", {}, "UniPC" },
  { "UniPCMultistepScheduler", { use_karras_sigmas = true }, "UniPC Karras" },
  { "EulerDiscreteScheduler", {}, "Euler" }, { "EulerDiscreteScheduler", { use_karras_sigmas = true }, "Euler Karras" },
  { "HeunDiscreteScheduler", { use_karras_sigmas = true }, "Heun Karras" },
  { "DEISMultistepScheduler", { timestep_spacing = "trailing" }, "DEIS trailing" },
  { "DPMSolverMultistepScheduler", { solver_order = 3, timestep_spacing = "trailing" }, "DPM++ 3M trailing" },
  { "DPMSolverSinglestepScheduler", {}, "DPM++ 2S" },
}
local SPACINGS = { "leading", "trailing", "linspace" }

local function read_rows()
  local rows = {}
  local f = io.open(out .. "/rows.csv")
  if not f then return rows end
  for line in f:lines() do
    local kind, name, budget, nfe, steps, fd, acc, n =
      line:match("^([^,]+),([^,]+),(%d+),(%d+),(%d+),([^,]+),([^,]+),(%d+)$")
    if kind then
      rows[#rows + 1] = { kind = kind, name = name, budget = tonumber(budget), nfe = tonumber(nfe),
        steps = tonumber(steps), fd = tonumber(fd), accuracy = tonumber(acc), n = tonumber(n) }
    end
  end
  f:close()
  return rows
end

-- the cells of the whole table that rows.csv lacks: {sampler, NFE} pairs from
-- comma-separated lists ("all" or nothing: every sampler; every budget), the
-- 1,000-step reference last
local function pending(sampler_list, nfe_list)
  local function list(text, default, convert)
    if not text or text == "all" then return default end
    local t = {}
    for item in text:gmatch("[^,]+") do t[#t + 1] = convert and assert(convert(item), "bad NFE " .. item) or item end
    return t
  end
  local names, nfes = list(sampler_list, ALL_SAMPLERS), list(nfe_list, ALL_NFE, math.tointeger)
  local done, cells = {}, {}
  for _, r in ipairs(read_rows()) do
    if r.kind == "table" and r.n == 1000 then done[r.name .. "@" .. r.budget] = true end
  end
  for _, name in ipairs(names) do
    for _, budget in ipairs(nfes) do
      if not done[name .. "@" .. budget] then cells[#cells + 1] = { name, budget } end
    end
  end
  if not nfe_list and (not sampler_list or sampler_list == "all" or sampler_list:find(REFERENCE[1], 1, true))
    and not done[REFERENCE[1] .. "@" .. REFERENCE[2]] then
    cells[#cells + 1] = { REFERENCE[1], REFERENCE[2] }
  end
  return cells
end

local function is_reference(cell) return cell[1] == REFERENCE[1] and cell[2] == REFERENCE[2] end

local function chunk_path(k) return string.format("%s/reference/chunk_%d.safetensors", out, k) end

local function exists(path)
  local f = io.open(path)
  if f then f:close() end
  return f ~= nil
end

-- the order todo hands cells out in: column by column, the goal's budgets
-- first and the costly ones last (the reference row, then NFE 50), so a run
-- stopped early leaves whole columns
local NFE_PRIORITY = { 5, 10, 3, 4, 6, 8, 15, 20, REFERENCE[2], 50 }

-- todo: the pending cells as task lines for bench/parallel.sh (before the model loads)
if stage == "todo" then
  local cells, rank = pending(arg[4], arg[5]), {}
  for i, b in ipairs(NFE_PRIORITY) do rank[b] = i end
  for i, c in ipairs(cells) do c.index = i end
  table.sort(cells, function(a, b)
    local ra, rb = rank[a[2]] or #NFE_PRIORITY + 1, rank[b[2]] or #NFE_PRIORITY + 1
    if ra ~= rb then return ra < rb end
    return a.index < b.index
  end)
  for _, c in ipairs(cells) do
    if is_reference(c) then
      for k = 1, CHUNKS do
        if not exists(chunk_path(k)) then
          print(string.format("%s_%d_chunk%d lua5.4 %s refchunk %s 1 %d", c[1], c[2], k, arg[0], out, k))
        end
      end
    else
      print(string.format("%s_%d lua5.4 %s cells %s 1 %s %d", c[1], c[2], arg[0], out, c[1], c[2]))
    end
  end
  return
end

-- the goal's contest: name -> how rows.csv names it at seed 0 (kind, name)
local CONTEST = {
  { "unipc (= diffusers' UniPC trailing)", "table", "unipc" },
  { "unipc + searched plan", "optimized", "unipc + plan" },
  { "dpmpp_2s_ancestral", "table", "dpmpp_2s_ancestral" },
}

if stage == "seeds-report" then
  local by = {} -- name@budget -> {seed, fd} pairs
  local function add(name, budget, seed, fd)
    local key = name .. "@" .. budget
    by[key] = by[key] or {}
    table.insert(by[key], { seed, fd })
  end
  for _, r in ipairs(read_rows()) do
    for _, c in ipairs(CONTEST) do
      if r.n == 1000 and r.kind == c[2] and r.name == c[3] and (r.budget == 5 or r.budget == 10) then
        add(c[1], r.budget, 0, r.fd)
      end
    end
  end
  local f = assert(io.open(out .. "/seeds.csv"), "seeds-report: no " .. out .. "/seeds.csv yet")
  local extra = {}
  for line in f:lines() do
    local seed, name, budget, fd = line:match("^(%d+),([^,]+),(%d+),([^,]+)$")
    if name then
      add(name, tonumber(budget), tonumber(seed), tonumber(fd))
      local known = false
      for _, c in ipairs(CONTEST) do known = known or c[1] == name end
      if not known and not extra[name] then
        extra[name] = true
        CONTEST[#CONTEST + 1] = { name }
      end
    end
  end
  f:close()
  local function stats(pairs_)
    table.sort(pairs_, function(a, b) return a[1] < b[1] end)
    local t = {}
    for i, p in ipairs(pairs_) do t[i] = p[2] end
    local mean, var = 0, 0
    for _, v in ipairs(t) do mean = mean + v / #t end
    for _, v in ipairs(t) do var = var + (v - mean) ^ 2 / math.max(#t - 1, 1) end
    return mean, math.sqrt(var), t
  end
  print("| configuration | NFE | seeds | FD per seed (0, 1, ...) | mean | sd | mean / UniPC trailing's | "
    .. "per seed: lowest, highest ratio |")
  print("|---|---|---|---|---|---|---|---|")
  for _, budget in ipairs { 5, 10 } do
    local base = by[CONTEST[1][1] .. "@" .. budget]
    local base_mean, _, base_t = stats(base)
    for _, c in ipairs(CONTEST) do
      local pairs_ = by[c[1] .. "@" .. budget]
      if pairs_ then
        local mean, sd, t = stats(pairs_)
        local cells, lo, hi = {}, math.huge, -math.huge
        for i, v in ipairs(t) do
          cells[i] = string.format("%.2f", v)
          lo, hi = math.min(lo, v / base_t[i]), math.max(hi, v / base_t[i]) -- (the same seeds, in order)
        end
        print(string.format("| %s | %d | %d | %s | %.2f | %.2f | %.3f | %.2f, %.2f |", c[1], budget, #t,
          table.concat(cells, ", "), mean, sd, mean / base_mean, lo, hi))
      end
    end
  end
  return
end

local model = d.load(d.bundled("mnist"))
local sched = model.schedule
local clf = d.classifier.load()
local digits, digit_labels = d.classifier.mnist("data/mnist/mnist-10k-images-idx3-ubyte.gz",
  "data/mnist/mnist-10k-labels-idx1-ubyte.gz")
local reference = clf:features(digits:narrow(1, 9001, 1000))

local function denoiser_opts(n)
  local labels = {}
  for i = 1, n do labels[i] = (i - 1) % 10 end
  return { prediction = "v_prediction", class_labels = d.tensor(labels) }, labels
end

-- appends rows (kind, name, budget, nfe, steps, fd, accuracy, n) to rows.csv
local function append_rows(kind, rows, n)
  local f = assert(io.open(out .. "/rows.csv", "a"))
  for _, r in ipairs(rows) do
    if r.fd then
      f:write(string.format("%s,%s,%d,%d,%d,%.5f,%.4f,%d\n", kind, r.sampler, r.budget, r.nfe, r.steps, r.fd,
        r.accuracy, n))
    end
  end
  f:close()
end

-- one lab.compare run, its rows appended to rows.csv
local function measure(kind, entries, nfes, n)
  local dopts, labels = denoiser_opts(n)
  local t0 = d.core.now()
  local res = d.lab.compare { model = model, schedule = sched, plan = model.plan_options, shape = { 1, 32, 32 },
    samplers = entries, nfe = nfes, n = n, metric = { "fd", "accuracy" }, denoiser = dopts, labels = labels,
    features = function(x) return clf:features(x:clamp(-1, 1)) end,
    classify = function(x) return clf:predict(x:clamp(-1, 1)) end, reference_features = reference,
    callback = function(done, total, row)
      io.stderr:write(string.format("%s %d/%d  %s NFE %s: fd %s  %.0f s\n", kind, done, total, row.sampler,
        tostring(row.nfe), row.fd and string.format("%.3f", row.fd) or "-", d.core.now() - t0))
    end }
  append_rows(kind, res.rows, n)
  return res
end

-- the reference cell, one chunk: the 1,000-sample run's noise rows for this
-- chunk (same labels: they cycle through 0-9 in every hundred), its own
-- ancestral seed; written under a temporary name, then renamed, so a killed
-- run leaves no partial chunk
local function reference_chunk(k)
  if exists(chunk_path(k)) then return end
  os.execute("mkdir -p " .. out .. "/reference")
  local dopts, labels = denoiser_opts(CHUNK)
  local noise = d.rng(0):randn { CHUNKS * CHUNK, 1, 32, 32 }:narrow(1, (k - 1) * CHUNK + 1, CHUNK)
  local t0 = d.core.now()
  local res = d.lab.compare { model = model, schedule = sched, plan = model.plan_options, shape = { 1, 32, 32 },
    samplers = { REFERENCE[1] }, nfe = { REFERENCE[2] }, n = CHUNK, noise = noise, seed = k, metric = {},
    denoiser = dopts, labels = labels, keep = true }
  local x = res.samples[REFERENCE[1]][REFERENCE[2]]
  d.save_safetensors(chunk_path(k) .. ".part", { samples = x }, { steps = tostring(res.rows[1].steps) })
  assert(os.rename(chunk_path(k) .. ".part", chunk_path(k)))
  io.stderr:write(string.format("reference chunk %d/%d: %d samples in %.0f s\n", k, CHUNKS, CHUNK, d.core.now() - t0))
end

-- once every chunk is there, the reference row from the 1,000 samples; the
-- mkdir is the claim that keeps two finishing chunks from both writing it
local function reference_row()
  for k = 1, CHUNKS do
    if not exists(chunk_path(k)) then return end
  end
  if not os.execute("mkdir " .. out .. "/reference/measured 2>/dev/null") then return end
  local parts, labels, steps = {}, {}, nil
  for k = 1, CHUNKS do
    local tensors, meta = d.load_safetensors(chunk_path(k))
    parts[k], steps = tensors.samples, tonumber(meta.steps)
  end
  for i = 1, CHUNKS * CHUNK do labels[i] = (i - 1) % 10 end
  local x = d.cat(parts, 1):clamp(-1, 1)
  local right = 0
  for i, label in ipairs(clf:predict(x)) do
    if label == labels[i] then right = right + 1 end
  end
  local row = { sampler = REFERENCE[1], budget = REFERENCE[2], nfe = steps, steps = steps,
    fd = d.frechet_distance(clf:features(x), reference), accuracy = right / #labels }
  append_rows("table", { row }, #labels)
  io.stderr:write(string.format("reference: FD %.3f, accuracy %.3f\n", row.fd, row.accuracy))
end

local function diffusers_entries()
  local list = {}
  for _, cls in ipairs(DIFFUSERS) do
    for _, spacing in ipairs(SPACINGS) do
      local config = { beta_schedule = "squaredcos_cap_v2", num_train_timesteps = 1000,
        prediction_type = "v_prediction" }
      if not NO_CLIP[cls[1]] then config.clip_sample = false end
      local own_spacing = not (cls[2].use_karras_sigmas or cls[2].use_lu_lambdas or cls[2].timestep_spacing
        or NO_SPACING[cls[1]])
      if own_spacing then config.timestep_spacing = spacing end
      for k, v in pairs(cls[2]) do config[k] = v end
      -- a sigma spacing replaces the timestep spacing: one entry, not three
      if own_spacing or spacing == "trailing" then
        local name = cls[3] .. (own_spacing and " " .. spacing or "")
        list[#list + 1] = { name = name, sampler = d.diffusers.lab_sampler(cls[1], config) }
      end
    end
  end
  return list
end

if stage == "table" then
  measure("table", SAMPLERS, TABLE_NFE, 1000)
elseif stage == "cells" then
  for _, c in ipairs(pending(arg[4], arg[5])) do
    if is_reference(c) then
      for k = 1, CHUNKS do reference_chunk(k) end
      reference_row()
    else
      measure("table", { c[1] }, { c[2] }, 1000)
    end
  end
elseif stage == "refchunk" then
  local k = math.tointeger(tonumber(arg[4]))
  assert(k and k >= 1 and k <= CHUNKS, "refchunk: give a chunk number from 1 to " .. CHUNKS)
  reference_chunk(k)
  reference_row()
elseif stage == "converged" then
  measure("table", { "dpmpp_2m", "unipc" }, { 50 }, 1000)
elseif stage == "diffusers" then
  local entries = diffusers_entries()
  local screen = measure("diffusers-screen", entries, { 5, 10 }, 200)
  for _, budget in ipairs { 5, 10 } do
    local ranked = {}
    for _, r in ipairs(screen.rows) do
      if r.budget == budget and r.fd then ranked[#ranked + 1] = r end
    end
    table.sort(ranked, function(a, b) return a.fd < b.fd end)
    local top = {}
    for i = 1, math.min(3, #ranked) do
      for _, e in ipairs(entries) do
        if e.name == ranked[i].sampler then top[#top + 1] = e end
      end
    end
    measure("diffusers", top, { budget }, 1000)
  end
elseif stage == "optimize" then
  for _, budget in ipairs { 5, 10 } do
    for _, name in ipairs(OPTIMIZE) do
      local t0 = d.core.now()
      local result = d.lab.optimize_plan { model = model, schedule = sched, shape = { 1, 32, 32 }, sampler = name,
        nfe = budget, n = 32, denoiser = (denoiser_opts(32)), reference = { rtol = 1e-4, atol = 1e-4 } }
      local path = string.format("%s/plan_%s_nfe%d.json", out, name, budget)
      d.lab.save_plan(result, path)
      io.stderr:write(string.format("optimize %s NFE %d: rmse %.4f (best fixed %s %.4f) in %.0f s\n", name, budget,
        result.rmse, result.best_fixed, result.best_fixed_rmse, d.core.now() - t0))
      local entry = { name = name .. " + plan", sampler = d.samplers[name], plan = { sigmas = result.sigmas } }
      measure("optimized", { entry }, { budget }, 1000)
    end
  end
elseif stage == "plan" then
  local name, budget = arg[4], math.tointeger(tonumber(arg[5]))
  local n, rounds = math.tointeger(tonumber(arg[6])), math.tointeger(tonumber(arg[7]))
  assert(d.samplers[name or ""] and budget and n and rounds, "plan: give SAMPLER NFE N ROUNDS")
  local t0 = d.core.now()
  local result = d.lab.optimize_plan { model = model, schedule = sched, shape = { 1, 32, 32 }, sampler = name,
    nfe = budget, n = n, rounds = rounds, denoiser = (denoiser_opts(n)), reference = { rtol = 1e-4, atol = 1e-4 } }
  d.lab.save_plan(result, string.format("%s/plan_%s_nfe%d_n%d.json", out, name, budget, n))
  io.stderr:write(string.format("plan %s NFE %d, %d noises, %d rounds: rmse %.4f (best fixed %s %.4f) in %.0f s\n",
    name, budget, n, rounds, result.rmse, result.best_fixed, result.best_fixed_rmse, d.core.now() - t0))
elseif stage == "plan-check" then
  local budget, tag = math.tointeger(tonumber(arg[4])), arg[5]
  assert(budget and tag, "plan-check: give NFE and the plan's tag (n128, say)")
  local function plan_of(path) return d.core.json_decode(assert(io.open(path)):read "a").sigmas end
  local dopts = denoiser_opts(64)
  local res = d.lab.compare { model = model, schedule = sched, plan = model.plan_options, shape = { 1, 32, 32 },
    samplers = { { name = "bundled plan", sampler = d.samplers.unipc,
      plan = { sigmas = plan_of(string.format("models/mnist/plans/unipc_nfe%d.json", budget)) } },
      { name = tag .. " plan", sampler = d.samplers.unipc,
        plan = { sigmas = plan_of(string.format("%s/plan_unipc_nfe%d_%s.json", out, budget, tag)) } } },
    nfe = { budget }, n = 64, seed = 7, metric = { "rmse" }, denoiser = dopts,
    reference = { rtol = 1e-4, atol = 1e-4 } }
  for _, r in ipairs(res.rows) do
    print(string.format("NFE %d, %s: RMSE to the ODE endpoint %.4f (64 noises, seed 7)", budget, r.sampler, r.rmse))
  end
elseif stage == "seeds" then
  local seed, tag = math.tointeger(tonumber(arg[4])), arg[5]
  assert(seed and (seed >= 1 or tag and seed == 0), "seeds: give a noise seed of 1 or more (0 is the table's own)")
  for _, budget in ipairs { 5, 10 } do
    local function plan_of(path) return d.core.json_decode(assert(io.open(path)):read "a").sigmas end
    local entries
    if tag then
      entries = { { name = "unipc + searched plan (" .. tag .. ")", sampler = d.samplers.unipc,
        plan = { sigmas = plan_of(string.format("%s/plan_unipc_nfe%d_%s.json", out, budget, tag)) } } }
    else
      entries = { { name = CONTEST[1][1], sampler = d.samplers.unipc },
        { name = CONTEST[2][1], sampler = d.samplers.unipc,
          plan = { sigmas = plan_of(string.format("models/mnist/plans/unipc_nfe%d.json", budget)) } },
        { name = CONTEST[3][1], sampler = d.samplers.dpmpp_2s_ancestral } }
    end
    local dopts, labels = denoiser_opts(1000)
    local res = d.lab.compare { model = model, schedule = sched, plan = model.plan_options, shape = { 1, 32, 32 },
      samplers = entries, nfe = { budget }, n = 1000, seed = seed, metric = { "fd" }, denoiser = dopts,
      labels = labels, features = function(x) return clf:features(x:clamp(-1, 1)) end,
      reference_features = reference }
    local f = assert(io.open(out .. "/seeds.csv", "a"))
    for _, r in ipairs(res.rows) do
      f:write(string.format("%d,%s,%d,%.5f\n", seed, r.sampler, budget, r.fd))
      io.stderr:write(string.format("seed %d NFE %d %s: FD %.3f\n", seed, budget, r.sampler, r.fd))
    end
    f:close()
  end
elseif stage == "floor" then
  for k = 1, 9 do
    local first = (k - 1) * 1000 + 1
    local x, right = digits:narrow(1, first, 1000), 0
    for i, label in ipairs(clf:predict(x)) do
      if label == digit_labels[first + i - 1] then right = right + 1 end
    end
    local row = { sampler = string.format("training digits %d-%d", first, first + 999), budget = 0, nfe = 0, steps = 0,
      fd = d.frechet_distance(clf:features(x), reference), accuracy = right / 1000 }
    append_rows("floor", { row }, 1000)
    io.stderr:write(string.format("%s: FD %.3f, accuracy %.3f\n", row.sampler, row.fd, row.accuracy))
  end
elseif stage == "report" then
  local rows = read_rows()
  local lines = {}
  -- the table: sampler x NFE, in ALL_SAMPLERS' order; the reference row apart
  local budgets, names, cell, reference_fd = {}, {}, {}, nil
  local floor = { lo = math.huge, hi = -math.huge, sum = 0, n = 0 }
  for _, r in ipairs(rows) do
    if r.kind == "floor" then
      floor.lo, floor.hi = math.min(floor.lo, r.fd), math.max(floor.hi, r.fd)
      floor.sum, floor.n = floor.sum + r.fd, floor.n + 1
    elseif r.kind == "table" and r.n == 1000 then
      if r.name == REFERENCE[1] and r.budget == REFERENCE[2] then
        reference_fd = r.fd
      else
        if not cell[r.name] then names[#names + 1] = r.name; cell[r.name] = {} end
        if not cell[r.name][r.budget] then cell[r.name][r.budget] = r.fd end
      end
    end
  end
  local order, has = {}, {}
  for i, name in ipairs(ALL_SAMPLERS) do order[name] = i end
  table.sort(names, function(a, b) return (order[a] or 1e9) < (order[b] or 1e9) end)
  for _, name in ipairs(names) do
    for b in pairs(cell[name]) do
      if not has[b] then has[b] = true; budgets[#budgets + 1] = b end
    end
  end
  table.sort(budgets)
  if reference_fd then
    lines[#lines + 1] = string.format("Reference: DDPM's ancestral sampler over all %d steps, FD %.2f.", REFERENCE[2],
      reference_fd)
    lines[#lines + 1] = ""
  end
  if floor.n > 0 then
    lines[#lines + 1] = string.format("Real digits: %d blocks of 1,000 training digits score FD %.2f to %.2f "
      .. "(mean %.2f) against the same held-out 1,000: what real data scores on this measure at 1,000 samples.",
      floor.n, floor.lo, floor.hi, floor.sum / floor.n)
    lines[#lines + 1] = ""
  end
  lines[#lines + 1] = "| sampler | NFE " .. table.concat(budgets, " | NFE ") .. " |"
  lines[#lines + 1] = "|---|" .. string.rep("---|", #budgets)
  for _, name in ipairs(names) do
    local cells = {}
    for i, b in ipairs(budgets) do cells[i] = cell[name][b] and string.format("%.2f", cell[name][b]) or "-" end
    lines[#lines + 1] = string.format("| %s | %s |", name, table.concat(cells, " | "))
  end
  lines[#lines + 1] = ""
  for _, budget in ipairs { 5, 10 } do
    local best = {}
    for _, r in ipairs(rows) do
      if r.budget == budget and r.n == 1000 then
        local side = r.kind == "diffusers" and "diffusers" or "diffusion"
        if not best[side] or r.fd < best[side].fd then best[side] = r end
      end
    end
    if best.diffusers and best.diffusion then
      lines[#lines + 1] = string.format("NFE %d: best diffusers configuration %s, FD %.2f; best diffusion %s, FD %.2f: "
        .. "%.0f%% lower", budget, best.diffusers.name, best.diffusers.fd, best.diffusion.name, best.diffusion.fd,
        100 * (1 - best.diffusion.fd / best.diffusers.fd))
    end
  end
  local text = table.concat(lines, "\n") .. "\n"
  io.write(text)
  local f = assert(io.open(out .. "/report.md", "w"))
  f:write(text)
  f:close()
  -- the chart: the table's rows plus each kind's best at 5 and 10
  local results = { rows = {}, metrics = { "fd" }, samplers = names, nfe = budgets, reference = {} }
  if reference_fd then
    results.reference[1] = { value = reference_fd, label = string.format("DDPM, %d steps", REFERENCE[2]) }
  end
  if floor.n > 0 then
    results.reference[#results.reference + 1] = { value = floor.sum / floor.n, label = "real digits (mean)" }
  end
  for _, r in ipairs(rows) do
    if r.kind == "table" and r.n == 1000 and cell[r.name] and cell[r.name][r.budget] == r.fd then
      results.rows[#results.rows + 1] = { sampler = r.name, nfe = r.nfe, budget = r.budget, fd = r.fd }
    end
  end
  local svg = assert(io.open(out .. "/report.svg", "w"))
  svg:write(d.lab.svg(results, "fd"))
  svg:close()
else
  error("unknown stage '" .. stage
    .. "' (table, cells, refchunk, converged, diffusers, optimize, plan, plan-check, seeds, seeds-report, "
    .. "floor, report)")
end
