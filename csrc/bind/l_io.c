/* File formats from Lua: safetensors, PNG, .npy, IDX. */
#include <stdlib.h>
#include <string.h>

#include "../core/io.h"
#include "bind.h"

#define ST_BOX "diffusion.SafetensorsFile"

/* The parsed file lives in a userdata box while tensors are made from it, so
 * a Lua error on the way (out of memory) still frees it. */
static int st_box_gc(lua_State *L) {
  dt_st_file **box = luaL_checkudata(L, 1, ST_BOX);
  dt_st_close(*box);
  *box = NULL;
  return 0;
}

/* A dtype option (nil: F32): F32, F16 or BF16, as safetensors or torch spells it. */
static dt_dtype dtype_option(lua_State *L, int idx, const char *fname) {
  static const char *const names[] = {"F32",     "f32",  "float32", "F16",      "f16", "fp16",
                                      "float16", "BF16", "bf16",    "bfloat16", NULL};
  static const dt_dtype types[] = {DT_F32, DT_F32, DT_F32,  DT_F16,  DT_F16,
                                   DT_F16, DT_F16, DT_BF16, DT_BF16, DT_BF16};
  const char *name = luaL_optstring(L, idx, "F32");
  for (int i = 0; names[i]; i++)
    if (!strcmp(name, names[i]))
      return types[i];
  luaL_error(L, "%s: dtype '%s' is not F32, F16 or BF16", fname, name);
  return DT_F32;
}

/* load_safetensors(path [, {dtype = "F16" | "BF16" | "F32"}]) -> {name = tensor},
 * {metadata}: floating-point tensors as that type (float32 by default),
 * integer ones as float32 */
static int io_load_safetensors(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dt_dtype want = DT_F32;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "dtype");
    want = dtype_option(L, -1, "load_safetensors");
    lua_pop(L, 1);
  }
  lua_settop(L, 1);
  dt_st_file **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  luaL_setmetatable(L, ST_BOX);
  dt_err err;
  if (dt_st_open(path, box, &err))
    return lt_raise(L, "load_safetensors", &err);
  dt_st_file *f = *box;
  lua_createtable(L, 0, f->count);
  for (int i = 0; i < f->count; i++) {
    if (lua_getfield(L, -1, f->entries[i].name) != LUA_TNIL)
      return luaL_error(L, "load_safetensors: '%s': tensor '%s' appears twice", path,
                        f->entries[i].name);
    lua_pop(L, 1);
    dt_tensor *t = lt_push_empty(L);
    if (dt_st_tensor_as(f, i, want, t, &err))
      return lt_raise(L, "load_safetensors", &err);
    if (t->storage != f->map)
      lt_account(L, t);
    lua_setfield(L, -2, f->entries[i].name);
  }
  lua_createtable(L, 0, f->meta_count);
  for (int i = 0; i < f->meta_count; i++) {
    lua_pushstring(L, f->meta[2 * i + 1]);
    lua_setfield(L, -2, f->meta[2 * i]);
  }
  dt_st_close(f); /* tensors keep the mapping alive through its refcount */
  *box = NULL;
  return 2;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* save_safetensors(path, {name = tensor}, [{key = "value"}] [, {dtype = "F16"}]):
 * dtype F32 (the default), F16 or BF16 */
static int io_save_safetensors(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  int has_meta = !lua_isnoneornil(L, 3);
  if (has_meta)
    luaL_checktype(L, 3, LUA_TTABLE);
  int dtype = DT_F32;
  if (!lua_isnoneornil(L, 4)) {
    luaL_checktype(L, 4, LUA_TTABLE);
    lua_getfield(L, 4, "dtype");
    dtype = (int)dtype_option(L, -1, "save_safetensors");
    lua_pop(L, 1);
  }
  lua_settop(L, 3);
  int n = 0, nmeta = 0;
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    if (lua_type(L, -2) != LUA_TSTRING)
      return luaL_error(L, "save_safetensors: tensor names must be strings, got %s",
                        luaL_typename(L, -2));
    dt_tensor *t = lt_test(L, -1);
    if (!t || !t->storage)
      return luaL_error(L, "save_safetensors: '%s' is not a tensor", lua_tostring(L, -2));
    if (strcmp(lua_tostring(L, -2), "__metadata__") == 0)
      return luaL_error(L, "save_safetensors: '__metadata__' is reserved");
    lua_pop(L, 1);
    n++;
  }
  if (has_meta) {
    lua_pushnil(L);
    while (lua_next(L, 3)) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, "save_safetensors: metadata must map strings to strings");
      lua_pop(L, 1);
      nmeta++;
    }
  }
  /* Scratch arrays in GC-owned userdata; the strings stay anchored in the
   * argument tables. */
  const char **names = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *names, 0);
  const dt_tensor **ts = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *ts, 0);
  const char **meta = lua_newuserdatauv(L, (2 * (size_t)nmeta + 1) * sizeof *meta, 0);
  int i = 0;
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    names[i++] = lua_tostring(L, -2);
    lua_pop(L, 1);
  }
  qsort(names, (size_t)n, sizeof *names, cmp_names); /* a stable, readable layout */
  for (i = 0; i < n; i++) {
    lua_getfield(L, 2, names[i]);
    ts[i] = lt_test(L, -1);
    lua_pop(L, 1);
  }
  i = 0;
  if (has_meta) {
    lua_pushnil(L);
    while (lua_next(L, 3)) {
      meta[i++] = lua_tostring(L, -2);
      meta[i++] = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
  }
  dt_err err;
  if (dt_st_save(path, n, names, ts, nmeta, meta, dtype, &err))
    return lt_raise(L, "save_safetensors", &err);
  return 0;
}

