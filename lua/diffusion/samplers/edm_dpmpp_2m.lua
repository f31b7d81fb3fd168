--- EDM DPM-Solver++ (2M) on an EDM schedule: dpm_solver_multistep (order 2)
-- with D from diffusion.denoiser(model, diffusion.schedule.edm{},
-- {preconditioning = "edm"}). diffusers: EDMDPMSolverMultistepScheduler.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "EDM DPM-Solver++(2M) on an EDM schedule (Karras et al. 2022; Lu et al. 2022b)",
  options = { "solver_type", "lower_order_final", "euler_at_final" },
  stochastic = false,
  diffusers = "EDMDPMSolverMultistepScheduler",
})
return require "diffusion.samplers.dpmpp_2m"
