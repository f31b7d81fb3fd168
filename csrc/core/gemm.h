/* Our own single-precision GEMM, for the builds whose CPU has AVX-512
 * (DT_OWN_GEMM): C = alpha op(A) op(B) + beta C, row-major, op = transpose
 * where trans_* is set. OpenBLAS 0.3.21 runs its AVX2 kernels where
 * OPENBLAS_CORETYPE=Haswell is set (232 against 431 GFLOP/s at two threads
 * on this project's AVX-512 machines), so the widest build multiplies with
 * its own 8 x 48 register tile instead.
 *
 * Every element of C is the same sum whatever the thread count: K is cut
 * into blocks fixed by k alone, each block one chain of multiply-adds
 * (one lane of an FMA chain), the blocks added to C in order. */
#ifndef DIFFUSION_GEMM_H
#define DIFFUSION_GEMM_H

#include <stdint.h>

#if defined(__AVX512F__)
#define DT_OWN_GEMM 1
#endif

/* serial: run on the calling thread only (inside a parallel region). */
void dt_gemm_f32(int serial, int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                 const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
                 int64_t ldc);

/* BF16 products: while set, dt_gemm_f32 rounds both operands to bfloat16
 * and multiplies them with AVX512_BF16's dot products, accumulating in
 * float32 (each element still one chain, independent of the threads).
 * Supported only by the AVX-512 build on a CPU with AVX512_BF16;
 * dt_gemm_set_bf16 is for callers that checked. */
int dt_gemm_bf16_supported(void);
int dt_gemm_bf16_cpu(void); /* whether the CPU has AVX512_BF16, whatever the build */
void dt_gemm_set_bf16(int on);
int dt_gemm_bf16(void);

#endif
