local d = require "diffusion"
local S = require "support"
local cjson = require "cjson"

local FIX = "spec/fixtures/io/"
local UNET = "spec/fixtures/diffusers/unet/"

-- Reads a safetensors header independently of the C reader.
local function st_header(path)
  local bytes = S.read_bytes(path)
  local n = string.unpack("<I8", bytes)
  return cjson.decode(bytes:sub(9, 8 + n)), n, #bytes
end

describe("safetensors", function()
  it("reads files written by Python safetensors (diffusers fixtures)", function()
    local io_t = d.load_safetensors(UNET .. "tiny/io.safetensors")
    assert.same({ 17, 803 }, io_t.timestep_int:totable()) -- I64
    assert.same({ 417.25, 3.5 }, io_t.timestep_float:totable())
    assert.same({ 2, 3, 8, 8 }, io_t.sample:shape())
    local w = d.load_safetensors(UNET .. "tiny/diffusion_pytorch_model.safetensors")
    local header = st_header(UNET .. "tiny/diffusion_pytorch_model.safetensors")
    local count = 0
    for name, entry in pairs(header) do
      if name ~= "__metadata__" then
        count = count + 1
        assert.same(entry.shape, w[name]:shape())
      end
    end
    local got = 0
    for _ in pairs(w) do got = got + 1 end
    assert.equal(count, got)
    assert.same({ 16, 3, 3, 3 }, w["conv_in.weight"]:shape())
  end)

  it("converts every dtype to float32", function()
    local t, meta = d.load_safetensors(FIX .. "dtypes.safetensors")
    local want = cjson.decode(S.read_bytes(FIX .. "dtypes.expected.json"))
    for name, values in pairs(want) do
      S.near(S.flatten(t[name]:totable()), values, 0, name)
    end
    assert.same({ format = "pt", note = "hand-written" }, meta)
  end)

  it("copies F32 data that is not 4-byte aligned", function()
    assert.same({ 1, 2, 3 }, d.load_safetensors(FIX .. "unaligned.safetensors").x:totable())
  end)

  it("writes files in the safetensors layout and reads them back", function()
    local path = S.tmpname(".safetensors")
    local a, b = d.rng(1):randn { 2, 3, 4 }, d.arange(5)
    d.save_safetensors(path, { ["layer.weight"] = a, bias = b, scalar = d.tensor(7) }, { format = "pt" })
    local header, hlen, size = st_header(path)
    assert.equal(0, hlen % 8)
    assert.same({ format = "pt" }, header.__metadata__)
    assert.same({ dtype = "F32", shape = { 5 }, data_offsets = { 0, 20 } }, header.bias)
    assert.same({ dtype = "F32", shape = { 2, 3, 4 }, data_offsets = { 20, 116 } }, header["layer.weight"])
    assert.same({ dtype = "F32", shape = {}, data_offsets = { 116, 120 } }, header.scalar)
    assert.equal(8 + hlen + 120, size)
    local back, meta = d.load_safetensors(path)
    assert.same(a:totable(), back["layer.weight"]:totable())
    assert.same(b:totable(), back.bias:totable())
    assert.equal(7, back.scalar:item())
    assert.same({ format = "pt" }, meta)
    os.remove(path)
  end)

  it("writes F16 and BF16, rounded to nearest with ties to even, as torch's .half() and .bfloat16()", function()
    local x = d.tensor { 1 / 3, -2.5, 65504, 65519, 65520, 1e-8, 6e-8, 1 + 2 ^ -11, 1 + 3 * 2 ^ -11, 0 / 0, 1e30 }
    local path = S.tmpname(".safetensors")
    d.save_safetensors(path, { x = x }, nil, { dtype = "F16" })
    local h = st_header(path)
    assert.equal("F16", h.x.dtype)
    assert.same({ 0, 22 }, h.x.data_offsets)
    local half = d.load_safetensors(path).x:totable()
    -- 1/3 -> 0x3555; 65519 -> 65504; 65520 -> inf; 1e-8 -> 0; 6e-8 -> 2^-24 (a subnormal);
    -- 1 + 2^-11 is halfway: to even (1), 1 + 3 2^-11 halfway: to even (1 + 2^-9)
    local want = { 0.25 * (1 + 0x155 / 1024), -2.5, 65504, 65504, math.huge, 0, 2 ^ -24, 1, 1 + 2 ^ -9 }
    for i, v in ipairs(want) do assert.equal(v, half[i], "f16 " .. i) end
    assert.is_true(half[10] ~= half[10])
    assert.equal(math.huge, half[11])
    d.save_safetensors(path, { x = x }, nil, { dtype = "BF16" })
    local bf = d.load_safetensors(path).x:totable()
    assert.equal(0.333984375, bf[1]) -- 0x3EAB
    assert.equal(65536, bf[3]) -- 65504 rounds up to 2^16 with bfloat16's 8 bits
    assert.is_true(bf[10] ~= bf[10])
    assert.has_error(function() d.save_safetensors(path, { x = x }, nil, { dtype = "F8" }) end,
      "save_safetensors: dtype 'F8' is not F32, F16 or BF16")
    os.remove(path)
  end)

  it("keeps floating-point tensors in 16 bits on request (dtype = \"F16\" / \"BF16\")", function()
    local want = cjson.decode(S.read_bytes(FIX .. "dtypes.expected.json"))
    for _, dtype in ipairs { { "F16", "float16", "f16" }, { "BF16", "bfloat16", "bf16" } } do
      local t = d.load_safetensors(FIX .. "dtypes.safetensors", { dtype = dtype[1] })
      for name, values in pairs(want) do
        local floating = name:match("^[fb]") and name ~= "b"
        assert.equal(floating and dtype[2] or "float32", t[name]:dtype(), name)
        -- each as its float32 reading rounded once (exact where the file holds that type)
        local expect = floating and d.tensor(values):to(dtype[3]):float() or d.tensor(values)
        assert.same(expect:totable(), S.flatten(t[name]:float():totable()), dtype[1] .. " " .. name)
      end
    end
    -- 16-bit data at an odd offset: copied byte by byte
    local header = '{"pad":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},'
      .. '"x":{"dtype":"F16","shape":[2],"data_offsets":[1,5]}}'
    local path = S.write_bytes(string.pack("<I8", #header) .. header .. "\0\0\60\0\192", ".safetensors")
    local x = d.load_safetensors(path, { dtype = "f16" }).x
    assert.equal("float16", x:dtype())
    assert.same({ 1, -2 }, x:float():totable())
    assert.same({ 1, -2 }, d.load_safetensors(path).x:totable())
    os.remove(path)
    -- written as they are, or widened
    path = S.tmpname(".safetensors")
    local h = d.rng(3):randn { 5, 7 }:to("bf16")
    d.save_safetensors(path, { h = h }, nil, { dtype = "BF16" })
    assert.equal("BF16", st_header(path).h.dtype)
    assert.same(h:float():totable(), d.load_safetensors(path, { dtype = "BF16" }).h:float():totable())
    d.save_safetensors(path, { h = h })
    assert.same(h:float():totable(), d.load_safetensors(path).h:totable())
    os.remove(path)
  end)

  it("tensors loaded by mmap are private copies-on-write and outlive the table", function()
    local path = S.tmpname(".safetensors")
    d.save_safetensors(path, { x = d.ones { 4 } })
    local x = d.load_safetensors(path).x
    collectgarbage()
    x:fill_(5)
    assert.same({ 1, 1, 1, 1 }, d.load_safetensors(path).x:totable())
    assert.equal(20, x:sum())
    os.remove(path)
  end)

  describe("rejects bad files with an error naming the problem", function()
    local function st_bytes(header_json, data, hlen_override)
      local h = header_json
      return string.pack("<I8", hlen_override or #h) .. h .. (data or "")
    end
    local function expect_error(bytes, pattern)
      local p = S.write_bytes(bytes, ".safetensors")
      local ok, err = pcall(d.load_safetensors, p)
      os.remove(p)
      assert.is_false(ok)
      assert.truthy(tostring(err):find(pattern), "message was: " .. tostring(err))
    end
    local f32x2 = string.pack("<ff", 1, 2)

    it("missing, empty and tiny files", function()
      local ok, err = pcall(d.load_safetensors, "/nonexistent/x.safetensors")
      assert.is_false(ok)
      assert.truthy(err:find("cannot open '/nonexistent/x.safetensors'", 1, true))
      expect_error("", "too short")
      expect_error("abc", "too short")
      local ok2, err2 = pcall(d.load_safetensors, "spec")
      assert.is_false(ok2)
      assert.truthy(err2:find("not a regular file"))
    end)

    it("truncated data and headers", function()
      local good = st_bytes('{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', f32x2)
      local p = S.write_bytes(good)
      assert.same({ 1, 2 }, d.load_safetensors(p).x:totable())
      os.remove(p)
      expect_error(good:sub(1, #good - 1), "truncated")
      expect_error(good:sub(1, 20), "truncated")
      expect_error(st_bytes("{}", "", 1 << 40), "exceeds")
    end)

    it("malformed headers", function()
      expect_error(st_bytes("{not json", f32x2), "not valid JSON")
      expect_error(st_bytes("[1,2]", f32x2), "not a JSON object")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[2]}}', f32x2), "data_offsets")
      expect_error(st_bytes('{"x":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}', f32x2),
        "unsupported dtype 'F8_E4M3'")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', f32x2),
        "span 8 bytes, shape and dtype need 12")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}', f32x2),
        "not a size")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[1.5],"data_offsets":[0,8]}}', f32x2),
        "not a size")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[1,1,1,1,1,1,1,1,2],"data_offsets":[0,8]}}',
        f32x2), "rank 9")
      expect_error(st_bytes('{"x":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}', f32x2),
        "data_offsets")
      expect_error(st_bytes(
        '{"x":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}', f32x2), "bad shape")
      expect_error(st_bytes(
        '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
        f32x2), "overlap")
      expect_error(st_bytes('{"__metadata__":{"k":1}}', ""), "not a string")
      expect_error(st_bytes(
        '{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
        f32x2), "appears twice")
    end)
  end)

  it("save_safetensors checks its arguments", function()
    assert.has_error(function() d.save_safetensors("/tmp/x.st", { x = 1 }) end,
      "save_safetensors: 'x' is not a tensor")
    assert.has_error(function() d.save_safetensors("/tmp/x.st", { d.ones { 1 } }) end,
      "save_safetensors: tensor names must be strings, got number")
    assert.has_error(function() d.save_safetensors("/nonexistent/dir/x.st", { x = d.ones { 1 } }) end)
    assert.has_error(function() d.save_safetensors("/tmp/x.st", { x = d.ones { 1 } }, { k = 1 }) end,
      "save_safetensors: metadata must map strings to strings")
  end)
