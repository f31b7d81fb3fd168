"""Records diffusers scheduler runs in the format of spec/fixtures/diffusers/
schedulers/ (see spec/fixtures/diffusers/README.md): one sampling loop per
file, driven as a pipeline drives it, with the stand-in model and every noise
tensor the scheduler drew. A peer tool for fixtures, never a dependency.

  PYTHONPATH=DIFFUSERS/src:HUB/src:shared/peers/shims:STUBS /usr/bin/python3 \
    bench/peers/record_scheduler_runs.py OUT_DIR [FIRST]

(STUBS: an importable `torchsde` module, which DPMSolverSDEScheduler imports for
the Brownian tree this script replaces with recorded draws.)

writes the runs at step counts that do not divide num_train_timesteps
(7, 13, 17, 33) with each timestep spacing, as OUT_DIR/odd_NN_<Class>.json (from run FIRST on, 0 by default).
"""
import json
import math
import sys

import torch
import diffusers
from diffusers.utils import torch_utils

MODEL = "0.9*x + 0.1*tanh(3*x)*cos(t/300) + 0.02*sin(t/100)"


def model(x, t):
    t = float(t)
    return 0.9 * x + 0.1 * torch.tanh(3 * x) * math.cos(t / 300) + 0.02 * math.sin(t / 100)


drawn = []
_randn_tensor = torch_utils.randn_tensor


def recording_randn(shape, generator=None, device=None, dtype=None, layout=None):
    out = _randn_tensor(shape, generator=generator, device=device, dtype=dtype, layout=layout)
    drawn.append(out.flatten().tolist())
    return out


class RecordingNoiseSampler:
    """Stands in for k-diffusion's BrownianTreeNoiseSampler (torchsde is not
    packaged here): standard normal draws, recorded like every other draw, so
    the run can be replayed from them."""

    def __init__(self, x, sigma_min, sigma_max, seed=None, transform=None):
        self.shape = x.shape
        self.gen = torch.Generator().manual_seed(1234 if seed is None else seed)

    def __call__(self, sigma, sigma_next):
        z = torch.randn(self.shape, generator=self.gen)
        drawn.append(z.flatten().tolist())
        return z


def patch_noise():
    import importlib
    import pkgutil
    import diffusers.schedulers as pkg
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("scheduling_") and "flax" not in info.name:
            try:
                mod = importlib.import_module("diffusers.schedulers." + info.name)
            except ImportError:
                continue
            if hasattr(mod, "BrownianTreeNoiseSampler"):  # DPMSolverSDE: recorded normal draws instead
                mod.BrownianTreeNoiseSampler = RecordingNoiseSampler
            if hasattr(mod, "randn_tensor"):
                mod.randn_tensor = recording_randn