/* image_load(path [, channels]) -> C x H x W in [-1, 1] */
static int io_image_load(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lua_Integer ch = luaL_optinteger(L, 2, 0);
  if (ch != 0 && ch != 1 && ch != 3 && ch != 4)
    return luaL_error(L, "image.load: channels must be 1, 3 or 4, got %d", (int)ch);
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_png_read(path, (int)ch, t, &err))
    return lt_raise(L, "image.load", &err);
  lt_account(L, t);
  return 1;
}

/* Accepts C x H x W or 1 x C x H x W. */
static dt_tensor image_arg(lua_State *L, int idx, const char *fname) {
  dt_tensor *t = lt_check(L, idx);
  dt_tensor v = *t;
  if (v.ndim == 4 && v.shape[0] == 1) {
    v.ndim = 3;
    for (int i = 0; i < 3; i++)
      v.shape[i] = t->shape[i + 1];
  }
  if (v.ndim != 3 || v.shape[0] < 1 || v.shape[0] > 4) {
    char buf[160];
    lt_shape_str(t->shape, t->ndim, buf, sizeof buf);
    luaL_error(L, "%s: expected C x H x W or 1 x C x H x W with C = 1..4, got %s", fname, buf);
  }
  lt_check_finite(L, t, fname, idx);
  return v;
}

static int io_image_save(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dt_tensor v = image_arg(L, 2, "image.save");
  dt_err err;
  if (dt_png_write(path, &v, &err))
    return lt_raise(L, "image.save", &err);
  return 0;
}

/* make_grid(batch, nrow, pad, pad_value) -> C x H' x W' */
static int io_make_grid(lua_State *L) {
  dt_tensor *b = lt_check(L, 1);
  lua_Integer nrow = luaL_optinteger(L, 2, 8), pad = luaL_optinteger(L, 3, 2);
  float pad_value = (float)luaL_optnumber(L, 4, -1);
  if (b->ndim != 4 || b->shape[0] < 1) {
    char buf[160];
    lt_shape_str(b->shape, b->ndim, buf, sizeof buf);
    return luaL_error(L, "image.make_grid: expected a non-empty N x C x H x W batch, got %s", buf);
  }
  if (nrow < 1 || pad < 0 || pad > 1024)
    return luaL_error(L, "image.make_grid: nrow must be >= 1 and pad in 0..1024");
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_make_grid(t, b, nrow, pad, pad_value, &err))
    return lt_raise(L, "image.make_grid", &err);
  lt_account(L, t);
  return 1;
}

static int io_load_npy(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_npy_read(path, t, &err))
    return lt_raise(L, "load_npy", &err);
  lt_account(L, t);
  return 1;
}

/* save_npy(path, t [, dtype = "float32"]) */
static int io_save_npy(lua_State *L) {
  static const char *const names[] = {"float32", "float64", "int32", "int64", "uint8", NULL};
  static const char *const descr[] = {"<f4", "<f8", "<i4", "<i8", "|u1"};
  const char *path = luaL_checkstring(L, 1);
  dt_tensor *t = lt_check(L, 2);
  int k = luaL_checkoption(L, 3, "float32", names);
  dt_err err;
  if (dt_npy_write(path, t, descr[k], &err))
    return lt_raise(L, "save_npy", &err);
  return 0;
}

static int io_load_idx(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_idx_read(path, t, &err))
    return lt_raise(L, "load_idx", &err);
  lt_account(L, t);
  return 1;
}

static const luaL_Reg functions[] = {
    {"load_safetensors", io_load_safetensors},
    {"save_safetensors", io_save_safetensors},
    {"image_load", io_image_load},
    {"image_save", io_image_save},
    {"make_grid", io_make_grid},
    {"load_npy", io_load_npy},
    {"save_npy", io_save_npy},
    {"load_idx", io_load_idx},
    {NULL, NULL},
};

void lt_open_io(lua_State *L) {
  luaL_newmetatable(L, ST_BOX);
  lua_pushcfunction(L, st_box_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_setfuncs(L, functions, 0);
}
