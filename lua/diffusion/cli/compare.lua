--- diffusion compare: samplers measured against ground truth at NFE budgets.
local d = require "diffusion"
local cli = require "diffusion.cli"
local lab = require "diffusion.cli.lab"

local M = { parallel = true } -- under mpirun each rank samples its share of every run; rank 0 measures

local METRICS = { rmse = true, swd = true, fd = true, accuracy = true }

function M.define(parser)
  local c = parser:command("compare", "Compare samplers at NFE budgets (see docs/lab.md).")
  c:option("--model", "gmm2d (a 2-D Gaussian mixture), mnist (the bundled model) or a model folder.", "gmm2d")
  c:option("--samplers", "Samplers, comma-separated.", "euler,heun,dpmpp_2m,unipc")
  c:option("--nfe", "NFE budgets, comma-separated.", "3,4,5,6,8,10,15,20,50")
  c:option("--metric", "Metrics, comma-separated: rmse, swd (gmm2d); fd, accuracy (MNIST-like models).")
  cli.number_option(c, "-n", "Samples per run.", "1000", true)
  cli.number_option(c, "--cfg", "Classifier-free guidance scale for class-conditional models.",
    tostring(cli.DEFAULT_GUIDANCE))
  cli.number_option(c, "--seed", "Seed.", "0", true)
  cli.number_option(c, "--rtol", "Tolerance (relative and absolute) of the reference ODE solve for rmse.", "1e-5")
  c:option("-o --output", "Report folder: report.md, report.csv, report.svg (and PNG grids).", "report")
  c:flag("--json", "Print the results (one row per sampler and budget) as JSON instead of Markdown tables.")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

function M.run(args)
  cli.at_least(args, { "threads" }, 1)
  cli.at_least(args, { "n" }, 2)
  local nfe = {}
  for i, v in ipairs(cli.list(args.nfe, "--nfe")) do
    nfe[i] = math.tointeger(tonumber(v))
    if not nfe[i] or nfe[i] < 1 then cli.fail("--nfe: '%s' is not a positive integer", v) end
  end
  local names = cli.list(args.samplers, "--samplers")
  cli.check_samplers(names)
  if args.rtol <= 0 then cli.fail("--rtol must be a positive number") end
  local metrics = args.metric and cli.list(args.metric, "--metric")
  for _, m in ipairs(metrics or {}) do
    if not METRICS[m] then cli.fail("--metric: unknown metric '%s' (rmse, swd, fd or accuracy)", m) end
  end
  local images = args.model ~= "gmm2d"
  for _, m in ipairs(metrics or {}) do
    if not images and (m == "fd" or m == "accuracy") then cli.fail("--metric %s needs an image model", m) end
    if images and m == "swd" then cli.fail("--metric swd is for gmm2d (2-D samples)") end
  end
  local root = cli.root()
  if root then cli.folder(args.output, "-o") end
  d.threads(args.threads)
  local opts = { samplers = names, nfe = nfe, n = args.n, seed = args.seed,
    reference = { rtol = args.rtol, atol = args.rtol } }
  for k, v in pairs(lab.model(args.model, args.cfg, args.n)) do opts[k] = v end
  if not images then
    opts.metric = metrics or { "rmse", "swd" }
  else
    local size, channels = opts.shape[2], opts.shape[1]
    local mnist_like = channels == 1 and size == 32
    opts.metric = metrics or (mnist_like and (opts.labels and { "fd", "accuracy" } or { "fd" }) or { "rmse" })
    for _, m in ipairs(opts.metric) do
      if (m == "fd" or m == "accuracy") and not mnist_like then
        cli.fail("--metric %s needs 1 x 32 x 32 samples (the MNIST classifier's input)", m)
      end
    end
    local clf = d.classifier.load()
    opts.features = function(x) return clf:features(x:clamp(-1, 1)) end
    opts.classify = function(x) return clf:predict(x:clamp(-1, 1)) end
    if mnist_like and root then -- the 1,000 held-out digits shipped with the bundled model
      local held = cli.try("the held-out MNIST digits for fd: ", d.classifier.mnist)
      opts.reference_features = clf:features(held:narrow(1, 9001, 1000))
    end
    opts.keep = true
  end
  local show = cli.progress("comparing", #names * #nfe, args.quiet)
  opts.callback = function(done) show(done) end
  local results = d.lab.compare(opts)
  if not root then return end
  d.lab.write(results, args.output .. "/report")
  if results.samples then
    for name, runs in pairs(results.samples) do
      for budget, x in pairs(runs) do
        local k = math.min(100, x:size(1))
        d.image.save_grid(string.format("%s/%s_nfe%d.png", args.output, name, budget), x:narrow(1, 1, k):clamp(-1, 1),
          { nrow = math.ceil(math.sqrt(k)), text = { model = args.model, sampler = name, nfe = tostring(budget),
            seed = tostring(args.seed), cfg = tostring(args.cfg), software = "diffusion " .. d.VERSION } })
      end
    end
  end
  if args.json then
    print(d.core.json_encode { model = args.model, metrics = results.metrics, rows = results.rows })
  else
    for _, m in ipairs(results.metrics) do
      print("## " .. m .. "\n")
      print(d.lab.markdown(results, m))
    end
  end
  if not args.quiet then io.stderr:write("wrote " .. args.output .. "/report.md, .csv, .svg\n") end
end

return M
