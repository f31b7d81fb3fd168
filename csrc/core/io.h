/* Readers and writers for outside data: safetensors, PNG, .npy, MNIST IDX.
 * Every size and offset from a file is checked against the file's length with
 * overflow-safe arithmetic before it is used. */
#ifndef DIFFUSION_IO_H
#define DIFFUSION_IO_H

#include <stddef.h>
#include <stdint.h>

#include "tensor.h"

/* Deflate expands by at most 1032:1, so a compressed file of n bytes cannot
 * hold more than DT_DEFLATE_MAX_RATIO * n bytes: a header claiming more is
 * hostile (a decompression bomb) and is refused before anything is allocated. */
#define DT_DEFLATE_MAX_RATIO 1032
#define DT_DEFLATE_SLACK 4096 /* headers, stored blocks, rounding */

/* ---- safetensors ---- */
#define DT_ST_MAX_HEADER (100u << 20) /* the reference implementation's limit */
#define DT_ST_MAX_TENSORS (1 << 16)   /* diffusers files hold a few thousand */

typedef struct {
  char *name;
  dt_dtype dtype;
  int ndim;
  int64_t shape[DT_MAX_DIMS];
  uint64_t begin, end; /* byte range within the data section */
} dt_st_entry;

typedef struct {
  dt_storage *map;           /* the whole file, mapped; tensors may view into it */
  const unsigned char *data; /* start of the data section */
  uint64_t data_len;
  dt_st_entry *entries;
  int count;
  char **meta; /* key, value, key, value, ... */
  int meta_count;
} dt_st_file;

const char *dt_dtype_name(dt_dtype d);
size_t dt_dtype_size(dt_dtype d);

/* Opens and validates a file; on failure *out is NULL and nothing leaks. */
dt_status dt_st_open(const char *path, dt_st_file **out, dt_err *err);
void dt_st_close(dt_st_file *f); /* NULL is fine */
/* Makes t the float32 tensor of entry i: a view of the mapping when the data
 * is F32 and aligned, a converted copy otherwise. */
dt_status dt_st_tensor(dt_st_file *f, int i, dt_tensor *t, dt_err *err);
/* ... or, for a floating-point entry and want DT_F16 or DT_BF16, the tensor of
 * those elements: a view when the file holds them aligned, rounded to nearest
 * even from wider data otherwise (without a float32 copy of the tensor; the
 * wider data's pages leave resident memory). Integer entries stay float32. */
dt_status dt_st_tensor_as(dt_st_file *f, int i, dt_dtype want, dt_tensor *t, dt_err *err);

/* Writes tensors in the order given, with optional string metadata, as
 * dtype: DT_F32, or DT_F16 / DT_BF16 (rounded to nearest, ties to even). */
dt_status dt_st_save(const char *path, int n, const char *const *names, const dt_tensor *const *ts,
                     int nmeta, const char *const *meta, int dtype, dt_err *err);

/* ---- PNG ---- */
#define DT_PNG_MAX_SIDE 16384
/* channels: 0 = as stored (1 gray, 3 RGB), or 1, 3, 4 to convert. Values
 * mapped to [-1, 1]; shape C x H x W. Alpha dropped composites onto black. */
dt_status dt_png_read(const char *path, int channels, dt_tensor *out, dt_err *err);
/* t is C x H x W (C = 1, 2, 3 or 4) in [-1, 1]; clamped, rounded to 8 bits. */
dt_status dt_png_write(const char *path, const dt_tensor *t, dt_err *err);
/* Tiles a batch N x C x H x W into one C x H' x W' image, nrow per row, with
 * `pad` pixels of pad_value around every image (torchvision's make_grid). */
dt_status dt_make_grid(dt_tensor *out, const dt_tensor *batch, int64_t nrow, int64_t pad,
                       float pad_value, dt_err *err);

/* ---- .npy ---- */
dt_status dt_npy_read(const char *path, dt_tensor *out, dt_err *err);
/* dtype: "<f4", "<f8", "<i4", "<i8", "|u1" */
dt_status dt_npy_write(const char *path, const dt_tensor *t, const char *dtype, dt_err *err);

/* ---- MNIST IDX, plain or gzip ---- */
dt_status dt_idx_read(const char *path, dt_tensor *out, dt_err *err);

#endif
