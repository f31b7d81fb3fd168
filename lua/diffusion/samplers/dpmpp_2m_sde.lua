--- SDE-DPM-Solver++(2M) (Lu et al. 2022b, eq. 18; k-diffusion's
-- sample_dpmpp_2m_sde): dpm_solver_multistep with algorithm "sde-dpmsolver++"
-- and order 2; opts as there, eta (1) among them: eta = 0 is DPM-Solver++(2M).
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "SDE-DPM-Solver++(2M) (Lu et al. 2022b, eq. 18)",
  options = { "eta", "solver_type", "lower_order_final", "euler_at_final" },
  stochastic = true,
  diffusers = "DPMSolverMultistepScheduler",
  k_diffusion = "sample_dpmpp_2m_sde",
})
local dpm_solver_multistep = require "diffusion.samplers.dpm_solver_multistep"

return function(D, x, plan, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.order, o.algorithm = o.order or 2, "sde-dpmsolver++"
  return dpm_solver_multistep(D, x, plan, o)
end
