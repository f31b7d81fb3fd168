/* CLIPTokenizer (clip_tokenizer.h), following transformers'
 * tokenization_clip.py and BasicTokenizer in tokenization_bert.py. */
#include "clip_tokenizer.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

/* ---- a string -> int map (open addressing, FNV-1a) ---- */

typedef struct {
  char **keys;
  int32_t *vals;
  size_t cap; /* a power of two */
} strmap;

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static int map_init(strmap *m, size_t entries) {
  m->cap = 16;
  while (m->cap < 2 * entries)
    m->cap *= 2;
  m->keys = calloc(m->cap, sizeof *m->keys);
  m->vals = calloc(m->cap, sizeof *m->vals);
  return m->keys && m->vals;
}

static void map_free(strmap *m) {
  for (size_t i = 0; m->keys && i < m->cap; i++)
    free(m->keys[i]);
  free(m->keys);
  free(m->vals);
}

/* the slot of key (n bytes): where it is, or the empty one it would go in */
static size_t map_slot(const strmap *m, const char *key, size_t n) {
  size_t i = hash(key, n) & (m->cap - 1);
  while (m->keys[i] && (strlen(m->keys[i]) != n || memcmp(m->keys[i], key, n)))
    i = (i + 1) & (m->cap - 1);
  return i;
}

static int map_get(const strmap *m, const char *key, size_t n, int32_t *val) {
  size_t i = map_slot(m, key, n);
  if (!m->keys[i])
    return 0;
  *val = m->vals[i];
  return 1;
}

/* first value wins (a merge listed twice keeps its better rank) */
static int map_put(strmap *m, const char *key, size_t n, int32_t val) {
  size_t i = map_slot(m, key, n);
  if (m->keys[i])
    return 1;
  m->keys[i] = malloc(n + 1);
  if (!m->keys[i])
    return 0;
  memcpy(m->keys[i], key, n);
  m->keys[i][n] = 0;
  m->vals[i] = val;
  return 1;
}

/* ---- the tokenizer ---- */

struct dt_clip_tokenizer {
  strmap vocab, merges;
  char **strings; /* id -> token string */
  int64_t nstrings;
  int32_t bos, eos, pad, unk;
  char **added; /* the added tokens' strings, matched in the text */
  int32_t *added_ids;
  int nadded;
  pcre2_code *pattern;
  pcre2_match_data *match;
  char byte_to[256][3]; /* bytes_to_unicode: each byte's symbol, UTF-8 */
};

void dt_clip_tokenizer_free(dt_clip_tokenizer *t) {
  if (!t)
    return;
  map_free(&t->vocab);
  map_free(&t->merges);
  free(t->strings);
  for (int i = 0; i < t->nadded; i++)
    free(t->added[i]);
  free(t->added);
  free(t->added_ids);
  pcre2_match_data_free(t->match);
  pcre2_code_free(t->pattern);
  free(t);
}

/* GPT-2's bytes_to_unicode: printable bytes stand for themselves, the others
 * for 256 + their order */
static int byte_symbol(int b) {
  if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF))
    return b;
  int n = 0;
  for (int i = 0; i < b; i++)
    if (!((i >= '!' && i <= '~') || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF)))
      n++;
  return 256 + n;
}

static const char PATTERN[] = "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|"
                              "[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+";

/* CLIPTokenizer's merges: 49152 - 256 - 2 lines after the version line */
#define MAX_MERGES (49152 - 256 - 2)

static char *copy_str(const char *s) {
  if (!s)
    return NULL;
  size_t n = strlen(s) + 1;
  char *c = malloc(n);
  if (c)
    memcpy(c, s, n);
  return c;
}

