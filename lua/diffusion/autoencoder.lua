--- diffusion.autoencoder: what an AutoencoderKL does beyond vae:encode and
-- vae:decode, as diffusers does it: tiled encoding and decoding (bounded
-- memory for big images: overlapping tiles, blended linearly across a quarter
-- of a tile; diffusers' enable_tiling, the same tiles and blend order) and
-- sampling the posterior. The loader attaches them to every AutoencoderKL:
--
--   local z = vae:sample(mean, std, rng)                 -- mean + std * noise
--   local images = vae:decode_tiled(latents)             -- same as decode below one tile
--   local mean, std = vae:encode_tiled(images)
local d = require "diffusion.core"

local M = {}

-- b's first rows (dim 3) or columns (dim 4) blended from a's last ones, as
-- diffusers' blend_v / blend_h: b[y] = a[-e + y] (1 - y / e) + b[y] (y / e)
local function blend(a, b, e, dim)
  local na, nb = a:size(dim), b:size(dim)
  e = math.min(na, nb, e)
  if e == 0 then return b end
  local parts = {}
  for y = 0, e - 1 do
    parts[#parts + 1] = a:narrow(dim, na - e + y + 1, 1) * (1 - y / e) + b:narrow(dim, y + 1, 1) * (y / e)
  end
  if nb > e then parts[#parts + 1] = b:narrow(dim, e + 1, nb - e) end
  return d.cat(parts, dim)
end

local function crop(t, n)
  return t:narrow(3, 1, math.min(n, t:size(3))):narrow(4, 1, math.min(n, t:size(4)))
end

-- runs f over tiles of x (N, C, H, W) of side `tile`, `step` apart, and
-- joins their outputs (whose tiles are `out_tile` wide) blending `blend`
-- rows and columns; each tile keeps `limit` of its rows and columns
local function tiled(x, f, tile, step, blend_extent, limit)
  local rows = {}
  for i = 0, x:size(3) - 1, step do
    local row = {}
    for j = 0, x:size(4) - 1, step do
      row[#row + 1] = f(crop(x:narrow(3, i + 1, x:size(3) - i):narrow(4, j + 1, x:size(4) - j), tile))
    end
    rows[#rows + 1] = row
  end
  local joined = {}
  for i, row in ipairs(rows) do -- the blends read the tiles above and to the left as blended
    local parts = {}
    for j = 1, #row do
      local t = row[j]
      if i > 1 then t = blend(rows[i - 1][j], t, blend_extent, 3) end
      if j > 1 then t = blend(row[j - 1], t, blend_extent, 4) end
      row[j] = t
      parts[j] = crop(t, limit)
    end
    joined[i] = d.cat(parts, 4)
  end
  return d.cat(joined, 3)
end

-- diffusers' tile sizes: the config's sample_size in pixels, that over the
-- downsampling in latents, overlapping by a quarter
local function sizes(vae)
  local c = vae.config
  local sample = type(c.sample_size) == "table" and c.sample_size[1] or c.sample_size or 32
  local levels = c.block_out_channels and #c.block_out_channels or 1
  local latent = math.floor(sample / 2 ^ (levels - 1))
  return sample, latent, 0.25
end

--- vae:decode_tiled(latents): decoded tile by tile when larger than one tile.
function M.decode_tiled(vae, z)
  local sample, latent, overlap = sizes(vae)
  if z:size(3) <= latent and z:size(4) <= latent then return vae:decode(z) end
  local blend_extent = math.floor(sample * overlap)
  return tiled(z, function(t) return vae:decode(t) end, latent, math.floor(latent * (1 - overlap)), blend_extent,
    sample - blend_extent)
end

--- vae:encode_tiled(images) -> mean, std: the moments blended tile by tile.
function M.encode_tiled(vae, x)
  local sample, latent, overlap = sizes(vae)
  if x:size(3) <= sample and x:size(4) <= sample then return vae:encode(x) end
  local blend_extent = math.floor(latent * overlap)
  local moments = tiled(x, function(t) return vae:moments(t) end, sample, math.floor(sample * (1 - overlap)),
    blend_extent, latent - blend_extent)
  local c = moments:size(2) // 2 -- DiagonalGaussianDistribution
  return moments:narrow(2, 1, c), (moments:narrow(2, c + 1, c):clamp(-30, 20) * 0.5):exp()
end

--- vae:sample(mean, std, noise): mean + std * noise, noise a tensor or an rng
function M.sample(_, mean, std, noise)
  local tensor = type(noise) == "userdata" and pcall(function() return noise:dim() end)
  if not tensor then
    local rng = type(noise) == "userdata" and pcall(function() return noise.randn end) and noise.randn
    if not rng then error("sample: noise must be a tensor or a diffusion.rng", 2) end
    noise = noise:randn(mean:shape())
  end
  return mean + std * noise
end

return M
