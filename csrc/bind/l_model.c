/* The diffusion.Model userdata: a diffusers model in C. UNet2DModel and
 * UNet2DConditionModel are callable, model(x, t [, {class_labels = ...,
 * encoder_hidden_states = ...}]); an AutoencoderKL has vae:encode(images)
 * and vae:decode(latents). */
#include <stdlib.h>
#include <string.h>

#include "../core/clip.h"
#include "../core/dit.h"
#include "../core/unet.h"
#include "../core/vae.h"
#include "bind.h"

typedef struct {
  dt_unet *u;    /* a UNet, */
  dt_vae *vae;   /* or an autoencoder, */
  dt_clip *clip; /* or a text encoder, */
  dt_dit *dit;   /* or a DiT */
} lmodel;

/* The graphs a model runs (a UNet one, an autoencoder its encoder and decoder). */
static int model_graphs(lmodel *m, dt_graph **gs) {
  if (m->u) {
    gs[0] = dt_unet_graph(m->u);
    return 1;
  }
  if (m->clip) {
    gs[0] = dt_clip_graph(m->clip);
    return 1;
  }
  if (m->dit) {
    gs[0] = dt_dit_graph(m->dit);
    return 1;
  }
  gs[0] = dt_vae_encoder(m->vae);
  gs[1] = dt_vae_decoder(m->vae);
  return 2;
}

static void model_free(lmodel *m) {
  dt_unet_free(m->u);
  dt_vae_free(m->vae);
  dt_clip_free(m->clip);
  dt_dit_free(m->dit);
  m->u = NULL;
  m->vae = NULL;
  m->clip = NULL;
  m->dit = NULL;
}

/* Weights gathered from the Lua table into C arrays before the core runs, so
 * the lookup callback never touches Lua (and cannot raise mid-build). */
typedef struct {
  int n;
  const char **names;
  const dt_tensor **tensors;
  char *used;
} weight_set;