dt_status dt_clip_tokenizer_new(const char *vocab, size_t vocab_len, const char *merges,
                                size_t merges_len, const char *bos, const char *eos,
                                const char *pad, const char *unk, const char *const *added,
                                int nadded, dt_clip_tokenizer **out, dt_err *err) {
  *out = NULL;
  dt_clip_tokenizer *t = calloc(1, sizeof *t);
  if (!t)
    return dt_fail(err, DT_ENOMEM, "out of memory for the tokenizer");
  dt_status st = DT_OK;
  cJSON *root = cJSON_ParseWithLength(vocab, vocab_len);
  if (!root || !cJSON_IsObject(root)) {
    st = dt_fail(err, DT_EFORMAT, "vocab.json is not a JSON object");
    goto done;
  }
  int64_t n = cJSON_GetArraySize(root);
  if (!map_init(&t->vocab, (size_t)n) || !(t->strings = calloc((size_t)n + 1, sizeof(char *)))) {
    st = dt_fail(err, DT_ENOMEM, "out of memory for the vocabulary");
    goto done;
  }
  t->nstrings = n;
  const cJSON *e;
  cJSON_ArrayForEach(e, root) {
    double v = cJSON_IsNumber(e) ? e->valuedouble : -1;
    if (!(v >= 0 && v < (double)n) || v != (double)(int64_t)v) {
      st = dt_fail(err, DT_EFORMAT, "vocab.json: '%.40s' has no id in 0..%lld", e->string,
                   (long long)n - 1);
      goto done;
    }
    size_t len = strlen(e->string);
    if (!map_put(&t->vocab, e->string, len, (int32_t)v)) {
      st = dt_fail(err, DT_ENOMEM, "out of memory for the vocabulary");
      goto done;
    }
    t->strings[(int64_t)v] = t->vocab.keys[map_slot(&t->vocab, e->string, len)];
  }
  for (int64_t i = 0; i < n; i++)
    if (!t->strings[i]) {
      st = dt_fail(err, DT_EFORMAT, "vocab.json: no token has id %lld", (long long)i);
      goto done;
    }
  /* merges: skip the "#version" line; each line "a b" */
  size_t lines = 1;
  for (size_t i = 0; i < merges_len; i++)
    lines += merges[i] == '\n';
  if (!map_init(&t->merges, lines)) {
    st = dt_fail(err, DT_ENOMEM, "out of memory for the merges");
    goto done;
  }
  int32_t rank = 0;
  size_t pos = 0;
  for (size_t line = 1; pos < merges_len; line++) {
    const char *s = merges + pos;
    const char *nl = memchr(s, '\n', merges_len - pos);
    size_t len = nl ? (size_t)(nl - s) : merges_len - pos;
    pos += len + 1;
    if (len && s[len - 1] == '\r')
      len--;
    if (line == 1 && len >= 8 && !memcmp(s, "#version", 8))
      continue;
    if (!len && pos >= merges_len)
      break; /* the file's last newline */
    const char *sp = memchr(s, ' ', len);
    if (!sp || sp == s || sp == s + len - 1 || memchr(sp + 1, ' ', len - (size_t)(sp - s) - 1)) {
      st = dt_fail(err, DT_EFORMAT,
                   "merges.txt line %zu: expected two symbols separated by a space", line);
      goto done;
    }
    if (rank == MAX_MERGES)
      break; /* transformers reads no more than these */
    if (!map_put(&t->merges, s, len, rank++)) {
      st = dt_fail(err, DT_ENOMEM, "out of memory for the merges");
      goto done;
    }
  }
  const char *names[4] = {bos, eos, pad, unk};
  int32_t *ids[4] = {&t->bos, &t->eos, &t->pad, &t->unk};
  for (int i = 0; i < 4; i++)
    if (!map_get(&t->vocab, names[i], strlen(names[i]), ids[i])) {
      st = dt_fail(err, DT_EFORMAT, "the special token '%.40s' is not in the vocabulary", names[i]);
      goto done;
    }
  /* bos, eos, pad, unk and the added tokens, each once */
  t->added = calloc((size_t)nadded + 4, sizeof *t->added);
  t->added_ids = calloc((size_t)nadded + 4, sizeof *t->added_ids);
  for (int i = 0; t->added && t->added_ids && i < nadded + 4 && !st; i++) {
    const char *a = i < 4 ? names[i] : added[i - 4];
    int dup = !*a;
    for (int j = 0; j < t->nadded && !dup; j++)
      dup = !strcmp(t->added[j], a);
    if (dup)
      continue;
    if (!map_get(&t->vocab, a, strlen(a), &t->added_ids[t->nadded])) {
      st = dt_fail(err, DT_EFORMAT, "the added token '%.40s' is not in the vocabulary", a);
      goto done;
    }
    if (!(t->added[t->nadded] = copy_str(a)))
      break;
    t->nadded++;
  }
  int code;
  PCRE2_SIZE at;
  t->pattern = pcre2_compile((PCRE2_SPTR)PATTERN, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &at, NULL);
  t->match = t->pattern ? pcre2_match_data_create_from_pattern(t->pattern, NULL) : NULL;
  if (!t->added || !t->added_ids || t->nadded < 1 || !t->match) {
    st = dt_fail(err, DT_ENOMEM, "out of memory for the tokenizer");
    goto done;
  }
  for (int b = 0; b < 256; b++) {
    uint8_t buf[4] = {0};
    utf8proc_encode_char(byte_symbol(b), buf);
    memcpy(t->byte_to[b], buf, 3); /* symbols are below U+0800: two bytes at most */
  }
done:
  cJSON_Delete(root);
  if (st) {
    dt_clip_tokenizer_free(t);
    return st;
  }
  *out = t;
  return DT_OK;
}

