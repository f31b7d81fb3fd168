-- The sampler lab on a 2-D Gaussian mixture (three components): every
-- deterministic sampler at NFE 3 to 50, RMSE to the reference ODE endpoint
-- from the same noise, and the sliced Wasserstein distance to exact samples;
-- prints the Markdown tables (with each sampler's measured order) and writes
-- out.md, out.csv and out.svg.   lua5.4 examples/lab_gmm2d.lua [out=gmm2d]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local model = d.analytic.gmm { weights = { 0.2, 0.3, 0.5 }, means = d.tensor { { -2, 0 }, { 1.5, 1.5 }, { 1, -2 } },
  stds = { 0.3, 0.5, 0.4 } }
local results = d.lab.compare {
  model = model, schedule = d.schedule.linear {},
  samplers = { "euler", "heun", "dpm2", "lms", "ipndm", "deis", "dpmpp_2m", "dpm_solver_multistep", "unipc" },
  nfe = { 3, 4, 5, 6, 8, 10, 15, 20, 50 }, n = 1000, metric = { "rmse", "swd" },
}
for _, metric in ipairs(results.metrics) do
  print("## " .. metric .. "\n")
  print(d.lab.markdown(results, metric))
end
d.lab.write(results, arg[1] or "gmm2d")
