/* The graph (graph.h): building, the forward interpreter (inference and
 * recording) and the backward interpreter over the same op list. */
#include "graph.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"

struct dt_graph {
  int ninputs, nvalues, output; /* the output: outputs[0] */
  int outputs[DT_GRAPH_MAX_OUTPUTS], noutputs;
  dt_op *ops;
  int nops, cap_ops;
  char **wnames;
  const dt_tensor **wt;
  int nw, cap_w;
  dt_weight_fn lookup;
  void *ctx;
  dt_status st;
  dt_err err;
  int lookups;
  int64_t nparams;
  /* from dt_graph_finish */
  int *last_use;       /* per value: the last op that reads it; -1: none */
  char *dep_x, *dep_w; /* per value: depends on input 0; on a trainable weight */
  dt_tensor *vals;     /* the inference pass's values */
  /* running */
  dt_pool *pool;
  dt_op_ctx run;
  size_t live_bytes, peak_bytes;
};

struct dt_pass {
  int nvalues; /* (its own count: the pass may outlive the graph) */
  dt_tensor *vals;
};

dt_graph *dt_graph_new(int ninputs, dt_weight_fn lookup, void *ctx) {
  dt_graph *g = calloc(1, sizeof *g);
  if (!g)
    return NULL;
  g->ninputs = g->nvalues = ninputs;
  g->output = -1;
  g->lookup = lookup;
  g->ctx = ctx;
  g->run.winograd_min_pixels = DT_WINOGRAD_MIN_PIXELS;
  g->run.ws = calloc(1, sizeof *g->run.ws);
  if (!g->run.ws) {
    free(g);
    return NULL;
  }
  g->run.ws->winograd_budget = DT_WINOGRAD_CACHE;
  g->run.ws->refs = 1;
  return g;
}

static void workspace_release(dt_workspace *ws) {
  if (--ws->refs == 0) {
    free(ws->scratch);
    free(ws->staging);
    free(ws);
  }
}

static void drop_transforms(dt_graph *g) {
  for (int i = 0; i < g->nops; i++)
    dt_op_drop_cache(&g->run, &g->ops[i]);
}

void dt_graph_free(dt_graph *g) {
  if (!g)
    return;
  drop_transforms(g);
  for (int i = 0; i < g->nw; i++)
    free(g->wnames[i]);
  if (g->vals)
    for (int i = 0; i < g->nvalues; i++)
      dt_free(&g->vals[i]);
  free(g->ops);
  free(g->wnames);
  free(g->wt);
  free(g->last_use);
  free(g->dep_x);
  free(g->dep_w);
  free(g->vals);
  workspace_release(g->run.ws);
  dt_pool_release(g->pool);
  free(g);
}

void dt_graph_fail(dt_graph *g, const char *fmt, ...) {
  if (g->st)
    return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g->err.msg, sizeof g->err.msg, fmt, ap);
  va_end(ap);
  g->st = DT_EFORMAT;
}

static void out_of_memory(dt_graph *g) {
  if (!g->st)
    g->st = dt_fail(&g->err, DT_ENOMEM, "out of memory building the model");
}

int dt_graph_weight(dt_graph *g, const char *name, int ndim, const int64_t *shape) {
  if (g->st)
    return -1;
  char want[160];
  dt_shape_format(shape, ndim, want, sizeof want);
  const dt_tensor *t = g->lookup(g->ctx, name, ndim, shape);
  if (!t) {
    dt_graph_fail(g, "weight '%s' (shape %s) is missing", name, want);
    return -1;
  }
  g->lookups++;
  int ok = t->ndim == ndim;
  for (int i = 0; ok && i < ndim; i++)
    ok = t->shape[i] == shape[i];
  if (!ok) {
    char got[160];
    dt_shape_format(t->shape, t->ndim, got, sizeof got);
    dt_graph_fail(g, "weight '%s' has shape %s, the config implies %s", name, got, want);
    return -1;
  }
  if (g->nw == g->cap_w) {
    int cap = g->cap_w ? 2 * g->cap_w : 64;
    char **names = realloc(g->wnames, (size_t)cap * sizeof *names);
    if (names)
      g->wnames = names;
    const dt_tensor **wt = realloc(g->wt, (size_t)cap * sizeof *wt);
    if (wt)
      g->wt = wt;
    if (!names || !wt) {
      out_of_memory(g);
      return -1;
    }
    g->cap_w = cap;
  }
  size_t len = strlen(name) + 1;
  char *copy = malloc(len);
  if (!copy) {
    out_of_memory(g);
    return -1;
  }
  memcpy(copy, name, len);
  g->wnames[g->nw] = copy;
  g->wt[g->nw] = t;
  g->nparams += t->numel;
  return g->nw++;
}

