/* safetensors: open and validate the header, then materialise every tensor
 * (views and converted copies alike) and read each value. */
#include "fuzz_input.h"

#include "../csrc/core/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dt_st_file *f = NULL;
  dt_err err;
  if (dt_st_open(fuzz_input_path(data, size), &f, &err))
    return 0;
  for (int i = 0; i < f->count; i++) {
    dt_tensor t = {0};
    if (dt_st_tensor(f, i, &t, &err) == DT_OK)
      fuzz_read_all(t.data, t.numel);
    dt_free(&t);
  }
  dt_st_close(f);
  return 0;
}
