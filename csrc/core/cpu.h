/* What the CPU offers and which instruction set this build's kernels use. */
#ifndef DT_CPU_H
#define DT_CPU_H

typedef struct {
  int avx2, fma, avx512f, avx512bw, avx512dq, avx512vl, avx512bf16;
} dt_cpu_features;

/* The running CPU's features, from cpuid. */
void dt_cpu_detect(dt_cpu_features *f);
/* The kernel set this build was compiled for: "avx512", "avx2" or "generic"
 * (chosen by the build's flags today; run-time dispatch is to come). */
const char *dt_build_isa(void);

#endif
