/* DiTTransformer2DModel config.json validation and the weight/config cross-check.
 *
 * Input: config JSON, a NUL byte, then one byte per weight lookup saying
 * what the "file" holds for that name (as fuzz_unet_config.c). A model that
 * builds runs one forward pass on one patch-sized image, class 0. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../csrc/core/dit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_weights.h"

static void run(dt_dit *m) {
  const dt_dit_config *c = dt_dit_cfg(m);
  int64_t side = c->patch_size;
  if (side > 8 || c->in_channels > 16 || dt_graph_parameters(dt_dit_graph(m)) > (1 << 17))
    return;
  int64_t xs[4] = {1, c->in_channels, side, side};
  dt_tensor x = {0}, out = {0};
  dt_err err;
  if (!dt_alloc(&x, xs, 4, NULL)) {
    for (int64_t k = 0; k < x.numel; k++)
      x.data[k] = (float)(k % 13) / 6.5f - 1.0f;
    float t = 10.0f, label = 0.0f;
    dt_dit_forward(m, &x, &t, &label, &out, &err);
  }
  dt_free(&out);
  dt_free(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t json_len;
  weights *w = fuzz_weights_new(data, size, &json_len);
  cJSON *root = cJSON_ParseWithLength((const char *)data, json_len);
  dt_dit_config cfg;
  dt_err err;
  if (!root || dt_dit_config_from_json(root, &cfg, &err)) {
    cJSON_Delete(root);
    fuzz_weights_free(w);
    return 0;
  }
  cJSON_Delete(root);
  dt_dit *m = NULL;
  if (dt_dit_new(&cfg, lookup, w, &m, &err) == DT_OK)
    run(m);
  dt_dit_free(m);
  fuzz_weights_free(w);
  return 0;
}
