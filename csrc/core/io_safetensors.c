/* safetensors: an 8-byte little-endian header length, a JSON header mapping
 * names to {dtype, shape, data_offsets}, then the raw data. The file is
 * mapped privately (copy-on-write), so F32 tensors can view it directly. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert.h"
#include "io.h"

static const struct {
  const char *name;
  dt_dtype dtype;
  size_t size;
} DTYPES[] = {
    {"F32", DT_F32, 4}, {"F16", DT_F16, 2},   {"BF16", DT_BF16, 2}, {"F64", DT_F64, 8},
    {"I64", DT_I64, 8}, {"I32", DT_I32, 4},   {"I16", DT_I16, 2},   {"I8", DT_I8, 1},
    {"U8", DT_U8, 1},   {"BOOL", DT_BOOL, 1},
};
#define NDTYPES (sizeof DTYPES / sizeof DTYPES[0])

const char *dt_dtype_name(dt_dtype d) { return DTYPES[d].name; }
size_t dt_dtype_size(dt_dtype d) { return DTYPES[d].size; }

static void release_map(dt_storage *s) { munmap(s->base, s->nbytes); }

void dt_st_close(dt_st_file *f) {
  if (!f)
    return;
  for (int i = 0; i < f->count; i++)
    free(f->entries[i].name);
  for (int i = 0; i < 2 * f->meta_count; i++)
    free(f->meta[i]);
  free(f->entries);
  free(f->meta);
  dt_storage_release(f->map);
  free(f);
}

static char *dup_string(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d)
    memcpy(d, s, n);
  return d;
}

/* A JSON number that is an exact non-negative integer below 2^53. */
static int json_uint(const cJSON *v, uint64_t *out) {
  if (!cJSON_IsNumber(v))
    return 0;
  double d = v->valuedouble;
  if (!(d >= 0 && d <= 9007199254740992.0) || d != floor(d))
    return 0;
  *out = (uint64_t)d;
  return 1;
}

static dt_status parse_entry(const cJSON *item, dt_st_entry *e, uint64_t data_len, dt_err *err) {
  const char *name = item->string;
  if (!cJSON_IsObject(item))
    return dt_fail(err, DT_EFORMAT, "tensor '%s': header entry is not an object", name);
  const cJSON *dtype = cJSON_GetObjectItemCaseSensitive(item, "dtype");
  const cJSON *shape = cJSON_GetObjectItemCaseSensitive(item, "shape");
  const cJSON *offs = cJSON_GetObjectItemCaseSensitive(item, "data_offsets");
  if (!cJSON_IsString(dtype) || !cJSON_IsArray(shape) || !cJSON_IsArray(offs))
    return dt_fail(err, DT_EFORMAT, "tensor '%s': needs dtype, shape and data_offsets", name);
  size_t k;
  for (k = 0; k < NDTYPES; k++)
    if (strcmp(dtype->valuestring, DTYPES[k].name) == 0)
      break;
  if (k == NDTYPES)
    return dt_fail(err, DT_EFORMAT, "tensor '%s': unsupported dtype '%.32s'", name,
                   dtype->valuestring);
  e->dtype = DTYPES[k].dtype;
  int nd = cJSON_GetArraySize(shape);
  if (nd > DT_MAX_DIMS)
    return dt_fail(err, DT_EFORMAT, "tensor '%s': rank %d exceeds %d", name, nd, DT_MAX_DIMS);
  e->ndim = nd;
  int d = 0;
  const cJSON *dim;
  cJSON_ArrayForEach(dim, shape) {
    uint64_t v;
    if (!json_uint(dim, &v))
      return dt_fail(err, DT_EFORMAT, "tensor '%s': shape entry %d is not a size", name, d + 1);
    e->shape[d++] = (int64_t)v;
  }
  int64_t numel;
  dt_status st = dt_shape_check(e->shape, nd, &numel, err);
  if (st)
    return dt_fail(err, DT_EFORMAT, "tensor '%s': bad shape", name);
  uint64_t b, en;
  if (cJSON_GetArraySize(offs) != 2 || !json_uint(cJSON_GetArrayItem(offs, 0), &b) ||
      !json_uint(cJSON_GetArrayItem(offs, 1), &en) || b > en)
    return dt_fail(err, DT_EFORMAT, "tensor '%s': data_offsets must be [begin, end]", name);
  uint64_t nbytes = (uint64_t)numel * DTYPES[k].size; /* numel < 2^40: no overflow */
  if (en - b != nbytes)
    return dt_fail(err, DT_EFORMAT,
                   "tensor '%s': data_offsets span %llu bytes, shape and dtype need %llu", name,
                   (unsigned long long)(en - b), (unsigned long long)nbytes);
  if (en > data_len)
    return dt_fail(err, DT_EFORMAT,
                   "tensor '%s': data ends at byte %llu, past the data section (%llu bytes); "
                   "truncated file?",
                   name, (unsigned long long)en, (unsigned long long)data_len);
  e->begin = b;
  e->end = en;
  return DT_OK;
}

