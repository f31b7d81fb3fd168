/* What the CPU offers and which instruction set this build's kernels use. */
#ifndef DT_CPU_H
#define DT_CPU_H

typedef struct {
  int avx2, fma, avx512f, avx512bw, avx512dq, avx512vl, avx512bf16;
} dt_cpu_features;

/* The running CPU's features, from cpuid. */
void dt_cpu_detect(dt_cpu_features *f);
/* What each kernel set needs: avx2 = AVX2 + FMA (x86-64-v3), avx512 = that
 * and AVX-512 F/BW/DQ/VL (x86-64-v4). */
int dt_cpu_has_avx2(const dt_cpu_features *f);
int dt_cpu_has_avx512(const dt_cpu_features *f);
/* The kernel set this object was compiled for: "avx512", "avx2" or "generic". */
const char *dt_build_isa(void);

#endif