static int cmp_entry(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const dt_tensor *lookup(void *ctx, const char *name, int ndim, const int64_t *shape) {
  weight_set *ws = ctx;
  (void)ndim;
  (void)shape;
  const char **hit = bsearch(&name, ws->names, (size_t)ws->n, sizeof *ws->names, cmp_entry);
  if (!hit)
    return NULL;
  int i = (int)(hit - ws->names);
  ws->used[i] = 1;
  return ws->tensors[i];
}

/* The model's own references to its weights: a view of each weight tensor
 * (same storage, one more reference), in the sorted order of their names, so
 * that dropping, freeing or replacing the tensors handed out never leaves the
 * model pointing at released memory. */
typedef struct {
  int n;
  dt_tensor t[];
} weight_refs;

static int weight_refs_gc(lua_State *L) {
  weight_refs *r = lua_touserdata(L, 1);
  for (int i = 0; i < r->n; i++)
    dt_free(&r->t[i]);
  r->n = 0;
  return 0;
}

/* A weight_refs userdata for n tensors, empty, with the __gc that releases them. */
static weight_refs *push_weight_refs(lua_State *L, int n) {
  size_t bytes = sizeof(weight_refs) + ((size_t)n + 1) * sizeof(dt_tensor);
  weight_refs *r = lua_newuserdatauv(L, bytes, 0);
  memset(r, 0, bytes); /* empty tensors: dt_view replaces what a tensor held */
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, weight_refs_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  return r;
}

static lmodel *check_model(lua_State *L, int idx) {
  lmodel *m = luaL_checkudata(L, idx, DIFFUSION_MODEL);
  if (!m->u && !m->vae && !m->clip && !m->dit)
    luaL_argerror(L, idx, "model was freed");
  return m;
}

static const char *model_class_name(const lmodel *m) {
  return m->vae    ? (dt_vae_cfg(m->vae)->tiny ? "AutoencoderTiny" : "AutoencoderKL")
         : m->clip ? "CLIPTextModel"
         : m->dit  ? "DiTTransformer2DModel"
                   : "UNet";
}

/* a UNet, or an error naming what the model is (calling an autoencoder says how to use it) */
static lmodel *check_unet(lua_State *L, int idx, const char *what) {
  lmodel *m = check_model(L, idx);
  if (m->u)
    return m;
  if (m->vae && !strcmp(what, "model"))
    luaL_error(L, "model: an AutoencoderKL is not called: use vae:encode(images) or "
                  "vae:decode(latents)");
  luaL_error(L, "%s: only a UNet has this (the model is a %s)", what, model_class_name(m));
  return m;
}

static lmodel *check_vae(lua_State *L, int idx, const char *what) {
  lmodel *m = check_model(L, idx);
  if (!m->vae)
    luaL_error(L, "%s: the model is not an AutoencoderKL", what);
  return m;
}

static int m_gc(lua_State *L) {
  model_free(luaL_checkudata(L, 1, DIFFUSION_MODEL));
  return 0;
}

/* A model class: parses its config (before any weight is touched) and builds
 * the model over the weight lookup. */
typedef struct {
  dt_status (*parse)(const struct cJSON *root, void *cfg, dt_err *err);
  dt_status (*build)(const void *cfg, dt_weight_fn find, void *ctx, lmodel *m, dt_err *err);
} model_class;

static dt_status unet_parse(const struct cJSON *root, void *cfg, dt_err *err) {
  return dt_unet_config_from_json(root, cfg, err);
}
static dt_status unet_build(const void *cfg, dt_weight_fn find, void *ctx, lmodel *m, dt_err *err) {
  int used;
  return dt_unet_new(cfg, find, ctx, &m->u, &used, err);
}
static dt_status vae_parse(const struct cJSON *root, void *cfg, dt_err *err) {
  return dt_vae_config_from_json(root, cfg, err);
}
static dt_status vae_build(const void *cfg, dt_weight_fn find, void *ctx, lmodel *m, dt_err *err) {
  return dt_vae_new(cfg, find, ctx, &m->vae, err);
}
static dt_status clip_parse(const struct cJSON *root, void *cfg, dt_err *err) {
  return dt_clip_config_from_json(root, cfg, err);
}
static dt_status clip_build(const void *cfg, dt_weight_fn find, void *ctx, lmodel *m, dt_err *err) {
  return dt_clip_new(cfg, find, ctx, &m->clip, err);
}
static dt_status dit_parse(const struct cJSON *root, void *cfg, dt_err *err) {
  return dt_dit_config_from_json(root, cfg, err);
}
static dt_status dit_build(const void *cfg, dt_weight_fn find, void *ctx, lmodel *m, dt_err *err) {
  return dt_dit_new(cfg, find, ctx, &m->dit, err);
}
static const model_class UNET = {unet_parse, unet_build}, VAE = {vae_parse, vae_build},
                         CLIP = {clip_parse, clip_build}, DIT = {dit_parse, dit_build};

/* <class>_load(config_json, weights) -> model. The text is parsed once: into
 * the core's config and into the Lua table model.config. */
static int load_model(lua_State *L, const model_class *cls) {
  size_t len;
  const char *json = luaL_checklstring(L, 1, &len);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  const struct cJSON *root = lt_json_parse(L, json, len); /* slot 3: owns the tree */
  if (!root)
    return luaL_error(L, "load: config is not valid JSON");
  union {
    dt_unet_config unet;
    dt_vae_config vae;
    dt_clip_config clip;
    dt_dit_config dit;
  } cfg;
  dt_err err;
  if (cls->parse(root, &cfg, &err))
    return lt_raise(L, "load", &err);
  lt_push_json(L, root);
  lua_replace(L, 3); /* slot 3: the config table (the tree goes with its box) */
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    if (lua_type(L, -2) != LUA_TSTRING || !lt_test(L, -1))
      return luaL_error(L, "load: weights must map names to tensors");
    lua_pop(L, 1);
    n++;
  }
  /* scratch arrays owned by the GC; the names stay anchored in the table */
  weight_set ws = {n, lua_newuserdatauv(L, ((size_t)n + 1) * sizeof(char *), 0),
                   lua_newuserdatauv(L, ((size_t)n + 1) * sizeof(dt_tensor *), 0),
                   lua_newuserdatauv(L, (size_t)n + 1, 0)};
  int i = 0;
  lua_pushnil(L);
  while (lua_next(L, 2)) {
    ws.names[i++] = lua_tostring(L, -2);
    lua_pop(L, 1);
  }
  qsort(ws.names, (size_t)n, sizeof *ws.names, cmp_entry);
  lua_createtable(L, n, 0); /* the names, in order: model:weights() rebuilds the table from them */
  int names_idx = lua_gettop(L);
  weight_refs *refs = push_weight_refs(L, n);
  int refs_idx = lua_gettop(L);
  for (i = 0; i < n; i++) {
    lua_getfield(L, 2, ws.names[i]);
    const dt_tensor *src = lt_test(L, -1);
    lua_pop(L, 1);
    if (!src->storage)
      return luaL_error(L, "load: weight '%s' was freed", ws.names[i]);
    dt_err view_err;
    if (dt_view(&refs->t[i], src, 0, src->shape, src->ndim, &view_err))
      return lt_raise(L, "load", &view_err);
    refs->n = i + 1;
    ws.tensors[i] = &refs->t[i];
    lua_pushstring(L, ws.names[i]);
    lua_rawseti(L, names_idx, i + 1);
  }
  memset(ws.used, 0, (size_t)n + 1);
  lmodel *m = lua_newuserdatauv(L, sizeof *m, 4);
  m->u = NULL;
  m->vae = NULL;
  m->clip = NULL;
  m->dit = NULL;
  luaL_setmetatable(L, DIFFUSION_MODEL);
  lua_pushvalue(L, names_idx);
  lua_setiuservalue(L, -2, 1); /* the weights' names */
  lua_pushvalue(L, refs_idx);
  lua_setiuservalue(L, -2, 4); /* and the model's references to them */
  lua_pushvalue(L, 3);
  lua_setiuservalue(L, -2, 2);
  lua_newtable(L);
  lua_setiuservalue(L, -2, 3); /* fields the loader adds: schedule, scheduler_config */
  if (cls->build(&cfg, lookup, &ws, m, &err))
    return lt_raise(L, "load", &err);
  for (i = 0; i < n; i++)
    if (!ws.used[i]) {
      model_free(m);
      const dt_tensor *t = ws.tensors[i];
      char shape[160];
      lt_shape_str(t->shape, t->ndim, shape, sizeof shape);
      return luaL_error(L, "load: weight '%s' (shape %s) is not part of this config", ws.names[i],
                        shape);
    }
  return 1;
}

