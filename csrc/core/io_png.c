/* PNG through libpng's simplified API (it reports errors instead of
 * longjmp-ing), and image grids. */
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io.h"

dt_status dt_png_read(const char *path, int channels, dt_tensor *out, dt_err *err) {
  png_image img;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path))
    return dt_fail(err, DT_EFORMAT, "'%s': %s", path, img.message);
  if (img.width == 0 || img.height == 0 || img.width > DT_PNG_MAX_SIDE ||
      img.height > DT_PNG_MAX_SIDE) {
    png_image_free(&img);
    return dt_fail(err, DT_EFORMAT, "'%s': %ux%u image (each side must be 1..%d)", path, img.width,
                   img.height, DT_PNG_MAX_SIDE);
  }
  if (channels == 0)
    channels = (img.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
  img.format = channels == 1 ? PNG_FORMAT_GRAY : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_RGBA;
  int64_t h = img.height, w = img.width;
  size_t nbytes = (size_t)PNG_IMAGE_SIZE(img); /* sides <= 16384: fits easily */
  struct stat sb;
  uint64_t raw = (uint64_t)h * (uint64_t)w * (uint64_t)PNG_IMAGE_PIXEL_CHANNELS(img.format);
  if (stat(path, &sb) == 0 &&
      raw > (uint64_t)sb.st_size * DT_DEFLATE_MAX_RATIO + DT_DEFLATE_SLACK) {
    png_image_free(&img);
    return dt_fail(err, DT_EFORMAT,
                   "'%s': claims %ux%u pixels, more than a %lld-byte file can hold", path,
                   img.width, img.height, (long long)sb.st_size);
  }
  int64_t shape[3] = {channels, h, w};
  dt_status st = dt_alloc(out, shape, 3, err);
  unsigned char *buf = st ? NULL : calloc(nbytes, 1); /* zeros: composite alpha onto black */
  if (!buf) {
    png_image_free(&img);
    return st ? st : dt_fail(err, DT_ENOMEM, "'%s': out of memory for %zu bytes", path, nbytes);
  }
  if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) {
    free(buf);
    dt_free(out);
    return dt_fail(err, DT_EFORMAT, "'%s': %s", path, img.message);
  }
  for (int64_t c = 0; c < channels; c++)
    for (int64_t i = 0; i < h * w; i++)
      out->data[c * h * w + i] = (float)buf[i * channels + c] / 127.5f - 1.0f;
  free(buf);
  return DT_OK;
}

dt_status dt_png_write(const char *path, const dt_tensor *t, dt_err *err) {
  int64_t c = t->shape[0], h = t->shape[1], w = t->shape[2];
  if (h > DT_PNG_MAX_SIDE || w > DT_PNG_MAX_SIDE || h < 1 || w < 1)
    return dt_fail(err, DT_EARG, "%lldx%lld image (each side must be 1..%d)", (long long)w,
                   (long long)h, DT_PNG_MAX_SIDE);
  png_image img;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  img.width = (png_uint_32)w;
  img.height = (png_uint_32)h;
  img.format = c == 1   ? PNG_FORMAT_GRAY
               : c == 2 ? PNG_FORMAT_GA
               : c == 3 ? PNG_FORMAT_RGB
                        : PNG_FORMAT_RGBA;
  unsigned char *buf = malloc((size_t)(c * h * w));
  if (!buf)
    return dt_fail(err, DT_ENOMEM, "out of memory for a %lldx%lld image", (long long)w,
                   (long long)h);
  for (int64_t k = 0; k < c; k++)
    for (int64_t i = 0; i < h * w; i++) {
      float v = roundf((t->data[k * h * w + i] + 1.0f) * 127.5f);
      buf[i * c + k] = (unsigned char)(v > 0 ? (v < 255 ? v : 255) : 0); /* NaN -> 0 */
    }
  int ok = png_image_write_to_file(&img, path, 0, buf, 0, NULL);
  free(buf);
  if (!ok)
    return dt_fail(err, DT_EIO, "cannot write '%s': %s", path, img.message);
  return DT_OK;
}

dt_status dt_make_grid(dt_tensor *out, const dt_tensor *batch, int64_t nrow, int64_t pad,
                       float pad_value, dt_err *err) {
  int64_t n = batch->shape[0], c = batch->shape[1], h = batch->shape[2], w = batch->shape[3];
  int64_t ncol = n < nrow ? n : nrow, nrows = (n + nrow - 1) / nrow;
  int64_t cell_h = h + pad, cell_w = w + pad;
  int64_t shape[3] = {c, nrows * cell_h + pad, ncol * cell_w + pad};
  dt_status st = dt_alloc(out, shape, 3, err);
  if (st)
    return st;
  dt_fill(out, pad_value);
  int64_t gh = shape[1], gw = shape[2];
  for (int64_t i = 0; i < n; i++) {
    int64_t y0 = (i / nrow) * cell_h + pad, x0 = (i % nrow) * cell_w + pad;
    for (int64_t k = 0; k < c; k++)
      for (int64_t y = 0; y < h; y++)
        memcpy(out->data + (k * gh + y0 + y) * gw + x0, batch->data + ((i * c + k) * h + y) * w,
               (size_t)w * sizeof(float));
  }
  return DT_OK;
}
