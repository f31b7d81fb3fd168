/* UNet config.json validation and the weight/config cross-check.
 *
 * Input: config JSON, a NUL byte, then one byte per weight lookup saying
 * what the "file" holds for that name: the expected tensor, nothing, a tensor
 * with one dimension off, or a flattened one (the bytes cycle; none means
 * every weight is right). A model that builds runs one forward pass on the
 * smallest input its levels allow. */
#include <stdlib.h>
#include <string.h>

#include "../csrc/core/unet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_weights.h"

static void run_forward(dt_unet *u) {
  const dt_unet_config *c = dt_unet_cfg(u);
  int64_t side = (int64_t)1 << (c->nlevels - 1);
  if (side > 8 || dt_graph_parameters(dt_unet_graph(u)) > (1 << 17))
    return; /* keeps each input to a few milliseconds */
  int64_t xs[4] = {1, c->in_channels, side, side};
  int temb = c->time_embedding_dim ? c->time_embedding_dim : 4 * c->block_out[0];
  int64_t es[2] = {1, temb};
  dt_tensor x = {0}, emb = {0}, out = {0};
  dt_err err;
  if (!dt_alloc(&x, xs, 4, NULL) && !dt_alloc(&emb, es, 2, NULL)) {
    for (int64_t k = 0; k < x.numel; k++)
      x.data[k] = (float)(k % 13) / 6.5f - 1.0f;
    dt_fill(&emb, 0.25f);
    float t = 10.0f, label = 0.0f;
    int labels = c->class_kind == DT_CLASS_TABLE || c->class_kind == DT_CLASS_TIMESTEP;
    const dt_tensor *cond = c->class_kind == DT_CLASS_IDENTITY ? &emb : NULL;
    dt_tensor ctx = {0}; /* UNet2DConditionModel: three tokens of text */
    int64_t cs[3] = {1, 3, c->cross_attention_dim};
    if (c->conditional && !dt_alloc(&ctx, cs, 3, NULL))
      dt_fill(&ctx, 0.5f);
    /* SDXL's pooled text and ids, LCM's guidance embedding, where the config takes them */
    dt_tensor tc = {0}, te = {0}, ti = {0};
    int64_t tcs[2] = {1, c->time_cond_proj_dim ? c->time_cond_proj_dim : 1};
    int64_t tis[2] = {1, 2}, tes[2] = {1, c->projection_input_dim - 2 * c->addition_time_embed_dim};
    int text_time = c->text_time && tes[1] > 0;
    if (c->time_cond_proj_dim && !dt_alloc(&tc, tcs, 2, NULL))
      dt_fill(&tc, 0.1f);
    if (text_time && !dt_alloc(&te, tes, 2, NULL) && !dt_alloc(&ti, tis, 2, NULL)) {
      dt_fill(&te, 0.2f);
      dt_fill(&ti, 64.0f);
    }
    dt_unet_inputs in = {&x,
                         &t,
                         labels ? &label : NULL,
                         cond,
                         c->conditional ? &ctx : NULL,
                         tc.data ? &tc : NULL,
                         te.data ? &te : NULL,
                         ti.data ? &ti : NULL};
    dt_unet_forward(u, &in, &out, &err);
    dt_free(&out);
    /* and backward: every op's gradient over the same graph */
    dt_pass *pass = NULL;
    dt_graph *g = dt_unet_graph(u);
    dt_tensor *gw = calloc((size_t)dt_graph_nweights(g) + 1, sizeof *gw);
    if (gw && !dt_unet_record(u, &in, &pass, &out, &err)) {
      dt_tensor gx = {0};
      dt_graph_backward(g, pass, &out, &gx, gw, &err);
      dt_free(&gx);
    }
    for (int i = 0; gw && i < dt_graph_nweights(g); i++)
      dt_free(&gw[i]);
    free(gw);
    dt_pass_free(pass);
    dt_free(&ctx);
    dt_free(&tc);
    dt_free(&te);
    dt_free(&ti);
  }
  dt_free(&out);
  dt_free(&emb);
  dt_free(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t json_len;
  weights *w = fuzz_weights_new(data, size, &json_len);
  dt_unet_config cfg;
  dt_err err;
  if (dt_unet_config_parse((const char *)data, json_len, &cfg, &err)) {
    fuzz_weights_free(w);
    return 0;
  }
  dt_unet *u = NULL;
  int used = 0;
  if (dt_unet_new(&cfg, lookup, w, &u, &used, &err) == DT_OK) {
    if (used != w->nheld)
      abort(); /* every tensor handed out was counted */
    run_forward(u);
  }
  dt_unet_free(u);
  fuzz_weights_free(w);
  return 0;
}
