/* transformers' CLIPTextModel and CLIPTextModelWithProjection: the text
 * tower of CLIP (token and position embeddings, pre-LN transformer layers
 * under a causal mask, the final layer norm), its pooled output at the end
 * token, and the projection. One graph, whose outputs are every hidden
 * state (clip.c). */
#ifndef DIFFUSION_CLIP_H
#define DIFFUSION_CLIP_H

#include "graph.h"

#define DT_CLIP_MAX_LAYERS 48

typedef struct {
  int vocab_size, hidden_size, intermediate_size, layers, heads, max_positions;
  int projection_dim; /* text_projection's width (WithProjection) */
  int with_projection;
  int eos_token_id;
  dt_act act;
  float eps;
} dt_clip_config;

struct cJSON;
dt_status dt_clip_config_from_json(const struct cJSON *root, dt_clip_config *cfg, dt_err *err);

typedef struct dt_clip dt_clip;
dt_status dt_clip_new(const dt_clip_config *cfg, dt_weight_fn lookup, void *ctx, dt_clip **out,
                      dt_err *err);
void dt_clip_free(dt_clip *c); /* NULL is fine */
const dt_clip_config *dt_clip_cfg(const dt_clip *c);
dt_graph *dt_clip_graph(dt_clip *c);

/* ids (N, L) token ids (integers in float32, L <= max_position_embeddings).
 * last: (N, L, hidden), after the final layer norm; pooled: (N, hidden) at
 * each row's end token (the argmax of the ids when eos_token_id is the legacy
 * 2, as transformers does, else the first eos_token_id), projected to (N,
 * projection_dim) for the WithProjection class; hidden, when not NULL:
 * layers + 1 tensors (N, L, hidden), the embeddings and each layer's output
 * before the final norm (transformers' hidden_states). */
dt_status dt_clip_forward(dt_clip *c, const dt_tensor *ids, dt_tensor *last, dt_tensor *pooled,
                          dt_tensor *hidden, dt_err *err);

#endif
