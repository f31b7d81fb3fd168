--- The config keys of diffusers' schedulers (v0.31.0: the arguments of each
-- class's __init__, read from diffusers/schedulers/*.py). Its from_config keeps
-- a class's own keys and ignores the others, so a config saved by one
-- scheduler loads into another; a key that no scheduler takes is a mistake.
local M = {}

local function set(keys)
  local out = {}
  for _, key in ipairs(keys) do out[key] = true end
  return out
end

M.by_class = {}
M.by_class.DDIMScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "clip_sample",
  "set_alpha_to_one", "steps_offset", "prediction_type", "thresholding", "dynamic_thresholding_ratio",
  "clip_sample_range", "sample_max_value", "timestep_spacing", "rescale_betas_zero_snr"
}
M.by_class.DDPMScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "variance_type", "clip_sample",
  "prediction_type", "thresholding", "dynamic_thresholding_ratio", "clip_sample_range", "sample_max_value",
  "timestep_spacing", "steps_offset", "rescale_betas_zero_snr"
}
M.by_class.DEISMultistepScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "solver_order",
  "prediction_type", "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "algorithm_type",
  "solver_type", "lower_order_final", "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas",
  "timestep_spacing", "steps_offset"
}
M.by_class.DPMSolverMultistepScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "solver_order",
  "prediction_type", "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "algorithm_type",
  "solver_type", "lower_order_final", "euler_at_final", "use_karras_sigmas", "use_exponential_sigmas",
  "use_beta_sigmas", "use_lu_lambdas", "final_sigmas_type", "lambda_min_clipped", "variance_type",
  "timestep_spacing", "steps_offset", "rescale_betas_zero_snr"
}
M.by_class.DPMSolverSDEScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "prediction_type",
  "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas", "noise_sampler_seed", "timestep_spacing",
  "steps_offset"
}
M.by_class.DPMSolverSinglestepScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "solver_order",
  "prediction_type", "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "algorithm_type",
  "solver_type", "lower_order_final", "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas",
  "final_sigmas_type", "lambda_min_clipped", "variance_type"
}
M.by_class.EDMDPMSolverMultistepScheduler = set {
  "sigma_min", "sigma_max", "sigma_data", "sigma_schedule", "num_train_timesteps", "prediction_type", "rho",
  "solver_order", "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "algorithm_type", "solver_type",
  "lower_order_final", "euler_at_final", "final_sigmas_type"
}
M.by_class.EDMEulerScheduler = set {
  "sigma_min", "sigma_max", "sigma_data", "sigma_schedule", "num_train_timesteps", "prediction_type", "rho"
}
M.by_class.EulerAncestralDiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "prediction_type",
  "timestep_spacing", "steps_offset", "rescale_betas_zero_snr"
}
M.by_class.EulerDiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "prediction_type",
  "interpolation_type", "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas", "sigma_min", "sigma_max",
  "timestep_spacing", "timestep_type", "steps_offset", "rescale_betas_zero_snr", "final_sigmas_type"
}
M.by_class.FlowMatchEulerDiscreteScheduler = set {
  "num_train_timesteps", "shift", "use_dynamic_shifting", "base_shift", "max_shift", "base_image_seq_len",
  "max_image_seq_len"
}
M.by_class.HeunDiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "prediction_type",
  "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas", "clip_sample", "clip_sample_range",
  "timestep_spacing", "steps_offset"
}
M.by_class.IPNDMScheduler = set {
  "num_train_timesteps", "trained_betas"
}
M.by_class.KDPM2AncestralDiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "use_karras_sigmas",
  "use_exponential_sigmas", "use_beta_sigmas", "prediction_type", "timestep_spacing", "steps_offset"
}
M.by_class.KDPM2DiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "use_karras_sigmas",
  "use_exponential_sigmas", "use_beta_sigmas", "prediction_type", "timestep_spacing", "steps_offset"
}
M.by_class.LCMScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "original_inference_steps",
  "clip_sample", "clip_sample_range", "set_alpha_to_one", "steps_offset", "prediction_type", "thresholding",
  "dynamic_thresholding_ratio", "sample_max_value", "timestep_spacing", "timestep_scaling", "rescale_betas_zero_snr"
}
M.by_class.LMSDiscreteScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "use_karras_sigmas",
  "use_exponential_sigmas", "use_beta_sigmas", "prediction_type", "timestep_spacing", "steps_offset"
}
M.by_class.PNDMScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "skip_prk_steps",
  "set_alpha_to_one", "prediction_type", "timestep_spacing", "steps_offset"
}
M.by_class.SASolverScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "predictor_order",
  "corrector_order", "prediction_type", "tau_func", "thresholding", "dynamic_thresholding_ratio",
  "sample_max_value", "algorithm_type", "lower_order_final", "use_karras_sigmas", "use_exponential_sigmas",
  "use_beta_sigmas", "lambda_min_clipped", "variance_type", "timestep_spacing", "steps_offset"
}
M.by_class.TCDScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "original_inference_steps",
  "clip_sample", "clip_sample_range", "set_alpha_to_one", "steps_offset", "prediction_type", "thresholding",
  "dynamic_thresholding_ratio", "sample_max_value", "timestep_spacing", "timestep_scaling", "rescale_betas_zero_snr"
}
M.by_class.UniPCMultistepScheduler = set {
  "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "solver_order",
  "prediction_type", "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "predict_x0", "solver_type",
  "lower_order_final", "disable_corrector", "solver_p", "use_karras_sigmas", "use_exponential_sigmas",
  "use_beta_sigmas", "timestep_spacing", "steps_offset", "final_sigmas_type", "rescale_betas_zero_snr"
}

--- Every key some diffusers scheduler takes (SchedulerMixin classes of v0.31.0).
M.any = set {
  "algorithm_type", "alpha_cum_end", "alpha_cum_start", "base_image_seq_len", "base_shift", "beta_end", "beta_max",
  "beta_min", "beta_schedule", "beta_start", "clip_denoised", "clip_sample", "clip_sample_range", "correct_steps",
  "corrector_order", "disable_corrector", "dynamic_thresholding_ratio", "eta", "euler_at_final",
  "final_sigmas_type", "gamma_cum_end", "gamma_cum_start", "interpolation_type", "lambda_min_clipped",
  "lower_order_final", "mask_token_id", "masking_schedule", "max_image_seq_len", "max_shift", "noise_sampler_seed",
  "num_train_timesteps", "num_vec_classes", "original_inference_steps", "predict_x0", "prediction_type",
  "predictor_order", "rescale_betas_zero_snr", "rho", "s", "s_churn", "s_max", "s_min", "s_noise",
  "sample_max_value", "sampling_eps", "scaler", "set_alpha_to_one", "shift", "sigma_data", "sigma_max", "sigma_min",
  "sigma_schedule", "skip_prk_steps", "snr", "snr_shift_scale", "solver_order", "solver_p", "solver_type",
  "steps_offset", "tau_func", "thresholding", "timestep_scaling", "timestep_spacing", "timestep_type",
  "trained_betas", "use_beta_sigmas", "use_dynamic_shifting", "use_exponential_sigmas", "use_karras_sigmas",
  "use_lu_lambdas", "variance_type"
}

return M
