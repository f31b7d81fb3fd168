-- The kernel-set line every benchmark prints under its header:
--   print(dofile("bench/kernels.lua"))
-- ours (the build's instruction set), what the CPU has, and what OpenBLAS was
-- told (OPENBLAS_CORETYPE picks its kernels; these machines set Haswell).
local d = require "diffusion"
local cpu = d.cpu()
local has = {}
for _, f in ipairs { "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512bf16" } do
  if cpu.features[f] then has[#has + 1] = f end
end
return string.format("kernels: ours %s (the build's); CPU: %s; OpenBLAS: OPENBLAS_CORETYPE=%s", cpu.isa,
  #has > 0 and table.concat(has, " ") or "no AVX2", os.getenv("OPENBLAS_CORETYPE") or "(unset: its own choice)")
