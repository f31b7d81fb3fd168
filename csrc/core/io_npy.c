/* NumPy .npy: magic, version, header length, a Python dict literal
 * {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }, then data. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "convert.h"
#include "io.h"

#define NPY_MAX_HEADER 65536

typedef struct {
  const char *descr;
  size_t size;
  char kind; /* f, i, u, b */
} npy_type;

static const npy_type NPY_TYPES[] = {
    {"<f4", 4, 'f'}, {"<f8", 8, 'f'}, {"<f2", 2, 'f'}, {"<i8", 8, 'i'},
    {"<i4", 4, 'i'}, {"<i2", 2, 'i'}, {"|i1", 1, 'i'}, {"<u8", 8, 'u'},
    {"<u4", 4, 'u'}, {"<u2", 2, 'u'}, {"|u1", 1, 'u'}, {"|b1", 1, 'b'},
};
#define N_NPY_TYPES (sizeof NPY_TYPES / sizeof NPY_TYPES[0])

/* Finds 'key': in the dict text and returns the text after the colon. */
static const char *dict_value(const char *h, const char *key) {
  char pat[32];
  snprintf(pat, sizeof pat, "'%s'", key);
  const char *p = strstr(h, pat);
  if (!p)
    return NULL;
  p += strlen(pat);
  while (*p == ' ')
    p++;
  if (*p != ':')
    return NULL;
  p++;
  while (*p == ' ')
    p++;
  return p;
}

static dt_status parse_header(const char *h, const npy_type **type, int64_t *shape, int *ndim,
                              dt_err *err) {
  const char *d = dict_value(h, "descr");
  if (!d || (*d != '\'' && *d != '"'))
    return dt_fail(err, DT_EFORMAT, "header has no 'descr'");
  char q = *d++;
  const char *end = strchr(d, q);
  if (!end || end - d > 8)
    return dt_fail(err, DT_EFORMAT, "bad 'descr' in header");
  char descr[12] = {0};
  memcpy(descr, d, (size_t)(end - d));
  if (descr[0] == '=')
    descr[0] = '<'; /* native order: we only build little-endian */
  if (descr[2] == '1' && descr[0] == '<')
    descr[0] = '|';
  *type = NULL;
  for (size_t i = 0; i < N_NPY_TYPES; i++)
    if (strcmp(descr, NPY_TYPES[i].descr) == 0)
      *type = &NPY_TYPES[i];
  if (!*type)
    return dt_fail(err, DT_EFORMAT,
                   "unsupported dtype '%s' (little-endian float, int, uint, bool only)", descr);
  const char *f = dict_value(h, "fortran_order");
  if (!f)
    return dt_fail(err, DT_EFORMAT, "header has no 'fortran_order'");
  if (strncmp(f, "True", 4) == 0)
    return dt_fail(err, DT_EFORMAT, "Fortran-ordered arrays are not supported; save with C order");
  if (strncmp(f, "False", 5) != 0)
    return dt_fail(err, DT_EFORMAT, "bad 'fortran_order'");
  const char *s = dict_value(h, "shape");
  if (!s || *s != '(')
    return dt_fail(err, DT_EFORMAT, "header has no 'shape' tuple");
  s++;
  int n = 0;
  for (;;) {
    while (*s == ' ' || *s == ',')
      s++;
    if (*s == ')')
      break;
    if (*s < '0' || *s > '9')
      return dt_fail(err, DT_EFORMAT, "bad 'shape' in header");
    if (n == DT_MAX_DIMS)
      return dt_fail(err, DT_EFORMAT, "rank exceeds %d", DT_MAX_DIMS);
    int64_t v = 0;
    while (*s >= '0' && *s <= '9') {
      if (v > DT_MAX_NUMEL)
        return dt_fail(err, DT_EFORMAT, "shape entry too large");
      v = v * 10 + (*s++ - '0');
    }
    if (*s == 'L')
      s++; /* Python 2 longs */
    shape[n++] = v;
  }
  *ndim = n;
  return dt_shape_check(shape, n, NULL, err);
}