int32_t dt_clip_token_id(const dt_clip_tokenizer *t, int which) {
  return which == 0 ? t->bos : which == 1 ? t->eos : t->pad;
}
int64_t dt_clip_vocab_size(const dt_clip_tokenizer *t) { return t->nstrings; }
const char *dt_clip_token_string(const dt_clip_tokenizer *t, int64_t id) {
  return id >= 0 && id < t->nstrings ? t->strings[id] : NULL;
}

/* ---- a growing buffer ---- */

typedef struct {
  char *s;
  size_t n, cap;
  int oom;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? 2 * b->cap : 256;
    while (cap < b->n + n + 1)
      cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

static void put_cp(buf *b, int32_t cp) {
  uint8_t u[4];
  put(b, (const char *)u, (size_t)utf8proc_encode_char(cp, u));
}

typedef struct {
  int32_t *v;
  int64_t n, cap;
  int oom;
} idlist;

static void push_id(idlist *l, int32_t id) {
  if (l->oom)
    return;
  if (l->n == l->cap) {
    int64_t cap = l->cap ? 2 * l->cap : 64;
    int32_t *p = realloc(l->v, (size_t)cap * sizeof *p);
    if (!p) {
      l->oom = 1;
      return;
    }
    l->v = p;
    l->cap = cap;
  }
  l->v[l->n++] = id;
}

/* ---- BasicTokenizer(strip_accents=False, do_split_on_punc=False) ---- */

static int is_cjk(int32_t c) { /* BERT's ideograph ranges: not kana, not Hangul */
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
         (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

static int is_letter(int32_t c) {
  utf8proc_category_t k = utf8proc_category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* Python's str.lower of one word: per code point, with its two contextual
 * special cases (capital I with dot above, and final sigma) */
static void lower_word(buf *out, const int32_t *cp, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    int32_t c = cp[i];
    if (c == 0x130) { /* İ -> i + combining dot above */
      put_cp(out, 'i');
      put_cp(out, 0x307);
    } else if (c == 0x3A3) { /* Σ: ς after a letter when no letter follows */
      int before = i > 0 && is_letter(cp[i - 1]), after = i + 1 < n && is_letter(cp[i + 1]);
      put_cp(out, before && !after ? 0x3C2 : 0x3C3);
    } else {
      put_cp(out, utf8proc_tolower(c));
    }
  }
}

/* text -> words joined by single spaces (what the pattern then splits) */
static dt_status normalise(const char *text, size_t len, buf *out, dt_err *err) {
  buf clean = {0};
  for (size_t i = 0; i < len;) {
    int32_t c;
    utf8proc_ssize_t k =
        utf8proc_iterate((const uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
    if (k < 0) {
      free(clean.s);
      return dt_fail(err, DT_EARG, "the text is not valid UTF-8 (at byte %zu)", i);
    }
    i += (size_t)k;
    utf8proc_category_t cat = utf8proc_category(c);
    int white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || cat == UTF8PROC_CATEGORY_ZS;
    int control = !white && (cat == UTF8PROC_CATEGORY_CN || cat >= UTF8PROC_CATEGORY_CC);
    if (c == 0 || c == 0xFFFD || control)
      continue;
    if (white) {
      put(&clean, " ", 1);
    } else if (is_cjk(c)) {
      put(&clean, " ", 1);
      put_cp(&clean, c);
      put(&clean, " ", 1);
    } else {
      put_cp(&clean, c);
    }
  }
  if (clean.oom) {
    free(clean.s);
    return dt_fail(err, DT_ENOMEM, "out of memory tokenizing");
  }
  uint8_t *nfc = utf8proc_NFC((const uint8_t *)(clean.s ? clean.s : ""));
  free(clean.s);
  if (!nfc)
    return dt_fail(err, DT_ENOMEM, "out of memory tokenizing");
  /* split on whitespace (Python's str.split: spaces, and line and paragraph
   * separators, which the cleanup keeps), lower-case each word */
  size_t n = strlen((const char *)nfc);
  int32_t *word = malloc((n + 1) * sizeof *word);
  int64_t w = 0;
  for (size_t i = 0; word && i <= n;) {
    int32_t c = 0;
    utf8proc_ssize_t k = i < n ? utf8proc_iterate(nfc + i, (utf8proc_ssize_t)(n - i), &c) : 1;
    utf8proc_category_t cat = i < n ? utf8proc_category(c) : UTF8PROC_CATEGORY_ZS;
    int sep = i == n || c == ' ' || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
    if (sep && w) {
      if (out->n)
        put(out, " ", 1);
      lower_word(out, word, w);
      w = 0;
    } else if (!sep) {
      word[w++] = c;
    }
    i += (size_t)(k > 0 ? k : 1);
  }
  free(nfc);
  if (!word || out->oom) {
    free(word);
    return dt_fail(err, DT_ENOMEM, "out of memory tokenizing");
  }
  free(word);
  return DT_OK;
}

/* ---- byte-level BPE of one piece of the pattern ---- */

static void bpe(const dt_clip_tokenizer *t, const char *piece, size_t len, idlist *ids, buf *tmp) {
  /* the piece's bytes as symbols, then </w> on the last: symbols are spans of s */
  buf s = {0};
  int64_t nsym = 0, *start = malloc((4 * len + 2) * sizeof(int64_t));
  if (!start) {
    ids->oom = 1;
    return;
  }
  for (size_t i = 0; i < len; i++) {
    start[nsym++] = (int64_t)s.n;
    const char *sym = t->byte_to[(unsigned char)piece[i]];
    put(&s, sym, strnlen(sym, 3));
  }
  put(&s, "</w>", 4);
  start[nsym] = (int64_t)s.n; /* symbol k is s[start[k], start[k + 1]) */
  while (nsym > 1 && !s.oom && !tmp->oom) {
    int32_t best = INT32_MAX;
    int64_t at = -1;
    for (int64_t k = 0; k + 1 < nsym; k++) { /* the adjacent pair of the lowest rank */
      tmp->n = 0;
      put(tmp, s.s + start[k], (size_t)(start[k + 1] - start[k]));
      put(tmp, " ", 1);
      put(tmp, s.s + start[k + 1], (size_t)(start[k + 2] - start[k + 1]));
      int32_t r;
      if (!tmp->oom && map_get(&t->merges, tmp->s, tmp->n, &r) && r < best) {
        best = r;
        at = k;
      }
    }
    if (at < 0)
      break;
    /* merge every occurrence of that pair, left to right */
    size_t la = (size_t)(start[at + 1] - start[at]), lb = (size_t)(start[at + 2] - start[at + 1]);
    char *a = malloc(la + lb + 1);
    if (!a) {
      ids->oom = 1;
      break;
    }
    memcpy(a, s.s + start[at], la);
    memcpy(a + la, s.s + start[at + 1], lb);
    int64_t w = 0;
    for (int64_t k = 0; k < nsym; k++) {
      start[w++] = start[k];
      if (k + 1 < nsym && (size_t)(start[k + 1] - start[k]) == la &&
          (size_t)(start[k + 2] - start[k + 1]) == lb && !memcmp(s.s + start[k], a, la) &&
          !memcmp(s.s + start[k + 1], a + la, lb))
        k++; /* the pair becomes one symbol */
    }
    start[w] = start[nsym];
    nsym = w;
    free(a);
  }
  for (int64_t k = 0; k < nsym && !s.oom; k++) {
    int32_t id;
    if (!map_get(&t->vocab, s.s + start[k], (size_t)(start[k + 1] - start[k]), &id))
      id = t->unk;
    push_id(ids, id);
  }
  if (s.oom)
    ids->oom = 1;
  free(start);
  free(s.s);
}

/* ids of text with no special token in it */
static dt_status encode_plain(const dt_clip_tokenizer *t, const char *text, size_t len, idlist *ids,
                              dt_err *err) {
  buf norm = {0}, tmp = {0};
  dt_status st = normalise(text, len, &norm, err);
  for (PCRE2_SIZE off = 0; !st && norm.s && off < norm.n;) {
    int rc = pcre2_match(t->pattern, (PCRE2_SPTR)norm.s, norm.n, off, 0, t->match, NULL);
    if (rc < 0)
      break; /* PCRE2_ERROR_NOMATCH: only spaces are left */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->match);
    bpe(t, norm.s + ov[0], ov[1] - ov[0], ids, &tmp);
    off = ov[1] > off ? ov[1] : off + 1;
  }
  free(norm.s);
  free(tmp.s);
  if (!st && (ids->oom || tmp.oom))
    st = dt_fail(err, DT_ENOMEM, "out of memory tokenizing");
  return st;
}

dt_status dt_clip_tokenize(const dt_clip_tokenizer *t, const char *text, size_t len, int32_t **out,
                           int64_t *n, dt_err *err) {
  idlist ids = {0};
  dt_status st = DT_OK;
  /* the added tokens' strings in the text are those tokens (transformers
   * splits them out before anything else: the earliest, then the longest) */
  size_t pos = 0;
  while (!st && pos < len) {
    size_t next = len, best = 0;
    int which = -1;
    for (size_t i = pos; i < len && which < 0; i++)
      for (int k = 0; k < t->nadded; k++) {
        size_t sl = strlen(t->added[k]);
        if (sl > best && i + sl <= len && !memcmp(text + i, t->added[k], sl)) {
          next = i;
          best = sl;
          which = k;
        }
      }
    if (next > pos)
      st = encode_plain(t, text + pos, next - pos, &ids, err);
    if (which < 0)
      break;
    push_id(&ids, t->added_ids[which]);
    pos = next + best;
  }
  if (!st && ids.oom)
    st = dt_fail(err, DT_ENOMEM, "out of memory tokenizing");
  if (st) {
    free(ids.v);
    return st;
  }
  *out = ids.v;
  *n = ids.n;
  return DT_OK;
}

size_t dt_clip_token_bytes(const char *token, char *out, size_t cap) {
  size_t n = 0, len = strlen(token);
  for (size_t i = 0; i < len;) {
    if (len - i >= 4 && !memcmp(token + i, "</w>", 4)) {
      if (n < cap)
        out[n] = ' ';
      n++;
      i += 4;
      continue;
    }
    int32_t c;
    utf8proc_ssize_t k =
        utf8proc_iterate((const uint8_t *)token + i, (utf8proc_ssize_t)(len - i), &c);
    if (k <= 0)
      break;
    i += (size_t)k;
    int b = -1;
    for (int j = 0; j < 256 && b < 0; j++)
      if (byte_symbol(j) == c)
        b = j;
    if (b >= 0) {
      if (n < cap)
        out[n] = (char)b;
      n++;
    }
  }
  return n;
}
