/* luaopen_diffusion_core: the module's one exported symbol. */
#include "bind.h"

__attribute__((visibility("default"))) int luaopen_diffusion_core(lua_State *L);

int luaopen_diffusion_core(lua_State *L) {
  luaL_checkversion(L);
  lua_newtable(L);
  lt_open_tensor(L); /* first: creates module.Tensor, the methods table */
  lt_open_math(L);
  lt_open_rng(L);
  lt_open_io(L);
  lua_pushliteral(L, DIFFUSION_TENSOR);
  lua_setfield(L, -2, "TENSOR_TYPE");
  return 1;
}
