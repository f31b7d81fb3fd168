/* The diffusion.Tokenizer userdata: a CLIPTokenizer (clip_tokenizer.h).
 *   tok:encode(prompts [, {max_length =, padding = true, truncation = true}])
 *       -> ids (N x max_length, float token ids), lengths {n...}
 *   tok:tokenize(text) -> {ids...}  (bos ... eos, untruncated)
 *   tok:decode(ids) -> {text...}    (special tokens and padding dropped) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clip_tokenizer.h"
#include "bind.h"

#define DIFFUSION_TOKENIZER "diffusion.Tokenizer"

typedef struct {
  dt_clip_tokenizer *t;
  int max_length;
} ltok;

static ltok *check_tok(lua_State *L) {
  ltok *k = luaL_checkudata(L, 1, DIFFUSION_TOKENIZER);
  if (!k->t)
    luaL_argerror(L, 1, "tokenizer was freed");
  return k;
}

static int tok_gc(lua_State *L) {
  ltok *k = luaL_checkudata(L, 1, DIFFUSION_TOKENIZER);
  dt_clip_tokenizer_free(k->t);
  k->t = NULL;
  return 0;
}

static const char *opt_field(lua_State *L, int idx, const char *key, const char *def) {
  lua_getfield(L, idx, key);
  const char *s = lua_isnil(L, -1) ? def : lua_tostring(L, -1);
  if (!s)
    luaL_error(L, "clip_tokenizer: '%s' must be a string", key);
  lua_pop(L, 1);
  return s;
}

/* clip_tokenizer(vocab_json, merges_txt [, {bos =, eos =, pad =, unk =, max_length =}]) */
static int tok_new(lua_State *L) {
  size_t vl, ml;
  const char *vocab = luaL_checklstring(L, 1, &vl), *merges = luaL_checklstring(L, 2, &ml);
  lua_settop(L, 3);
  if (lua_isnil(L, 3)) {
    lua_newtable(L);
    lua_replace(L, 3);
  }
  luaL_checktype(L, 3, LUA_TTABLE);
  const char *bos = opt_field(L, 3, "bos", "<|startoftext|>");
  const char *eos = opt_field(L, 3, "eos", "<|endoftext|>");
  const char *pad = opt_field(L, 3, "pad", eos), *unk = opt_field(L, 3, "unk", eos);
  lua_getfield(L, 3, "max_length");
  lua_Integer max = luaL_optinteger(L, -1, 77);
  if (max < 2 || max > (1 << 20))
    return luaL_error(L, "clip_tokenizer: max_length must be in 2..2^20");
  lua_getfield(L, 3, "added"); /* a list of strings, kept on the stack */
  int nadded = lua_istable(L, -1) ? (int)luaL_len(L, -1) : 0;
  if (nadded < 0 || nadded > 4096)
    return luaL_error(L, "clip_tokenizer: at most 4096 added tokens");
  const char **added = lua_newuserdatauv(L, ((size_t)nadded + 1) * sizeof *added, 0);
  for (int i = 0; i < nadded; i++) {
    lua_rawgeti(L, -2, i + 1);
    if (!(added[i] = lua_tostring(L, -1)))
      return luaL_error(L, "clip_tokenizer: added tokens must be strings");
    lua_pop(L, 1); /* the string stays referenced by the list */
  }
  ltok *k = lua_newuserdatauv(L, sizeof *k, 0);
  k->t = NULL;
  k->max_length = (int)max;
  luaL_setmetatable(L, DIFFUSION_TOKENIZER);
  dt_err err;
  if (dt_clip_tokenizer_new(vocab, vl, merges, ml, bos, eos, pad, unk, added, nadded, &k->t, &err))
    return lt_raise(L, "clip_tokenizer", &err);
  return 1;
}

/* the ids of one prompt, bos and eos included, into a GC'd box */
static int32_t *prompt_ids(lua_State *L, ltok *k, int idx, int64_t *n, const char *what) {
  size_t len;
  if (lua_type(L, idx) != LUA_TSTRING)
    luaL_error(L, "%s: prompts must be strings", what);
  const char *text = lua_tolstring(L, idx, &len);
  int32_t *ids;
  int64_t m;
  dt_err err;
  if (dt_clip_tokenize(k->t, text, len, &ids, &m, &err))
    lt_raise(L, what, &err);
  int32_t *box = lua_newuserdatauv(L, (size_t)(m + 2) * sizeof *box, 0);
  box[0] = dt_clip_token_id(k->t, 0);
  if (m)
    memcpy(box + 1, ids, (size_t)m * sizeof *ids);
  free(ids);
  box[m + 1] = dt_clip_token_id(k->t, 1);
  *n = m + 2;
  return box;
}

