"""Reference outputs for F16 and BF16 copies of the weights: diffusers' float32
forward on weights rounded to half / bfloat16 precision (what a model loaded
from an fp16 or bf16 file computes, the rounding of the weights alone), for
the SD1 UNet and VAE decoder of the shared fixtures, on their recorded inputs.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_sd_rounded.py spec/fixtures/diffusers/sd
"""
import json
import struct
import sys

import numpy as np
import torch

import diffusers
import torch113_attention_fix  # noqa: F401  (the shims: baddbmm with beta=0 on Debian's torch)

torch.set_num_threads(1)
SD = sys.argv[1]


def read(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, meta in header.items():
        a, b = meta["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[8 + n + a:8 + n + b], dtype=np.float32)
                                     .reshape(meta["shape"]).copy())
    return out


def write(path, tensors):
    header, blobs, off = {}, [], 0
    for name in sorted(tensors):
        b = tensors[name].detach().numpy().astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [off, off + len(b)]}
        off += len(b)
        blobs.append(b)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    open(path, "wb").write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def rounded(model, dtype):
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.to(dtype).float())
    return model


out = {}
unet_io, vae_io = read(SD + "/sd1/unet_io.safetensors"), read(SD + "/sd1/vae_io.safetensors")
for name, dtype in (("f16", torch.float16), ("bf16", torch.bfloat16)):
    unet = rounded(diffusers.UNet2DConditionModel.from_pretrained(SD + "/sd1/unet"), dtype).eval()
    with torch.no_grad():
        out["unet_" + name] = unet(unet_io["sample"], unet_io["timestep_float"],
                                   encoder_hidden_states=unet_io["encoder_hidden_states"]).sample
    vae = rounded(diffusers.AutoencoderKL.from_pretrained(SD + "/sd1/vae"), dtype).eval()
    with torch.no_grad():
        out["vae_decode_" + name] = vae.decode(vae_io["latent"]).sample
write(SD + "/sd1/rounded_io.safetensors", out)
print({k: tuple(v.shape) for k, v in out.items()})
