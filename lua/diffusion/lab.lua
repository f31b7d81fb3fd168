--- diffusion.lab: samplers measured against ground truth, at a given number
-- of network evaluations (NFE).
--
--   local results = diffusion.lab.compare {
--     model = diffusion.analytic.gmm { ... }, schedule = diffusion.schedule.linear(),
--     samplers = { "euler", "heun", "dpmpp_2m",
--       { name = "mine", sampler = my_sampler, plan = { spacing = "trailing" } } },
--     nfe = { 3, 4, 5, 6, 8, 10, 15, 20, 50 }, n = 1000, metric = { "rmse", "swd" },
--   }
--   diffusion.lab.write(results, "report")   -- report.md, report.csv, report.svg
--
-- Metrics: "rmse", the root mean square distance to the reference
-- probability-flow ODE endpoint of the same starting noise (diffusion.ode at
-- tight tolerance); "swd", the sliced Wasserstein-2 distance to as many exact
-- samples of the data (analytic models); "fd", the Fréchet distance of
-- features(x) to reference_features (the MNIST classifier's, say);
-- "accuracy", the fraction of samples classify(x) labels as the class in
-- `labels` (pass the same labels to the denoiser). Each sampler runs with
-- the largest step count whose NFE (counted, not assumed) fits the budget.
-- keep = true keeps every run's samples in results.samples[name][budget];
-- noise = a tensor of n standard normal draws (shape {n, ...}) starts every
-- run there instead of seed's draw (a slice of a larger run's noise, say).
-- world = diffusion.parallel.world() splits the samples over MPI ranks: each
-- samples its share (denoiser.class_labels and labels are the whole run's),
-- rank 0 gathers them and computes every metric (rmse's reference solve over
-- the whole run too), as one process would; the rows' metrics are left out
-- on the other ranks.
local d = require "diffusion.core"
local ode = require "diffusion.ode"
local samplers = require "diffusion.samplers"

local lab = {}

local KNOWN = { model = true, schedule = true, samplers = true, nfe = true, n = true, metric = true, seed = true,
  plan = true, reference = true, denoiser = true, callback = true, directions = true, shape = true, features = true,
  reference_features = true, classify = true, labels = true, keep = true, noise = true, world = true }

-- How many D calls `sampler` makes for a plan of `steps` steps: counted on
-- a one-value input with a stand-in denoiser (with D's level and schedule,
-- which samplers such as TCD and PNDM's Runge-Kutta start read).
local function count_nfe(sampler, plan, D)
  local count = 0
  local fake = setmetatable({ level = D.level, schedule = D.schedule }, { __call = function(_, x)
    count = count + 1
    return x * 0, x * 0
  end })
  sampler(fake, d.zeros { 1, 1 }, plan, { seed = 0 })
  return count
end

local function steps_for(entry, sched, D, budget)
  local best, best_nfe
  for steps = 1, budget do
    local nfe = count_nfe(entry.sampler, sched:plan(steps, entry.plan), D)
    if nfe > budget then break end
    best, best_nfe = steps, nfe
  end
  return best, best_nfe
end

--- Sliced Wasserstein-2 distance between two sample sets (N x ...), over
-- `directions` random unit directions (a fixed seed: comparable across runs).
function lab.sliced_wasserstein(a, b, directions)
  local n = a:size(1)
  if b:size(1) ~= n then error("sliced_wasserstein: the sets must have as many samples", 2) end
  local fa, fb = a:reshape { n, -1 }, b:reshape { n, -1 }
  local dim = fa:size(2)
  local dirs = d.rng(12345):randn { dim, directions or 64 }
  dirs:div_(dirs:square():sum(1, true):sqrt())
  local pa, pb = d.matmul(fa, dirs):transpose():totable(), d.matmul(fb, dirs):transpose():totable()
  local total = 0
  for k = 1, #pa do
    table.sort(pa[k])
    table.sort(pb[k])
    local sq = 0
    for i = 1, n do sq = sq + (pa[k][i] - pb[k][i]) ^ 2 end
    total = total + sq / n
  end
  return math.sqrt(total / #pa)
end

local function entries(list)
  local out = {}
  for i, s in ipairs(list) do
    if type(s) == "string" then
      out[i] = { name = s, sampler = samplers[s] }
    elseif type(s) == "table" and type(s.sampler) == "function" then
      out[i] = { name = s.name or ("sampler " .. i), sampler = s.sampler, plan = s.plan, opts = s.opts }
    else
      error(string.format("compare: sampler %d must be a name or {name =, sampler = function, plan =}", i), 3)
    end
  end
  return out
end

-- What compare and optimize_plan share: the options checked against `known`,
-- the model and schedule, the denoiser over the model (an analytic one made
-- callable), and the shape of a batch of opts.n (default_n) samples.
local function setup(o, known, fname, default_n)
  for k in pairs(o) do
    if not known[k] then error(string.format("%s: unknown option '%s'", fname, tostring(k)), 3) end
  end
  local model, sched = o.model, o.schedule or (o.model and o.model.schedule)
  if not model or not sched then error(fname .. ": needs model and schedule", 3) end
  local net = model.with_schedule and model:with_schedule(sched) or model
  local D = require("diffusion.denoiser")(net, sched, o.denoiser)
  local n = o.n or default_n
  local shape = { n }
  local sample_shape = o.shape or model.shape
  if not sample_shape then error(fname .. ": give the sample shape (shape = {C, H, W})", 3) end
  for _, s in ipairs(sample_shape) do shape[#shape + 1] = s end
  return model, sched, D, shape, n
end

--- Runs every sampler at every NFE budget; returns {rows = {{sampler, nfe, steps, <metric> = value}},
-- metrics = {...}, samplers = {...}}.
function lab.compare(o)
  local world = o.world or require("diffusion.parallel").world()
  local n_all = o.n or 1000
  local first, count = require("diffusion.parallel").range(n_all, world)
  local whole = o
  if world.size() > 1 then -- this rank's share: its rows of the class labels
    if n_all < world.size() then
      error(string.format("compare: n = %d samples cannot be split over %d ranks", n_all, world.size()), 2)
    end
    local dopts = {}
    for k, v in pairs(o.denoiser or {}) do dopts[k] = v end
    if dopts.class_labels then dopts.class_labels = dopts.class_labels:narrow(1, first, count):contiguous() end
    local shard = {}
    for k, v in pairs(o) do shard[k] = v end
    shard.denoiser, shard.n = dopts, count
    if o.noise then shard.noise = o.noise:narrow(1, first, count):contiguous() end
    o = shard
  end
  local root = world.rank() == 0
  local model, sched, D, shape, n = setup(o, KNOWN, "compare", 1000)
  local metrics = type(o.metric) == "table" and o.metric or { o.metric or "rmse" }
  local list = entries(o.samplers or { "euler", "heun", "dpmpp_2m", "unipc" })
  local nfes = o.nfe or { 3, 4, 5, 6, 8, 10, 15, 20, 50 }
  local full = sched:plan(1000, o.plan)
  -- one standard normal draw for every run, scaled to each plan's first level
  -- (x_T = sigma_T eps: alpha_T x0 is negligible there)
  local noise = o.noise or d.rng(o.seed or 0):randn(shape, { first = first - 1 })
  if o.noise and table.concat(noise:shape(), "x") ~= table.concat(shape, "x") then
    error(string.format("compare: noise has shape %s, expected %s (n = %d samples of the sample shape)",
      table.concat(noise:shape(), "x"), table.concat(shape, "x"), n), 2)
  end
  local want = {}
  for _, m in ipairs(metrics) do want[m] = true end
  local reference, exact
  if want.rmse and root then
    local ref = o.reference or {}
    -- One adaptive solve over the whole run, at rank 0: its step sizes
    -- depend on every sample, so a shard's own solve would differ.
    local D_all, noise_all = D, noise
    if world.size() > 1 then
      local _, _, D_whole, shape_all = setup(whole, KNOWN, "compare", 1000)
      D_all = D_whole
      noise_all = whole.noise or d.rng(o.seed or 0):randn(shape_all)
    end
    -- integrated down to the full plan's last level (t = 0's), far below any sampler's
    reference = ode(D_all, noise_all * full[1].sigma, full, { rtol = ref.rtol or 1e-5, atol = ref.atol or 1e-5 })
  end
  if want.swd then
    if not model.sample then error("compare: swd needs exact samples (an analytic model)", 2) end
    exact = model:sample(d.rng((o.seed or 0) + 1), n_all)
  end
  if root and want.fd and not (o.features and o.reference_features) then -- (rank 0 measures)
    error("compare: fd needs features (a function of x) and reference_features", 2)
  end
  if root and want.accuracy and not (o.classify and o.labels) then
    error("compare: accuracy needs classify (a function of x) and labels", 2)
  end
  -- a stochastic sampler's k-th draw: this share's rows of the whole run's
  local function sampler_opts()
    local rng = d.rng(o.seed or 0)
    return { seed = o.seed or 0, noise = function(x) return rng:randn(x:shape(), { first = first - 1 }) end }
  end
  local samples = o.keep and {} or nil
  -- a row's metrics, on the whole run's samples x
  local function measure(row, x)
    if want.rmse then row.rmse = math.sqrt((x - reference):square():mean()) end
    if want.swd then row.swd = lab.sliced_wasserstein(x, exact, o.directions) end
    if want.fd then row.fd = d.frechet_distance(o.features(x), o.reference_features) end
    if want.accuracy then
      local right = 0
      for i, label in ipairs(o.classify(x)) do
        if label == o.labels[i] then right = right + 1 end
      end
      row.accuracy = right / x:size(1)
    end
    if samples then
      samples[row.sampler] = samples[row.sampler] or {}
      samples[row.sampler][row.budget] = x
    end
  end
  local rows = {}
  local total, done = #list * #nfes, 0
  for _, e in ipairs(list) do
    for _, budget in ipairs(nfes) do
      local steps, nfe = steps_for(e, sched, D, budget)
      local row = { sampler = e.name, nfe = nfe, budget = budget, steps = steps }
      if steps then
        local plan = sched:plan(steps, e.plan or o.plan)
        local x = world.gather(e.sampler(D, noise * plan[1].sigma, plan, e.opts or sampler_opts()))
        if root then measure(row, x) end
      end
      rows[#rows + 1] = row
      done = done + 1
      if o.callback then o.callback(done, total, row) end
    end
  end
  local names = {}
  for i, e in ipairs(list) do names[i] = e.name end
  return { rows = rows, metrics = metrics, samplers = names, nfe = nfes, samples = samples }
end

local OPTIMIZE_KNOWN = { model = true, schedule = true, sampler = true, nfe = true, n = true, seed = true, plan = true,
  denoiser = true, shape = true, reference = true, rounds = true, spacings = true, opts = true, callback = true }

-- rmse of sampler over `plan` to the reference endpoints
local function plan_error(e, D, noise, reference, plan, seed)
  local x = e.sampler(D, noise * plan[1].sigma, plan, e.opts or { seed = seed })
  return math.sqrt((x - reference):square():mean())
end

--- Searches the noise levels of a K-NFE plan for `sampler` (in the spirit of
-- Align Your Steps and GITS): the plan's k-diffusion sigmas minimising the
-- RMSE between the sampler's output and the reference probability-flow ODE
-- endpoint (diffusion.ode) over a calibration batch of n noises (drawn with
-- seed + 1000, apart from those lab.compare uses). It starts from the best
-- fixed spacing (opts.spacings, default trailing, leading, linspace, karras,
-- exponential; a multi-evaluation sampler gets as many steps as fit in K)
-- and refines the log-sigmas by coordinate pattern search, halving the
-- stride each round (rounds, default 5), every level kept in (0, the
-- schedule's sigma_max] and in order. Returns {sigmas, steps, nfe, rmse,
-- fixed = {spacing -> rmse}, best_fixed, gain = best fixed rmse / rmse,
-- evaluations}; lab.save_plan writes its JSON for `--schedule` and
-- plan{sigmas = ...}. opts as lab.compare's (model, schedule, denoiser,
-- shape, reference = {rtol, atol}, seed) plus sampler (a name or
-- {name, sampler, opts}), nfe, n (32), callback(evaluation, rmse, sigmas).
function lab.optimize_plan(o)
  local _, sched, D, shape = setup(o, OPTIMIZE_KNOWN, "optimize_plan", 32)
  local budget = o.nfe
  if math.type(budget) ~= "integer" or budget < 1 then error("optimize_plan: nfe must be a positive integer", 2) end
  local e = entries({ o.sampler or "dpmpp_2m" })[1]
  e.opts = e.opts or o.opts
  local seed = (o.seed or 0) + 1000
  local noise = d.rng(seed):randn(shape)
  local full = sched:plan(1000, o.plan)
  local ref = o.reference or {}
  local reference = ode(D, noise * full[1].sigma, full, { rtol = ref.rtol or 1e-5, atol = ref.atol or 1e-5 })
  local evaluations = 0
  local function score(plan)
    evaluations = evaluations + 1
    return plan_error(e, D, noise, reference, plan, seed)
  end

  -- the best fixed spacing
  local info = sched:info()
  local vp = info.kind == "vp"
  local spacings = o.spacings or (vp and { "trailing", "leading", "linspace", "karras", "exponential" }
    or { "karras", "exponential" })
  local fixed, best_name, best_err, best_plan, steps, nfe = {}, nil, math.huge, nil, nil, nil
  for _, name in ipairs(spacings) do
    local popts = ({ trailing = true, leading = true, linspace = true })[name] and { spacing = name }
      or { sigmas = name }
    local st, count = steps_for({ sampler = e.sampler, plan = popts }, sched, D, budget)
    if st then
      local plan = sched:plan(st, popts)
      local err = score(plan)
      fixed[name] = err
      if err < best_err then best_name, best_err, best_plan, steps, nfe = name, err, plan, st, count end
    end
  end
  if not best_plan then error(string.format("optimize_plan: %s needs more than %d evaluations", e.name, budget), 2) end

  -- pattern search over u_i = log sigma_i, i = 1..steps (the final level stays 0)
  local u = {}
  for i = 1, steps do u[i] = math.log(best_plan[i].sigma / best_plan[i].alpha) end
  local top = math.log(info.sigma_max)
  local function sigmas_of(v)
    local out = {}
    for i = 1, #v do out[i] = math.exp(v[i]) end
    return out
  end
  local function valid(v)
    if v[1] > top + 1e-9 then return false end
    for i = 2, #v do if v[i] >= v[i - 1] - 1e-3 then return false end end
    return true
  end
  local best = best_err
  local stride = 0.5
  for _ = 1, o.rounds or 5 do
    for i = 1, steps do
      for _, dir in ipairs { -1, 1 } do
        local trial = { table.unpack(u) }
        trial[i] = trial[i] + dir * stride
        if valid(trial) then
          local err = score(sched:plan(steps, { sigmas = sigmas_of(trial) }))
          if err < best then
            best, u = err, trial
            if o.callback then o.callback(evaluations, err, sigmas_of(u)) end
            break
          end
        end
      end
    end
    stride = stride / 2
  end
  return { sigmas = sigmas_of(u), steps = steps, nfe = nfe, rmse = best, fixed = fixed, best_fixed = best_name,
    best_fixed_rmse = best_err, gain = best_err / best, evaluations = evaluations, sampler = e.name }
end

--- Writes an optimize_plan result as a JSON plan ({"sigmas": [...]} plus
-- what it was made for, under "_lab") that `diffusion sample --schedule` and
-- schedule:plan(n, {sigmas = ...}) take.
function lab.save_plan(result, path)
  local f = io.open(path, "w")
  if not f then error(string.format("save_plan: cannot write '%s'", path), 2) end
  local sig = {}
  for i, v in ipairs(result.sigmas) do sig[i] = string.format("%.9g", v) end
  f:write(string.format('{"sigmas": [%s], "_lab": {"sampler": "%s", "nfe": %d, "rmse": %.6g, "best_fixed": "%s", '
    .. '"best_fixed_rmse": %.6g}}\n', table.concat(sig, ", "), result.sampler, result.nfe, result.rmse,
    result.best_fixed, result.best_fixed_rmse))
  f:close()
end

--- The slope of log(metric) against log(NFE) over a sampler's rows (least
-- squares): minus its empirical order of convergence.
function lab.order(results, sampler, metric)
  local xs, ys = {}, {}
  for _, r in ipairs(results.rows) do
    local v = r[metric or results.metrics[1]]
    if r.sampler == sampler and v and v > 0 then
      xs[#xs + 1], ys[#ys + 1] = math.log(r.nfe), math.log(v)
    end
  end
  if #xs < 2 then return nil end
  local mx, my = 0, 0
  for i = 1, #xs do mx, my = mx + xs[i] / #xs, my + ys[i] / #xs end
  local sxy, sxx = 0, 0
  for i = 1, #xs do
    sxy, sxx = sxy + (xs[i] - mx) * (ys[i] - my), sxx + (xs[i] - mx) ^ 2
  end
  return -sxy / sxx
end

local function cell(results, sampler, budget, metric)
  for _, r in ipairs(results.rows) do
    if r.sampler == sampler and r.budget == budget then return r[metric] end
  end
end

--- A Markdown table (a row per sampler, a column per NFE budget, and the
-- measured order) for one metric.
function lab.markdown(results, metric)
  metric = metric or results.metrics[1]
  local lines = { "| sampler | " .. table.concat(results.nfe, " | ") .. " | order |",
    "|---|" .. string.rep("---|", #results.nfe + 1) }
  for _, name in ipairs(results.samplers) do
    local cells = {}
    for i, budget in ipairs(results.nfe) do
      local v = cell(results, name, budget, metric)
      cells[i] = v and string.format("%.3g", v) or "-"
    end
    local order = lab.order(results, name, metric)
    lines[#lines + 1] = string.format("| %s | %s | %s |", name, table.concat(cells, " | "),
      order and string.format("%.2f", order) or "-")
  end
  return table.concat(lines, "\n") .. "\n"
end

function lab.csv(results)
  local lines = { "sampler,budget,nfe,steps," .. table.concat(results.metrics, ",") }
  for _, r in ipairs(results.rows) do
    local vals = {}
    for i, m in ipairs(results.metrics) do vals[i] = r[m] and string.format("%.6g", r[m]) or "" end
    lines[#lines + 1] = string.format("%s,%d,%s,%s,%s", r.sampler, r.budget, tostring(r.nfe or ""),
      tostring(r.steps or ""), table.concat(vals, ","))
  end
  return table.concat(lines, "\n") .. "\n"
end

--- An SVG chart of metric against NFE, both axes logarithmic, a line per
-- sampler: plain SVG text, viewable in any browser. results.reference =
-- {value =, label =} adds a dashed horizontal line: a reference whose NFE
-- is off the chart (a 1,000-step sampler, a converged solver, real data);
-- a list of them draws one line each.
function lab.svg(results, metric)
  metric = metric or results.metrics[1]
  local W, H, L, R, T, B = 640, 420, 70, 150, 30, 50
  local lo, hi, nlo, nhi = math.huge, 0, math.huge, 0
  for _, r in ipairs(results.rows) do
    local v = r[metric]
    if v and v > 0 then
      lo, hi = math.min(lo, v), math.max(hi, v)
      nlo, nhi = math.min(nlo, r.nfe), math.max(nhi, r.nfe)
    end
  end
  local refs = results.reference or {}
  if refs.value ~= nil or next(refs) ~= nil and refs[1] == nil then refs = { refs } end
  for i, ref in ipairs(refs) do
    local v = ref.value
    if type(v) ~= "number" or not (v > 0 and v < math.huge) then
      error(string.format("lab.svg: results.reference%s.value must be a positive finite number (the axis is "
        .. "logarithmic), got %s", #refs > 1 and "[" .. i .. "]" or "", tostring(v)), 2)
    end
    if hi > 0 then lo, hi = math.min(lo, v), math.max(hi, v) end
  end
  if hi == 0 then return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n" end
  local ylo, yhi = math.floor(math.log(lo, 10)), math.ceil(math.log(hi, 10))
  if yhi == ylo then yhi = ylo + 1 end
  local xlo, xhi = math.log(nlo), math.log(math.max(nhi, nlo + 1))
  local function px(nfe) return L + (math.log(nfe) - xlo) / (xhi - xlo) * (W - L - R) end
  local function py(v) return T + (yhi - math.log(v, 10)) / (yhi - ylo) * (H - T - B) end
  local out = { string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
    .. 'font-family="sans-serif" font-size="12">', W, H),
    string.format('<rect width="%d" height="%d" fill="white"/>', W, H),
    string.format('<text x="%d" y="18">%s against NFE (log-log)</text>', L, metric) }
  for e = ylo, yhi do
    local y = py(10 ^ e)
    out[#out + 1] = string.format('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>', L, y, W - R, y)
    out[#out + 1] = string.format('<text x="%d" y="%.1f" text-anchor="end">1e%d</text>', L - 6, y + 4, e)
  end
  for _, nfe in ipairs(results.nfe) do
    local x = px(nfe)
    out[#out + 1] = string.format('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/>', x, T, x, H - B)
    out[#out + 1] = string.format('<text x="%.1f" y="%d" text-anchor="middle">%d</text>', x, H - B + 16, nfe)
  end
  out[#out + 1] = string.format('<text x="%d" y="%d" text-anchor="middle">NFE</text>', (W - R + L) // 2, H - 10)
  for i, ref in ipairs(refs) do
    local y = py(ref.value)
    -- the label sits above its line, or below it where another line runs just above
    local crowded = false
    for j, other in ipairs(refs) do
      local gap = y - py(other.value)
      if j ~= i and gap >= 0 and gap < 16 and (gap > 0 or j < i) then crowded = true end
    end
    out[#out + 1] = string.format('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="black" stroke-dasharray="6 4"/>',
      L, y, W - R, y)
    out[#out + 1] = string.format('<text x="%d" y="%.1f" text-anchor="end">%s</text>', W - R - 4,
      crowded and y + 14 or y - 5, ((ref.label or "reference"):gsub("[<&>]", "")))
  end
  local colours = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf" }
  for i, name in ipairs(results.samplers) do
    local colour = colours[(i - 1) % #colours + 1]
    local pts = {}
    for _, r in ipairs(results.rows) do
      if r.sampler == name and r[metric] and r[metric] > 0 then
        pts[#pts + 1] = string.format("%.1f,%.1f", px(r.nfe), py(r[metric]))
      end
    end
    if #pts > 0 then
      out[#out + 1] = string.format('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>', colour,
        table.concat(pts, " "))
    end
    local y = T + 16 * i
    out[#out + 1] = string.format('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>',
      W - R + 10, y - 4, W - R + 30, y - 4, colour)
    out[#out + 1] = string.format('<text x="%d" y="%d">%s</text>', W - R + 36, y, (name:gsub("[<&>]", "")))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n") .. "\n"
end

--- Writes prefix.md (a table per metric), prefix.csv and prefix.svg (the
-- first metric's chart).
function lab.write(results, prefix)
  local function put(path, text)
    local f = io.open(path, "w")
    if not f then error(string.format("lab.write: cannot write '%s'", path), 3) end
    f:write(text)
    f:close()
  end
  local md = {}
  for _, m in ipairs(results.metrics) do md[#md + 1] = "## " .. m .. "\n\n" .. lab.markdown(results, m) end
  put(prefix .. ".md", table.concat(md, "\n"))
  put(prefix .. ".csv", lab.csv(results))
  put(prefix .. ".svg", lab.svg(results))
end

return lab