static int by_begin(const void *x, const void *y) {
  const dt_st_entry *a = *(dt_st_entry *const *)x, *b = *(dt_st_entry *const *)y;
  return a->begin < b->begin ? -1 : a->begin > b->begin;
}

static dt_status parse_header(dt_st_file *f, const char *json, size_t len, dt_err *err) {
  cJSON *root = cJSON_ParseWithLength(json, len);
  if (!root)
    return dt_fail(err, DT_EFORMAT, "header is not valid JSON");
  dt_status st = DT_OK;
  if (!cJSON_IsObject(root)) {
    st = dt_fail(err, DT_EFORMAT, "header is not a JSON object");
    goto done;
  }
  int n = cJSON_GetArraySize(root);
  if (n > DT_ST_MAX_TENSORS) {
    st = dt_fail(err, DT_EFORMAT, "header lists %d tensors (at most %d)", n, DT_ST_MAX_TENSORS);
    goto done;
  }
  f->entries = calloc((size_t)n + 1, sizeof *f->entries);
  if (!f->entries) {
    st = dt_fail(err, DT_ENOMEM, "out of memory for %d header entries", n);
    goto done;
  }
  const cJSON *item;
  cJSON_ArrayForEach(item, root) {
    if (strcmp(item->string, "__metadata__") == 0) {
      if (!cJSON_IsObject(item) || f->meta) {
        st = dt_fail(err, DT_EFORMAT, "__metadata__ must be one object of strings");
        goto done;
      }
      int m = cJSON_GetArraySize(item);
      f->meta = calloc(2 * (size_t)m + 1, sizeof *f->meta);
      if (!f->meta) {
        st = dt_fail(err, DT_ENOMEM, "out of memory for metadata");
        goto done;
      }
      const cJSON *kv;
      cJSON_ArrayForEach(kv, item) {
        if (!cJSON_IsString(kv)) {
          st = dt_fail(err, DT_EFORMAT, "__metadata__ value of '%s' is not a string", kv->string);
          goto done;
        }
        char *k = dup_string(kv->string), *v = dup_string(kv->valuestring);
        f->meta[2 * f->meta_count] = k;
        f->meta[2 * f->meta_count + 1] = v;
        f->meta_count++;
        if (!k || !v) {
          st = dt_fail(err, DT_ENOMEM, "out of memory for metadata");
          goto done;
        }
      }
      continue;
    }
    dt_st_entry *e = &f->entries[f->count];
    e->name = dup_string(item->string);
    if (!e->name) {
      st = dt_fail(err, DT_ENOMEM, "out of memory for tensor names");
      goto done;
    }
    f->count++;
    st = parse_entry(item, e, f->data_len, err);
    if (st)
      goto done;
  }
  /* Data ranges must not overlap: sort a list of pointers by start. */
  dt_st_entry **order = malloc(((size_t)f->count + 1) * sizeof *order);
  if (!order) {
    st = dt_fail(err, DT_ENOMEM, "out of memory checking offsets");
    goto done;
  }
  for (int i = 0; i < f->count; i++)
    order[i] = &f->entries[i];
  qsort(order, (size_t)f->count, sizeof *order, by_begin);
  for (int i = 1; i < f->count; i++)
    if (order[i]->begin < order[i - 1]->end) {
      st = dt_fail(err, DT_EFORMAT, "tensors '%s' and '%s' overlap in the data section",
                   order[i - 1]->name, order[i]->name);
      break;
    }
  free(order);
done:
  cJSON_Delete(root);
  return st;
}

