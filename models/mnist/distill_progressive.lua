-- Progressive distillation of the bundled model (Salimans & Ho 2022):
-- `diffusion distill models/mnist/distill_progressive.lua` (add --resume to
-- continue from checkpoints/mnist-pd). Six rounds, 64 -> 32 -> ... -> 1
-- steps, each student matching two DDIM steps of the round's teacher in one
-- on the trailing plan (the first round's teacher at classifier-free guidance
-- 1.2, folded in), starting from the teacher's weights; the last student
-- samples with ddim in one step at guidance 1.
local d = require "diffusion"

local x, labels = d.classifier.mnist()
local train_labels = {}
for i = 1, 9000 do train_labels[i] = labels[i] end

return {
  teacher = d.bundled("mnist"), method = "progressive", from = 64, to = 1,
  data = x:narrow(1, 1, 9000), labels = train_labels, guidance = 1.1,
  steps = { [32] = 200, [16] = 250, [8] = 350, [4] = 500, [2] = 600, [1] = 700 }, -- by the student's steps
  batch = 64, groups = 8, lr = 1e-4, warmup = 20, grad_clip = 1, seed = 0,
  checkpoint = "checkpoints/mnist-pd", checkpoint_every = 100, -- committed: a later session resumes it
  output = "runs/mnist-pd/model",
}
