--- Helpers shared by the sampler files.
local util = {}

--- What each sampler file says of itself, by name (diffusion.samplers.list()
-- returns it): title (the method and its paper), options (those it reads
-- besides noise, seed, callback and check_finite), stochastic (draws noise at
-- its default options), diffusers and k_diffusion (the scheduler class and
-- function it matches), large_sigma_diverges (measured to overshoot on plans
-- that start at a very large k-diffusion sigma, such as a cosine VP
-- schedule's 20,291: docs/lab.md).
util.catalog = {}

--- util.describe(..., meta) at the top of a sampler file: `...` is the module
-- name require passes to the file.
function util.describe(module_name, meta)
  local name = module_name:match("([^.]+)$")
  meta.name = name
  util.catalog[name] = meta
end

--- A noise source from opts.noise: a diffusion.Rng, a function(x, i, level)
-- returning a standard normal tensor shaped like x for step i of the plan,
-- whose draw moves x to `level` (so recorded noise can be replayed by step,
-- without counting calls), or nil for a fresh generator seeded with
-- opts.seed (default 0).
function util.noise(opts)
  local src = opts and opts.noise
  if type(src) == "function" then return src end
  if src == nil then src = require("diffusion.core").rng(opts and opts.seed or 0) end
  return function(x) return src:randn(x:shape()) end
end

--- End of step i of n: with opts.check_finite, stops with an error naming
-- the step if x or x0 holds NaN or inf; calls opts.callback(i, n, x, x0).
-- Samplers working on k-diffusion's scaled x pass the level it is scaled
-- for, and the callback sees x itself (unscaled only when there is one).
function util.report(opts, i, n, x, x0, scaled_for)
  if not opts then return end
  if opts.check_finite then
    local bad = not x:all_finite() and "x" or (x0 and not x0:all_finite() and "the denoised x0")
    if bad then error(string.format("sampler: %s is not finite after step %d of %d", bad, i, n), 0) end
  end
  if opts.callback then
    if scaled_for then x = util.unscale(x, scaled_for) end
    opts.callback(i, n, x, x0)
  end
end

--- k-diffusion's sigma of a level: x / alpha = x0 + (sigma / alpha) eps.
function util.ve(level) return level.alpha > 0 and level.sigma / level.alpha or math.huge end

--- x * alpha for a level, as D wants it, from k-diffusion's scaled x.
function util.unscale(xs, level) return level.alpha == 1 and xs or xs * level.alpha end

return util
