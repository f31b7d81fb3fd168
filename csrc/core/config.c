/* Config parsing helpers (config.h). */
#include "config.h"

#include <math.h>
#include <string.h>

int dt_config_listed(const char *const *keys, const char *key) {
  for (int i = 0; keys[i]; i++)
    if (!strcmp(keys[i], key))
      return 1;
  return 0;
}

int dt_config_int(const cJSON *v, int *out, int lo, int hi) {
  if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < lo ||
      v->valuedouble > hi)
    return 0;
  *out = (int)v->valuedouble;
  return 1;
}

dt_status dt_config_bad(dt_err *err, const char *key, const cJSON *v, const char *why) {
  char *text = cJSON_PrintUnformatted(v);
  dt_status st = dt_fail(err, DT_EFORMAT, "config '%s' = %.40s%s: %s", key, text ? text : "?",
                         text && strlen(text) > 40 ? "..." : "", why);
  cJSON_free(text);
  return st;
}
