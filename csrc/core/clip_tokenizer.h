/* transformers' slow CLIPTokenizer as Stable Diffusion pipelines run it
 * (without ftfy): BasicTokenizer's cleanup (control and format characters
 * dropped, whitespace to spaces, CJK ideographs split apart, NFC, Python's
 * lower-casing), CLIP's pre-tokenizer pattern (PCRE2, Unicode classes),
 * byte-level BPE with </w>, the two special tokens matched in the text. */
#ifndef DIFFUSION_CLIP_TOKENIZER_H
#define DIFFUSION_CLIP_TOKENIZER_H

#include <stdint.h>

#include "tensor.h"

typedef struct dt_clip_tokenizer dt_clip_tokenizer;

/* vocab: vocab.json's text; merges: merges.txt's (a "#version" line, then
 * one "a b" pair per line, by rank). bos, eos, pad, unk: the special tokens'
 * strings; added[nadded]: every added token (transformers matches them in the
 * text before anything else, the longest first): all in the vocabulary. */
dt_status dt_clip_tokenizer_new(const char *vocab, size_t vocab_len, const char *merges,
                                size_t merges_len, const char *bos, const char *eos,
                                const char *pad, const char *unk, const char *const *added,
                                int nadded, dt_clip_tokenizer **out, dt_err *err);
void dt_clip_tokenizer_free(dt_clip_tokenizer *t); /* NULL is fine */

/* The ids of text (UTF-8), without bos and eos: *ids (malloc'd, the
 * caller frees) holds *n of them. */
dt_status dt_clip_tokenize(const dt_clip_tokenizer *t, const char *text, size_t len, int32_t **ids,
                           int64_t *n, dt_err *err);
int32_t dt_clip_token_id(const dt_clip_tokenizer *t, int which); /* 0 bos, 1 eos, 2 pad */
int64_t dt_clip_vocab_size(const dt_clip_tokenizer *t);
/* the vocabulary's string for id (byte-mapped, with </w>), or NULL */
const char *dt_clip_token_string(const dt_clip_tokenizer *t, int64_t id);
/* a token string's bytes: the byte-level map undone, </w> a space; writes at
 * most cap bytes to out and returns how many the whole string needs */
size_t dt_clip_token_bytes(const char *token, char *out, size_t cap);

#endif