dt_op dt_op_make(dt_op_kind kind, int a, int b) {
  dt_op op;
  memset(&op, 0, sizeof op);
  op.kind = kind;
  op.in[0] = a;
  op.in[1] = b;
  for (int i = 0; i < DT_OP_MAX_WEIGHTS; i++)
    op.w[i] = -1;
  return op;
}

int dt_graph_op(dt_graph *g, const dt_op *op) {
  if (g->st)
    return -1;
  for (int j = 0; j < 2; j++)
    if (op->in[j] >= g->nvalues || op->in[j] < -1 || (j == 0 && op->in[0] < 0)) {
      dt_graph_fail(g, "graph: %s reads value %d of %d", dt_op_name(op->kind), op->in[j],
                    g->nvalues);
      return -1;
    }
  if (g->nops == g->cap_ops) {
    int cap = g->cap_ops ? 2 * g->cap_ops : 128;
    dt_op *ops = realloc(g->ops, (size_t)cap * sizeof *ops);
    if (!ops) {
      out_of_memory(g);
      return -1;
    }
    g->ops = ops;
    g->cap_ops = cap;
  }
  dt_op *o = &g->ops[g->nops++];
  *o = *op;
  o->out = g->nvalues++;
  o->wino = NULL;
  o->wino_bytes = 0;
  o->wino_tile = 0;
  return o->out;
}

dt_status dt_graph_finish(dt_graph *g, int output, dt_err *err) {
  return dt_graph_finish_outputs(g, &output, 1, err);
}

dt_status dt_graph_finish_outputs(dt_graph *g, const int *outputs, int n, dt_err *err) {
  if (!g->st && (n < 1 || n > DT_GRAPH_MAX_OUTPUTS))
    dt_graph_fail(g, "graph: %d outputs", n);
  for (int i = 0; i < n && !g->st; i++)
    if (outputs[i] < g->ninputs || outputs[i] >= g->nvalues)
      dt_graph_fail(g, "graph: output %d is value %d of %d", i, outputs[i], g->nvalues);
  for (int i = 0; i < n && !g->st; i++)
    for (int j = 0; j < i; j++)
      if (outputs[i] == outputs[j])
        dt_graph_fail(g, "graph: value %d is listed twice as an output", outputs[i]);
  int output = n >= 1 ? outputs[0] : -1;
  if (!g->st) {
    size_t nv = (size_t)g->nvalues;
    g->last_use = malloc(nv * sizeof *g->last_use);
    g->dep_x = calloc(nv, 1);
    g->dep_w = calloc(nv, 1);
    g->vals = calloc(nv, sizeof *g->vals);
    g->pool = dt_pool_new((size_t)256 << 20);
    if (!g->last_use || !g->dep_x || !g->dep_w || !g->vals || !g->pool)
      out_of_memory(g);
  }
  if (g->st) {
    *err = g->err;
    return g->st;
  }
  g->output = output;
  g->noutputs = n;
  memcpy(g->outputs, outputs, (size_t)n * sizeof *outputs);
  for (int v = 0; v < g->nvalues; v++)
    g->last_use[v] = -1;
  g->dep_x[0] = 1;
  for (int k = 0; k < g->nops; k++) {
    const dt_op *op = &g->ops[k];
    int trainable = op->kind != DT_OP_FOURIER_EMBED;
    for (int i = 0; i < DT_OP_MAX_WEIGHTS && trainable; i++)
      if (op->w[i] >= 0)
        g->dep_w[op->out] = 1;
    for (int j = 0; j < 2; j++) {
      int v = op->in[j];
      if (v < 0)
        continue;
      g->last_use[v] = k;
      if (dt_op_shape_input(op->kind, j))
        continue;
      g->dep_x[op->out] |= g->dep_x[v];
      g->dep_w[op->out] |= g->dep_w[v];
    }
  }
  for (int i = 0; i < n; i++) /* outputs live to the end: no op frees or overwrites them */
    g->last_use[outputs[i]] = g->nops;
  return DT_OK;
}

