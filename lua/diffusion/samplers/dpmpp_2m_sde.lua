--- SDE-DPM-Solver++(2M) (Lu et al. 2022b, eq. 18; k-diffusion's
-- sample_dpmpp_2m_sde with eta = 1): dpm_solver_multistep with
-- algorithm "sde-dpmsolver++" and order 2; opts as there.
local dpm_solver_multistep = require "diffusion.samplers.dpm_solver_multistep"

return function(D, x, plan, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.order, o.algorithm = o.order or 2, "sde-dpmsolver++"
  return dpm_solver_multistep(D, x, plan, o)
end
