-- Soak: 10,000 sampler steps through a small UNet (ddpm-cifar10's layout
-- shrunk: two levels, 32 and 64 channels, attention at the second, 16 x 16
-- images, batch 4), rotating through stochastic and multistep samplers with
-- check_finite and a callback, and printing resident memory every 500
-- steps. Passes (exit 0) when resident memory after warm-up (the first 1,000
-- steps) stays within 5% of its value at the end of warm-up.
--   lua5.4 bench/soak.lua [steps=10000] [threads=2]
-- With `train` first, the training soak: diffusion.train on the same model
-- (batch 8, EMA, gradient clipping, a checkpoint every 500 steps), warm-up
-- 200 steps, the same 5% bar. Resident memory is read every 10 steps and
-- each 100 steps report their highest reading: between steps it dips by
-- several MiB when glibc hands freed small blocks back, and a leak shows as
-- a rising peak, not as a dip.
--   lua5.4 bench/soak.lua train [steps=2000] [threads=2]
package.path = "lua/?.lua;lua/?/init.lua;spec/?.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local support = require "support"

local training = arg[1] == "train"
if training then table.remove(arg, 1) end
local total = tonumber(arg[1]) or (training and 2000 or 10000)
local threads = tonumber(arg[2]) or 2
d.threads(threads)

local model = d.unet({
  sample_size = 16, in_channels = 3, out_channels = 3, layers_per_block = 1, block_out_channels = { 32, 64 },
  down_block_types = { "DownBlock2D", "AttnDownBlock2D" }, up_block_types = { "AttnUpBlock2D", "UpBlock2D" },
  norm_num_groups = 8,
}, { seed = 1 })

-- resident memory after warm-up must stay within 5% of its value there
local function verdict(curve, warmup, t0)
  local base
  for _, point in ipairs(curve) do if point[1] == warmup then base = point[2] end end
  local lo, hi = math.huge, 0
  for _, point in ipairs(curve) do
    if point[1] >= warmup then lo, hi = math.min(lo, point[2]), math.max(hi, point[2]) end
  end
  local drift = math.max(hi - base, base - lo) / base
  print(string.format("after warm-up: %.1f .. %.1f MiB, at most %.1f%% from %.1f MiB at step %d; %.1f s",
    lo, hi, 100 * drift, base, warmup, d.core.now() - t0))
  print(drift <= 0.05 and "soak: within 5%" or "soak: FAILED, resident memory drifts more than 5%")
  os.exit(drift <= 0.05 and 0 or 1)
end

local function sampler_soak()
  local sched = d.schedule.linear {}
  local D = d.denoiser(model, sched)
  local samplers = { "euler_ancestral", "dpmpp_2m", "unipc", "ddim", "dpmpp_2m_sde", "heun" }
  local rng = d.rng(0)
  local WARMUP, EVERY, PER_RUN = 1000, 500, 50
  local done, run = 0, 0
  local curve = {}
  local t0 = d.core.now()
  print(string.format("soak: %d sampler steps, batch 4 x 3 x 16 x 16, %d threads", total, threads))
  print("   step   resident MiB")
  while done < total do
    run = run + 1
    local name = samplers[(run - 1) % #samplers + 1]
    local plan = sched:plan(PER_RUN)
    local steps_seen = 0
    local x = d.samplers[name](D, rng:randn { 4, 3, 16, 16 }, plan, {
      eta = 1, seed = run, check_finite = true,
      callback = function() steps_seen = steps_seen + 1 end,
    })
    assert(x:all_finite() and steps_seen == PER_RUN, name)
    for _ = 1, steps_seen do
      done = done + 1
      if done % EVERY == 0 then
        local rss = support.rss_mib()
        curve[#curve + 1] = { done, rss }
        print(string.format("%7d   %8.1f", done, rss))
      end
    end
  end
  verdict(curve, WARMUP, t0)
end

local function training_soak()
  local WARMUP, EVERY = 200, 100
  local data = d.rng(3):rand { 256, 3, 16, 16 } * 2 - 1
  local dir = os.tmpname()
  os.remove(dir)
  local curve = {}
  local t0 = d.core.now()
  print(string.format("soak: %d training steps, batch 8 x 3 x 16 x 16, %d threads", total, threads))
  print("   step   resident MiB over the last 100 steps: highest, lowest   loss")
  local low, peak = math.huge, 0
  d.train {
    model = model, data = data, steps = total, batch = 8, lr = 1e-3, ema = 0.999, checkpoint = dir,
    checkpoint_every = 500, callback = function(info)
      assert(info.loss == info.loss, "NaN loss")
      if info.step % 10 == 0 then
        local rss = support.rss_mib()
        low, peak = math.min(low, rss), math.max(peak, rss)
      end
      if info.step % EVERY == 0 then
        curve[#curve + 1] = { info.step, peak }
        print(string.format("%7d   %8.1f   %8.1f   %.4f", info.step, peak, low, info.loss))
        low, peak = math.huge, 0
      end
    end,
  }
  os.execute("rm -rf '" .. dir .. "'")
  verdict(curve, WARMUP, t0)
end

if training then training_soak() else sampler_soak() end
