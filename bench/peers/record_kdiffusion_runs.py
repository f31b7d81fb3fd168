"""Records k-diffusion sampler runs (sample_dpmpp_sde, sample_dpm_fast,
sample_dpm_adaptive) on the exact denoiser of Gaussian data, every noise draw
recorded, for spec/fixtures/kdiffusion/. A peer tool, never a dependency.

  PYTHONPATH=KDIFF:STUBS /usr/bin/python3 bench/peers/record_kdiffusion_runs.py OUT_DIR

KDIFF holds k_diffusion/sampling.py (crowsonkb/k-diffusion 4601bf0); STUBS
stand in for the packages it imports but these samplers do not use
(torchsde, torchdiffeq, k_diffusion.utils' append_dims).
"""
import json
import math
import sys

import torch
from k_diffusion import sampling

MU, S = 0.3, 0.7  # the data: N(MU, S^2), elementwise


def model(x, sigma):
    s = sigma.reshape(-1, *([1] * (x.ndim - 1))).double()
    return (MU + (x.double() - MU) * S * S / (S * S + s * s)).to(x.dtype)


def record(name, fn, sigmas, seed, **kw):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn([1, 1, 2, 3], generator=gen, dtype=torch.float64) * float(sigmas[0])
    draws = []

    def noise_sampler(sigma, sigma_next):
        z = torch.randn([1, 1, 2, 3], generator=gen, dtype=torch.float64)
        draws.append({"sigma": float(sigma), "sigma_next": float(sigma_next), "z": z.flatten().tolist()})
        return z

    calls = []

    def counted(xi, sigma):
        calls.append(float(sigma[0]))
        return model(xi, sigma)

    if name == "dpmpp_sde" or kw.get("eta"):
        kw["noise_sampler"] = noise_sampler
    x_init = x.clone()
    controller = []  # dpm_adaptive: each attempt's error estimate and the step size it proposed

    def on_step(info):
        if "error" in info:
            controller.append({"error": float(info["error"]), "h": float(info["h"]), "n_accept": info["n_accept"]})

    if name == "dpmpp_sde":
        out = fn(counted, x, sigmas, **kw)
    elif name == "dpm_adaptive":
        out = fn(counted, x, float(sigmas[-2]), float(sigmas[0]), callback=on_step, **kw)
    else:
        out = fn(counted, x, float(sigmas[-2]), float(sigmas[0]), **kw)
    if isinstance(out, tuple):
        out = out[0]
    return {"sampler": name, "options": {k: v for k, v in kw.items() if k != "noise_sampler"},
            "sigmas": [float(s) for s in sigmas], "mu": MU, "s": S, "x_init": x_init.flatten().tolist(),
            "calls": calls, "noise": draws, "controller": controller, "final": out.flatten().tolist()}


def main():
    out_dir = sys.argv[1]
    torch.set_default_dtype(torch.float64)
    runs = []
    for n in (5, 12):
        sig = sampling.get_sigmas_karras(n, 0.002, 80.0, device="cpu").double()
        runs.append(("dpmpp_sde", sampling.sample_dpmpp_sde, sig, {}))
        runs.append(("dpmpp_sde", sampling.sample_dpmpp_sde, sig, {"eta": 0.5, "r": 0.4}))
        runs.append(("dpm_fast", sampling.sample_dpm_fast, sig, {"n": n}))
        runs.append(("dpm_fast", sampling.sample_dpm_fast, sig, {"n": n, "eta": 0.7}))
    sig = sampling.get_sigmas_karras(10, 0.002, 80.0, device="cpu").double()
    runs.append(("dpm_adaptive", sampling.sample_dpm_adaptive, sig, {"order": 3, "rtol": 0.05, "atol": 0.0078}))
    runs.append(("dpm_adaptive", sampling.sample_dpm_adaptive, sig, {"order": 2, "rtol": 0.01, "atol": 0.001}))
    runs.append(("dpm_adaptive", sampling.sample_dpm_adaptive, sig,
                 {"order": 3, "rtol": 0.02, "atol": 0.002, "pcoeff": 0.3, "icoeff": 0.9, "dcoeff": 0.1}))
    for k, (name, fn, sig, kw) in enumerate(runs):
        run = record(name, fn, sig, seed=k, **kw)
        path = "%s/%02d_%s.json" % (out_dir, k, name)
        with open(path, "w") as f:
            json.dump(run, f)
        print(path, len(run["calls"]), "calls", len(run["noise"]), "draws")


if __name__ == "__main__":
    main()
