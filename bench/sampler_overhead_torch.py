"""PyTorch peer for bench/sampler_overhead.lua: the same sampler updates written
with torch tensor ops (as a diffusers scheduler.step does them), the model
replaced by a copy. Prints "sampler shape microseconds_per_step" lines.
Usage: sampler_overhead_torch.py THREADS STEPS"""
import math
import sys
import time

import torch


def levels(n):
    # EDM-style Karras sigmas, VE form; alpha = 1 / sqrt(1 + s^2), sigma = s alpha
    smin, smax, rho = 0.002, 80.0, 7.0
    out = []
    for k in range(n):
        r = k / (n - 1)
        s = (smax ** (1 / rho) + r * (smin ** (1 / rho) - smax ** (1 / rho))) ** rho
        a = 1 / math.sqrt(1 + s * s)
        out.append((a, s * a, math.log(1 / s)))
    out.append((1.0, 0.0, math.inf))
    return out


def model(x):
    return x.clone()


def ddim(x, plan):
    for i in range(len(plan) - 1):
        (a, s, _), (a2, s2, _) = plan[i], plan[i + 1]
        eps = model(x)
        x0 = (x - s * eps) / a
        x = a2 * x0 + s2 * eps
    return x


def euler(x, plan):
    xs = x / plan[0][0]
    for i in range(len(plan) - 1):
        (a, s, _), (a2, s2, _) = plan[i], plan[i + 1]
        sv, sv2 = s / a, s2 / a2
        eps = model(xs * a)
        x0 = xs - sv * eps
        d = (xs - x0) / sv
        xs = xs + d * (sv2 - sv)
    return xs


def euler_ancestral(x, plan, gen):
    xs = x / plan[0][0]
    for i in range(len(plan) - 1):
        (a, s, _), (a2, s2, _) = plan[i], plan[i + 1]
        sv, sv2 = s / a, s2 / a2
        eps = model(xs * a)
        x0 = xs - sv * eps
        up = min(sv2, math.sqrt(sv2 ** 2 * (sv ** 2 - sv2 ** 2) / sv ** 2))
        down = math.sqrt(sv2 ** 2 - up ** 2)
        d = (xs - x0) / sv
        xs = xs + d * (down - sv)
        xs = xs + torch.randn(xs.shape, generator=gen) * up
    return xs


def dpmpp_2m(x, plan):
    prev = None
    for i in range(len(plan) - 1):
        (a, s, lam), (a2, s2, lam2) = plan[i], plan[i + 1]
        eps = model(x)
        m0 = (x - s * eps) / a
        h = lam2 - lam
        if prev is None or s2 == 0:
            x = (s2 / s) * x - (a2 * (math.exp(-h) - 1.0)) * m0
        else:
            r0 = (lam - plan[i - 1][2]) / h
            d1 = (1.0 / r0) * (m0 - prev)
            x = (s2 / s) * x - (a2 * (math.exp(-h) - 1.0)) * m0 - 0.5 * (a2 * (math.exp(-h) - 1.0)) * d1
        prev = m0
    return x


def unipc3(x, plan):
    ms, last_x, last_order = [], None, 1
    n = len(plan) - 1

    def system(order, s0, t, prev):
        h = t[2] - s0[2]
        rks = [(p[2] - s0[2]) / h for p in prev] + [1.0]
        hh = -h
        h_phi_1 = math.expm1(hh)
        h_phi_k, fact = h_phi_1 / hh - 1, 1
        R, b = [], []
        for i in range(1, order + 1):
            R.append([r ** (i - 1) for r in rks])
            b.append(h_phi_k * fact / h_phi_1)
            fact *= i + 1
            h_phi_k = h_phi_k / hh - 1 / fact
        return h_phi_1, torch.tensor(R, dtype=torch.float64), torch.tensor(b, dtype=torch.float64), rks

    for i in range(n):
        cur, nxt = plan[i], plan[i + 1]
        eps = model(x)
        m = (x - cur[1] * eps) / cur[0]
        if last_x is not None:  # UniC
            s0 = plan[i - 1]
            prev = [plan[i - 1 - k] for k in range(1, last_order)]
            h_phi_1, R, b, rks = system(last_order, s0, cur, prev)
            rhos = [0.5] if last_order == 1 else torch.linalg.solve(R, b).tolist()
            corr = sum(rhos[k] * (ms[-(k + 2)] - ms[-1]) / rks[k] for k in range(last_order - 1)) if last_order > 1 else 0
            x = cur[1] / s0[1] * last_x - cur[0] * h_phi_1 * ms[-1] - cur[0] * h_phi_1 * (corr + rhos[-1] * (m - ms[-1]))
        ms = (ms + [m])[-3:]
        order = min(3, n - i, len(ms))
        last_x = x
        prev = [plan[i - k] for k in range(1, order)]
        h_phi_1, R, b, rks = system(order, cur, nxt, prev)
        x_new = nxt[1] / cur[1] * x - nxt[0] * h_phi_1 * ms[-1]
        if order > 1:
            rhos = [0.5] if order == 2 else torch.linalg.solve(R[:-1, :-1], b[:-1]).tolist()
            pred = sum(rhos[k] * (ms[-(k + 2)] - ms[-1]) / rks[k] for k in range(order - 1))
            x_new = x_new - nxt[0] * h_phi_1 * pred
        x = x_new
        last_order = order
    return x


def main():
    torch.set_num_threads(int(sys.argv[1]))
    steps = int(sys.argv[2])
    plan = levels(steps)
    gen = torch.Generator().manual_seed(0)
    for shape in ((1, 3, 32, 32), (64, 1, 32, 32)):
        x = torch.randn(shape, generator=gen)
        for name, fn in (("ddim", ddim), ("euler", euler), ("euler_ancestral", lambda x, p: euler_ancestral(x, p, gen)),
                         ("dpmpp_2m", dpmpp_2m), ("unipc_3", unipc3)):
            best = math.inf
            for _ in range(5):
                t0 = time.perf_counter()
                fn(x, plan)
                best = min(best, time.perf_counter() - t0)
            print(f"{name} {'x'.join(map(str, shape))} {best / steps * 1e6:.3f}", flush=True)


if __name__ == "__main__":
    main()
