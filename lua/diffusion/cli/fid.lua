--- diffusion fid: the Fréchet distance of samples to reference images on the
-- MNIST classifier's features (the lab's FD; Heusel et al. 2017 with the
-- classifier in place of Inception), sized for the 50,000-sample protocol.
-- The samples are made by a model (--samples N) or read (a folder of PNGs,
-- an .npy); under mpirun each rank makes or reads its share and computes its
-- features there, and rank 0 joins the features and reports the distance,
-- the same bits as one process.
local d = require "diffusion"
local cli = require "diffusion.cli"
local parallel = require "diffusion.parallel"

local M = { parallel = true }

function M.define(parser)
  local c = parser:command("fid", "Fréchet distance of samples to reference images on the MNIST classifier's "
    .. "features (see docs/scale-out.md).")
  c:option("--samples", "N (sample N from --model), a folder of PNGs, or an .npy (N x 1 x 32 x 32 in [-1, 1]).")
    :args(1):count(1)
  c:option("--reference", "mnist (the 1,000 held-out digits shipped with the bundled model), a folder of PNGs, "
    .. "an .npy or an MNIST IDX image file.", "mnist")
  c:option("--classifier", "The feature network: a diffusion.classifier folder (default: the bundled MNIST one).")
  c:option("--model", "With --samples N: a diffusers model folder (default: the bundled MNIST model).")
  c:option("--sampler", "With --samples N: the sampler.", "dpmpp_2m")
  cli.number_option(c, "--steps", "With --samples N: sampling steps.", "20", true)
  cli.number_option(c, "--cfg", "With --samples N: classifier-free guidance scale.", tostring(cli.DEFAULT_GUIDANCE))
  c:option("--classes", "With --samples N: the classes in turn, a range 0-9 or a list 0,3,7 (default all).")
  cli.number_option(c, "--seed", "With --samples N: the seed (sample i is the same however the run is split).",
    "0", true)
  cli.number_option(c, "--batch", "Samples per network call.", "100", true)
  c:flag("--json", "Print the result as JSON.")
  cli.number_option(c, "--threads", "Threads per process.", "2", true)
  c:flag("--quiet", "No progress output.")
end

-- Images from a folder of PNGs, an .npy or an IDX file: {n =, load(first, count)}.
local function image_source(path, what)
  if path:match("%.npy$") then
    local x = cli.try(what .. ": ", d.load_npy, path)
    if x:dim() ~= 4 then
      cli.fail("%s: '%s' holds %d-dimensional data, not N x C x H x W images", what, path, x:dim())
    end
    return { n = x:size(1), load = function(first, count) return x:narrow(1, first, count) end }
  end
  local f = io.open(path, "rb")
  if not f then cli.fail("%s: '%s' does not exist", what, path) end
  local _, _, errno = f:read(1)
  f:close()
  local is_dir = errno == 21 -- EISDIR: a folder opens, but does not read
  if not is_dir then -- an IDX image file (28 x 28 digits padded to 32 x 32 as the classifier takes them)
    local raw = cli.try(what .. ": ", d.load_idx, path)
    if raw:dim() ~= 3 then cli.fail("%s: '%s' is not an IDX image file (N x H x W)", what, path) end
    local n, h, w = raw:size(1), raw:size(2), raw:size(3)
    local x = (raw / 127.5 - 1):reshape { n, 1, h, w }
    if h == 28 and w == 28 then x = x:pad({ 2, 2, 2, 2 }, -1) end
    return { n = n, load = function(first, count) return x:narrow(1, first, count) end }
  end
  local files = {}
  local ls = io.popen("ls '" .. path:gsub("'", "'\\''") .. "'")
  for name in ls:lines() do
    if name:lower():match("%.png$") then files[#files + 1] = path .. "/" .. name end
  end
  ls:close()
  if #files == 0 then cli.fail("%s: no PNG files in '%s'", what, path) end
  return { n = #files, load = function(first, count)
    local list = {}
    for i = first, first + count - 1 do
      list[#list + 1] = cli.try(what .. ": ", d.image.load, files[i], { channels = 1 }):unsqueeze(1)
    end
    return #list > 0 and d.cat(list, 1) or d.empty { 0, 1, 32, 32 }
  end }
end

-- Samples drawn from a model: {n =, load(first, count)}.
local function model_source(args, n)
  local model = cli.try("--model: ", d.load, args.model or d.bundled("mnist"))
  cli.check_samplers { args.sampler }
  local num_classes = model.config.num_class_embeds and model.config.num_class_embeds - 1
  local labels = require("diffusion.cli.sample").class_labels(args, n, num_classes)
  return { n = n, load = function(first, count)
    return d.generate { model = model, n = n, first = first, count = count, batch = count, seed = args.seed,
      sampler = args.sampler, steps = args.steps, labels = labels, cfg = num_classes and args.cfg or 1 }:clamp(-1, 1)
  end }
end

-- This rank's share of a source's features, joined at rank 0 (nil elsewhere).
local function features(source, clf, world, batch, show)
  local first, count = parallel.range(source.n, world)
  local feats = {}
  for s = first, first + count - 1, batch do
    if show then show(s - first, count) end
    local x = source.load(s, math.min(batch, first + count - s))
    if x:size(2) ~= 1 or x:size(3) ~= 32 or x:size(4) ~= 32 then
      cli.fail("images are %d x %d x %d; the MNIST classifier takes 1 x 32 x 32", x:size(2), x:size(3), x:size(4))
    end
    feats[#feats + 1] = clf:features(x)
  end
  if show then show(count, count) end
  return world.gather(d.cat(feats, 1):contiguous())
end

function M.run(args)
  cli.at_least(args, { "steps", "batch", "threads" }, 1)
  d.threads(args.threads)
  local world = cli.world()
  local n = math.tointeger(tonumber(args.samples))
  local source
  if n then
    if n < 2 then cli.fail("--samples must be at least 2 (a covariance needs two), got %d", n) end
    source = model_source(args, n)
  else
    for _, flag in ipairs { "model", "classes" } do
      if args[flag] then cli.fail("--%s applies to --samples N (samples drawn here), not to images read", flag) end
    end
    source = image_source(args.samples, "--samples")
  end
  if source.n < world.size() then cli.fail("%d samples cannot be split over %d ranks", source.n, world.size()) end
  local reference
  if args.reference == "mnist" then
    local held = cli.try("--reference mnist: ", d.classifier.mnist):narrow(1, 9001, 1000)
    reference = { n = 1000, load = function(first, count) return held:narrow(1, first, count) end }
  else
    reference = image_source(args.reference, "--reference")
  end
  local clf = cli.try("--classifier: ", d.classifier.load, args.classifier)
  local t0 = d.core.now()
  local sample_feats = features(source, clf, world, args.batch, cli.progress(n and "sampling" or "reading", 1,
    args.quiet))
  local reference_feats = features(reference, clf, world, args.batch)
  if not cli.root() then return end
  local fd = d.frechet_distance(sample_feats, reference_feats)
  local report = { fd = fd, samples = source.n, reference = reference.n, ranks = world.size(),
    seconds = d.core.now() - t0, features = "mnist-classifier (128)" }
  if args.json then
    print(d.core.json_encode(report))
  else
    print(string.format("FD %.4f: %d samples against %d reference images on the MNIST classifier's features "
      .. "(%d rank%s, %.1f s)", fd, source.n, reference.n, world.size(), world.size() == 1 and "" or "s",
      report.seconds))
  end
end

return M
