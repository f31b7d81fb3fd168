--- diffusion nll: negative log-likelihood in bits per dimension.
local d = require "diffusion"
local cli = require "diffusion.cli"

local M = { parallel = true } -- under mpirun each rank measures its share of the batches

function M.define(parser)
  local c = parser:command("nll", "Negative log-likelihood in bits per dimension (see docs/likelihood.md).")
  c:option("--model", "A diffusers model or pipeline folder (default: the bundled MNIST model).")
  c:option("--data", "Images: MNIST IDX (.gz or not; 28 x 28 digits are padded to 32 x 32 with black) or .npy "
    .. "(N x C x H x W in [-1, 1]). Default: the 1,000 held-out digits shipped with the bundled model.")
  cli.number_option(c, "--from", "The first sample to use (1-based).", "1", true)
  cli.number_option(c, "-n", "Number of samples.", "100", true)
  c:option("--method", "ode, vlb or both.", "both"):choices { "ode", "vlb", "both" }
  cli.number_option(c, "--probes", "ode: Hutchinson probes per sample.", "1", true)
  cli.number_option(c, "--rtol", "ode: solver tolerance (relative and absolute).", "1e-5")
  cli.number_option(c, "--steps", "vlb: timesteps of the bound (default all the model was trained on).", nil, true)
  cli.number_option(c, "--batch", "Samples per batch (the seeds are keyed on each batch's first sample).", "10", true)
  cli.number_option(c, "--seed", "Seed (dequantisation, probes, the bound's noise).", "0", true)
  c:option("--csv", "Also write each sample's bits per dimension (index, method, bits) to this CSV.")
  c:flag("--json", "Print the results as JSON on stdout (per method: mean, standard error, per-sample values).")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

-- The data: N x C x H x W in [-1, 1], from IDX or .npy.
local function nll_data(args, channels, size)
  local path, from = args.data, args.from
  if not path then
    path = d.shipped("data/mnist/mnist-10k-images-idx3-ubyte.gz")
    if not path then cli.fail("the bundled digits (data/mnist) are not installed: pass --data FILE") end
    if args.from == 1 then from = 9001 end -- the 1,000 digits the bundled model never saw
  end
  local x = cli.try("--data: ", function()
    if path:match("%.npy$") then return d.load_npy(path) end
    local raw = d.load_idx(path)
    if raw:dim() ~= 3 then
      error(string.format("'%s' holds %d-dimensional data (%s), not images (an IDX image file is N x H x W)", path,
        raw:dim(), table.concat(raw:shape(), " x ")), 0)
    end
    local n, h, w = raw:size(1), raw:size(2), raw:size(3)
    return (raw / 127.5 - 1):reshape { n, 1, h, w }
  end)
  if x:dim() ~= 4 then cli.fail("--data: expected images N x C x H x W, got %d dimensions", x:dim()) end
  local h = x:size(3)
  if h < size and (size - h) % 2 == 0 and x:size(4) == h then
    local p = (size - h) // 2
    x = x:pad({ p, p, p, p }, -1)
  end
  if x:size(2) ~= channels or x:size(3) ~= size or x:size(4) ~= size then
    cli.fail("--data: images are %d x %d x %d; the model takes %d x %d x %d", x:size(2), x:size(3), x:size(4),
      channels, size, size)
  end
  if from < 1 or from + args.n - 1 > x:size(1) then
    cli.fail("--data holds %d samples: --from %d -n %d is out of range", x:size(1), from, args.n)
  end
  return x:narrow(1, from, args.n):contiguous(), path, from
end

function M.run(args)
  cli.at_least(args, { "n", "batch", "probes", "threads", "from", "steps" }, 1)
  if args.rtol <= 0 then cli.fail("--rtol must be a positive number") end
  local world, root = cli.world(), cli.root()
  local csv_path = root and args.csv and cli.output(args.csv, "--csv")
  d.threads(args.threads)
  local model_dir = args.model or d.bundled("mnist")
  local model = d.load(model_dir)
  local cfg = model.config
  local x, path, from = nll_data(args, cfg.in_channels, cli.sample_size(cfg))
  local schedule = model.schedule or d.schedule.linear {}
  local prediction = (model.scheduler_config or {}).prediction_type or "epsilon"
  local methods = args.method == "both" and { "ode", "vlb" } or { args.method }
  if not args.quiet and root then
    io.stderr:write(string.format("%s: %d samples of %s from %d\n", model_dir, args.n, path, from))
  end
  -- this rank's share, in whole batches: each batch's seed and its members are
  -- those of a one-process run, so every value is too
  local mine, count = require("diffusion.parallel").range(args.n, world, args.batch)
  local report = { model = model_dir, data = path, from = from, n = args.n, seed = args.seed, methods = {} }
  local rows = {}
  for _, method in ipairs(methods) do
    local show = cli.progress(method, count, args.quiet)
    local values, nfe, t0 = {}, 0, d.core.now()
    for s = mine, mine + count - 1, args.batch do
      local len = math.min(args.batch, mine + count - s)
      -- seeded by the batch's first index: a run split by --from at batch boundaries gives the same numbers
      local opts = { method = method, prediction = prediction, seed = args.seed + from + s - 1 }
      if cfg.num_class_embeds then -- p(x): the null class
        opts.class_labels = d.full({ len }, cfg.num_class_embeds - 1)
      end
      if method == "ode" then
        opts.probes, opts.rtol, opts.atol = args.probes, args.rtol, args.rtol
      else
        opts.steps = args.steps
      end
      local _, per, cost = d.nll(model, schedule, x:narrow(1, s, len), opts)
      for _, v in ipairs(per) do values[#values + 1] = v end
      nfe = nfe + cost.nfe * len
      show(#values)
    end
    values, nfe = world.gather(values), world.allreduce(nfe) -- every rank's, in order, at rank 0
    if root then
      for i, v in ipairs(values) do rows[#rows + 1] = string.format("%d,%s,%.6f\n", from + i - 1, method, v) end
      local mean, sq = 0, 0
      for _, v in ipairs(values) do mean = mean + v / #values end
      for _, v in ipairs(values) do sq = sq + (v - mean) ^ 2 end
      local se = math.sqrt(sq / math.max(#values - 1, 1) / #values)
      local seconds = d.core.now() - t0
      report.methods[method] = { bits_per_dim = mean, standard_error = se, samples = values,
        nfe_per_sample = nfe / #values, seconds = seconds }
      if not args.json then
        print(string.format("%s: %.4f bits/dim (standard error %.4f) over %d samples; %.0f network evaluations per "
          .. "sample, %.1f s", method, mean, se, #values, nfe / #values, seconds))
      end
    end
  end
  if not root then return end
  if args.json then print(d.core.json_encode(report)) end
  if csv_path then
    local f = assert(io.open(csv_path, "w"))
    f:write("index,method,bits_per_dim\n", table.concat(rows))
    f:close()
  end
end

return M
