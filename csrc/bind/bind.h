/* Shared helpers of the Lua binding. Only luaopen_diffusion_core is exported;
 * everything else here has hidden visibility. */
#ifndef DIFFUSION_BIND_H
#define DIFFUSION_BIND_H

#include <lauxlib.h>
#include <lua.h>

#include "../core/tensor.h"

#define DIFFUSION_TENSOR "diffusion.Tensor"
#define DIFFUSION_RNG "diffusion.Rng"
#define DIFFUSION_SCHEDULE "diffusion.Schedule"
#define DIFFUSION_MODEL "diffusion.Model"
#define DIFFUSION_PASS "diffusion.Pass"

#define HIDDEN __attribute__((visibility("hidden")))

/* The tensor userdata holds the dt_tensor itself; its storage is refcounted
 * and shared with views. */
/* lt_check: a float32 tensor (a freed or 16-bit one raises, saying why);
 * lt_check_stored: one of any element type; lt_test: a tensor userdata or
 * NULL, unchecked (lt_require_float then raises "<what>: <why>"). */
HIDDEN dt_tensor *lt_check(lua_State *L, int idx);
HIDDEN dt_tensor *lt_check_stored(lua_State *L, int idx);
HIDDEN void lt_require_float(lua_State *L, const dt_tensor *t, const char *what);
HIDDEN dt_tensor *lt_test(lua_State *L, int idx);
/* Pushes an empty tensor userdata (no storage yet). */
HIDDEN dt_tensor *lt_push_empty(lua_State *L);
/* Pushes a new tensor of that shape (contents undefined) or raises
 * "<fname>: <reason>". Tells the GC about the memory. */
HIDDEN dt_tensor *lt_push_new(lua_State *L, const int64_t *shape, int ndim, const char *fname);
/* Tells the GC that a tensor's payload now lives outside Lua's heap. */
HIDDEN void lt_account(lua_State *L, const dt_tensor *t);
/* JSON (l_json.c): a parse whose tree a userdata left on the stack owns (NULL:
 * not valid JSON), and a tree pushed as Lua values. */
struct cJSON;
HIDDEN const struct cJSON *lt_json_parse(lua_State *L, const char *text, size_t len);
HIDDEN void lt_push_json(lua_State *L, const struct cJSON *v);
/* Reads a shape: a table of sizes at idx, or sizes as numbers from idx on. */
HIDDEN int lt_shape_arg(lua_State *L, int idx, int64_t *shape, const char *fname);
HIDDEN void lt_shape_str(const int64_t *shape, int ndim, char *buf, size_t len);
/* Raises "<fname>: <err->msg>". */
HIDDEN int lt_raise(lua_State *L, const char *fname, const dt_err *err);
/* Raises unless every element is finite. */
HIDDEN void lt_check_finite(lua_State *L, const dt_tensor *t, const char *fname, int arg);

HIDDEN void lt_open_tensor(lua_State *L);    /* l_tensor.c: type, creation, shape */
HIDDEN void lt_open_math(lua_State *L);      /* l_math.c: elementwise, reductions */
HIDDEN void lt_open_rng(lua_State *L);       /* l_rng.c */
HIDDEN void lt_open_io(lua_State *L);        /* l_io.c */
HIDDEN void lt_open_schedule(lua_State *L);  /* l_schedule.c */
HIDDEN void lt_open_model(lua_State *L);     /* l_model.c */
HIDDEN void lt_open_nn(lua_State *L);        /* l_nn.c */
HIDDEN void lt_open_analytic(lua_State *L);  /* l_analytic.c */
HIDDEN void lt_open_json(lua_State *L);      /* l_json.c: json_decode, json_encode, null */
HIDDEN void lt_open_tokenizer(lua_State *L); /* l_tokenizer.c */

#endif
