--- DPM-Solver++(2M) (Lu et al. 2022b; k-diffusion's sample_dpmpp_2m): the
-- second-order multistep data-prediction solver. The short name for
-- dpm_solver_multistep with order 2; opts as there (solver_type, noise, callback).
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver++(2M) (Lu et al. 2022b)",
  options = { "solver_type", "lower_order_final", "euler_at_final" },
  stochastic = false,
  diffusers = "DPMSolverMultistepScheduler",
  k_diffusion = "sample_dpmpp_2m",
})
local dpm_solver_multistep = require "diffusion.samplers.dpm_solver_multistep"

return function(D, x, plan, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.order, o.algorithm = o.order or 2, o.algorithm or "dpmsolver++"
  return dpm_solver_multistep(D, x, plan, o)
end