static int m_load(lua_State *L) { return load_model(L, &UNET); }
static int m_vae_load(lua_State *L) { return load_model(L, &VAE); }
static int m_clip_load(lua_State *L) { return load_model(L, &CLIP); }
static int m_dit_load(lua_State *L) { return load_model(L, &DIT); }

/* The weights a config implies: names and shapes, collected by building the
 * model against a recorder that answers every request with a shape-only
 * stand-in. */
typedef struct {
  int n, cap;
  char **names;
  dt_tensor *shapes;
} recorder;

static const dt_tensor *record(void *ctx, const char *name, int ndim, const int64_t *shape) {
  recorder *r = ctx;
  if (r->n == r->cap)
    return NULL; /* reported as missing: the cap is generous */
  size_t len = strlen(name) + 1;
  r->names[r->n] = malloc(len);
  if (!r->names[r->n])
    return NULL;
  memcpy(r->names[r->n], name, len);
  dt_tensor *t = &r->shapes[r->n++];
  memset(t, 0, sizeof *t);
  t->ndim = ndim;
  t->numel = 1;
  for (int i = 0; i < ndim; i++) {
    t->shape[i] = shape[i];
    t->numel *= shape[i];
  }
  return t;
}

typedef struct {
  recorder r;
} recorder_box;

static int recorder_gc(lua_State *L) {
  recorder_box *b = lua_touserdata(L, 1);
  for (int i = 0; i < b->r.n; i++)
    free(b->r.names[i]);
  b->r.n = 0;
  return 0;
}

/* unet_weight_shapes(config_json) -> {name = {shape...}} */
static int m_shapes(lua_State *L) {
  size_t len;
  const char *json = luaL_checklstring(L, 1, &len);
  dt_unet_config cfg;
  dt_err err;
  if (dt_unet_config_parse(json, len, &cfg, &err))
    return lt_raise(L, "unet", &err);
  const int cap = 1 << 14;
  recorder_box *b = lua_newuserdatauv(L, sizeof *b, 2);
  memset(b, 0, sizeof *b);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, recorder_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  b->r.cap = cap;
  b->r.names = lua_newuserdatauv(L, (size_t)cap * sizeof(char *), 0);
  lua_setiuservalue(L, -2, 1);
  b->r.shapes = lua_newuserdatauv(L, (size_t)cap * sizeof(dt_tensor), 0);
  lua_setiuservalue(L, -2, 2);
  dt_unet *u = NULL;
  int used = 0;
  if (dt_unet_new(&cfg, record, &b->r, &u, &used, &err))
    return lt_raise(L, "unet", &err);
  dt_unet_free(u);
  lua_createtable(L, 0, b->r.n);
  for (int i = 0; i < b->r.n; i++) {
    const dt_tensor *t = &b->r.shapes[i];
    lua_createtable(L, t->ndim, 0);
    for (int k = 0; k < t->ndim; k++) {
      lua_pushinteger(L, t->shape[k]);
      lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, b->r.names[i]);
  }
  return 1;
}

/* The arguments of model(x, t [, cond]) and model:trace: the sample, the
 * timesteps (scratch on the stack above the arguments) and the conditioning. */
