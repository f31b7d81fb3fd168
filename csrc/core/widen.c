/* 16-bit float elements (tensor.h): widening to float32 and rounding back.
 * A model kept in float16 widens every weight on every pass, so the F16C
 * instructions do it where the build has them (avx2 and avx512); bfloat16 is
 * the top half of a float32 and widens by a shift. Both give the same bits
 * as the scalar conversions of convert.h. */
#include <immintrin.h>

#include "convert.h"
#include "tensor.h"

const char *dt_dtype_label(dt_dtype dtype) {
  return dtype == DT_F16 ? "float16" : dtype == DT_BF16 ? "bfloat16" : "float32";
}

void dt_from_16bit(dt_dtype dtype, const uint16_t *src, float *dst, int64_t n) {
  int64_t i = 0;
  if (dtype == DT_BF16) {
    for (; i < n; i++) { /* vectorised by the compiler */
      uint32_t bits = (uint32_t)src[i] << 16;
      memcpy(&dst[i], &bits, sizeof bits);
    }
    return;
  }
#if defined(__AVX512F__)
  for (; i + 16 <= n; i += 16)
    _mm512_storeu_ps(dst + i, _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(src + i))));
#elif defined(__F16C__)
  for (; i + 8 <= n; i += 8)
    _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + i))));
#endif
  for (; i < n; i++)
    dst[i] = dt_half_to_float(src[i]);
}

void dt_to_16bit(dt_dtype dtype, const float *src, uint16_t *dst, int64_t n) {
  int64_t i = 0;
  if (dtype == DT_BF16) {
    for (; i < n; i++)
      dst[i] = dt_float_to_bf16(src[i]);
    return;
  }
#if defined(__F16C__)
  for (; i + 8 <= n; i += 8)
    _mm_storeu_si128((__m128i *)(dst + i),
                     _mm256_cvtps_ph(_mm256_loadu_ps(src + i), _MM_FROUND_TO_NEAREST_INT));
#endif
  for (; i < n; i++)
    dst[i] = dt_float_to_half(src[i]);
}

dt_status dt_as_float(dt_tensor *out, const dt_tensor *t, dt_err *err) {
  if (t->dtype == DT_F32)
    return dt_view(out, t, 0, t->shape, t->ndim, err);
  dt_status st = dt_alloc(out, t->shape, t->ndim, err);
  if (!st)
    dt_from_16bit(t->dtype, t->bits16, out->data, t->numel);
  return st;
}
