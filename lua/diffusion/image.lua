--- diffusion.image: PNG in and out, values in [-1, 1].
local core = require "diffusion.core"

local image = {}

--- Loads a PNG as a C x H x W tensor in [-1, 1].
-- opts.channels: 1, 3 or 4 to convert; default keeps gray as 1 and colour as 3
-- (an alpha channel is composited onto black unless 4 channels are asked for).
function image.load(path, opts)
  opts = opts or {}
  return core.image_load(path, opts.channels)
end

--- Saves a C x H x W (or 1 x C x H x W) tensor in [-1, 1] as a PNG:
-- round((v + 1) * 127.5), clamped to 0..255. NaN or inf is an error.
function image.save(path, t)
  core.image_save(path, t)
end

--- Tiles a N x C x H x W batch into one C x H' x W' tensor, `nrow` images per
-- row with `pad` pixels of `pad_value` between and around them
-- (torchvision's make_grid, in [-1, 1]: the default pad_value -1 is black).
function image.make_grid(batch, opts)
  opts = opts or {}
  return core.make_grid(batch, opts.nrow or 8, opts.pad or 2, opts.pad_value or -1)
end

--- Saves a batch as one PNG grid; opts as in make_grid.
function image.save_grid(path, batch, opts)
  local grid <close> = image.make_grid(batch, opts)
  core.image_save(path, grid)
end

return image