dt_status dt_st_open(const char *path, dt_st_file **out, dt_err *err) {
  *out = NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return dt_fail(err, DT_EIO, "cannot open '%s': %s", path, strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    return dt_fail(err, DT_EIO, "'%s' is not a regular file", path);
  }
  uint64_t size = (uint64_t)sb.st_size;
  if (size < 8) {
    close(fd);
    return dt_fail(err, DT_EFORMAT, "'%s': %llu bytes is too short for a safetensors file", path,
                   (unsigned long long)size);
  }
  void *base = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  if (base == MAP_FAILED)
    return dt_fail(err, DT_EIO, "cannot map '%s': %s", path, strerror(errno));
  dt_st_file *f = calloc(1, sizeof *f);
  dt_storage *map = f ? dt_storage_wrap(base, (size_t)size, release_map) : NULL;
  if (!map) {
    munmap(base, (size_t)size);
    free(f);
    return dt_fail(err, DT_ENOMEM, "out of memory opening '%s'", path);
  }
  f->map = map;
  const unsigned char *bytes = base;
  uint64_t hlen = dt_le64(bytes);
  dt_status st = DT_OK;
  if (hlen > DT_ST_MAX_HEADER)
    st = dt_fail(err, DT_EFORMAT, "'%s': header of %llu bytes exceeds the %u-byte limit", path,
                 (unsigned long long)hlen, DT_ST_MAX_HEADER);
  else if (hlen > size - 8)
    st = dt_fail(err, DT_EFORMAT,
                 "'%s': header of %llu bytes runs past the end of the %llu-byte file; truncated?",
                 path, (unsigned long long)hlen, (unsigned long long)size);
  if (!st) {
    f->data = bytes + 8 + hlen;
    f->data_len = size - 8 - hlen;
    st = parse_header(f, (const char *)bytes + 8, (size_t)hlen, err);
    if (st) { /* prefix the file name to the reason */
      char reason[sizeof err->msg];
      memcpy(reason, err->msg, sizeof reason);
      dt_fail(err, st, "'%s': %s", path, reason);
    }
  }
  if (st) {
    dt_st_close(f);
    return st;
  }
  *out = f;
  return DT_OK;
}

/* Elements [k0, k0 + n) of entry e (data at src) as float32. */
static void read_floats(const dt_st_entry *e, const unsigned char *src, int64_t k0, int64_t n,
                        float *o) {
  size_t width = DTYPES[e->dtype].size;
  for (int64_t j = 0; j < n; j++) {
    const unsigned char *p = src + (size_t)(k0 + j) * width;
    switch (e->dtype) {
    case DT_F32: {
      uint32_t b = dt_le32(p);
      memcpy(&o[j], &b, 4);
      break;
    }
    case DT_F16: o[j] = dt_half_to_float(dt_le16(p)); break;
    case DT_BF16: o[j] = dt_bf16_to_float(dt_le16(p)); break;
    case DT_F64: {
      uint64_t b = dt_le64(p);
      double d;
      memcpy(&d, &b, 8);
      o[j] = (float)d;
      break;
    }
    case DT_I64: o[j] = (float)(int64_t)dt_le64(p); break;
    case DT_I32: o[j] = (float)(int32_t)dt_le32(p); break;
    case DT_I16: o[j] = (float)(int16_t)dt_le16(p); break;
    case DT_I8: o[j] = (float)(int8_t)p[0]; break;
    case DT_U8: o[j] = (float)p[0]; break;
    case DT_BOOL: o[j] = p[0] ? 1.0f : 0.0f; break;
    }
  }
}