int dt_graph_lookups(const dt_graph *g) { return g->lookups; }
int dt_graph_nweights(const dt_graph *g) { return g->nw; }
const char *dt_graph_weight_name(const dt_graph *g, int slot) { return g->wnames[slot]; }
const dt_tensor *dt_graph_weight_tensor(const dt_graph *g, int slot) { return g->wt[slot]; }
int64_t dt_graph_parameters(const dt_graph *g) { return g->nparams; }
double dt_graph_last_flops(const dt_graph *g) { return g->run.flops; }

void dt_graph_set_winograd(dt_graph *g, int min_pixels, size_t cache_bytes) {
  g->run.winograd_min_pixels = min_pixels;
  g->run.ws->winograd_budget = cache_bytes;
  drop_transforms(g);
}

void dt_graph_share_workspace(dt_graph *g, dt_graph *with) {
  if (g->run.ws == with->run.ws)
    return;
  drop_transforms(g); /* counted against the old budget */
  workspace_release(g->run.ws);
  g->run.ws = with->run.ws;
  g->run.ws->refs++;
  if (g->pool != with->pool) {
    dt_pool_release(g->pool);
    g->pool = with->pool;
    dt_pool_retain(g->pool);
  }
}

void dt_graph_winograd(const dt_graph *g, int *min_pixels, size_t *cache_bytes, size_t *cached) {
  *min_pixels = g->run.winograd_min_pixels;
  *cache_bytes = g->run.ws->winograd_budget;
  *cached = g->run.ws->winograd_cached;
}

