/* What every model class's config parser shares: the check of a key against
 * the class's list, integers in a range, and the error that quotes the value
 * as the file spells it. */
#ifndef DIFFUSION_CONFIG_H
#define DIFFUSION_CONFIG_H

#include <cjson/cJSON.h>

#include "tensor.h"

int dt_config_listed(const char *const *keys, const char *key); /* keys end with NULL */
/* v an integer in lo .. hi: into *out (1), or 0 */
int dt_config_int(const cJSON *v, int *out, int lo, int hi);
/* "config 'key' = value: why" (the value cut at 40 bytes), DT_EFORMAT */
dt_status dt_config_bad(dt_err *err, const char *key, const cJSON *v, const char *why);

#endif