/* A view of the mapping for entry e, as a tensor of its own element type. */
static dt_status map_view(dt_st_file *f, const dt_st_entry *e, dt_tensor *t, dt_err *err) {
  size_t width = DTYPES[e->dtype].size;
  dt_tensor whole = {.storage = f->map, .dtype = e->dtype, .ndim = 1};
  if (e->dtype == DT_F32)
    whole.data = (float *)f->map->base;
  else
    whole.bits16 = (uint16_t *)f->map->base;
  whole.shape[0] = whole.numel = (int64_t)(f->map->nbytes / width);
  const unsigned char *src = f->data + e->begin, *map = f->map->base;
  return dt_view(t, &whole, (int64_t)((size_t)(src - map) / width), e->shape, e->ndim, err);
}

/* The mapped pages wholly inside [p, p + n) leave this process's resident
 * memory (they were only read: a later read maps them from the file again),
 * so converting a large file does not hold it twice. */
static void drop_pages(const unsigned char *p, size_t n) {
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t lo = ((uintptr_t)p + page - 1) & ~(page - 1), hi = ((uintptr_t)p + n) & ~(page - 1);
  if (hi > lo)
    madvise((void *)lo, hi - lo, MADV_DONTNEED); /* a hint: failure is fine */
}

dt_status dt_st_tensor_as(dt_st_file *f, int i, dt_dtype want, dt_tensor *t, dt_err *err) {
  const dt_st_entry *e = &f->entries[i];
  const unsigned char *src = f->data + e->begin;
  int floating =
      e->dtype == DT_F32 || e->dtype == DT_F16 || e->dtype == DT_BF16 || e->dtype == DT_F64;
  if (!floating || (want != DT_F16 && want != DT_BF16))
    want = DT_F32; /* integers and booleans are read as float32 */
  size_t width = DTYPES[e->dtype].size;
  if (e->dtype == want && ((uintptr_t)src % width) == 0)
    return map_view(f, e, t, err);
  dt_status st = dt_alloc_dtype(t, e->shape, e->ndim, want, err);
  if (st)
    return st;
  if (want == DT_F32) {
    read_floats(e, src, 0, t->numel, t->data);
    return DT_OK;
  }
  if (e->dtype == want) { /* unaligned 16-bit data: byte by byte */
    for (int64_t k = 0; k < t->numel; k++)
      t->bits16[k] = dt_le16(src + (size_t)k * 2);
  } else {
    float chunk[4096];
    for (int64_t k = 0; k < t->numel; k += 4096) {
      int64_t n = t->numel - k < 4096 ? t->numel - k : 4096;
      read_floats(e, src, k, n, chunk);
      dt_to_16bit(want, chunk, t->bits16 + k, n);
    }
  }
  drop_pages(src, (size_t)t->numel * width);
  return DT_OK;
}

dt_status dt_st_tensor(dt_st_file *f, int i, dt_tensor *t, dt_err *err) {
  return dt_st_tensor_as(f, i, DT_F32, t, err);
}

/* ---- writer ---- */

static dt_status write_all(FILE *fp, const void *p, size_t n, const char *path, dt_err *err) {
  if (n && fwrite(p, 1, n, fp) != n)
    return dt_fail(err, DT_EIO, "cannot write '%s': %s", path, strerror(errno));
  return DT_OK;
}

/* t's elements as dtype, little-endian (as every target we build), through a
 * buffer where they change type */