void dt_graph_release_memory(dt_graph *g) {
  size_t limit = dt_pool_limit(g->pool);
  dt_pool_set_limit(g->pool, 0);
  dt_pool_set_limit(g->pool, limit);
  free(g->run.ws->staging);
  g->run.ws->staging = NULL;
  g->run.ws->staging_floats = 0;
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void dt_graph_memory(const dt_graph *g, size_t *scratch, size_t *pooled, size_t *peak) {
  *scratch = g->run.ws->scratch_floats * sizeof(float);
  *pooled = dt_pool_cached_bytes(g->pool);
  *peak = g->peak_bytes;
}

/* ---- forward ---- */

static void op_weights(const dt_graph *g, const dt_op *op, const dt_tensor **w) {
  for (int i = 0; i < DT_OP_MAX_WEIGHTS; i++)
    w[i] = op->w[i] >= 0 ? g->wt[op->w[i]] : NULL;
}

/* The op's weights kept in 16 bits, widened into the workspace's staging area
 * as float32 tensors in staged[] (w[i] then points there), so that the ops
 * read float32. The copies hold the weights' storage (not a reference) for
 * the Winograd cache's version check. Two ops read their 16-bit weights
 * themselves: a LOOKUP its table's rows (a text encoder's table is its
 * largest weight, and a lookup reads 77 rows), and a forward convolution its
 * kernel (a piece at a time where it transforms it per call: SD1.5's largest
 * kernel is 118 MB widened; once where it caches the transform). */
static int widens_itself(const dt_op *op, int slot, int forward) {
  return op->kind == DT_OP_LOOKUP || (forward && op->kind == DT_OP_CONV2D && slot == 0);
}

static dt_status stage_weights(dt_graph *g, const dt_op *op, const dt_tensor **w, dt_tensor *staged,
                               int forward, dt_err *err) {
  size_t need = 0;
  for (int i = 0; i < DT_OP_MAX_WEIGHTS; i++)
    if (w[i] && w[i]->dtype != DT_F32 && !widens_itself(op, i, forward))
      need += (size_t)w[i]->numel;
  if (!need)
    return DT_OK;
  dt_workspace *ws = g->run.ws;
  if (need > ws->staging_floats) {
    float *p = realloc(ws->staging, need * sizeof(float));
    if (!p)
      return dt_fail(err, DT_ENOMEM, "out of memory widening %zu 16-bit weights", need);
    ws->staging = p;
    ws->staging_floats = need;
  }
  size_t at = 0;
  for (int i = 0; i < DT_OP_MAX_WEIGHTS; i++) {
    if (!w[i] || w[i]->dtype == DT_F32 || widens_itself(op, i, forward))
      continue;
    const dt_tensor *h = w[i];
    staged[i] = *h;
    staged[i].data = ws->staging + at;
    staged[i].bits16 = NULL;
    staged[i].dtype = DT_F32;
    int64_t n = h->numel, piece = 1 << 16;
#pragma omp parallel for schedule(static) if (n >= 2 * piece)
    for (int64_t k = 0; k < n; k += piece)
      dt_from_16bit(h->dtype, h->bits16 + k, staged[i].data + k, n - k < piece ? n - k : piece);
    w[i] = &staged[i];
    at += (size_t)n;
  }
  return DT_OK;
}

static int64_t numel(const int64_t *shape, int ndim) {
  int64_t n = 1;
  for (int i = 0; i < ndim; i++)
    n *= shape[i];
  return n;
}

static void release(dt_graph *g, dt_tensor *t) {
  g->live_bytes -= (size_t)t->numel * sizeof(float);
  dt_free(t);
}

/* Runs every op over vals (the inputs already there). Recording keeps every
 * value; otherwise a value dies after its last reader, and an elementwise op
 * writes over an input that dies with it. */
static dt_status run(dt_graph *g, dt_tensor *vals, int record, dt_err *err) {
  dt_status st = DT_OK;
  g->live_bytes = 0;
  for (int k = 0; k < g->nops && !st; k++) {
    dt_op *op = &g->ops[k];
    const dt_tensor *in[2] = {NULL, NULL}, *w[DT_OP_MAX_WEIGHTS];
    for (int j = 0; j < 2; j++)
      if (op->in[j] >= 0) {
        in[j] = &vals[op->in[j]];
        if (!in[j]->storage) /* an input the caller did not give */
          return dt_fail(err, DT_EARG, "graph: %s needs input %d", dt_op_name(op->kind), op->in[j]);
      }
    op_weights(g, op, w);
    dt_tensor staged[DT_OP_MAX_WEIGHTS];
    int64_t shape[DT_MAX_DIMS];
    int ndim;
    if ((st = stage_weights(g, op, w, staged, 1, err)) ||
        (st = dt_op_shape(op, in, w, shape, &ndim, err)))
      break;
    dt_tensor *out = &vals[op->out];
    int reuse = -1; /* an input whose buffer the output takes */
    if (!record && dt_op_in_place(op->kind))
      for (int j = 0; j < 2 && reuse < 0; j++) {
        int v = op->in[j];
        if (v >= g->ninputs && g->last_use[v] == k && vals[v].numel == numel(shape, ndim))
          reuse = v;
      }
    if (reuse >= 0) {
      *out = vals[reuse];
      memset(&vals[reuse], 0, sizeof vals[reuse]);
      out->ndim = ndim;
      memcpy(out->shape, shape, (size_t)ndim * sizeof(int64_t));
      if (in[0] == &vals[reuse])
        in[0] = out;
      if (in[1] == &vals[reuse])
        in[1] = out;
    } else {
      if ((st = dt_alloc_pooled(g->pool, out, shape, ndim, err)))
        break;
      g->live_bytes += (size_t)out->numel * sizeof(float);
      if (g->live_bytes > g->peak_bytes)
        g->peak_bytes = g->live_bytes;
    }
    st = dt_op_forward(&g->run, op, in, w, out, err);
    if (!record)
      for (int j = 0; j < 2; j++) {
        int v = op->in[j];
        if (v >= g->ninputs && g->last_use[v] == k && vals[v].storage)
          release(g, &vals[v]);
      }
  }
  return st;
}

static void clear(dt_graph *g, dt_tensor *vals) {
  for (int v = 0; v < g->nvalues; v++)
    dt_free(&vals[v]);
  g->live_bytes = 0;
}

static dt_status set_inputs(dt_graph *g, dt_tensor *vals, const dt_tensor *const *inputs,
                            int64_t first, int64_t count, dt_err *err) {
  for (int i = 0; i < g->ninputs; i++) {
    const dt_tensor *t = inputs[i];
    if (!t)
      continue;
    int64_t per = t->shape[0] ? t->numel / t->shape[0] : 0, shape[DT_MAX_DIMS];
    memcpy(shape, t->shape, (size_t)t->ndim * sizeof(int64_t));
    shape[0] = count;
    dt_status st = dt_view(&vals[i], t, first * per, shape, t->ndim, err);
    if (st)
      return st;
  }
  return DT_OK;
}

/* Batches run in chunks of this many samples, so that each op's operands are
 * still in cache from the op before: a batch of 1,000 MNIST-size images has
 * 130 MB per activation, which went through DRAM on every op, and the pool's
 * blocks stay chunk-sized. Samples do not interact, so the result is the same. */
#define FORWARD_CHUNK 32

dt_status dt_graph_forward(dt_graph *g, const dt_tensor *const *inputs, dt_tensor *out,
                           dt_err *err) {
  dt_tensor outs[DT_GRAPH_MAX_OUTPUTS];
  memset(outs, 0, sizeof outs);
  dt_status st = dt_graph_forward_all(g, inputs, outs, err);
  *out = outs[0];
  for (int i = 1; i < g->noutputs; i++)
    dt_free(&outs[i]);
  return st;
}

int dt_graph_noutputs(const dt_graph *g) { return g->noutputs; }

dt_status dt_graph_forward_all(dt_graph *g, const dt_tensor *const *inputs, dt_tensor *outs,
                               dt_err *err) {
  int64_t n = inputs[0]->shape[0];
  dt_status st = DT_OK;
  g->run.flops = 0;
  for (int64_t s = 0; s < n && !st; s += FORWARD_CHUNK) {
    int64_t m = n - s < FORWARD_CHUNK ? n - s : FORWARD_CHUNK;
    st = set_inputs(g, g->vals, inputs, s, m, err);
    if (!st)
      st = run(g, g->vals, 0, err);
    for (int i = 0; i < g->noutputs && !st; i++) {
      dt_tensor *y = &g->vals[g->outputs[i]], *out = &outs[i];
      if (m == n) { /* one chunk: hand the result over */
        *out = *y;
        memset(y, 0, sizeof *y);
        continue;
      }
      if (s == 0) {
        int64_t shape[DT_MAX_DIMS];
        memcpy(shape, y->shape, (size_t)y->ndim * sizeof(int64_t));
        shape[0] = n;
        st = dt_alloc(out, shape, y->ndim, err);
      }
      if (!st)
        memcpy(out->data + s * (y->numel / m), y->data, (size_t)y->numel * sizeof(float));
    }
    clear(g, g->vals);
  }
  if (st)
    for (int i = 0; i < g->noutputs; i++)
      dt_free(&outs[i]);
  return st;
}

void dt_pass_free(dt_pass *p) {
  if (!p)
    return;
  if (p->vals)
    for (int v = 0; v < p->nvalues; v++)
      dt_free(&p->vals[v]);
  free(p->vals);
  free(p);
}

dt_status dt_graph_record(dt_graph *g, const dt_tensor *const *inputs, dt_pass **pass,
                          dt_tensor *out, dt_err *err) {
  *pass = NULL;
  if (inputs[0]->shape[0] < 1)
    return dt_fail(err, DT_EARG, "a recorded pass needs a batch of at least one sample");
  dt_pass *p = calloc(1, sizeof *p);
  if (p)
    p->vals = calloc((size_t)g->nvalues, sizeof *p->vals);
  if (!p || !p->vals) {
    free(p);
    return dt_fail(err, DT_ENOMEM, "out of memory for a recorded pass");
  }
  p->nvalues = g->nvalues;
  g->run.flops = 0;
  dt_status st = set_inputs(g, p->vals, inputs, 0, inputs[0]->shape[0], err);
  if (!st)
    st = run(g, p->vals, 1, err);
  if (!st) {
    const dt_tensor *y = &p->vals[g->output];
    st = dt_view(out, y, 0, y->shape, y->ndim, err);
  }
  g->live_bytes = 0;
  if (st) {
    dt_pass_free(p);
    return st;
  }
  *pass = p;
  return DT_OK;
}

/* ---- backward ---- */

static dt_status zeros_like(dt_tensor *t, const dt_tensor *like, dt_err *err) {
  dt_status st = dt_alloc(t, like->shape, like->ndim, err);
  if (!st)
    memset(t->data, 0, (size_t)t->numel * sizeof(float));
  return st;
}

dt_status dt_graph_backward(dt_graph *g, dt_pass *p, const dt_tensor *gout, dt_tensor *gx,
                            dt_tensor *gw, dt_err *err) {
  if (!p->vals)
    return dt_fail(err, DT_EARG, "this pass already ran backward");
  dt_tensor *vals = p->vals, *y = &vals[g->output];
  if (gout->ndim != y->ndim || gout->numel != y->numel || (gout->numel && !gout->data)) {
    char a[160], b[160];
    dt_shape_format(gout->shape, gout->ndim, a, sizeof a);
    dt_shape_format(y->shape, y->ndim, b, sizeof b);
    return dt_fail(err, DT_EARG, "the gradient is %s, the output %s", a, b);
  }
  for (int i = 0; i < y->ndim; i++)
    if (gout->shape[i] != y->shape[i]) {
      char a[160], b[160];
      dt_shape_format(gout->shape, gout->ndim, a, sizeof a);
      dt_shape_format(y->shape, y->ndim, b, sizeof b);
      return dt_fail(err, DT_EARG, "the gradient is %s, the output %s", a, b);
    }
  dt_tensor *grads = calloc((size_t)g->nvalues, sizeof *grads);
  if (!grads)
    return dt_fail(err, DT_ENOMEM, "out of memory for the backward pass");
  int weights = gw != NULL;
  dt_status st = dt_view(&grads[g->output], gout, 0, gout->shape, gout->ndim, err);
  for (int k = g->nops - 1; k >= 0 && !st; k--) {
    const dt_op *op = &g->ops[k];
    if (grads[op->out].storage) { /* reached from the output */
      const dt_tensor *in[2] = {NULL, NULL}, *w[DT_OP_MAX_WEIGHTS];
      dt_tensor tmp[2] = {{0}}, *gin[2] = {NULL, NULL}, *gwo[DT_OP_MAX_WEIGHTS];
      dt_tensor staged[DT_OP_MAX_WEIGHTS];
      op_weights(g, op, w);
      st = stage_weights(g, op, w, staged, 0, err);
      for (int j = 0; j < 2 && !st; j++) {
        int v = op->in[j];
        if (v < 0)
          continue;
        in[j] = &vals[v];
        if (dt_op_shape_input(op->kind, j) || (!g->dep_x[v] && !(weights && g->dep_w[v])))
          continue;
        /* the first gradient a value gets is written in place, later ones
         * (a skip connection, the embedding every resnet reads) added */
        int fresh = !grads[v].storage;
        gin[j] = fresh ? &grads[v] : &tmp[j];
        st = dt_alloc_pooled(g->pool, gin[j], vals[v].shape, vals[v].ndim, err);
      }
      int trainable = weights && op->kind != DT_OP_FOURIER_EMBED;
      for (int i = 0; i < DT_OP_MAX_WEIGHTS; i++) {
        gwo[i] = NULL;
        int slot = op->w[i];
        if (st || slot < 0 || !trainable)
          continue;
        if (!gw[slot].storage)
          st = zeros_like(&gw[slot], g->wt[slot], err);
        gwo[i] = &gw[slot];
      }
      if (!st)
        st = dt_op_backward(&g->run, op, in, w, &grads[op->out], gin, gwo, err);
      for (int j = 0; j < 2; j++) {
        if (!st && tmp[j].storage && gin[j] == &tmp[j] && grads[op->in[j]].storage) {
          float *acc = grads[op->in[j]].data;
          for (int64_t i = 0; i < tmp[j].numel; i++)
            acc[i] += tmp[j].data[i];
        }
        dt_free(&tmp[j]);
      }
    }
    dt_free(&grads[op->out]); /* read by no op before this one */
    dt_free(&vals[op->out]);
  }
  if (!st) {
    if (grads[0].storage) {
      *gx = grads[0];
      memset(&grads[0], 0, sizeof grads[0]);
    } else {
      st = zeros_like(gx, &vals[0], err);
    }
  }
  for (int v = 0; v < g->nvalues; v++)
    dt_free(&grads[v]);
  free(grads);
  for (int v = 0; v < g->nvalues; v++)
    dt_free(&vals[v]);
  free(p->vals);
  p->vals = NULL;
  return st;
}
