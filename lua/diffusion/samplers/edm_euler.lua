--- EDM Euler (Karras et al. 2022, Algorithm 2): Euler with churn on an EDM
-- schedule, whose plan defaults to Karras sigmas. It is euler.lua: build D
-- with diffusion.denoiser(model, diffusion.schedule.edm{}, {preconditioning =
-- "edm"}). diffusers: EDMEulerScheduler.
return require "diffusion.samplers.euler"
