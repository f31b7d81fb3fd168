/* CPU features (cpuid, through GCC's and clang's builtins) and the build's
 * kernel set. */
#include "cpu.h"

void dt_cpu_detect(dt_cpu_features *f) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  f->avx2 = __builtin_cpu_supports("avx2") != 0;
  f->fma = __builtin_cpu_supports("fma") != 0;
  f->avx512f = __builtin_cpu_supports("avx512f") != 0;
  f->avx512bw = __builtin_cpu_supports("avx512bw") != 0;
  f->avx512dq = __builtin_cpu_supports("avx512dq") != 0;
  f->avx512vl = __builtin_cpu_supports("avx512vl") != 0;
  f->avx512bf16 = __builtin_cpu_supports("avx512bf16") != 0;
#else
  *f = (dt_cpu_features){0};
#endif
}

int dt_cpu_has_avx2(const dt_cpu_features *f) { return f->avx2 && f->fma; }

int dt_cpu_has_avx512(const dt_cpu_features *f) {
  return dt_cpu_has_avx2(f) && f->avx512f && f->avx512bw && f->avx512dq && f->avx512vl;
}

const char *dt_build_isa(void) {
#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512DQ__) && defined(__AVX512VL__)
  return "avx512";
#elif defined(__AVX2__) && defined(__FMA__)
  return "avx2";
#else
  return "generic";
#endif
}
