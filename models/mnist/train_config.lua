-- The bundled model's training: `diffusion train models/mnist/train_config.lua`
-- (add --resume to continue an interrupted run from runs/mnist). It writes the
-- trained pipeline to runs/mnist/model; models/mnist (the bundled copy) is
-- replaced only with `--output models/mnist --force`. A
-- class-conditional UNet2DModel (the ten digits and a null class for
-- classifier-free guidance) on the first 9,000 of the 10,000 digits in
-- data/mnist/, padded to 32 x 32, values in [-1, 1]; the last 1,000 are held
-- out for evaluation.
local d = require "diffusion"

local x, labels = d.classifier.mnist() -- the shipped digits
local train_labels = {}
for i = 1, 9000 do train_labels[i] = labels[i] end

return {
  model = {
    sample_size = 32, in_channels = 1, out_channels = 1,
    block_out_channels = { 32, 64, 128 }, layers_per_block = 1, norm_num_groups = 8,
    down_block_types = { "DownBlock2D", "DownBlock2D", "AttnDownBlock2D" },
    up_block_types = { "AttnUpBlock2D", "UpBlock2D", "UpBlock2D" },
    attention_head_dim = 32, num_class_embeds = 11,
  },
  scheduler = {
    _class_name = "DDPMScheduler", num_train_timesteps = 1000, beta_schedule = "squaredcos_cap_v2",
    prediction_type = "v_prediction", timestep_spacing = "trailing", clip_sample = false,
  },
  data = x:narrow(1, 1, 9000), labels = train_labels,
  steps = 4000, batch = 64, lr = 5e-4, warmup = 200, ema = 0.999, grad_clip = 1, class_dropout = 0.1,
  seed = 0,
  checkpoint = "runs/mnist", checkpoint_every = 250,
  output = "runs/mnist/model",
}
