-- Completes the missing bottom half of held-out digits with the bundled
-- model, unconditionally (the model guesses the digit from the top half):
-- replacement inpainting with DPM-Solver++ 2M and RePaint with DDPM steps.
-- Writes a grid (rows: original, what the model sees, replacement, RePaint)
-- and prints how often the MNIST classifier reads the completion as the
-- original digit.   lua5.4 examples/inpaint_mnist.lua [out.png] [n=100]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out, n = arg[1] or "inpaint.png", tonumber(arg[2]) or 100
d.threads(2)
local model = d.load(d.bundled("mnist"))
local sched = model.schedule
local digits, labels = d.classifier.mnist()
local image = digits:narrow(1, 9001, n):clone() -- held-out digits, never seen in training
local truth = {}
for i = 1, n do truth[i] = labels[9000 + i] end

-- keep the top 16 rows of the 32 x 32 image, generate the bottom 16
local keep = d.zeros { 1, 1, 32, 32 }
keep:narrow(3, 1, 16):fill_(1)
local D = d.denoiser(model, sched, { prediction = "v_prediction", class_labels = d.full({ n }, 10) })
local noise = d.rng(0):randn { n, 1, 32, 32 }

local t0 = d.core.now()
local plan = sched:plan(20, model.plan_options)
local replaced = d.samplers.dpmpp_2m(d.control.inpaint(D, { image = image, keep = keep }), noise, plan)
local t_replace = d.core.now() - t0

t0 = d.core.now()
local long = sched:plan(50, model.plan_options)
local repainted, calls = d.control.repaint { denoiser = D, x = noise, plan = long, image = image, keep = keep,
  jump_length = 5, resample = 5, seed = 1 }
local t_repaint = d.core.now() - t0

local judge = d.classifier.load()
local function agree(x)
  local right = 0
  for i, label in ipairs(judge:predict(x:clamp(-1, 1))) do
    if label == truth[i] then right = right + 1 end
  end
  return right / n
end
local seen = image * keep + (1 - keep) * -1 -- the hidden half drawn black
print(string.format("classifier reads the original digit: replacement %.0f%% (20 steps, %.1f s), "
  .. "RePaint %.0f%% (%d network calls, %.1f s); %d digits", 100 * agree(replaced), t_replace, 100 * agree(repainted),
  calls, t_repaint, n))
local cols = math.min(n, 10) -- the first 10 of each
local rows = { image, seen, replaced:clamp(-1, 1), repainted:clamp(-1, 1) }
for i, r in ipairs(rows) do rows[i] = r:narrow(1, 1, cols) end
d.image.save_grid(out, d.cat(rows, 1), { nrow = cols })
print("wrote " .. out)
