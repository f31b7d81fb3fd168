-- Consistency distillation of the bundled model (Song et al. 2023 in the LCM
-- form): `diffusion distill models/mnist/distill_consistency.lua` (add
-- --resume to continue from checkpoints/mnist-cd). The student starts from the
-- teacher's weights, learns to jump from any noise level to the data along
-- the teacher's probability-flow ODE (DDIM steps of 20 timesteps, with the
-- teacher's classifier-free guidance 1.1 folded in), and samples with the
-- lcm sampler in 1-4 steps at guidance 1. The target network is an EMA of
-- decay 0.95 (LCM's); the student written and sampled is a slow EMA (0.999).
-- Trained on the same 9,000 digits as the teacher.
local d = require "diffusion"

local x, labels = d.classifier.mnist()
local train_labels = {}
for i = 1, 9000 do train_labels[i] = labels[i] end

return {
  teacher = d.bundled("mnist"), method = "consistency",
  data = x:narrow(1, 1, 9000), labels = train_labels,
  guidance = 1.1, skip = 20, solver = "ddim", target_ema = 0.95, ema = 0.999,
  steps = 1500, batch = 64, groups = 8, lr = 5e-5, warmup = 100, grad_clip = 1, seed = 0,
  checkpoint = "checkpoints/mnist-cd", checkpoint_every = 100, -- --resume continues from it
  output = "runs/mnist-cd/model",
}