static int tok_tokenize(lua_State *L) {
  ltok *k = check_tok(L);
  int64_t n;
  int32_t *ids = prompt_ids(L, k, 2, &n, "tokenize");
  lua_createtable(L, (int)n, 0);
  for (int64_t i = 0; i < n; i++) {
    lua_pushinteger(L, ids[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int tok_encode(lua_State *L) {
  ltok *k = check_tok(L);
  int single = lua_type(L, 2) == LUA_TSTRING;
  if (!single)
    luaL_checktype(L, 2, LUA_TTABLE);
  int max = k->max_length, padding = 1, truncation = 1;
  if (lua_istable(L, 3)) {
    lua_getfield(L, 3, "max_length");
    max = (int)luaL_optinteger(L, -1, max);
    lua_getfield(L, 3, "padding");
    padding = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_getfield(L, 3, "truncation");
    truncation = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_pop(L, 3);
    if (max < 2)
      return luaL_error(L, "encode: max_length must be at least 2");
  } else if (!lua_isnoneornil(L, 3)) {
    return luaL_error(L, "encode: options must be a table such as {max_length = 77}");
  }
  lua_settop(L, 3);
  int64_t rows = single ? 1 : (int64_t)luaL_len(L, 2);
  if (rows < 1)
    return luaL_error(L, "encode: no prompts");
  /* every prompt's ids first: without padding the width is the longest */
  int32_t **all = lua_newuserdatauv(L, (size_t)rows * sizeof *all, 0);  /* 4 */
  int64_t *lens = lua_newuserdatauv(L, (size_t)rows * sizeof *lens, 0); /* 5 */
  lua_createtable(L, (int)rows, 0);                                     /* 6: the boxes */
  int64_t width = padding ? max : 0;
  for (int64_t r = 0; r < rows; r++) {
    if (single)
      lua_pushvalue(L, 2);
    else
      lua_rawgeti(L, 2, r + 1);
    all[r] = prompt_ids(L, k, -1, &lens[r], "encode");
    lua_rawseti(L, 6, r + 1); /* keeps the box */
    lua_pop(L, 1);
    if (truncation && lens[r] > max) { /* keep max - 1 tokens and the eos */
      all[r][max - 1] = dt_clip_token_id(k->t, 1);
      lens[r] = max;
    }
    if (lens[r] > width)
      width = lens[r];
  }
  int64_t shape[2] = {rows, width};
  dt_tensor *ids = lt_push_new(L, shape, 2, "encode");
  float pad = (float)dt_clip_token_id(k->t, 2);
  lua_createtable(L, (int)rows, 0);
  for (int64_t r = 0; r < rows; r++) {
    for (int64_t i = 0; i < width; i++)
      ids->data[r * width + i] = i < lens[r] ? (float)all[r][i] : pad;
    lua_pushinteger(L, lens[r]);
    lua_rawseti(L, -2, r + 1);
  }
  return 2;
}

static int tok_decode(lua_State *L) {
  ltok *k = check_tok(L);
  const dt_tensor *ids = lt_check(L, 2);
  if (ids->ndim < 1 || ids->ndim > 2 || (ids->numel && !ids->data))
    return luaL_error(L, "decode: expected ids (N x L or L)");
  int64_t width = ids->shape[ids->ndim - 1], rows = ids->numel / (width ? width : 1);
  int32_t bos = dt_clip_token_id(k->t, 0), eos = dt_clip_token_id(k->t, 1),
          pad = dt_clip_token_id(k->t, 2);
  lua_createtable(L, (int)rows, 0);
  for (int64_t r = 0; r < rows; r++) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int64_t i = 0; i < width; i++) {
      float v = ids->data[r * width + i];
      int64_t id = (int64_t)v;
      const char *s = (float)id == v ? dt_clip_token_string(k->t, id) : NULL;
      if (!s) {
        char num[32];
        snprintf(num, sizeof num, "%g", (double)v);
        return luaL_error(L, "decode: id %s is not in the vocabulary (0..%d)", num,
                          (int)dt_clip_vocab_size(k->t) - 1);
      }
      if (id == bos || id == eos || id == pad)
        continue;
      size_t need = dt_clip_token_bytes(s, NULL, 0);
      dt_clip_token_bytes(s, luaL_prepbuffsize(&b, need), need);
      luaL_addsize(&b, need);
    }
    luaL_pushresult(&b);
    /* "</w>" became a space after each word: the last one goes, as transformers strips */
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    while (len && s[len - 1] == ' ')
      len--;
    lua_pushlstring(L, s, len);
    lua_remove(L, -2);
    lua_rawseti(L, -2, r + 1);
  }
  return 1;
}

static const luaL_Reg methods[] = {
    {"encode", tok_encode}, {"tokenize", tok_tokenize}, {"decode", tok_decode}, {"free", tok_gc},
    {NULL, NULL},
};

void lt_open_tokenizer(lua_State *L) {
  luaL_newmetatable(L, DIFFUSION_TOKENIZER);
  lua_pushcfunction(L, tok_gc);
  lua_setfield(L, -2, "__gc");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_pushcfunction(L, tok_new);
  lua_setfield(L, -2, "clip_tokenizer");
}