static float convert_one(const unsigned char *p, const npy_type *t) {
  switch (t->kind) {
  case 'f':
    if (t->size == 2)
      return dt_half_to_float(dt_le16(p));
    if (t->size == 4) {
      uint32_t b = dt_le32(p);
      float f;
      memcpy(&f, &b, 4);
      return f;
    } else {
      uint64_t b = dt_le64(p);
      double d;
      memcpy(&d, &b, 8);
      return (float)d;
    }
  case 'i':
    return t->size == 1   ? (float)(int8_t)p[0]
           : t->size == 2 ? (float)(int16_t)dt_le16(p)
           : t->size == 4 ? (float)(int32_t)dt_le32(p)
                          : (float)(int64_t)dt_le64(p);
  case 'u':
    return t->size == 1   ? (float)p[0]
           : t->size == 2 ? (float)dt_le16(p)
           : t->size == 4 ? (float)dt_le32(p)
                          : (float)dt_le64(p);
  default: return p[0] ? 1.0f : 0.0f;
  }
}

dt_status dt_npy_read(const char *path, dt_tensor *out, dt_err *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return dt_fail(err, DT_EIO, "cannot open '%s': %s", path, strerror(errno));
  struct stat sb;
  dt_status st = DT_OK;
  unsigned char pre[12];
  char *header = NULL;
  unsigned char *raw = NULL;
  if (fstat(fileno(fp), &sb) != 0 || fread(pre, 1, 10, fp) != 10 ||
      memcmp(pre, "\x93NUMPY", 6) != 0) {
    st = dt_fail(err, DT_EFORMAT, "'%s' is not a .npy file", path);
    goto done;
  }
  uint64_t hlen, pre_len = 10;
  if (pre[6] == 1) {
    hlen = dt_le16(pre + 8);
  } else if (pre[6] == 2 || pre[6] == 3) {
    if (fread(pre + 10, 1, 2, fp) != 2) {
      st = dt_fail(err, DT_EFORMAT, "'%s': truncated header", path);
      goto done;
    }
    hlen = dt_le32(pre + 8);
    pre_len = 12;
  } else {
    st = dt_fail(err, DT_EFORMAT, "'%s': unsupported .npy version %d", path, pre[6]);
    goto done;
  }
  uint64_t fsize = (uint64_t)sb.st_size;
  if (hlen > NPY_MAX_HEADER || pre_len + hlen > fsize) {
    st = dt_fail(err, DT_EFORMAT, "'%s': header length %llu does not fit the file", path,
                 (unsigned long long)hlen);
    goto done;
  }
  header = malloc(hlen + 1);
  if (!header || fread(header, 1, hlen, fp) != hlen) {
    st = dt_fail(err, header ? DT_EFORMAT : DT_ENOMEM, "'%s': cannot read header", path);
    goto done;
  }
  header[hlen] = 0;
  if (memchr(header, 0, hlen)) {
    st = dt_fail(err, DT_EFORMAT, "'%s': header contains a NUL byte", path);
    goto done;
  }
  const npy_type *type = NULL;
  int64_t shape[DT_MAX_DIMS];
  int ndim = 0;
  st = parse_header(header, &type, shape, &ndim, err);
  if (st) {
    char reason[sizeof err->msg];
    memcpy(reason, err->msg, sizeof reason);
    dt_fail(err, st, "'%s': %s", path, reason);
    goto done;
  }
  int64_t numel;
  dt_shape_check(shape, ndim, &numel, NULL);
  uint64_t need = (uint64_t)numel * type->size, have = fsize - pre_len - hlen;
  if (need != have) {
    st = dt_fail(err, DT_EFORMAT, "'%s': shape and dtype need %llu data bytes, file has %llu%s",
                 path, (unsigned long long)need, (unsigned long long)have,
                 need > have ? " (truncated?)" : "");
    goto done;
  }
  st = dt_alloc(out, shape, ndim, err);
  if (st)
    goto done;
  if (type->kind == 'f' && type->size == 4) { /* read straight into the tensor */
    if (fread(out->data, 1, need, fp) != need)
      st = dt_fail(err, DT_EIO, "'%s': read failed", path);
    goto done;
  }
  raw = malloc(need ? need : 1);
  if (!raw) {
    st = dt_fail(err, DT_ENOMEM, "'%s': out of memory for %llu bytes", path,
                 (unsigned long long)need);
    goto done;
  }
  if (fread(raw, 1, need, fp) != need) {
    st = dt_fail(err, DT_EIO, "'%s': read failed", path);
    goto done;
  }
  for (int64_t i = 0; i < numel; i++)
    out->data[i] = convert_one(raw + (size_t)i * type->size, type);
done:
  free(raw);
  free(header);
  fclose(fp);
  if (st)
    dt_free(out); /* nothing half-read survives a failure */
  return st;
}

