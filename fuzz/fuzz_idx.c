/* MNIST IDX, plain or gzipped (zlib tells them apart by the gzip magic; the
 * seed corpus holds both). */
#include "fuzz_input.h"

#include "../csrc/core/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dt_tensor t = {0};
  dt_err err;
  if (dt_idx_read(fuzz_input_path(data, size), &t, &err) == DT_OK)
    fuzz_read_all(t.data, t.numel);
  dt_free(&t);
  return 0;
}
