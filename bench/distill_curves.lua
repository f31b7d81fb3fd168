-- Training curves of checkpointed runs as one SVG: each run's per-step loss
-- (trainer_state.json), as a moving mean over `window` steps, against the
-- step, the loss axis logarithmic. A progressive run's rounds (DIR/round-N)
-- follow one another on the step axis, a dotted line at each round's start.
--   lua5.4 bench/distill_curves.lua OUT.svg DIR[=LABEL] ... [window=50]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"

local out_path = assert(arg[1], "usage: lua5.4 bench/distill_curves.lua OUT.svg DIR[=LABEL] ... [window=50]")
local window, runs = 50, {}

local function losses_of(dir)
  local f = io.open(dir .. "/trainer_state.json")
  if not f then return nil end
  local state = d.core.json_decode(f:read("a"))
  f:close()
  return state.losses
end

-- a run's losses and the steps where its rounds begin
local function read_run(dir)
  local own = losses_of(dir)
  if own then return own, {} end
  local rounds = {}
  for n = 1024, 1, -1 do -- progressive: round-N in falling N
    local l = losses_of(dir .. "/round-" .. n)
    if l then rounds[#rounds + 1] = { n = n, losses = l } end
  end
  if #rounds == 0 then error(dir .. ": no trainer_state.json (nor round-N/ ones)") end
  local all, starts = {}, {}
  for _, r in ipairs(rounds) do
    starts[#starts + 1] = { step = #all + 1, label = r.n .. " steps" }
    table.move(r.losses, 1, #r.losses, #all + 1, all)
  end
  return all, starts
end

for i = 2, #arg do
  local w = arg[i]:match("^window=(%d+)$")
  if w then
    window = tonumber(w)
  else
    local dir, label = arg[i]:match("^(.-)=(.+)$")
    dir = dir or arg[i]
    local losses, starts = read_run(dir)
    runs[#runs + 1] = { label = label or dir, losses = losses, starts = starts }
  end
end

local W, H, L, R, T, B = 640, 360, 70, 170, 30, 50
local steps, lo, hi = 0, math.huge, 0
for _, run in ipairs(runs) do
  run.mean = {}
  local sum = 0
  for k, v in ipairs(run.losses) do
    sum = sum + v - (run.losses[k - window] or 0)
    run.mean[k] = sum / math.min(k, window)
    if k >= window then lo, hi = math.min(lo, run.mean[k]), math.max(hi, run.mean[k]) end
  end
  steps = math.max(steps, #run.losses)
end
local ylo, yhi = math.floor(math.log(lo, 10)), math.ceil(math.log(hi, 10))
if yhi == ylo then yhi = ylo + 1 end
local function px(step) return L + step / steps * (W - L - R) end
local function py(v) return T + (yhi - math.log(v, 10)) / (yhi - ylo) * (H - T - B) end
local svg = { string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
  .. 'font-size="12">', W, H), string.format('<rect width="%d" height="%d" fill="white"/>', W, H),
  string.format('<text x="%d" y="18">training loss, mean of %d steps (log scale)</text>', L, window) }
for e = ylo, yhi do
  local y = py(10 ^ e)
  svg[#svg + 1] = string.format('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>', L, y, W - R, y)
  svg[#svg + 1] = string.format('<text x="%d" y="%.1f" text-anchor="end">1e%d</text>', L - 6, y + 4, e)
end
for k = 0, 4 do
  local step = math.floor(steps * k / 4 + 0.5)
  svg[#svg + 1] = string.format('<text x="%.1f" y="%d" text-anchor="middle">%d</text>', px(step), H - B + 16, step)
end
svg[#svg + 1] = string.format('<text x="%d" y="%d" text-anchor="middle">step</text>', (W - R + L) // 2, H - 10)
local colours = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd" }
for i, run in ipairs(runs) do
  local colour = colours[(i - 1) % #colours + 1]
  for _, s in ipairs(run.starts) do
    local x = px(s.step)
    svg[#svg + 1] = string.format('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-dasharray="2 3"/>',
      x, T, x, H - B, colour)
    svg[#svg + 1] = string.format('<text x="%.1f" y="%d" font-size="10">%s</text>', x + 2, T + 10, s.label)
  end
  local pts = {}
  for k = window, #run.mean, math.max(1, #run.mean // 400) do
    pts[#pts + 1] = string.format("%.1f,%.1f", px(k), py(run.mean[k]))
  end
  svg[#svg + 1] = string.format('<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>', colour,
    table.concat(pts, " "))
  local y = T + 16 * i
  svg[#svg + 1] = string.format('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>', W - R + 10,
    y - 4, W - R + 30, y - 4, colour)
  svg[#svg + 1] = string.format('<text x="%d" y="%d">%s</text>', W - R + 36, y, (run.label:gsub("[<&>]", "")))
end
svg[#svg + 1] = "</svg>"
local f = assert(io.open(out_path, "w"))
f:write(table.concat(svg, "\n"), "\n")
f:close()
print("wrote " .. out_path)
