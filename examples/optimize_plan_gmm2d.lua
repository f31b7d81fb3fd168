-- lab.optimize_plan on the 2-D Gaussian mixture of docs/lab.md: for each
-- sampler and NFE, the best fixed spacing's RMSE to the reference ODE
-- endpoint, the searched plan's on its 256 calibration noises, and both on
-- 1,000 fresh noises (lab.compare's), the figure that counts.
--   lua5.4 examples/optimize_plan_gmm2d.lua
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local m = d.analytic.gmm { weights = { 0.2, 0.3, 0.5 }, means = d.tensor { { -2, 0 }, { 1.5, 1.5 }, { 1, -2 } },
  stds = { 0.3, 0.5, 0.4 } }
local sched = d.schedule.linear {}
print("| sampler | NFE | best fixed spacing | its rmse | searched plan, calibration | fixed, fresh noise "
  .. "| searched, fresh noise | gain (fresh) |")
print("|---|---|---|---|---|---|---|---|")
for _, name in ipairs { "euler", "ipndm", "dpmpp_2m", "unipc" } do
  for _, nfe in ipairs { 5, 10 } do
    local r = d.lab.optimize_plan { model = m, schedule = sched, sampler = name, nfe = nfe, n = 256 }
    local fixed = ({ trailing = true, leading = true, linspace = true })[r.best_fixed] and { spacing = r.best_fixed }
      or { sigmas = r.best_fixed }
    local res = d.lab.compare { model = m, schedule = sched, nfe = { nfe }, n = 1000, metric = { "rmse" },
      samplers = { { name = "fixed", sampler = d.samplers[name], plan = fixed },
        { name = "searched", sampler = d.samplers[name], plan = { sigmas = r.sigmas } } } }
    local a, b = res.rows[1].rmse, res.rows[2].rmse
    print(string.format("| %s | %d | %s | %.4f | %.4f | %.4f | %.4f | %.2fx |", name, nfe, r.best_fixed,
      r.best_fixed_rmse, r.rmse, a, b, a / b))
  end
end
