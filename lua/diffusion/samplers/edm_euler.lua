--- EDM Euler (Karras et al. 2022, Algorithm 2): Euler with churn on an EDM
-- schedule, whose plan defaults to Karras sigmas. It is euler.lua: build D
-- with diffusion.denoiser(model, diffusion.schedule.edm{}, {preconditioning =
-- "edm"}). diffusers: EDMEulerScheduler.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "EDM Euler (Karras et al. 2022, Algorithm 2)",
  options = { "s_churn", "s_tmin", "s_tmax", "s_noise" },
  stochastic = false,
  diffusers = "EDMEulerScheduler",
})
return require "diffusion.samplers.euler"
