/* diffusers scheduler_config.json, through the Lua front end: a Lua state
 * with the module linked in runs fuzz/scheduler_config.lua on every input.
 * Clear Lua errors are expected; runtime errors from unchecked values,
 * non-finite samples, and of course crashes are findings. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>

int luaopen_diffusion_core(lua_State *L);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lua_State *L;
static int harness = LUA_NOREF;

static void setup(void) {
  /* the repository root: the build's, or DIFFUSION_ROOT for a copy elsewhere */
  const char *root = getenv("DIFFUSION_ROOT");
  if (!root)
    root = DIFFUSION_ROOT;
  L = luaL_newstate();
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_diffusion_core);
  lua_setfield(L, -2, "diffusion.core");
  lua_pop(L, 1);
  const char *init =
      "local root = ...\n"
      "package.path = root .. '/lua/?.lua;' .. root .. '/lua/?/init.lua;' .. package.path\n"
      "return dofile(root .. '/fuzz/scheduler_config.lua')";
  if (luaL_loadstring(L, init) != LUA_OK) {
    fprintf(stderr, "fuzz_scheduler_config: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_pushstring(L, root);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    fprintf(stderr, "fuzz_scheduler_config: %s\n", lua_tostring(L, -1));
    abort();
  }
  harness = luaL_ref(L, LUA_REGISTRYINDEX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!L)
    setup();
  lua_rawgeti(L, LUA_REGISTRYINDEX, harness);
  lua_pushlstring(L, (const char *)data, size);
  lua_call(L, 1, 1);
  const char *outcome = lua_tostring(L, -1);
  if (!outcome || outcome[0] == 'b') {
    fprintf(stderr, "fuzz_scheduler_config: %s\n", outcome ? outcome : "(no outcome)");
    abort();
  }
  lua_pop(L, 1);
  return 0;
}