static dt_status write_elements(FILE *fp, const dt_tensor *t, dt_dtype dtype, const char *path,
                                dt_err *err) {
  int64_t n = t->numel;
  if (t->dtype == dtype)
    return write_all(fp, dtype == DT_F32 ? (const void *)t->data : (const void *)t->bits16,
                     (size_t)n * (dtype == DT_F32 ? 4 : 2), path, err);
  enum { CHUNK = 4096 };
  float wide[CHUNK];
  uint16_t narrow[CHUNK];
  dt_status st = DT_OK;
  for (int64_t i = 0; i < n && !st; i += CHUNK) {
    int64_t m = n - i < CHUNK ? n - i : CHUNK;
    const float *x = t->data + i;
    if (t->dtype != DT_F32) {
      dt_from_16bit(t->dtype, t->bits16 + i, wide, m);
      x = wide;
    }
    if (dtype == DT_F32) {
      st = write_all(fp, x, (size_t)m * 4, path, err);
    } else {
      dt_to_16bit(dtype, x, narrow, m);
      st = write_all(fp, narrow, (size_t)m * 2, path, err);
    }
  }
  return st;
}

dt_status dt_st_save(const char *path, int n, const char *const *names, const dt_tensor *const *ts,
                     int nmeta, const char *const *meta, int dtype, dt_err *err) {
  if (dtype != DT_F32 && dtype != DT_F16 && dtype != DT_BF16)
    return dt_fail(err, DT_EARG, "save_safetensors: only F32, F16 and BF16 are written");
  size_t width = dtype == DT_F32 ? 4 : 2;
  const char *dname = dtype == DT_F32 ? "F32" : dtype == DT_F16 ? "F16" : "BF16";
  cJSON *root = cJSON_CreateObject();
  if (!root)
    return dt_fail(err, DT_ENOMEM, "out of memory building the header");
  dt_status st = DT_OK;
  if (nmeta > 0) {
    cJSON *m = cJSON_AddObjectToObject(root, "__metadata__");
    for (int i = 0; m && i < nmeta; i++)
      if (!cJSON_AddStringToObject(m, meta[2 * i], meta[2 * i + 1]))
        m = NULL;
    if (!m)
      st = dt_fail(err, DT_ENOMEM, "out of memory building the header");
  }
  uint64_t offset = 0;
  for (int i = 0; !st && i < n; i++) {
    cJSON *e = cJSON_AddObjectToObject(root, names[i]);
    cJSON *shape = e ? cJSON_AddArrayToObject(e, "shape") : NULL;
    cJSON *offs = shape ? cJSON_AddArrayToObject(e, "data_offsets") : NULL;
    int ok = offs && cJSON_AddStringToObject(e, "dtype", dname);
    for (int d = 0; ok && d < ts[i]->ndim; d++)
      ok = cJSON_AddItemToArray(shape, cJSON_CreateNumber((double)ts[i]->shape[d]));
    uint64_t end = offset + (uint64_t)ts[i]->numel * width;
    ok = ok && cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)offset)) &&
         cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)end));
    if (!ok)
      st = dt_fail(err, DT_ENOMEM, "out of memory building the header");
    offset = end;
  }
  char *json = st ? NULL : cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  if (st)
    return st;
  if (!json)
    return dt_fail(err, DT_ENOMEM, "out of memory printing the header");
  size_t jlen = strlen(json), padded = (jlen + 7) & ~(size_t)7; /* 8-byte aligned data */
  FILE *fp = fopen(path, "wb");
  if (!fp) {
    free(json);
    return dt_fail(err, DT_EIO, "cannot create '%s': %s", path, strerror(errno));
  }
  unsigned char len8[8];
  for (int b = 0; b < 8; b++)
    len8[b] = (unsigned char)((uint64_t)padded >> (8 * b));
  st = write_all(fp, len8, 8, path, err);
  if (!st)
    st = write_all(fp, json, jlen, path, err);
  for (size_t k = jlen; !st && k < padded; k++)
    st = write_all(fp, " ", 1, path, err);
  for (int i = 0; !st && i < n; i++)
    st = write_elements(fp, ts[i], (dt_dtype)dtype, path, err);
  free(json);
  if (fclose(fp) != 0 && !st)
    st = dt_fail(err, DT_EIO, "cannot write '%s': %s", path, strerror(errno));
  return st;
}
