-- Data parallelism on this machine: the bundled model's training step and
-- sampling on 1 process with T threads against T ranks (mpirun) of 1 thread
-- each, taking turns, and the ring allreduce's bandwidth on the model's
-- gradients; the figures of docs/scale-out.md.
--   lua5.4 bench/scale_out.lua [ROUNDS=3] [THREADS=2]
-- Run as a worker by itself: lua5.4 bench/scale_out.lua train|sample|allreduce.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local BATCH, STEPS, WARM = 64, 8, 2 -- training: global batch, timed steps after WARM untimed ones
local SAMPLES, SAMPLE_STEPS = 64, 10

-- how many floats a model's weights hold
local function parameters(model)
  local n = 0
  for _, t in pairs(model:weights()) do n = n + t:numel() end
  return n
end

local workers = {}

-- ms per training step (global batch BATCH), at rank 0
function workers.train()
  local config = dofile("models/mnist/train_config.lua")
  local model = d.unet(config.model, { seed = 0 })
  local times = {}
  local t0
  local result = d.train {
    model = model, data = config.data, labels = config.labels, batch = BATCH, steps = WARM + STEPS, lr = config.lr,
    warmup = config.warmup, ema = config.ema, grad_clip = config.grad_clip, class_dropout = config.class_dropout,
    schedule = d.schedule.from_diffusers(config.scheduler), objective = config.scheduler.prediction_type,
    callback = function(info)
      if info.step == WARM then t0 = d.core.now() end
      if info.step == WARM + STEPS then times[1] = (d.core.now() - t0) / STEPS end
    end,
  }
  assert(result.step == WARM + STEPS)
  return times[1] * 1000, parameters(model)
end

-- ms per sample (dpmpp_2m, SAMPLE_STEPS steps, batch 16), at rank 0
function workers.sample()
  local world = require("diffusion.parallel").world()
  local model = d.load(d.bundled("mnist"))
  local first, count = require("diffusion.parallel").range(SAMPLES, world)
  world.barrier()
  local t0 = d.core.now()
  local x = d.generate { model = model, n = SAMPLES, first = first, count = count, batch = 16, steps = SAMPLE_STEPS }
  world.gather(x)
  return (d.core.now() - t0) * 1000 / SAMPLES
end

-- GB/s of algorithm bandwidth (bytes of the vector / time) summing the
-- bundled model's gradients, as many floats as it has parameters
function workers.allreduce()
  local mpi = require "diffusion.mpi"
  local n = parameters(d.load(d.bundled("mnist")))
  local g = d.ones { n }
  mpi.allreduce_(g)
  mpi.barrier()
  local reps = 20
  local t0 = d.core.now()
  for _ = 1, reps do mpi.allreduce_(g) end
  local s = (d.core.now() - t0) / reps
  return n * 4 / s / 1e9, s * 1000
end

if arg[1] and workers[arg[1]] then
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  d.threads(threads)
  local a, b = workers[arg[1]]()
  if require("diffusion.parallel").world().rank() == 0 then print(string.format("RESULT %.6g %.6g", a, b or 0)) end
  return
end

local rounds, threads = tonumber(arg[1] or "3"), tonumber(arg[2] or "2")
local MPIRUN = "env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
  .. "mpirun --oversubscribe --bind-to none -np "
local function run(cmd)
  local p = io.popen(cmd .. " 2>&1")
  local out = p:read("a")
  p:close()
  local a, b = out:match("RESULT (%S+) (%S+)")
  if not a then error("bench: " .. cmd .. " failed:\n" .. out) end
  return tonumber(a), tonumber(b)
end
local function one(work) return run(string.format("BENCH_THREADS=%d lua5.4 bench/scale_out.lua %s", threads, work)) end
local function ranks(work)
  return run(MPIRUN .. threads .. " env BENCH_THREADS=1 lua5.4 bench/scale_out.lua " .. work)
end

print(string.format("# scale_out: 1 process x %d threads vs %d ranks x 1 thread (mpirun --bind-to none), kernels %s, "
  .. "%d rounds taking turns, best of each", threads, threads, d.cpu().isa, rounds))
local best = { train1 = math.huge, trainN = math.huge, sample1 = math.huge, sampleN = math.huge }
local params
for _ = 1, rounds do
  local t, p = one("train")
  best.train1, params = math.min(best.train1, t), p
  best.trainN = math.min(best.trainN, (ranks("train")))
  best.sample1 = math.min(best.sample1, (one("sample")))
  best.sampleN = math.min(best.sampleN, (ranks("sample")))
end
local gbs, ms = ranks("allreduce")
print(string.format("bundled model: %d parameters (%.1f MB of float32 gradients)", params, params * 4 / 1e6))
print("| work | 1 process | " .. threads .. " ranks | ranks / process throughput |")
print("|---|---|---|---|")
print(string.format("| training step, global batch %d | %.0f ms | %.0f ms | %.2fx |", BATCH, best.train1, best.trainN,
  best.train1 / best.trainN))
print(string.format("| sampling, dpmpp_2m %d steps, per image | %.1f ms | %.1f ms | %.2fx |", SAMPLE_STEPS,
  best.sample1, best.sampleN, best.sample1 / best.sampleN))
print(string.format("allreduce of the gradients on %d ranks: %.2f ms (%.2f GB/s algorithm bandwidth)", threads, ms,
  gbs))