static dt_unet_inputs check_call(lua_State *L, lmodel *m, const char *what) {
  dt_unet_inputs a = {lt_check(L, 2), NULL, NULL, NULL, NULL, NULL, NULL, NULL};
  if (a.x->ndim != 4)
    luaL_error(L, "%s: input must be an N x C x H x W tensor", what);
  int64_t n = a.x->shape[0];
  float *t = lua_newuserdatauv(L, (size_t)n * sizeof(float) + 1, 0); /* + 1: never size 0 */
  if (lua_type(L, 3) == LUA_TNUMBER) {
    float v = (float)lua_tonumber(L, 3);
    for (int64_t i = 0; i < n; i++)
      t[i] = v;
  } else {
    dt_tensor *tt = lt_test(L, 3);
    if (!tt || (tt->numel && !tt->data) || (tt->numel != n && tt->numel != 1))
      luaL_error(L, "%s: t must be a number or a tensor of %d timesteps", what, (int)n);
    for (int64_t i = 0; i < n; i++)
      t[i] = tt->data[tt->numel == 1 ? 0 : i];
  }
  a.t = t;
  if (lua_istable(L, 4)) {
    lua_getfield(L, 4, "class_labels");
    dt_tensor *lab = lt_test(L, -1);
    if (lab) {
      lt_require_float(L, lab, "class_labels");
      /* identity: rows as wide as the time embedding, which the core checks */
      if (m->u && dt_unet_cfg(m->u)->class_kind == DT_CLASS_IDENTITY)
        a.class_emb = lab;
      else if (!lab->data || lab->numel != n)
        luaL_error(L, "%s: class_labels must be a tensor of %d labels", what, (int)n);
      else
        a.labels = lab->data;
    } else if (!lua_isnil(L, -1)) {
      luaL_error(L, "%s: class_labels must be a tensor", what);
    }
    lua_pop(L, 1);
    static const char *const fields[4] = {"encoder_hidden_states", "timestep_cond", "text_embeds",
                                          "time_ids"};
    const dt_tensor **dst[4] = {&a.context, &a.timestep_cond, &a.text_embeds, &a.time_ids};
    for (int i = 0; i < 4; i++) {
      lua_getfield(L, 4, fields[i]);
      *dst[i] = lt_test(L, -1); /* stays referenced by the table */
      if (!*dst[i] && !lua_isnil(L, -1))
        luaL_error(L, "%s: %s must be a tensor", what, fields[i]);
      if (*dst[i])
        lt_require_float(L, *dst[i], fields[i]);
      lua_pop(L, 1);
    }
  } else if (!lua_isnoneornil(L, 4)) {
    luaL_error(L,
               "%s: conditioning must be a table such as {class_labels = t} or "
               "{encoder_hidden_states = e}",
               what);
  }
  return a;
}

/* te:encode(ids [, {hidden_states = true}]) -> {last_hidden_state =,
 * pooler_output = (or text_embeds = for the WithProjection class),
 * hidden_states = {embeddings, layer 1, ...} on request}; te(ids, opts) too */
static int m_encode_text(lua_State *L) {
  lmodel *m = check_model(L, 1);
  if (!m->clip)
    return luaL_error(L, "encode_text: the model is not a CLIP text encoder");
  const dt_tensor *ids = lt_check(L, 2);
  int want_hidden = 0;
  if (lua_istable(L, 3)) {
    lua_getfield(L, 3, "hidden_states");
    want_hidden = lua_toboolean(L, -1);
    lua_pop(L, 1);
  } else if (!lua_isnoneornil(L, 3)) {
    return luaL_error(L, "encode_text: options must be a table such as {hidden_states = true}");
  }
  const dt_clip_config *c = dt_clip_cfg(m->clip);
  lua_settop(L, 3);
  dt_tensor *last = lt_push_empty(L), *pooled = lt_push_empty(L); /* 4, 5 */
  dt_tensor *hidden = lua_newuserdatauv(L, sizeof(dt_tensor) * (DT_CLIP_MAX_LAYERS + 1), 0);
  memset(hidden, 0, sizeof(dt_tensor) * (DT_CLIP_MAX_LAYERS + 1));
  dt_err err;
  if (dt_clip_forward(m->clip, ids, last, pooled, want_hidden ? hidden : NULL, &err))
    return lt_raise(L, "encode_text", &err);
  lt_account(L, last);
  lt_account(L, pooled);
  lua_createtable(L, 0, 3);
  lua_pushvalue(L, 4);
  lua_setfield(L, -2, "last_hidden_state");
  lua_pushvalue(L, 5);
  lua_setfield(L, -2, c->with_projection ? "text_embeds" : "pooler_output");
  if (want_hidden) {
    lua_createtable(L, c->layers + 1, 0);
    for (int i = 0; i <= c->layers; i++) {
      dt_tensor *t = lt_push_empty(L);
      *t = hidden[i]; /* the reference moves into the tensor */
      memset(&hidden[i], 0, sizeof hidden[i]);
      lt_account(L, t);
      lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "hidden_states");
  }
  return 1;
}

/* model(x, t [, cond]) */
static int m_call(lua_State *L) {
  if (check_model(L, 1)->clip)
    return m_encode_text(L);
  lua_settop(L, 4); /* scratch below goes above the argument slots */
  lmodel *dm = check_model(L, 1);
  if (dm->dit) { /* model(x, t, {class_labels = labels}) */
    dt_unet_inputs a = check_call(L, dm, "model");
    if (a.context || a.timestep_cond || a.text_embeds || a.time_ids)
      return luaL_error(L, "model: a DiT takes class_labels, no text or added conditioning");
    dt_tensor *out = lt_push_empty(L);
    dt_err err;
    if (dt_dit_forward(dm->dit, a.x, a.t, a.labels, out, &err))
      return lt_raise(L, "model", &err);
    lt_account(L, out);
    return 1;
  }
  lmodel *m = check_unet(L, 1, "model");
  dt_unet_inputs a = check_call(L, m, "model");
  dt_tensor *out = lt_push_empty(L);
  dt_err err;
  if (dt_unet_forward(m->u, &a, out, &err))
    return lt_raise(L, "model", &err);
  lt_account(L, out);
  return 1;
}