end)

describe("PNG", function()
  it("reads a hand-written RGB file into C x H x W in [-1, 1]", function()
    local t = d.image.load(FIX .. "rgb.png")
    assert.same({ 3, 2, 3 }, t:shape())
    local px = function(y, x) return { t:get(1, y, x), t:get(2, y, x), t:get(3, y, x) } end
    assert.same({ 1, -1, -1 }, px(1, 1))
    assert.same({ -1, 1, -1 }, px(1, 2))
    assert.same({ -1, -1, 1 }, px(1, 3))
    assert.same({ 1, 1, 1 }, px(2, 2))
    S.near(px(2, 3), { 128 / 127.5 - 1, 128 / 127.5 - 1, 128 / 127.5 - 1 }, 1e-7, "gray")
    local g = d.image.load(FIX .. "rgb.png", { channels = 1 })
    assert.same({ 1, 2, 3 }, g:shape())
  end)

  it("composites gray + alpha onto black, or keeps alpha when asked", function()
    local t = d.image.load(FIX .. "gray_alpha.png")
    assert.same({ 1, 1, 2 }, t:shape())
    assert.near(200 / 127.5 - 1, t:get(1, 1, 1), 1e-6)
    assert.equal(-1, t:get(1, 1, 2)) -- transparent: black
    local rgba = d.image.load(FIX .. "gray_alpha.png", { channels = 4 })
    assert.same({ 4, 1, 2 }, rgba:shape())
    assert.equal(-1, rgba:get(4, 1, 2))
  end)

  it("round-trips 8-bit values exactly, gray and RGB, 3-D or 1 x C x H x W", function()
    for _, c in ipairs { 1, 3 } do
      local levels = d.rng(c):randint(0, 255, { c, 5, 7 })
      local t = levels / 127.5 - 1
      local path = S.tmpname(".png")
      d.image.save(path, c == 1 and t or t:unsqueeze(1))
      assert.equal("\137PNG\r\n\26\n", S.read_bytes(path):sub(1, 8))
      local w, h = string.unpack(">I4I4", S.read_bytes(path), 17)
      assert.same({ 7, 5 }, { w, h })
      local back = d.image.load(path)
      S.near(back, t, 1e-6, "roundtrip")
      os.remove(path)
    end
  end)

  it("clamps out-of-range values and rejects NaN and bad shapes", function()
    local path = S.tmpname(".png")
    d.image.save(path, d.tensor({ -3, 0, 3 }, { 1, 1, 3 }))
    S.near(d.image.load(path), { -1, 128 / 127.5 - 1, 1 }, 1e-6, "clamped")
    os.remove(path)
    assert.has_error(function() d.image.save(path, d.tensor({ 0, 0 / 0 }, { 1, 1, 2 })) end,
      "image.save: argument #2 contains NaN or infinite values")
    assert.has_error(function() d.image.save(path, d.zeros { 5, 2, 2 }) end,
      "image.save: expected C x H x W or 1 x C x H x W with C = 1..4, got {5,2,2}")
    assert.has_error(function() d.image.save(path, d.zeros { 2, 1, 2, 2 }) end)
    assert.has_error(function() d.image.load("/nonexistent.png") end)
    assert.has_error(function() d.image.load(FIX .. "f4.npy") end)
    assert.has_error(function() d.image.load(FIX .. "rgb.png", { channels = 2 }) end,
      "image.load: channels must be 1, 3 or 4, got 2")
  end)

  it("make_grid and save_grid tile a batch like torchvision", function()
    local batch = d.zeros { 5, 1, 4, 4 }
    for i = 1, 5 do batch:select(1, i):fill_(i / 10) end
    local g = d.image.make_grid(batch, { nrow = 2, pad = 2 })
    assert.same({ 1, 3 * 6 + 2, 2 * 6 + 2 }, g:shape())
    assert.equal(-1, g:get(1, 1, 1)) -- padding
    assert.near(0.1, g:get(1, 3, 3), 1e-7) -- image 1 top-left
    assert.near(0.2, g:get(1, 3, 9), 1e-7) -- image 2 starts at x = 6 + 2 + 1
    assert.near(0.5, g:get(1, 15, 3), 1e-7) -- image 5: third row
    assert.equal(-1, g:get(1, 15, 9)) -- empty cell
    local path = S.tmpname(".png")
    d.image.save_grid(path, batch, { nrow = 5, pad = 1, pad_value = 1 })
    assert.same({ 1, 6, 26 }, d.image.load(path):shape())
    os.remove(path)
    assert.has_error(function() d.image.make_grid(d.zeros { 1, 4, 4 }) end)
  end)
end)