def finite(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if v != v else ("inf" if v > 0 else "-inf")
    return v


def record(cls_name, config, steps, seed, eta=None):
    cls = getattr(diffusers, cls_name)
    sched = cls(**config)
    sched.set_timesteps(steps)
    gen = torch.Generator().manual_seed(seed)
    shape = [1, 1, 2, 3]
    x_init = torch.randn(shape, generator=gen)
    x = x_init * sched.init_noise_sigma
    calls = []
    step_gen = torch.Generator().manual_seed(seed + 1)
    for t in sched.timesteps:
        inp = sched.scale_model_input(x, t)
        out = model(inp, t)
        del drawn[:]
        kwargs = {}
        if eta is not None:
            kwargs["eta"] = eta
        if "generator" in sched.step.__code__.co_varnames:
            kwargs["generator"] = step_gen
        x = sched.step(out, t, x, **kwargs).prev_sample
        calls.append({"t": float(t), "model_input": inp.flatten().tolist(), "model_output": out.flatten().tolist(),
                      "prev_sample": x.flatten().tolist(), "noise": [list(n) for n in drawn]})
    run = {"scheduler": cls_name, "config": {k: finite(v) for k, v in dict(sched.config).items()
                                              if not k.startswith("_")},
           "num_inference_steps": steps, "shape": shape, "x_init": x_init.flatten().tolist(),
           "init_noise_sigma": float(sched.init_noise_sigma), "timesteps": [float(t) for t in sched.timesteps],
           "eta": eta, "model": MODEL, "calls": calls, "final": x.flatten().tolist()}
    if hasattr(sched, "sigmas"):
        run["sigmas"] = [float(s) for s in sched.sigmas]
    return run


ZERO_SNR = {"rescale_betas_zero_snr": True, "prediction_type": "v_prediction", "beta_schedule": "scaled_linear",
            "beta_start": 0.00085, "beta_end": 0.012}

RUNS = [
    # class, config, steps, eta
    ("DDPMScheduler", {"timestep_spacing": "trailing", "clip_sample": False}, 7, None),
    ("DDPMScheduler", {"timestep_spacing": "trailing", "clip_sample": False, "beta_schedule": "squaredcos_cap_v2",
                       "prediction_type": "v_prediction"}, 13, None),
    ("DDPMScheduler", {"timestep_spacing": "linspace", "clip_sample": False}, 17, None),
    ("DDPMScheduler", {"timestep_spacing": "leading", "clip_sample": False}, 33, None),
    ("DDPMScheduler", {"timestep_spacing": "trailing", "variance_type": "fixed_large"}, 17, None),
    ("DDIMScheduler", {"timestep_spacing": "trailing"}, 7, 0.0),
    ("DDIMScheduler", {"timestep_spacing": "linspace"}, 7, 0.0),
    ("DDIMScheduler", {"timestep_spacing": "leading", "steps_offset": 1}, 13, 1.0),
    ("DDIMScheduler", {"timestep_spacing": "linspace", "set_alpha_to_one": False}, 17, 0.0),
    ("PNDMScheduler", {"skip_prk_steps": True, "timestep_spacing": "leading"}, 13, None),
    ("PNDMScheduler", {"timestep_spacing": "trailing", "skip_prk_steps": True}, 7, None),
    ("PNDMScheduler", {"timestep_spacing": "linspace", "skip_prk_steps": True}, 17, None),
    ("PNDMScheduler", {"timestep_spacing": "trailing"}, 7, None),
    ("PNDMScheduler", {"timestep_spacing": "leading"}, 13, None),
    ("DPMSolverMultistepScheduler", {"timestep_spacing": "trailing"}, 7, None),
    ("DPMSolverMultistepScheduler", {"timestep_spacing": "leading"}, 13, None),
    ("DPMSolverMultistepScheduler", {"timestep_spacing": "linspace", "solver_order": 3}, 17, None),
    ("DPMSolverMultistepScheduler", {"algorithm_type": "sde-dpmsolver++", "timestep_spacing": "trailing"}, 13, None),
    ("UniPCMultistepScheduler", {"timestep_spacing": "trailing"}, 13, None),
    ("UniPCMultistepScheduler", {"timestep_spacing": "leading"}, 7, None),
    ("DEISMultistepScheduler", {"timestep_spacing": "trailing"}, 17, None),
    ("DPMSolverSinglestepScheduler", {}, 13, None),
    ("EulerDiscreteScheduler", {"timestep_spacing": "trailing"}, 7, None),
    ("EulerDiscreteScheduler", {"timestep_spacing": "leading"}, 13, None),
    ("EulerDiscreteScheduler", {"timestep_spacing": "linspace"}, 33, None),
    ("EulerAncestralDiscreteScheduler", {"timestep_spacing": "trailing"}, 13, None),
    ("HeunDiscreteScheduler", {"timestep_spacing": "trailing"}, 7, None),
    ("KDPM2DiscreteScheduler", {"timestep_spacing": "leading"}, 7, None),
    ("LMSDiscreteScheduler", {"timestep_spacing": "trailing"}, 17, None),
    ("IPNDMScheduler", {}, 13, None),
    ("LCMScheduler", {}, 7, None),
    ("TCDScheduler", {}, 7, None),
    ("DPMSolverSDEScheduler", {}, 7, None),
    ("DPMSolverSDEScheduler", {"use_karras_sigmas": True, "prediction_type": "v_prediction"}, 13, None),
    ("DPMSolverSDEScheduler", {"timestep_spacing": "trailing", "beta_schedule": "scaled_linear"}, 17, None),
    # zero terminal SNR on v-prediction (the only prediction that works there): the first level has
    # alpha = 0, or 2^-24 in the four classes whose first sigma would be infinite
    ("EulerDiscreteScheduler", dict(ZERO_SNR, timestep_spacing="trailing"), 7, None),
    ("EulerAncestralDiscreteScheduler", dict(ZERO_SNR, timestep_spacing="trailing"), 13, None),
    ("DPMSolverMultistepScheduler", dict(ZERO_SNR, timestep_spacing="trailing"), 7, None),
    ("UniPCMultistepScheduler", dict(ZERO_SNR, timestep_spacing="trailing"), 13, None),
    ("DDIMScheduler", dict(ZERO_SNR, timestep_spacing="trailing"), 7, 0.0),
    ("LCMScheduler", dict(ZERO_SNR), 4, None),
]


def main():
    out_dir = sys.argv[1]
    patch_noise()
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    for k, (cls_name, config, steps, eta) in enumerate(RUNS):
        if k < first:
            continue
        run = record(cls_name, config, steps, seed=100 + k, eta=eta)
        path = "%s/odd_%02d_%s.json" % (out_dir, k, cls_name)
        with open(path, "w") as f:
            json.dump(run, f)
        print(path, run["timesteps"][:4], "...")


if __name__ == "__main__":
    main()