/* A recorded forward pass: the values the backward pass reads. It holds
 * the model (uservalue 1), whose graph it runs backward. */
typedef struct {
  dt_pass *p;
} lpass;

static int pass_gc(lua_State *L) {
  lpass *p = luaL_checkudata(L, 1, DIFFUSION_PASS);
  dt_pass_free(p->p);
  p->p = NULL;
  return 0;
}

/* model:trace(x, t [, cond]) -> out, pass: the forward pass of a UNet or a
 * DiT, every value kept for pass:backward (training, vector-Jacobian products). */
static int m_trace(lua_State *L) {
  lua_settop(L, 4);
  lmodel *m = check_model(L, 1);
  if (!m->dit)
    check_unet(L, 1, "trace");
  dt_unet_inputs a = check_call(L, m, "trace");
  dt_tensor *out = lt_push_empty(L);
  lpass *p = lua_newuserdatauv(L, sizeof *p, 1);
  p->p = NULL;
  luaL_setmetatable(L, DIFFUSION_PASS);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  dt_err err;
  if (m->dit ? dt_dit_record(m->dit, a.x, a.t, a.labels, &p->p, out, &err)
             : dt_unet_record(m->u, &a, &p->p, out, &err))
    return lt_raise(L, "trace", &err);
  lt_account(L, out);
  return 2;
}

/* pass:backward(gout [, {input_only = true}]) -> grads, gx: grads maps each
 * trainable weight the pass used to dLoss/dweight (none with input_only),
 * gx is dLoss/dx. A pass runs backward once. */
static int pass_backward(lua_State *L) {
  lpass *p = luaL_checkudata(L, 1, DIFFUSION_PASS);
  const dt_tensor *gout = lt_check(L, 2);
  int input_only = 0;
  if (lua_istable(L, 3)) {
    lua_getfield(L, 3, "input_only");
    input_only = lua_toboolean(L, -1);
    lua_pop(L, 1);
  } else if (!lua_isnoneornil(L, 3)) {
    return luaL_error(L, "backward: options must be a table such as {input_only = true}");
  }
  lua_settop(L, 3);
  if (!p->p)
    return luaL_error(L, "backward: this pass already ran backward");
  lua_getiuservalue(L, 1, 1);
  lmodel *m = luaL_checkudata(L, 4, DIFFUSION_MODEL);
  if (!m->u && !m->dit)
    return luaL_error(L, "backward: the model was freed");
  dt_graph *g = m->u ? dt_unet_graph(m->u) : dt_dit_graph(m->dit);
  int nw = dt_graph_nweights(g);
  /* the weight gradients live in a GC'd box until they become tensors */
  weight_refs *gw = push_weight_refs(L, nw);
  gw->n = nw;
  dt_tensor *gx = lt_push_empty(L);
  dt_err err;
  if (dt_graph_backward(g, p->p, gout, gx, input_only ? NULL : gw->t, &err))
    return lt_raise(L, "backward", &err); /* a bad gradient leaves the pass as it was */
  dt_pass_free(p->p);
  p->p = NULL;
  lt_account(L, gx);
  lua_createtable(L, 0, input_only ? 0 : nw);
  for (int i = 0; i < nw && !input_only; i++) {
    if (!gw->t[i].storage)
      continue;
    dt_tensor *t = lt_push_empty(L);
    *t = gw->t[i]; /* the reference moves into the tensor */
    memset(&gw->t[i], 0, sizeof gw->t[i]);
    lt_account(L, t);
    lua_setfield(L, -2, dt_graph_weight_name(g, i));
  }
  lua_insert(L, -2);
  return 2;
}

static int64_t model_parameters(lmodel *m) {
  dt_graph *gs[2];
  int64_t n = 0;
  for (int i = 0, k = model_graphs(m, gs); i < k; i++)
    n += dt_graph_parameters(gs[i]);
  return n;
}

/* vae:encode(images) -> mean, std (the posterior, N x latent x h x w); an
 * AutoencoderTiny's -> latents */
static int m_encode(lua_State *L) {
  lmodel *m = check_vae(L, 1, "encode");
  const dt_tensor *x = lt_check(L, 2);
  dt_tensor *mean = lt_push_empty(L), *std = lt_push_empty(L);
  dt_err err;
  if (dt_vae_encode(m->vae, x, mean, std, &err))
    return lt_raise(L, "encode", &err);
  lt_account(L, mean);
  if (dt_vae_cfg(m->vae)->tiny) { /* AutoencoderTiny: the latents alone */
    lua_pop(L, 1);
    return 1;
  }
  lt_account(L, std);
  return 2;
}

/* vae:moments(images) -> the encoder's raw output (mean and logvar, unclamped) */
static int m_moments(lua_State *L) {
  lmodel *m = check_vae(L, 1, "moments");
  const dt_tensor *x = lt_check(L, 2);
  dt_tensor *out = lt_push_empty(L);
  dt_err err;
  if (dt_vae_moments(m->vae, x, out, &err))
    return lt_raise(L, "moments", &err);
  lt_account(L, out);
  return 1;
}

