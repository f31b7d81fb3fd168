--- EDM DPM-Solver++ (2M) on an EDM schedule: dpm_solver_multistep (order 2)
-- with D from diffusion.denoiser(model, diffusion.schedule.edm{},
-- {preconditioning = "edm"}). diffusers: EDMDPMSolverMultistepScheduler.
return require "diffusion.samplers.dpmpp_2m"
