rockspec_format = "3.0"
package = "diffusion"
version = "scm-1"
source = {
  url = "git+https://github.com/diffusion-lua/diffusion.git",
}
description = {
  summary = "Diffusion models in Lua with a fast C core",
  detailed = [[
    Diffusion models on the CPU, scripted from Lua: float32 tensors with
    NumPy broadcasting and fused in-place ops, a counter-based Philox RNG,
    safetensors/PNG/npy/IDX I/O, noise schedules and 27 samplers that replay
    diffusers' schedulers, diffusers UNet2DModel inference and training in C,
    guidance, inpainting, likelihoods and a sampler lab, the `diffusion`
    command, and a bundled MNIST model with the digits it was measured on.
  ]],
  license = "MIT",
  labels = { "diffusion", "tensor", "machine-learning" },
}
dependencies = {
  "lua >= 5.4",
}
external_dependencies = {
  -- Debian keeps cblas.h under /usr/include/x86_64-linux-gnu, and the
  -- Makefile links the OpenMP build of OpenBLAS from its own folder (so its
  -- threads and ours share one pool): only the library is checked here.
  OPENBLAS = { library = "openblas" },
  PNG = { header = "png.h", library = "png16" },
  CJSON = { header = "cjson/cJSON.h", library = "cjson" },
  PCRE2 = { header = "pcre2.h", library = "pcre2-8" },          -- CLIP's pre-tokenizer pattern
  UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },  -- its Unicode cleanup

  ZLIB = { header = "zlib.h", library = "z" },
}
build = {
  type = "make",
  build_variables = {
    -- no -march: the Makefile builds the module once per instruction set
    -- (generic, avx2, avx512) and lua/diffusion/core.lua loads the one the CPU runs
    CFLAGS = "$(CFLAGS) -O3",
    LIBFLAG = "$(LIBFLAG)",
    LUA_INCDIR = "$(LUA_INCDIR)",
  },
  install_variables = {
    INST_LIBDIR = "$(LIBDIR)",
    INST_LUADIR = "$(LUADIR)",
    INST_BINDIR = "$(BINDIR)",
  },
}
test = {
  type = "command",
  command = "lua5.4 /usr/bin/busted",
}