/* vae:decode(latents) -> images */
static int m_decode(lua_State *L) {
  lmodel *m = check_vae(L, 1, "decode");
  const dt_tensor *z = lt_check(L, 2);
  dt_tensor *out = lt_push_empty(L);
  dt_err err;
  if (dt_vae_decode(m->vae, z, out, &err))
    return lt_raise(L, "decode", &err);
  lt_account(L, out);
  return 1;
}

/* model:memory() -> {scratch =, pooled =, peak_activations =}: bytes of its
 * workspace (shared with the other components of a pipeline:
 * model:share_workspace) and its largest pass's live activations */
static int m_memory(lua_State *L) {
  lmodel *m = check_model(L, 1);
  size_t scratch = 0, pooled = 0, peak = 0;
  dt_graph *gs[2];
  for (int i = 0, n = model_graphs(m, gs); i < n; i++) {
    size_t k;
    dt_graph_memory(gs[i], &scratch, &pooled, &k); /* a model's graphs share one workspace */
    peak = k > peak ? k : peak;
  }
  lua_createtable(L, 0, 3);
  lua_pushinteger(L, (lua_Integer)scratch);
  lua_setfield(L, -2, "scratch");
  lua_pushinteger(L, (lua_Integer)pooled);
  lua_setfield(L, -2, "pooled");
  lua_pushinteger(L, (lua_Integer)peak);
  lua_setfield(L, -2, "peak_activations");
  return 1;
}

/* model:release_memory(): gives back what its workspace holds between runs
 * (cached buffers, the staging area of 16-bit weights) and the allocator's
 * free pages; the next run makes what it needs again. */
static int m_release_memory(lua_State *L) {
  dt_graph *gs[2];
  model_graphs(check_model(L, 1), gs);
  dt_graph_release_memory(gs[0]); /* a model's graphs share one workspace */
  return 0;
}

/* model:share_workspace(other): from now on the model runs in other's
 * workspace (scratch, buffer pool, Winograd cache budget): for models that
 * never run at once, as a pipeline's components, which then need the
 * largest one's working memory instead of the sum. */
static int m_share_workspace(lua_State *L) {
  lmodel *m = check_model(L, 1), *other = check_model(L, 2);
  dt_graph *gs[2], *with[2];
  model_graphs(other, with);
  for (int i = 0, n = model_graphs(m, gs); i < n; i++)
    dt_graph_share_workspace(gs[i], with[0]);
  return 0;
}

/* model:winograd(setting): Winograd for 3x3 convolutions. setting: a pixel
 * count (on maps of at least that many pixels; 0 turns it off), true (the
 * default DT_WINOGRAD_MIN_PIXELS), false (off), or a table {min_pixels =,
 * cache = bytes the weights' transforms may keep (false: none, true: no
 * limit)}, its missing keys keeping their setting. The budget is its
 * workspace's (model:share_workspace). Returns the settings and the bytes
 * kept now: {min_pixels =, cache =, cached =}; cache is false for no limit. */
static int winograd_count(lua_State *L, int idx, const char *key, lua_Integer max) {
  if (!lua_isinteger(L, idx))
    return luaL_error(L, "winograd: %s must be an integer, got %s", key, luaL_typename(L, idx));
  lua_Integer v = lua_tointeger(L, idx);
  if (v < 0 || v > max)
    return luaL_error(L, "winograd: %s must be >= 0, got %I", key, v);
  return 0;
}

static int m_winograd(lua_State *L) {
  lmodel *m = check_model(L, 1);
  dt_graph *gs[2];
  int n = model_graphs(m, gs);
  int px = DT_WINOGRAD_MIN_PIXELS;
  size_t budget = DT_WINOGRAD_CACHE, cached = 0;
  if (n > 0)
    dt_graph_winograd(gs[0], &px, &budget, &cached);
  if (lua_isboolean(L, 2)) {
    px = lua_toboolean(L, 2) ? DT_WINOGRAD_MIN_PIXELS : 0;
  } else if (lua_istable(L, 2)) {
    lua_pushnil(L);
    while (lua_next(L, 2)) {
      const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
      if (strcmp(key, "min_pixels") && strcmp(key, "cache"))
        return luaL_error(L, "winograd: unknown option '%s' (min_pixels, cache)",
                          luaL_tolstring(L, -2, NULL));
      lua_pop(L, 1);
    }
    if (lua_getfield(L, 2, "min_pixels") != LUA_TNIL) {
      winograd_count(L, -1, "min_pixels", 1 << 30);
      px = (int)lua_tointeger(L, -1);
    }
    if (lua_getfield(L, 2, "cache") == LUA_TBOOLEAN) {
      budget = lua_toboolean(L, -1) ? DT_WINOGRAD_CACHE : 0;
    } else if (!lua_isnil(L, -1)) {
      winograd_count(L, -1, "cache", LUA_MAXINTEGER);
      budget = (size_t)lua_tointeger(L, -1);
    }
    lua_pop(L, 2);
  } else if (!lua_isnone(L, 2)) {
    winograd_count(L, 2, "min_pixels", 1 << 30);
    px = (int)lua_tointeger(L, 2);
  }
  if (!lua_isnone(L, 2))
    for (int i = 0; i < n; i++)
      dt_graph_set_winograd(gs[i], px, budget);
  if (n > 0) /* the workspace's: its graphs' (and those sharing it) */
    dt_graph_winograd(gs[0], &px, &budget, &cached);
  lua_createtable(L, 0, 3);
  lua_pushinteger(L, px);
  lua_setfield(L, -2, "min_pixels");
  if (budget == DT_WINOGRAD_CACHE)
    lua_pushboolean(L, 0);
  else
    lua_pushinteger(L, (lua_Integer)budget);
  lua_setfield(L, -2, "cache");
  lua_pushinteger(L, (lua_Integer)cached);
  lua_setfield(L, -2, "cached");
  return 1;
}

