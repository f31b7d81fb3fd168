-- Judges a class-conditional MNIST pipeline (the bundled models/mnist by
-- default) as its README reports it: 100 samples of each digit with the
-- default sampler (DPM-Solver++ 2M, 20 steps), the shipped classifier's
-- accuracy per requested class, and the Fréchet distance of 500 samples (50
-- per class) to the 9,000 training digits on the classifier's features,
-- beside the same distance for the 1,000 held-out digits' first 500 (7.03).
-- Writes a 10 x 10 grid (a row per digit) to the given PNG.
--   lua5.4 examples/evaluate_mnist.lua [model=models/mnist] [cfg=1.2] [grid.png] [steps=20] [threads=2]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local dir = arg[1] or d.bundled("mnist")
local cfg = tonumber(arg[2]) or 1.2
local grid = arg[3]
local steps = tonumber(arg[4]) or 20
d.threads(tonumber(arg[5]) or 2)

local model = d.load(dir)
local clf = d.classifier.load()
local sched, config = model.schedule, model.scheduler_config
local PER_CLASS, BATCH = 100, 50
local t0 = d.now()

local samples, correct = {}, {}
for digit = 0, 9 do
  local rows = {}
  correct[digit] = 0
  for start = 1, PER_CLASS, BATCH do
    local labels = d.full({ BATCH }, digit)
    local D = d.denoiser(model, sched, { prediction = config.prediction_type, class_labels = labels,
      guidance_scale = cfg ~= 1 and cfg or nil })
    local noise = d.rng(1000 * digit + start):randn { BATCH, 1, 32, 32 }
    local x = d.samplers.dpmpp_2m(D, noise, sched:plan(steps, model.plan_options)):clamp(-1, 1)
    for _, label in ipairs(clf:predict(x)) do
      if label == digit then correct[digit] = correct[digit] + 1 end
    end
    rows[#rows + 1] = x
  end
  samples[digit] = d.cat(rows, 1)
end

print(string.format("%s: DPM-Solver++ 2M, %d steps, guidance %g; %.0f s", dir, steps, cfg, d.now() - t0))
print()
print("| digit | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | all |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
local line, total, worst = {}, 0, 100
for digit = 0, 9 do
  line[#line + 1] = string.format("%d%%", correct[digit])
  total = total + correct[digit]
  worst = math.min(worst, correct[digit])
end
print(string.format("| classified as asked (of 100) | %s | %.1f%% |", table.concat(line, " | "), total / 10))

local images, labels = d.classifier.mnist()
local _ = labels
local train_feats = clf:features(images:narrow(1, 1, 9000))
local fifty = {}
for digit = 0, 9 do fifty[#fifty + 1] = samples[digit]:narrow(1, 1, 50) end
local fd = d.frechet_distance(clf:features(d.cat(fifty, 1)), train_feats)
local held = d.frechet_distance(clf:features(images:narrow(1, 9001, 500)), train_feats)
print()
print(string.format("Fréchet distance to the 9,000 training digits (classifier features), 500 samples: %.2f", fd))
print(string.format("the same for 500 held-out real digits: %.2f; bar 3x = %.2f", held, 3 * held))
print(string.format("worst class %d%% (bar 95%%), FD %.2f (bar %.2f): %s", worst, fd, 3 * held,
  (worst >= 95 and fd <= 3 * held) and "PASS" or "FAIL"))

if grid then
  local rows = {}
  for digit = 0, 9 do rows[#rows + 1] = samples[digit]:narrow(1, 1, 10) end
  d.image.save_grid(grid, d.cat(rows, 1), { nrow = 10 })
  print("wrote " .. grid)
end
