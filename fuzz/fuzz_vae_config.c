/* AutoencoderKL config.json validation and the weight/config cross-check.
 *
 * Input: config JSON, a NUL byte, then one byte per weight lookup saying
 * what the "file" holds for that name (as fuzz_unet_config.c). A model that
 * builds encodes and decodes the smallest image its levels allow. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../csrc/core/vae.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_weights.h"

static void run(dt_vae *v) {
  const dt_vae_config *c = dt_vae_cfg(v);
  int64_t side = (int64_t)1 << (c->nlevels - 1);
  if (side > 8 || c->in_channels > 16 || c->latent_channels > 16)
    return;
  int64_t xs[4] = {1, c->in_channels, side, side};
  dt_tensor x = {0}, mean = {0}, std = {0}, out = {0};
  dt_err err;
  if (!dt_alloc(&x, xs, 4, NULL)) {
    for (int64_t k = 0; k < x.numel; k++)
      x.data[k] = (float)(k % 13) / 6.5f - 1.0f;
    if (!dt_vae_encode(v, &x, &mean, &std, &err))
      dt_vae_decode(v, &mean, &out, &err);
  }
  dt_free(&out);
  dt_free(&std);
  dt_free(&mean);
  dt_free(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t json_len;
  weights *w = fuzz_weights_new(data, size, &json_len);
  cJSON *root = cJSON_ParseWithLength((const char *)data, json_len);
  dt_vae_config cfg;
  dt_err err;
  if (!root || dt_vae_config_from_json(root, &cfg, &err)) {
    cJSON_Delete(root);
    fuzz_weights_free(w);
    return 0;
  }
  cJSON_Delete(root);
  dt_vae *v = NULL;
  if (dt_vae_new(&cfg, lookup, w, &v, &err) == DT_OK)
    run(v);
  dt_vae_free(v);
  fuzz_weights_free(w);
  return 0;
}