describe(".npy", function()
  local vals = { { 0.5, -1.25, 3.0 }, { 65504.0, -2 ^ -24, 1e-3 } }

  it("reads NumPy's float, int, uint and bool files", function()
    S.near(d.load_npy(FIX .. "f4.npy"), vals, 1e-7, "f4")
    S.near(d.load_npy(FIX .. "f8.npy"), vals, 1e-7, "f8")
    S.near(d.load_npy(FIX .. "f2.npy"), { { 0.5, -1.25, 3.0 }, { 65504.0, 2 ^ -24 * -1, 0.0010004 } }, 1e-4, "f2")
    assert.same({ { 1, -2, 3 }, { 2 ^ 40, -7, 0 } }, d.load_npy(FIX .. "i8.npy"):totable())
    local i4 = d.load_npy(FIX .. "i4.npy")
    assert.same({ 2, 3, 4 }, i4:shape())
    assert.equal(18, i4:get(2, 3, 4))
    assert.same({ 0, 7, 255 }, d.load_npy(FIX .. "u1.npy"):totable())
    assert.same({ 1, 0, 1 }, d.load_npy(FIX .. "b1.npy"):totable())
    local s = d.load_npy(FIX .. "scalar.npy")
    assert.equal(0, s:dim())
    assert.equal(2.5, s:item())
  end)

  it("writes the same bytes as NumPy", function()
    local path = S.tmpname(".npy")
    d.save_npy(path, d.tensor(vals))
    assert.equal(S.read_bytes(FIX .. "f4.npy"), S.read_bytes(path))
    d.save_npy(path, d.tensor { { 1, -2, 3 }, { 2 ^ 40, -7, 0 } }, "int64")
    assert.equal(S.read_bytes(FIX .. "i8.npy"), S.read_bytes(path))
    d.save_npy(path, d.tensor { 0, 7, 255 }, "uint8")
    assert.equal(S.read_bytes(FIX .. "u1.npy"), S.read_bytes(path))
    d.save_npy(path, d.tensor(2.5))
    assert.equal(S.read_bytes(FIX .. "scalar.npy"), S.read_bytes(path))
    d.save_npy(path, d.tensor(vals), "float64")
    S.near(d.load_npy(path), vals, 1e-7, "f8 roundtrip")
    os.remove(path)
  end)

  it("rejects what it cannot read, naming why", function()
    assert.has_error(function() d.load_npy(FIX .. "fortran.npy") end)
    local _, e1 = pcall(d.load_npy, FIX .. "fortran.npy")
    assert.truthy(e1:find("Fortran"))
    local _, e2 = pcall(d.load_npy, FIX .. "big_endian.npy")
    assert.truthy(e2:find("unsupported dtype '>f4'", 1, true))
    local good = S.read_bytes(FIX .. "f4.npy")
    local p = S.write_bytes(good:sub(1, #good - 3), ".npy")
    local _, e3 = pcall(d.load_npy, p)
    assert.truthy(e3:find("truncated"))
    os.remove(p)
    p = S.write_bytes("\147NUMPY\1\0\255\255{", ".npy")
    local _, e4 = pcall(d.load_npy, p)
    assert.truthy(e4:find("header length"))
    os.remove(p)
    p = S.write_bytes("hello world", ".npy")
    assert.has_error(function() d.load_npy(p) end)
    os.remove(p)
    assert.has_error(function() d.save_npy("/tmp/x.npy", d.ones { 1 }, "float16") end)
  end)
end)

describe("MNIST IDX", function()
  it("loads the bundled gzipped digits and labels", function()
    local images = d.load_idx("data/mnist/mnist-10k-images-idx3-ubyte.gz")
    local labels = d.load_idx("data/mnist/mnist-10k-labels-idx1-ubyte.gz")
    assert.same({ 10000, 28, 28 }, images:shape())
    assert.same({ 10000 }, labels:shape())
    assert.same({ 9, 3, 7, 0, 9, 7, 7, 9, 6, 5, 4, 5 }, labels:narrow(1, 1, 12):totable())
    assert.equal(28397, images:select(1, 1):sum()) -- checked with Python's gzip module
    assert.equal(0, images:min())
    assert.equal(255, images:max())
    assert.equal(9, labels:max())
  end)

  it("reads every IDX data type, plain or gzipped", function()
    local function idx(code, dims, fmt, values)
      local s = string.char(0, 0, code, #dims)
      for _, n in ipairs(dims) do s = s .. string.pack(">I4", n) end
      for _, v in ipairs(values) do s = s .. string.pack(fmt, v) end
      return s
    end
    local cases = {
      { 0x08, "B", { 0, 255, 7, 1 } }, { 0x09, "b", { -128, 127, -1, 0 } },
      { 0x0B, ">i2", { -300, 300, 1, 0 } }, { 0x0C, ">i4", { -70000, 70000, 1, 2 } },
      { 0x0D, ">f", { 1.5, -2.25, 0, 8 } }, { 0x0E, ">d", { 0.125, -3, 1e10, 2 } },
    }
    for _, c in ipairs(cases) do
      local p = S.write_bytes(idx(c[1], { 2, 2 }, c[2], c[3]), ".idx")
      local t = d.load_idx(p)
      assert.same({ 2, 2 }, t:shape())
      S.near(S.flatten(t:totable()), c[3], 1e-7, "type " .. c[1])
      os.remove(p)
    end
  end)

  it("rejects truncated, trailing and malformed data", function()
    local function try(bytes)
      local p = S.write_bytes(bytes, ".idx")
      local ok, err = pcall(d.load_idx, p)
      os.remove(p)
      assert.is_false(ok)
      return err
    end
    local head = string.char(0, 0, 8, 1) .. string.pack(">I4", 4)
    assert.truthy(try(head .. "abc"):find("truncated: 3 of 4"))
    assert.truthy(try(head .. "abcde"):find("trailing data"))
    assert.truthy(try(string.char(1, 2, 8, 1)):find("bad magic"))
    assert.truthy(try(string.char(0, 0, 0x42, 1)):find("unknown IDX data type 0x42"))
    assert.truthy(try(string.char(0, 0, 8, 9)):find("9 dimensions"))
    assert.truthy(try(string.char(0, 0, 8, 2) .. string.pack(">I4", 4)):find("truncated header"))
    assert.truthy(try(string.char(0, 0, 8, 3) .. string.pack(">I4I4I4", 0xffffffff, 0xffffffff, 0xffffffff))
      :find("2%^40"))
    local gz = S.read_bytes("data/mnist/mnist-10k-labels-idx1-ubyte.gz")
    assert.truthy(try(gz:sub(1, 2000)):find("truncated"))
    assert.has_error(function() d.load_idx("/nonexistent.idx") end)
  end)
end)

describe("limits against hostile headers", function()
  local function load_error(f, bytes, suffix)
    local p = S.write_bytes(bytes, suffix)
    local ok, err = pcall(f, p)
    os.remove(p)
    assert.is_false(ok)
    return tostring(err)
  end

  -- CRC-32 (IEEE), for hand-made PNG chunks
  local function crc32(s)
    local c = 0xffffffff
    for i = 1, #s do
      c = c ~ s:byte(i)
      for _ = 1, 8 do c = (c & 1 == 1) and (0xedb88320 ~ (c >> 1)) or (c >> 1) end
    end
    return c ~ 0xffffffff
  end
  local function chunk(kind, body)
    return string.pack(">I4", #body) .. kind .. body .. string.pack(">I4", crc32(kind .. body))
  end
  local function png_header(w, h)
    return "\137PNG\r\n\26\n" .. chunk("IHDR", string.pack(">I4I4BBBBB", w, h, 8, 0, 0, 0, 0))
      .. chunk("IDAT", "\120\1") -- the start of a zlib stream, and no more
  end

  it("PNG: sides capped, and no more pixels than the file could hold", function()
    assert.truthy(load_error(d.image.load, png_header(20000, 10), ".png"):find("each side must be 1..16384"))
    local err = load_error(d.image.load, png_header(16000, 16000), ".png")
    assert.truthy(err:find("claims 16000x16000 pixels, more than a %d+%-byte file can hold"), err)
  end)

  it("IDX: no more values than the (decompressed) file could hold", function()
    local head = string.char(0, 0, 8, 2) .. string.pack(">I4I4", 100000, 100000)
    local err = load_error(d.load_idx, head .. "abc", ".idx")
    assert.truthy(err:find("claims 10000000000 values, more than a 15-byte file can hold", 1, true), err)
  end)

  it("safetensors: at most 65536 tensors", function()
    local parts = {}
    for i = 1, 65537 do parts[i] = string.format('"t%d":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}', i) end
    local header = "{" .. table.concat(parts, ",") .. "}"
    local err = load_error(d.load_safetensors, string.pack("<I8", #header) .. header, ".safetensors")
    assert.truthy(err:find("header lists 65537 tensors (at most 65536)", 1, true), err)
  end)
end)

describe("JSON", function()
  it("writes every double so that it reads back bit for bit", function()
    -- doubles whose 15-digit forms read back as a neighbour: the trainer's
    -- losses were such numbers, and a resumed run differed in the last bit
    local values = { 1.1046356777109598291, 0.1 + 0.2, 1 / 3, 2 ^ -1074, 1.7976931348623157e308, -5e-324,
      123456789.12345679, 2 ^ 53 + 2, 3.0 }
    local rng = d.rng(7):rand { 200 }
    for i = 1, 200 do values[#values + 1] = (rng:get(i) - 0.5) * 10 ^ (i % 40 - 20) end
    local back = d.core.json_decode(d.core.json_encode(values))
    for i, v in ipairs(values) do
      assert.equal(string.format("%a", v), string.format("%a", back[i]))
    end
    -- independent reader: lua-cjson parses the same text to the same doubles
    local other = cjson.decode(d.core.json_encode(values))
    for i, v in ipairs(values) do assert.equal(string.format("%a", v), string.format("%a", other[i])) end
  end)

  it("keeps integers exact and short numbers short", function()
    local text = d.core.json_encode { big = 2 ^ 53 - 1, small = -7, tenth = 0.1, half = 0.5 }
    assert.truthy(text:find('"big":%s*9007199254740991'))
    assert.truthy(text:find('"small":%s*%-7'))
    assert.truthy(text:find('"tenth":%s*0%.1[,\n}]'))
    assert.equal(2 ^ 53 - 1, d.core.json_decode(text).big)
  end)

  it("refuses NaN and infinities, which JSON cannot hold", function()
    for _, v in ipairs { 0 / 0, math.huge, -math.huge } do
      local ok, err = pcall(d.core.json_encode, { loss = v })
      assert.is_false(ok)
      assert.truthy(tostring(err):find("finite numbers", 1, true))
    end
  end)
end)

describe("PNG text chunks", function()
  it("round-trip through image.save and image.text, and a bad key is an error naming it", function()
    local path = os.tmpname() .. ".png"
    d.image.save(path, d.zeros { 1, 2, 2 }, { text = { seed = 3, ["guidance rescale"] = "0.5" } })
    assert.same({ seed = "3", ["guidance rescale"] = "0.5" }, d.image.text(path))
    assert.has_error(function() d.image.save(path, d.zeros { 1, 2, 2 }, { text = { ["bad\0key"] = 1 } }) end,
      'image.save: text key "bad\\0key" must be 1-79 letters, digits, spaces, _ or -')
    assert.has_error(function() d.image.text("/nonexistent.png") end, "image.text: cannot open '/nonexistent.png'")
    os.remove(path)
  end)
end)
