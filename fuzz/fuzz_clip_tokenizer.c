/* CLIPTokenizer on hostile input.
 *
 * Input: a mode byte, then the rest. Mode even: the rest is a prompt,
 * tokenized with the real CLIP vocabulary and merges (the SD1 fixture's):
 * invalid UTF-8, control and format characters, CJK, special tokens' strings,
 * long runs. Mode odd: the rest is a merges.txt for a tiny vocabulary, then
 * "ab cd" is tokenized with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../csrc/core/clip_tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = n > 0 ? malloc((size_t)n) : NULL;
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
    free(s);
    s = NULL;
  }
  fclose(f);
  *len = s ? (size_t)n : 0;
  return s;
}

static dt_clip_tokenizer *real(void) {
  static dt_clip_tokenizer *t;
  static int tried;
  if (!tried) {
    tried = 1;
    size_t vl, ml;
    char *v = slurp(DIFFUSION_ROOT "/spec/fixtures/diffusers/sd/sd1/tokenizer/vocab.json", &vl);
    char *m = slurp(DIFFUSION_ROOT "/spec/fixtures/diffusers/sd/sd1/tokenizer/merges.txt", &ml);
    dt_err err;
    if (!v || !m ||
        dt_clip_tokenizer_new(v, vl, m, ml, "<|startoftext|>", "<|endoftext|>", "<|endoftext|>",
                              "<|endoftext|>", NULL, 0, &t, &err))
      abort(); /* the fixture must load */
    free(v);
    free(m);
  }
  return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  int32_t *ids = NULL;
  int64_t n = 0;
  dt_err err;
  if (!(data[0] & 1)) {
    if (!dt_clip_tokenize(real(), (const char *)data + 1, size - 1, &ids, &n, &err))
      for (int64_t i = 0; i < n; i++)
        if (ids[i] < 0 || ids[i] > 49407)
          abort();
    free(ids);
    return 0;
  }
  static const char vocab[] =
      "{\"a\": 0, \"b\": 1, \"c\": 2, \"d\": 3, \"a</w>\": 4, \"b</w>\": 5, "
      "\"c</w>\": 6, \"d</w>\": 7, \"ab</w>\": 8, \"cd</w>\": 9, \"!\": 10, "
      "\"<s>\": 11, \"</s>\": 12, \"ab\": 13, \"cd\": 14}";
  dt_clip_tokenizer *t = NULL;
  if (!dt_clip_tokenizer_new(vocab, sizeof vocab - 1, (const char *)data + 1, size - 1, "<s>",
                             "</s>", "!", "</s>", NULL, 0, &t, &err)) {
    if (!dt_clip_tokenize(t, "ab cd", 5, &ids, &n, &err))
      for (int64_t i = 0; i < n; i++)
        if (ids[i] < 0 || ids[i] > 14)
          abort();
    free(ids);
  }
  dt_clip_tokenizer_free(t);
  return 0;
}
