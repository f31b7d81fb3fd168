--- diffusion.analytic: data distributions with exact answers at every noise
-- level, ground truth for samplers and likelihoods. Each is a Gaussian
-- mixture in C (csrc/core/analytic.c): for x_t = alpha x0 + sigma eps,
--
--   m:denoise(x, alpha, sigma)      E[x0 | x_t = x], the ideal denoiser
--   m:score(x, alpha, sigma)        grad log p(x_t) at x
--   m:log_density(x, alpha, sigma)  N log-densities of x_t (nats), and their sum
--   m:divergence(x, alpha, sigma)   N traces of d E[x0 | x_t] / d x_t (for exact likelihoods)
--   m:sample(rng, n)                n exact samples of x0
--
-- and, given a schedule, the model is callable as a network predicting eps:
--
--   local m = diffusion.analytic.gmm { weights = { 0.3, 0.7 }, means = { d.tensor { -2, 0 }, d.tensor { 2, 1 } },
--     stds = { 0.5, 0.3 } }:with_schedule(sched)
--   local D = diffusion.denoiser(m, sched)     -- exact: samplers are judged against it
local d = require "diffusion.core"

local A = {}
local Model = {}
Model.__index = Model

local function new(weights, means, stds)
  local k = means:size(1)
  local w = d.tensor(weights)
  if w:numel() ~= k then error(string.format("analytic: %d weights for %d components", w:numel(), k), 3) end
  local core = d.analytic_gmm(w, means, stds * stds)
  local shape = means:shape()
  table.remove(shape, 1)
  local cumulative, total = {}, 0
  for i, v in ipairs(w:totable()) do
    total = total + v
    cumulative[i] = total
  end
  for i = 1, k do cumulative[i] = cumulative[i] / total end
  return setmetatable({ core = core, means = means, stds = stds, shape = shape, cumulative = cumulative }, Model)
end

-- a number or a tensor, as a tensor of the given shape
local function filled(v, shape, what)
  if type(v) == "number" then return d.full(shape, v) end
  if type(v) ~= "userdata" then error(string.format("analytic: %s must be a number or a tensor", what), 3) end
  return v:expand(shape):clone()
end

--- gaussian{mean = tensor or number, std = tensor or number, shape = {...}}:
-- independent normal coordinates (shape is needed when both are numbers).
function A.gaussian(o)
  local shape = o.shape
  if not shape then
    local t = type(o.mean) == "userdata" and o.mean or o.std
    if type(t) ~= "userdata" then error("gaussian: give shape when mean and std are numbers", 2) end
    shape = t:shape()
  end
  local mean, std = filled(o.mean or 0, shape, "mean"), filled(o.std or 1, shape, "std")
  local one = { 1 }
  for _, s in ipairs(shape) do one[#one + 1] = s end
  return new({ 1 }, mean:reshape(one), std:reshape(one))
end

--- gmm{weights = {...}, means = {tensors} or K x ... tensor, stds = {numbers or tensors} or K x ... tensor}
function A.gmm(o)
  local means = o.means
  if type(means) == "table" then means = d.stack(means, 1) end
  local k = means:size(1)
  local shape = means:shape()
  local stds = o.stds
  if type(stds) == "table" then
    local rows = {}
    local one = {}
    for i = 2, #shape do one[#one + 1] = shape[i] end
    for i = 1, k do rows[i] = filled(stds[i], one, "each std") end
    stds = d.stack(rows, 1)
  else
    stds = filled(stds, shape, "stds")
  end
  local weights = o.weights
  if not weights then
    weights = {}
    for i = 1, k do weights[i] = 1 / k end
  end
  return new(weights, means, stds)
end

--- empirical(data): the distribution of a finite data set (N x ...), each
-- point equally likely; its denoiser is the exact posterior over the points.
function A.empirical(data)
  local weights = {}
  for i = 1, data:size(1) do weights[i] = 1 end
  return new(weights, data, d.zeros(data:shape()))
end

function Model:denoise(x, alpha, sigma) return self.core:denoise(x, alpha, sigma) end
function Model:score(x, alpha, sigma) return self.core:score(x, alpha, sigma) end
function Model:log_density(x, alpha, sigma) return self.core:log_density(x, alpha, sigma) end
--- the trace of d E[x0 | x_t] / d x_t at each sample (a Lua list): exact likelihoods
function Model:divergence(x, alpha, sigma) return self.core:divergence(x, alpha, sigma) end

--- n exact samples of x0: a component by its weight, then its Gaussian.
function Model:sample(rng, n)
  local u = rng:rand { n }:totable()
  local shape = { n }
  for _, s in ipairs(self.shape) do shape[#shape + 1] = s end
  local x = rng:randn(shape)
  for i = 1, n do
    local c = 1
    while self.cumulative[c] < u[i] and c < #self.cumulative do c = c + 1 end
    local row = x:narrow(1, i, 1)
    row:mul_(self.stds:narrow(1, c, 1)):add_(self.means:narrow(1, c, 1))
  end
  return x
end

--- A copy that is callable as model(x, t) -> eps under this schedule, so
-- diffusion.denoiser(m, schedule) and every sampler use the exact denoiser.
function Model:with_schedule(schedule)
  local m = setmetatable({}, Model)
  for k, v in pairs(self) do m[k] = v end
  m.schedule = schedule
  return m
end

function Model.__call(self, x, t)
  if not self.schedule then error("analytic: call with_schedule(schedule) before using the model as a network", 2) end
  if type(t) ~= "number" then -- a timestep per sample, as a network takes them
    local ts = t:reshape({ -1 }):totable()
    if #ts ~= x:size(1) and #ts ~= 1 then
      error(string.format("analytic: %d timesteps for %d samples", #ts, x:size(1)), 2)
    end
    local same = true
    for _, v in ipairs(ts) do same = same and v == ts[1] end
    if not same then
      local rows = {}
      for i, v in ipairs(ts) do rows[i] = self(x:narrow(1, i, 1), v) end
      return d.cat(rows, 1)
    end
    t = ts[1]
  end
  local a, s = self.schedule:alpha(t), self.schedule:sigma(t)
  local x0 = self.core:denoise(x, a, s)
  return (x - x0 * a) / s
end

return A
