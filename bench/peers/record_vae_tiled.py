"""Reference outputs of diffusers' tiled VAE (AutoencoderKL.enable_tiling) for
the SD1 fixture VAE: its tiles are sample_size 64 (latents 16), overlapping by
a quarter; a 96 x 96 image and 24 x 24 latents need four tiles each.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_vae_tiled.py spec/fixtures/diffusers/sd
"""
import sys

import torch

import diffusers
import torch113_attention_fix  # noqa: F401

sys.path.insert(0, sys.argv[1])
import extract  # noqa: E402  (its safetensors writer)

torch.set_num_threads(1)
SD = sys.argv[1]
vae = diffusers.AutoencoderKL.from_pretrained(SD + "/sd1/vae").eval()
vae.enable_tiling()
g = torch.Generator().manual_seed(5)
image = torch.rand(1, 3, 96, 96, generator=g) * 2 - 1
latent = torch.randn(1, 4, 24, 24, generator=g)
with torch.no_grad():
    dist = vae.encode(image).latent_dist
    decoded = vae.decode(latent).sample
extract.write(SD + "/sd1/vae_tiled_io.safetensors", {"image": image.numpy(), "mean": dist.mean.numpy(),
              "std": dist.std.numpy(), "latent": latent.numpy(), "decoded": decoded.numpy()})
print(dist.mean.shape, decoded.shape)
