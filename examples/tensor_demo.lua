-- A first look at diffusion's tensors: load MNIST digits, pad them to 32x32
-- in [-1, 1], and noise them as a diffusion model's forward process does,
-- x_t = alpha * x0 + sigma * eps, writing one PNG row per noise level.
--   lua5.4 examples/tensor_demo.lua [out.png]
-- the checkout this script is in comes first (run it from any directory)
local root = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/.."
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = root .. "/?.so;" .. package.cpath
local d = require "diffusion"

local out = arg[1] or "noising.png"
local images = d.load_idx(d.shipped("data/mnist/mnist-10k-images-idx3-ubyte.gz"))
local labels = d.load_idx(d.shipped("data/mnist/mnist-10k-labels-idx1-ubyte.gz"))
print(string.format("loaded %d digits of %dx%d", images:size(1), images:size(2), images:size(3)))

local n = 8
local x0 = images:narrow(1, 1, n):div(127.5):sub_(1) -- [0, 255] -> [-1, 1]
x0 = x0:unsqueeze(2):pad({ 2, 2, 2, 2 }, -1) -- N x 1 x 32 x 32
local digits = {}
for i, v in ipairs(labels:narrow(1, 1, n):totable()) do digits[i] = string.format("%d", v) end
print("labels: " .. table.concat(digits, " "))
print(string.format("x0: %s, mean %.3f, std %.3f", table.concat(x0:shape(), "x"), x0:mean(), x0:std()))

local rng = d.rng(0)
local eps = rng:randn(x0:shape())
local rows = {}
for _, sigma in ipairs { 0, 0.25, 0.5, 1, 2, 4 } do
  local alpha = 1 / math.sqrt(1 + sigma * sigma) -- variance preserving
  local sigma_vp = sigma * alpha
  local xt = d.lincomb({ alpha, sigma_vp }, { x0, eps })
  print(string.format("sigma/alpha %-4g  alpha %.3f  sigma %.3f  std(x_t) %.3f", sigma, alpha,
    sigma_vp, xt:std()))
  rows[#rows + 1] = xt:clamp(-1, 1)
end
d.image.save_grid(out, d.cat(rows, 1), { nrow = n })
print("wrote " .. out)
