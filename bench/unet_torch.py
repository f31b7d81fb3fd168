"""A small PyTorch re-implementation of diffusers' UNet2DModel (the configs
diffusion supports), for bench/unet_vs_torch.sh: same weight names, same
function. Reads safetensors with the standard library and NumPy.
  python3 unet_torch.py check DIR            # parity on a diffusers fixture folder
  python3 unet_torch.py time DIR BATCH REPS  # median forward time in ms
  python3 unet_torch.py serve DIR BATCH      # after "ready", for each line K read from
                                             # stdin, K timed forwards (ms) on one line
  python3 unet_torch.py train DIR BATCH REPS # median training step in ms: forward,
                                             # epsilon MSE, backward, AdamW
  python3 unet_torch.py export DIR BATCH OUT # the forward at this batch as ONNX (opset 14),
                                             # for bench/unet_onnx.js
"""
import json
import math
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "BF16": None}


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, e in header.items():
        if k == "__metadata__":
            continue
        b, end = e["data_offsets"]
        arr = np.frombuffer(data[b:end], dtype=DTYPES[e["dtype"]]).reshape(e["shape"])
        out[k] = torch.from_numpy(arr.astype(np.float32) if arr.dtype != np.int64 else arr.copy())
    return out


ACTS = {"silu": F.silu, "swish": F.silu, "mish": F.mish, "gelu": F.gelu}


class UNet:
    def __init__(self, cfg, w):
        self.c, self.w = cfg, w
        self.act = ACTS[cfg.get("act_fn", "silu")]
        self.groups = cfg.get("norm_num_groups", 32)
        self.eps = cfg.get("norm_eps", 1e-5)

    def lin(self, name, x):
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def conv(self, name, x, stride=1, padding=1):
        return F.conv2d(x, self.w[name + ".weight"], self.w[name + ".bias"], stride=stride, padding=padding)

    def gn(self, name, x, groups=None):
        return F.group_norm(x, groups or self.groups, self.w[name + ".weight"], self.w[name + ".bias"], self.eps)

    def resnet(self, name, x, emb, scale=1.0):
        h = self.act(self.gn(name + ".norm1", x))
        h = self.conv(name + ".conv1", h)
        t = self.lin(name + ".time_emb_proj", emb)[:, :, None, None]
        if self.c.get("resnet_time_scale_shift", "default") == "default":
            h = self.act(self.gn(name + ".norm2", h + t))
        else:
            s, sh = t.chunk(2, dim=1)
            h = self.act(self.gn(name + ".norm2", h) * (1 + s) + sh)
        h = self.conv(name + ".conv2", h)
        if name + ".conv_shortcut.weight" in self.w:
            x = self.conv(name + ".conv_shortcut", x, padding=0)
        return (x + h) / scale

    def attn(self, name, x, groups, scale=1.0):
        b, c, hh, ww = x.shape
        head_dim = self.c.get("attention_head_dim", 8) or c
        heads = c // head_dim
        h = self.gn(name + ".group_norm", x, groups) if groups else x
        h = h.view(b, c, hh * ww).transpose(1, 2)
        q, k, v = (self.lin(name + p, h) for p in (".to_q", ".to_k", ".to_v"))
        split = lambda t: t.view(b, -1, heads, head_dim).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        p = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(head_dim), dim=-1)
        o = (p @ v).transpose(1, 2).reshape(b, hh * ww, c)
        o = self.lin(name + ".to_out.0", o).transpose(1, 2).view(b, c, hh, ww)
        return (o + x) / scale

    def __call__(self, x, t, labels=None):
        c, w = self.c, self.w
        ch0 = c["block_out_channels"][0]
        half = ch0 // 2
        shift = c.get("freq_shift", 0)
        exponent = -math.log(10000) * torch.arange(half, dtype=torch.float32) / (half - shift)
        arg = t.float()[:, None] * torch.exp(exponent)[None, :]
        temb = torch.cat([torch.sin(arg), torch.cos(arg)], dim=-1)
        if c.get("flip_sin_to_cos", True):
            temb = torch.cat([temb[:, half:], temb[:, :half]], dim=-1)
        emb = self.lin("time_embedding.linear_2", F.silu(self.lin("time_embedding.linear_1", temb)))
        if labels is not None:
            emb = emb + w["class_embedding.weight"][labels]
        emb = self.act(emb)
        h = self.conv("conv_in", x)
        skips = [h]
        L = len(c["block_out_channels"])
        for i, kind in enumerate(c["down_block_types"]):
            for j in range(c["layers_per_block"]):
                h = self.resnet(f"down_blocks.{i}.resnets.{j}", h, emb)
                if kind == "AttnDownBlock2D":
                    h = self.attn(f"down_blocks.{i}.attentions.{j}", h, self.groups)
                skips.append(h)
            if i < L - 1:
                pad = c.get("downsample_padding", 1)
                if pad == 0:
                    h = F.pad(h, (0, 1, 0, 1))
                h = self.conv(f"down_blocks.{i}.downsamplers.0.conv", h, stride=2, padding=pad)
                skips.append(h)
        s = c.get("mid_block_scale_factor", 1)
        h = self.resnet("mid_block.resnets.0", h, emb, s)
        h = self.attn("mid_block.attentions.0", h, c.get("attn_norm_num_groups") or self.groups, s)
        h = self.resnet("mid_block.resnets.1", h, emb, s)
        for i, kind in enumerate(c["up_block_types"]):
            for j in range(c["layers_per_block"] + 1):
                h = torch.cat([h, skips.pop()], dim=1)
                h = self.resnet(f"up_blocks.{i}.resnets.{j}", h, emb)
                if kind == "AttnUpBlock2D":
                    h = self.attn(f"up_blocks.{i}.attentions.{j}", h, self.groups)
            if i < L - 1:
                h = self.conv(f"up_blocks.{i}.upsamplers.0.conv", F.interpolate(h, scale_factor=2.0, mode="nearest"))
        h = F.silu(self.gn("conv_norm_out", h))
        return self.conv("conv_out", h)


