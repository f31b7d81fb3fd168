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

-- CRC-32 (ISO 3309, as PNG chunks use it), by nibbles.
local CRC_NIBBLE = {}
for i = 0, 15 do
  local c = i
  for _ = 1, 4 do c = (c & 1 == 1) and (0xEDB88320 ~ (c >> 1)) or (c >> 1) end
  CRC_NIBBLE[i] = c
end
local function crc32(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do
    c = c ~ s:byte(i)
    c = CRC_NIBBLE[c & 15] ~ (c >> 4)
    c = CRC_NIBBLE[c & 15] ~ (c >> 4)
  end
  return c ~ 0xFFFFFFFF
end

-- tEXt chunks (Latin-1 keyword, NUL, text) inserted after IHDR, sorted by key.
local function add_text(path, text)
  local f = assert(io.open(path, "rb"))
  local bytes = f:read("a")
  f:close()
  local keys = {}
  for k in pairs(text) do keys[#keys + 1] = k end
  table.sort(keys)
  local chunks = {}
  for _, k in ipairs(keys) do
    if type(k) ~= "string" or not k:match("^[%w _%-]+$") or #k > 79 then
      error(string.format("image.save: text key %q must be 1-79 letters, digits, spaces, _ or -", tostring(k)), 3)
    end
    local body = "tEXt" .. k .. "\0" .. tostring(text[k]):gsub("%z", "")
    chunks[#chunks + 1] = string.pack(">I4", #body - 4) .. body .. string.pack(">I4", crc32(body))
  end
  local after_ihdr = 8 + 8 + 13 + 4 -- signature, IHDR's length and type, its 13 bytes, its CRC
  f = assert(io.open(path, "wb"))
  f:write(bytes:sub(1, after_ihdr), table.concat(chunks), bytes:sub(after_ihdr + 1))
  f:close()
end

--- Saves a C x H x W (or 1 x C x H x W) tensor in [-1, 1] as a PNG:
-- round((v + 1) * 127.5), clamped to 0..255. NaN or inf is an error.
-- opts.text: {key = value} written as PNG tEXt chunks (the settings of a run).
function image.save(path, t, opts)
  core.image_save(path, t)
  if opts and opts.text then add_text(path, opts.text) end
end

--- The tEXt chunks of a PNG file as {key = value}.
function image.text(path)
  local f = io.open(path, "rb")
  if not f then error(string.format("image.text: cannot open '%s'", path), 2) end
  local bytes = f:read("a")
  f:close()
  local out, pos = {}, 9
  while pos + 8 <= #bytes do
    local len, kind = string.unpack(">I4c4", bytes, pos)
    if kind == "tEXt" then
      local body = bytes:sub(pos + 8, pos + 7 + len)
      local k, v = body:match("^([^%z]+)%z(.*)$")
      if k then out[k] = v end
    end
    if kind == "IEND" then break end
    pos = pos + 12 + len
  end
  return out
end

--- Tiles a N x C x H x W batch into one C x H' x W' tensor, `nrow` images per
-- row with `pad` pixels of `pad_value` between and around them
-- (torchvision's make_grid, in [-1, 1]: the default pad_value -1 is black).
function image.make_grid(batch, opts)
  opts = opts or {}
  return core.make_grid(batch, opts.nrow or 8, opts.pad or 2, opts.pad_value or -1)
end

--- Saves a batch as one PNG grid; opts as in make_grid, and text as in save.
function image.save_grid(path, batch, opts)
  local grid <close> = image.make_grid(batch, opts)
  image.save(path, grid, opts)
end

return image
