/* .npy: header parsing (a Python dict literal), dtype and shape checks,
 * conversion of every supported dtype. */
#include "fuzz_input.h"

#include "../csrc/core/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dt_tensor t = {0};
  dt_err err;
  if (dt_npy_read(fuzz_input_path(data, size), &t, &err) == DT_OK)
    fuzz_read_all(t.data, t.numel);
  dt_free(&t);
  return 0;
}
