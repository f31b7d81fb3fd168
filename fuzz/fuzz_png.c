/* PNG: the first byte picks the requested channel count (as stored, 1, 3 or
 * 4), the rest is the file. */
#include "fuzz_input.h"

#include "../csrc/core/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const int channels[4] = {0, 1, 3, 4};
  if (size < 1)
    return 0;
  dt_tensor t = {0};
  dt_err err;
  if (dt_png_read(fuzz_input_path(data + 1, size - 1), channels[data[0] & 3], &t, &err) == DT_OK) {
    for (int64_t k = 0; k < t.numel; k++)
      if (!(t.data[k] >= -1.0f && t.data[k] <= 1.0f))
        abort(); /* every pixel maps into [-1, 1] */
  }
  dt_free(&t);
  return 0;
}
