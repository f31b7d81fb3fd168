-- A distilled student of the bundled model measured as the lab measures:
-- FD of 1,000 samples (classes 0-9 in turn, guidance 1 unless given) on the MNIST
-- classifier's features against the 1,000 held-out digits, at NFE 1, 2 and
-- 4, mean and spread over noise seeds, and the worst class's accuracy.
--   lua5.4 bench/distill_eval.lua DIR [sampler=lcm] [seeds=3] [threads=2] [nfe=1,2,4] [guidance=1]
-- (the teacher itself, models/mnist, with ddim at NFE 20 and the guidance a
-- student was distilled at, is what that student can at best become)
-- DIR: a student pipeline folder, or a checkpoint folder (its unet/, or
-- unet_ema/ with DIR:ema; the bundled model's schedule).
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local dir = assert(arg[1], "usage: lua5.4 bench/distill_eval.lua DIR [sampler] [seeds] [threads] [nfe]")
local sampler, seeds = arg[2] or "lcm", tonumber(arg[3] or "3")
d.threads(tonumber(arg[4] or "2"))
local nfes = {}
for k in (arg[5] or "1,2,4"):gmatch("%d+") do nfes[#nfes + 1] = tonumber(k) end
local guidance = tonumber(arg[6] or "1")

local path, which = dir:match("^(.-):(%a+)$")
path = path or dir
local model
local f = io.open(path .. "/model_index.json")
if f then
  f:close()
  model = d.load(path)
else -- a checkpoint: the weights alone, with the teacher's schedule and parameterisation
  model = d.load(path .. (which == "ema" and "/unet_ema" or "/unet"))
  local teacher = d.load(d.bundled("mnist"))
  model.schedule, model.scheduler_config = teacher.schedule, teacher.scheduler_config
end
local schedule = model.schedule

local clf = d.classifier.load()
local held = clf:features(d.classifier.mnist():narrow(1, 9001, 1000))
local labels = {}
for i = 1, 1000 do labels[i] = (i - 1) % 10 end

print(string.format("# %s, sampler %s, guidance %g, 1,000 samples per run, seeds 0..%d, kernels %s", dir, sampler,
  guidance, seeds - 1, d.cpu().isa))
print("| NFE | FD (mean) | FD per seed | worst class accuracy |")
print("|---|---|---|---|")
for _, nfe in ipairs(nfes) do
  local fds, worst = {}, 1
  for seed = 0, seeds - 1 do
    local x = d.generate { model = model, schedule = schedule, n = 1000, batch = 100, seed = seed, sampler = sampler,
      steps = nfe, labels = labels, cfg = guidance, spacing = "trailing" }:clamp(-1, 1)
    fds[#fds + 1] = d.frechet_distance(clf:features(x), held)
    local right, count = {}, {}
    for i, p in ipairs(clf:predict(x)) do
      local k = labels[i]
      count[k] = (count[k] or 0) + 1
      right[k] = (right[k] or 0) + (p == k and 1 or 0)
    end
    for k = 0, 9 do worst = math.min(worst, right[k] / count[k]) end
  end
  local mean = 0
  for _, v in ipairs(fds) do mean = mean + v / #fds end
  local each = {}
  for i, v in ipairs(fds) do each[i] = string.format("%.2f", v) end
  print(string.format("| %d | %.2f | %s | %.3f |", nfe, mean, table.concat(each, ", "), worst))
end