static int m_flops(lua_State *L) {
  dt_graph *gs[2];
  double flops = 0;
  for (int i = 0, n = model_graphs(check_model(L, 1), gs); i < n; i++)
    flops += dt_graph_last_flops(gs[i]);
  lua_pushnumber(L, flops);
  return 1;
}

static int m_parameters(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)model_parameters(check_model(L, 1)));
  return 1;
}

/* model:weights() -> {name = tensor}: a fresh table of views of the model's
 * weights (the same memory, so edits in place reach the model); dropping,
 * freeing or replacing them leaves the model's own references alone. */
static int m_weights(lua_State *L) {
  check_model(L, 1);
  lua_getiuservalue(L, 1, 1);
  lua_getiuservalue(L, 1, 4);
  const weight_refs *refs = lua_touserdata(L, -1);
  lua_createtable(L, 0, refs->n);
  for (int i = 0; i < refs->n; i++) {
    lua_rawgeti(L, -3, i + 1);
    dt_tensor *t = lt_push_empty(L);
    dt_err err;
    if (dt_view(t, &refs->t[i], 0, refs->t[i].shape, refs->t[i].ndim, &err))
      return lt_raise(L, "weights", &err);
    lua_rawset(L, -3);
  }
  return 1;
}

/* model:layout() -> the config as the model resolved it (diffusers' defaults
 * filled in): levels, per-level channels and attention, embedding kinds, ...
 * (what the trainer checks data and labels against) */
static int m_layout(lua_State *L) {
  lmodel *m = check_unet(L, 1, "layout");
  const dt_unet_config *c = dt_unet_cfg(m->u);
  static const char *const acts[] = {"none", "silu",       "mish", "gelu",
                                     "relu", "quick_gelu", "tanh", "gelu_tanh"};
  static const char *const times[] = {"positional", "fourier", "learned"};
  static const char *const classes[] = {"none", "table", "timestep", "identity"};
  lua_createtable(L, 0, 32);
#define SETI(name, v) (lua_pushinteger(L, (v)), lua_setfield(L, -2, name))
#define SETB(name, v) (lua_pushboolean(L, (v)), lua_setfield(L, -2, name))
#define SETN(name, v) (lua_pushnumber(L, (v)), lua_setfield(L, -2, name))
#define SETS(name, v) (lua_pushstring(L, (v)), lua_setfield(L, -2, name))
  SETI("in_channels", c->in_channels);
  SETI("out_channels", c->out_channels);
  SETI("levels", c->nlevels);
  SETI("layers_per_block", c->layers_per_block);
  SETB("mid_block", c->mid_block);
  SETB("add_attention", c->add_attention);
  SETI("attention_head_dim", c->attention_head_dim);
  SETI("attn_norm_num_groups", c->attn_norm_num_groups);
  SETI("norm_num_groups", c->norm_num_groups);
  SETN("norm_eps", c->norm_eps);
  SETS("act", acts[c->act]);
  SETB("center_input_sample", c->center_input_sample);
  SETB("flip_sin_to_cos", c->flip_sin_to_cos);
  SETN("freq_shift", c->freq_shift);
  SETS("time_embedding", times[c->time_kind]);
  SETI("time_embedding_dim", c->time_embedding_dim ? c->time_embedding_dim : 4 * c->block_out[0]);
  SETI("num_train_timesteps", c->num_train_timesteps);
  SETS("class_embedding", classes[c->class_kind]);
  SETI("num_class_embeds", c->num_class_embeds);
  SETI("downsample_padding", c->downsample_padding);
  SETB("downsample_resnet", c->downsample_resnet);
  SETB("upsample_resnet", c->upsample_resnet);
  SETB("scale_shift", c->scale_shift);
  SETN("mid_block_scale_factor", c->mid_block_scale_factor);
#undef SETI
#undef SETB
#undef SETN
#undef SETS
  const char *lists[3] = {"block_out_channels", "down_attention", "up_attention"};
  const int *vals[3] = {c->block_out, c->down_attn, c->up_attn};
  for (int k = 0; k < 3; k++) {
    lua_createtable(L, c->nlevels, 0);
    for (int i = 0; i < c->nlevels; i++) {
      if (k == 0)
        lua_pushinteger(L, vals[k][i]);
      else
        lua_pushboolean(L, vals[k][i]);
      lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, lists[k]);
  }
  return 1;
}