def load(d):
    return UNet(json.load(open(d + "/config.json")), load_safetensors(d + "/diffusion_pytorch_model.safetensors"))


def train_step_ms(m, batch, reps):
    """One training step as diffusion.train takes it: x_t = alpha x0 + sigma eps
    at random timesteps, the network's epsilon MSE, backward, AdamW."""
    c = m.c
    size = c["sample_size"] if isinstance(c["sample_size"], int) else c["sample_size"][0]
    for w in m.w.values():
        w.requires_grad_(True)
    opt = torch.optim.AdamW(list(m.w.values()), lr=1e-4)
    g = torch.Generator().manual_seed(0)
    alphas_cumprod = torch.cumprod(1 - torch.linspace(1e-4, 0.02, 1000), 0)
    times = []
    for rep in range(reps + 1):
        t0 = time.perf_counter()
        x0 = torch.rand(batch, c["in_channels"], size, size, generator=g) * 2 - 1
        eps = torch.randn(x0.shape, generator=g)
        t = torch.randint(0, 1000, (batch,), generator=g)
        a = alphas_cumprod[t].sqrt()[:, None, None, None]
        s = (1 - alphas_cumprod[t]).sqrt()[:, None, None, None]
        labels = torch.randint(0, c["num_class_embeds"], (batch,), generator=g) if c.get("num_class_embeds") else None
        loss = F.mse_loss(m(a * x0 + s * eps, t, labels), eps)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if rep:
            times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2] * 1e3


def export_onnx(m, batch, out):
    """The forward traced with its weights as constants (ONNX initializers),
    inputs sample (and class_labels where the model has classes) and timestep."""
    c = m.c
    size = c["sample_size"] if isinstance(c["sample_size"], int) else c["sample_size"][0]

    class Forward(torch.nn.Module):
        def forward(self, x, t, labels=None):
            return m(x, t, labels)

    x = torch.randn(batch, c["in_channels"], size, size)
    t = torch.full((batch,), 500.0)
    args, names = (x, t), ["sample", "timestep"]
    if c.get("num_class_embeds"):
        args, names = (x, t, torch.zeros(batch, dtype=torch.long)), names + ["class_labels"]
    with torch.no_grad():
        torch.onnx.export(Forward(), args, out, opset_version=14, input_names=names, output_names=["out"])


def main():
    torch.set_num_threads(2)
    mode, d = sys.argv[1], sys.argv[2]
    m = load(d)
    if mode == "train":
        print(f"{train_step_ms(m, int(sys.argv[3]), int(sys.argv[4])):.2f}")
        return
    if mode == "export":
        export_onnx(m, int(sys.argv[3]), sys.argv[4])
        return
    with torch.no_grad():
        if mode == "check":
            io = load_safetensors(d + "/io.safetensors")
            labels = io.get("class_labels")
            if labels is not None:
                labels = labels.long()  # diffusion writes its tensors as F32
            for which in ("int", "float"):
                out = m(io["sample"], io["timestep_" + which], labels)
                ref = io["output_" + which]
                print(f"{which}: max rel err {float((out - ref).abs().max() / ref.abs().max()):.2e}")
            return
        batch, reps = int(sys.argv[3]), int(sys.argv[4]) if mode == "time" else 0
        c = m.c
        size = c["sample_size"] if isinstance(c["sample_size"], int) else c["sample_size"][0]
        x = torch.randn(batch, c["in_channels"], size, size, generator=torch.Generator().manual_seed(0))
        t = torch.full((batch,), 500.0)
        labels = torch.zeros(batch, dtype=torch.long) if c.get("num_class_embeds") else None
        m(x, t, labels)
        if mode == "serve":  # the caller interleaves these with its own passes
            print("ready", flush=True)
            for line in sys.stdin:  # a line: how many passes, back to back
                times = []
                for _ in range(int(line)):
                    t0 = time.perf_counter()
                    m(x, t, labels)
                    times.append(f"{(time.perf_counter() - t0) * 1e3:.3f}")
                print(" ".join(times), flush=True)
            return
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            m(x, t, labels)
            times.append(time.perf_counter() - t0)
        print(f"{sorted(times)[len(times) // 2] * 1e3:.2f}")


if __name__ == "__main__":
    main()
