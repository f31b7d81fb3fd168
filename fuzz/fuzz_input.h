/* The readers under test take paths (they mmap, stat and gzopen them), so each
 * input is written to an anonymous in-memory file and read back through
 * /proc/self/fd: the same code path as a file on disk, no disk traffic. */
#ifndef DIFFUSION_FUZZ_INPUT_H
#define DIFFUSION_FUZZ_INPUT_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static inline const char *fuzz_input_path(const uint8_t *data, size_t size) {
  static int fd = -1;
  static char path[64];
  if (fd < 0) {
    fd = memfd_create("fuzz-input", 0);
    if (fd < 0) {
      perror("memfd_create");
      abort();
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  }
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
    perror("writing the fuzz input");
    abort();
  }
  return path;
}

/* Reads every value of a tensor a reader returned, so ASan sees any value
 * that lies outside what was allocated or mapped. */
static inline void fuzz_read_all(const float *data, int64_t n) {
  volatile float sink = 0;
  for (int64_t k = 0; k < n; k++)
    sink += data[k];
  (void)sink;
}

#endif
