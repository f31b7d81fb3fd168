/* Two Lua states in one process, each with its own diffusion module: the C
 * core keeps no global mutable state (buffer pools, random generators, GC
 * accounting and models all belong to a state), so interleaved work in one
 * state never changes the numbers of the other, and closing one leaves the
 * other running. Run by spec/states_spec.lua:
 *   two_states <package.cpath> <repository root>
 * Prints "ok" and exits 0, or names the first mismatch and exits 1. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

static const char *SETUP = /* each state, same seed, same model */
    "local cpath, root = ...\n"
    "package.cpath = cpath\n"
    "package.path = root .. '/lua/?.lua;' .. root .. '/lua/?/init.lua;' .. package.path\n"
    "d = require 'diffusion'\n"
    "rng = d.rng(7)\n"
    "model = d.load(root .. '/spec/fixtures/diffusers/unet/tiny')\n"
    "io_t = d.load_safetensors(root .. '/spec/fixtures/diffusers/unet/tiny/io.safetensors')\n";

/* One step of work; returns a string fingerprint of what it computed. */
static const char *STEP =
    "local noise = rng:randn{2, 3, 8, 8}\n"
    "local out = model(io_t.sample + noise * 0.01, io_t.timestep_int)\n"
    "local x = d.sample{scheduler = 'DDIMScheduler', steps = 3, model = model, x = noise}\n"
    "return string.format('%.9g %.9g %.9g', noise:sum(), out:sum(), x:sum())\n";

static lua_State *open_state(const char *cpath, const char *root) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_loadstring(L, SETUP) != LUA_OK)
    return NULL;
  lua_pushstring(L, cpath);
  lua_pushstring(L, root);
  if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
    fprintf(stderr, "two_states: setup failed: %s\n", lua_tostring(L, -1));
    lua_close(L);
    return NULL;
  }
  return L;
}

/* Runs STEP in L; copies the fingerprint into out. */
static int step(lua_State *L, char *out, size_t len) {
  if (luaL_dostring(L, STEP) != LUA_OK) {
    fprintf(stderr, "two_states: step failed: %s\n", lua_tostring(L, -1));
    return 0;
  }
  snprintf(out, len, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: two_states <package.cpath> <repository root>\n");
    return 2;
  }
  enum { STEPS = 4 };
  char ref[STEPS][256], a[256], b[256];
  /* reference: one state alone */
  lua_State *solo = open_state(argv[1], argv[2]);
  if (!solo)
    return 1;
  for (int i = 0; i < STEPS; i++)
    if (!step(solo, ref[i], sizeof ref[i]))
      return 1;
  lua_close(solo);

  /* two states, interleaved; the second starts one step late */
  lua_State *A = open_state(argv[1], argv[2]), *B = open_state(argv[1], argv[2]);
  if (!A || !B)
    return 1;
  if (!step(A, a, sizeof a) || strcmp(a, ref[0]))
    goto mismatch;
  for (int i = 1; i < STEPS; i++) {
    if (!step(B, b, sizeof b) || strcmp(b, ref[i - 1]))
      goto mismatch;
    if (!step(A, a, sizeof a) || strcmp(a, ref[i]))
      goto mismatch;
  }
  lua_close(A); /* B carries on alone */
  if (!step(B, b, sizeof b) || strcmp(b, ref[STEPS - 1])) {
    fprintf(stderr, "two_states: after closing the other state: %s, expected %s\n", b,
            ref[STEPS - 1]);
    lua_close(B);
    return 1;
  }
  lua_close(B);
  printf("ok\n");
  return 0;
mismatch:
  fprintf(stderr, "two_states: interleaved results differ from a state alone (%s / %s)\n", a, b);
  return 1;
}
