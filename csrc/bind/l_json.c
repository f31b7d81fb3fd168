/* The JSON codec (config files, trainer states, plans), over cJSON:
 * json_decode(text) -> value and json_encode(value) -> text, and null. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "bind.h"

static void push_json(lua_State *L, const cJSON *v, int depth) {
  if (depth > 64)
    luaL_error(L, "json: nesting deeper than 64");
  luaL_checkstack(L, 4, "json");
  if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    /* the range test comes first: casting a larger value is undefined */
    if (d > -9e15 && d < 9e15 && d == (double)(lua_Integer)d)
      lua_pushinteger(L, (lua_Integer)d);
    else
      lua_pushnumber(L, d);
  } else if (cJSON_IsString(v)) {
    lua_pushstring(L, v->valuestring);
  } else if (cJSON_IsBool(v)) {
    lua_pushboolean(L, cJSON_IsTrue(v));
  } else if (cJSON_IsArray(v)) {
    lua_createtable(L, cJSON_GetArraySize(v), 0);
    int i = 1;
    const cJSON *e;
    cJSON_ArrayForEach(e, v) {
      push_json(L, e, depth + 1);
      lua_rawseti(L, -2, i++);
    }
  } else if (cJSON_IsObject(v)) {
    lua_createtable(L, 0, cJSON_GetArraySize(v));
    const cJSON *e;
    cJSON_ArrayForEach(e, v) {
      if (cJSON_IsNull(e))
        continue; /* null: the key is absent */
      push_json(L, e, depth + 1);
      lua_setfield(L, -2, e->string);
    }
  } else {
    lua_pushnil(L);
  }
}

typedef struct {
  cJSON *root;
  char *text;
} json_box; /* a parsed tree or printed text, freed by the GC if a Lua call raises */

static void json_box_clear(json_box *b) {
  cJSON_Delete(b->root);
  free(b->text);
  b->root = NULL;
  b->text = NULL;
}

static int json_box_gc(lua_State *L) {
  json_box_clear(lua_touserdata(L, 1));
  return 0;
}

/* An empty box on the stack, with the __gc that empties it. */
static json_box *push_json_box(lua_State *L) {
  json_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->root = NULL;
  b->text = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, json_box_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  return b;
}

/* Parses text into a tree owned by a userdata it leaves on the stack (its __gc
 * frees the tree, so a later raise leaks nothing); NULL when not valid JSON. */
const cJSON *lt_json_parse(lua_State *L, const char *text, size_t len) {
  json_box *b = push_json_box(L);
  b->root = cJSON_ParseWithLength(text, len);
  return b->root;
}

/* Pushes a parsed tree as Lua values (null becomes an absent key). */
void lt_push_json(lua_State *L, const cJSON *v) { push_json(L, v, 0); }

/* json_decode(text) -> value (null becomes an absent key) */
static int j_decode(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  json_box *b = push_json_box(L); /* frees the tree if a push raises */
  b->root = cJSON_ParseWithLength(s, len);
  if (!b->root)
    return luaL_error(L, "json_decode: not valid JSON");
  push_json(L, b->root, 0);
  json_box_clear(b);
  return 1;
}

/* A number as JSON text that reads back as the same value: integers as they
 * are, floats in the fewest of 15, 16 or 17 significant digits that round-trip.
 * (cJSON's own printer keeps 15 digits whenever they come back merely close,
 * which made a resumed training run differ from an uninterrupted one in the
 * last bit.) NaN and infinities have no JSON form: NULL. */
static cJSON *json_number(lua_State *L, int idx) {
  char text[40];
  if (lua_isinteger(L, idx)) {
    snprintf(text, sizeof text, LUA_INTEGER_FMT, lua_tointeger(L, idx));
  } else {
    double v = lua_tonumber(L, idx);
    if (!isfinite(v))
      return NULL;
    for (int digits = 15; digits <= 17; digits++) {
      snprintf(text, sizeof text, "%.*g", digits, v);
      if (strtod(text, NULL) == v)
        break;
    }
  }
  return cJSON_CreateRaw(text);
}

/* Lua value to cJSON: tables with keys 1..n are arrays, others objects. */
static cJSON *to_json(lua_State *L, int idx, int depth) {
  if (depth > 64)
    return NULL;
  idx = lua_absindex(L, idx);
  switch (lua_type(L, idx)) {
  case LUA_TLIGHTUSERDATA: /* diffusion.null */
    return lua_touserdata(L, idx) == NULL ? cJSON_CreateNull() : NULL;
  case LUA_TBOOLEAN: return cJSON_CreateBool(lua_toboolean(L, idx));
  case LUA_TNUMBER: return json_number(L, idx);
  case LUA_TSTRING: return cJSON_CreateString(lua_tostring(L, idx));
  case LUA_TTABLE: {
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    int is_array = n > 0;
    if (!n) { /* empty or keyed */
      lua_pushnil(L);
      if (!lua_next(L, idx))
        is_array = 1; /* {} encodes as [] */
      else
        lua_pop(L, 2);
    }
    cJSON *out = is_array ? cJSON_CreateArray() : cJSON_CreateObject();
    if (!out)
      return NULL;
    if (is_array) {
      for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        cJSON *e = to_json(L, -1, depth + 1);
        lua_pop(L, 1);
        if (!e || !cJSON_AddItemToArray(out, e)) {
          cJSON_Delete(e);
          cJSON_Delete(out);
          return NULL;
        }
      }
    } else {
      lua_pushnil(L);
      while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
          lua_pop(L, 2);
          cJSON_Delete(out);
          return NULL;
        }
        cJSON *e = to_json(L, -1, depth + 1);
        if (!e || !cJSON_AddItemToObject(out, lua_tostring(L, -2), e)) {
          cJSON_Delete(e);
          lua_pop(L, 2);
          cJSON_Delete(out);
          return NULL;
        }
        lua_pop(L, 1);
      }
    }
    return out;
  }
  default: return NULL;
  }
}

/* json_encode(value) -> text (pretty-printed) */
static int j_encode(lua_State *L) {
  luaL_checkany(L, 1);
  json_box *b = push_json_box(L);
  b->root = to_json(L, 1, 0);
  if (!b->root)
    return luaL_error(L, "json_encode: only booleans, finite numbers, strings and tables with "
                         "string keys or 1..n keys can be encoded");
  b->text = cJSON_Print(b->root);
  if (!b->text)
    return luaL_error(L, "json_encode: out of memory");
  lua_pushstring(L, b->text); /* if this raises, the box's __gc frees both */
  json_box_clear(b);
  return 1;
}

void lt_open_json(lua_State *L) {
  lua_pushcfunction(L, j_decode);
  lua_setfield(L, -2, "json_decode");
  lua_pushcfunction(L, j_encode);
  lua_setfield(L, -2, "json_encode");
  lua_pushlightuserdata(L, NULL);
  lua_setfield(L, -2, "null"); /* JSON null for json_encode */
}
