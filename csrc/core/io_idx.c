/* MNIST IDX files: magic 0 0 <type> <ndim>, ndim big-endian uint32 sizes,
 * then big-endian data. zlib's gz* functions read plain and gzipped files
 * alike. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "io.h"

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static float idx_value(const unsigned char *p, int type) {
  switch (type) {
  case 0x08: return (float)p[0];
  case 0x09: return (float)(int8_t)p[0];
  case 0x0B: return (float)(int16_t)(uint16_t)(p[0] << 8 | p[1]);
  case 0x0C: return (float)(int32_t)be32(p);
  case 0x0D: {
    uint32_t b = be32(p);
    float f;
    memcpy(&f, &b, 4);
    return f;
  }
  default: { /* 0x0E */
    uint64_t b = (uint64_t)be32(p) << 32 | be32(p + 4);
    double d;
    memcpy(&d, &b, 8);
    return (float)d;
  }
  }
}

/* Reads exactly n bytes; returns how many it got. */
static size_t read_full(gzFile gz, unsigned char *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    int r = gzread(gz, buf + got, (unsigned)(n - got));
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  return got;
}

dt_status dt_idx_read(const char *path, dt_tensor *out, dt_err *err) {
  gzFile gz = gzopen(path, "rb");
  if (!gz)
    return dt_fail(err, DT_EIO, "cannot open '%s': %s", path, strerror(errno));
  dt_status st = DT_OK;
  unsigned char head[4 + 4 * DT_MAX_DIMS];
  if (read_full(gz, head, 4) != 4 || head[0] != 0 || head[1] != 0) {
    st = dt_fail(err, DT_EFORMAT, "'%s' is not an IDX file (bad magic)", path);
    goto done;
  }
  int type = head[2], ndim = head[3];
  size_t size = type == 0x08 || type == 0x09   ? 1
                : type == 0x0B                 ? 2
                : type == 0x0C || type == 0x0D ? 4
                : type == 0x0E                 ? 8
                                               : 0;
  if (!size) {
    st = dt_fail(err, DT_EFORMAT, "'%s': unknown IDX data type 0x%02X", path, type);
    goto done;
  }
  if (ndim < 1 || ndim > DT_MAX_DIMS) {
    st = dt_fail(err, DT_EFORMAT, "'%s': %d dimensions (1..%d allowed)", path, ndim, DT_MAX_DIMS);
    goto done;
  }
  if (read_full(gz, head + 4, 4 * (size_t)ndim) != 4 * (size_t)ndim) {
    st = dt_fail(err, DT_EFORMAT, "'%s': truncated header", path);
    goto done;
  }
  int64_t shape[DT_MAX_DIMS];
  for (int d = 0; d < ndim; d++)
    shape[d] = be32(head + 4 + 4 * d);
  int64_t numel = 0;
  struct stat sb;
  st = dt_shape_check(shape, ndim, &numel, err);
  /* gzread passes plain files through, so one bound covers both */
  if (!st && stat(path, &sb) == 0 &&
      (uint64_t)numel * size > (uint64_t)sb.st_size * DT_DEFLATE_MAX_RATIO + DT_DEFLATE_SLACK)
    st = dt_fail(err, DT_EFORMAT, "header claims %lld values, more than a %lld-byte file can hold",
                 (long long)numel, (long long)sb.st_size);
  if (!st)
    st = dt_alloc(out, shape, ndim, err);
  if (st) {
    char reason[sizeof err->msg];
    memcpy(reason, err->msg, sizeof reason);
    dt_fail(err, st, "'%s': %s", path, reason);
    goto done;
  }
  unsigned char buf[65536];
  int64_t done_n = 0, per = (int64_t)(sizeof buf / size);
  while (done_n < out->numel) {
    int64_t n = out->numel - done_n < per ? out->numel - done_n : per;
    size_t got = read_full(gz, buf, (size_t)n * size);
    if (got != (size_t)n * size) {
      st = dt_fail(err, DT_EFORMAT, "'%s': truncated: %lld of %lld values present", path,
                   (long long)(done_n + (int64_t)(got / size)), (long long)out->numel);
      goto done;
    }
    for (int64_t i = 0; i < n; i++)
      out->data[done_n + i] = idx_value(buf + i * (int64_t)size, type);
    done_n += n;
  }
  if (read_full(gz, buf, 1) != 0)
    st = dt_fail(err, DT_EFORMAT, "'%s': trailing data after %lld values", path,
                 (long long)out->numel);
done:
  gzclose(gz);
  if (st)
    dt_free(out); /* nothing half-read survives a failure */
  return st;
}