dt_status dt_npy_write(const char *path, const dt_tensor *t, const char *dtype, dt_err *err) {
  const npy_type *type = NULL;
  for (size_t i = 0; i < N_NPY_TYPES; i++)
    if (strcmp(dtype, NPY_TYPES[i].descr) == 0)
      type = &NPY_TYPES[i];
  static const char *const writable[] = {"<f4", "<f8", "<i4", "<i8", "|u1"};
  int ok_type = 0;
  for (size_t i = 0; i < sizeof writable / sizeof writable[0]; i++)
    ok_type |= strcmp(dtype, writable[i]) == 0;
  if (!type || !ok_type)
    return dt_fail(err, DT_EARG, "unsupported dtype '%s' (<f4, <f8, <i4, <i8 or |u1)", dtype);
  char dict[512];
  int len = snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (",
                     type->descr);
  for (int d = 0; d < t->ndim; d++)
    len += snprintf(dict + len, sizeof dict - (size_t)len, "%lld, ", (long long)t->shape[d]);
  if (t->ndim > 1)
    len -= 2; /* (3,) for one dim, (2, 3) for more */
  else if (t->ndim == 1)
    len -= 1;
  len += snprintf(dict + len, sizeof dict - (size_t)len, "), }");
  /* pad with spaces so magic + length + dict + newline is a multiple of 64 */
  int total = 10 + len + 1, pad = (64 - total % 64) % 64;
  memset(dict + len, ' ', (size_t)pad);
  len += pad;
  dict[len++] = '\n';
  FILE *fp = fopen(path, "wb");
  if (!fp)
    return dt_fail(err, DT_EIO, "cannot create '%s': %s", path, strerror(errno));
  unsigned char pre[10] = {
      0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (unsigned char)(len & 0xff), (unsigned char)(len >> 8)};
  int ok = fwrite(pre, 1, 10, fp) == 10 && fwrite(dict, 1, (size_t)len, fp) == (size_t)len;
  for (int64_t i = 0; ok && i < t->numel; i++) {
    float v = t->data[i];
    unsigned char b[8];
    if (type->kind == 'f' && type->size == 4) {
      memcpy(b, &v, 4);
    } else if (type->kind == 'f') {
      double d = v;
      memcpy(b, &d, 8);
    } else { /* integers: round to nearest, saturate at the type's range */
      double r = v != v ? 0 : (double)v;
      r = r < 0 ? -floor(-r + 0.5) : floor(r + 0.5);
      int64_t iv = r > 9.2e18 ? INT64_MAX : r < -9.2e18 ? INT64_MIN : (int64_t)r;
      if (type->kind == 'u' && type->size == 1)
        iv = iv < 0 ? 0 : iv > 255 ? 255 : iv;
      if (type->kind == 'i' && type->size == 4)
        iv = iv < INT32_MIN ? INT32_MIN : iv > INT32_MAX ? INT32_MAX : iv;
      for (size_t k = 0; k < type->size; k++)
        b[k] = (unsigned char)((uint64_t)iv >> (8 * k));
    }
    ok = fwrite(b, 1, type->size, fp) == type->size;
  }
  if (fclose(fp) != 0)
    ok = 0;
  if (!ok)
    return dt_fail(err, DT_EIO, "cannot write '%s': %s", path, strerror(errno));
  return DT_OK;
}