static int m_index(lua_State *L) {
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "config") == 0) {
    lua_getiuservalue(L, 1, 2);
    return 1;
  }
  lua_getiuservalue(L, 1, 3);
  if (lua_getfield(L, -1, k) != LUA_TNIL)
    return 1;
  luaL_getmetatable(L, DIFFUSION_MODEL);
  lua_getfield(L, -1, "methods");
  lua_getfield(L, -1, k);
  return 1;
}

/* model.field = value keeps extra fields (the loader's schedule, ...) */
static int m_newindex(lua_State *L) {
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "config") == 0)
    return luaL_error(L, "model: 'config' is read-only");
  lua_getiuservalue(L, 1, 3);
  lua_pushvalue(L, 3);
  lua_setfield(L, -2, k);
  return 0;
}

static int m_tostring(lua_State *L) {
  lmodel *m = luaL_checkudata(L, 1, DIFFUSION_MODEL);
  if (!m->u && !m->vae && !m->clip && !m->dit) {
    lua_pushliteral(L, "diffusion.Model (freed)");
    return 1;
  }
  if (m->dit) {
    const dt_dit_config *c = dt_dit_cfg(m->dit);
    lua_pushfstring(L, "diffusion.Model(DiTTransformer2DModel, %d layers, width %d, %I parameters)",
                    c->layers, c->heads * c->head_dim, (lua_Integer)model_parameters(m));
    return 1;
  }
  if (m->clip) {
    const dt_clip_config *c = dt_clip_cfg(m->clip);
    lua_pushfstring(L, "diffusion.Model(%s, %d layers, width %d, %I parameters)",
                    c->with_projection ? "CLIPTextModelWithProjection" : "CLIPTextModel", c->layers,
                    c->hidden_size, (lua_Integer)model_parameters(m));
    return 1;
  }
  if (m->vae) {
    const dt_vae_config *c = dt_vae_cfg(m->vae);
    lua_pushfstring(L, "diffusion.Model(%s, %d levels, %d -> %d latent channels, %I parameters)",
                    c->tiny ? "AutoencoderTiny" : "AutoencoderKL", c->nlevels, c->in_channels,
                    c->latent_channels, (lua_Integer)model_parameters(m));
    return 1;
  }
  const dt_unet_config *c = dt_unet_cfg(m->u);
  lua_pushfstring(L, "diffusion.Model(%s, %d levels, %d -> %d channels, %I parameters)",
                  c->conditional ? "UNet2DConditionModel" : "UNet2DModel", c->nlevels,
                  c->in_channels, c->out_channels, (lua_Integer)model_parameters(m));
  return 1;
}

static int m_save(lua_State *L) {
  check_model(L, 1);
  luaL_checkstring(L, 2);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "diffusion.model");
  lua_call(L, 1, 1);
  lua_getfield(L, -1, "save");
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_call(L, 2, 0);
  return 0;
}

static const luaL_Reg methods[] = {
    {"save", m_save},
    {"flops", m_flops},
    {"winograd", m_winograd},
    {"memory", m_memory},
    {"release_memory", m_release_memory},
    {"share_workspace", m_share_workspace},
    {"parameters", m_parameters},
    {"weights", m_weights},
    {"layout", m_layout},
    {"trace", m_trace},
    {"encode", m_encode},
    {"moments", m_moments},
    {"encode_text", m_encode_text},
    {"decode", m_decode},
    {"free", m_gc},
    {NULL, NULL},
};

void lt_open_model(lua_State *L) {
  luaL_newmetatable(L, DIFFUSION_MODEL);
  lua_pushcfunction(L, m_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, m_gc);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, m_call);
  lua_setfield(L, -2, "__call");
  lua_pushcfunction(L, m_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, m_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, m_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "methods");
  lua_pop(L, 1);
  luaL_newmetatable(L, DIFFUSION_PASS);
  lua_pushcfunction(L, pass_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, pass_gc);
  lua_setfield(L, -2, "__close");
  lua_newtable(L);
  lua_pushcfunction(L, pass_backward);
  lua_setfield(L, -2, "backward");
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_pushcfunction(L, m_load);
  lua_setfield(L, -2, "unet_load");
  lua_pushcfunction(L, m_vae_load);
  lua_setfield(L, -2, "vae_load");
  lua_pushcfunction(L, m_clip_load);
  lua_setfield(L, -2, "clip_load");
  lua_pushcfunction(L, m_dit_load);
  lua_setfield(L, -2, "dit_load");
  lua_pushcfunction(L, m_shapes);
  lua_setfield(L, -2, "unet_weight_shapes");
}
