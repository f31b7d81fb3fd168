--- Helpers shared by the sampler files.
local util = {}

--- A noise source from opts.noise: a diffusion.Rng, a function(x) returning
-- a standard normal tensor shaped like x (to replay recorded noise), or nil
-- for a fresh generator seeded with opts.seed (default 0).
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
