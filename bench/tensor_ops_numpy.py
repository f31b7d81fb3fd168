"""NumPy peer for bench/tensor_ops.lua: the same ops on the same sizes, best of
REPS, printed as "op n seconds" lines. Run with OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS set to the thread count under test."""
import sys
import time

import numpy as np


def best(f, reps):
    t = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - t0)
    return t


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")]
    reps = int(sys.argv[2])
    gen = np.random.default_rng(0)
    for n in sizes:
        a, b, c, d = (gen.standard_normal(n, dtype=np.float32) for _ in range(4))
        out = np.empty(n, dtype=np.float32)
        tmp = np.empty(n, dtype=np.float32)

        def axpby():  # a = 0.9*a + 0.1*b, the best NumPy can do: two passes, no temporary
            np.multiply(a, np.float32(0.9), out=a)
            np.multiply(b, np.float32(0.1), out=tmp)
            np.add(a, tmp, out=a)

        def lincomb():  # out = 0.1a + 0.2b + 0.3c + 0.4d
            np.multiply(a, np.float32(0.1), out=out)
            for coef, t in ((0.2, b), (0.3, c), (0.4, d)):
                np.multiply(t, np.float32(coef), out=tmp)
                np.add(out, tmp, out=out)

        ops = {
            "add": lambda: a + b,
            "axpby_": axpby,
            "lincomb_4": lincomb,
            "sum": lambda: a.sum(),
            "randn": lambda: gen.standard_normal(n, dtype=np.float32),
        }
        for name, f in ops.items():
            print(f"{name} {n} {best(f, reps):.6e}", flush=True)
    m = 1024
    x = gen.standard_normal((m, m), dtype=np.float32)
    y = gen.standard_normal((m, m), dtype=np.float32)
    print(f"matmul {m} {best(lambda: x @ y, reps):.6e}", flush=True)


if __name__ == "__main__":
    main()
