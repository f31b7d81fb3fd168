"""Writes spec/fixtures/diffusers/unet/mixed_resnet/: a diffusers UNet2DModel
whose down and up blocks mix DownBlock2D/AttnDownBlock2D (UpBlock2D/
AttnUpBlock2D) with downsample_type = upsample_type = "resnet", which
diffusers passes only to the attention blocks (get_down_block / get_up_block):
the plain blocks keep conv samplers. Random weights, perturbed; io.safetensors
as in the other UNet fixtures. A peer tool, never a dependency.

  PYTHONPATH=DIFFUSERS/src:HUB/src:shared/peers/shims /usr/bin/python3 \
    bench/peers/record_unet_mixed_resnet.py OUT_DIR
"""
import sys

import torch
from diffusers import UNet2DModel
import torch113_attention_fix  # noqa: F401  (torch 1.13 baddbmm with beta=0, see shared/peers)
from safetensors.torch import save_file

out = sys.argv[1]
torch.manual_seed(0)
model = UNet2DModel(
    sample_size=8, in_channels=2, out_channels=2, layers_per_block=1, block_out_channels=(8, 16, 16),
    down_block_types=("DownBlock2D", "AttnDownBlock2D", "DownBlock2D"),
    up_block_types=("UpBlock2D", "AttnUpBlock2D", "UpBlock2D"),
    downsample_type="resnet", upsample_type="resnet", norm_num_groups=4, attention_head_dim=8)
with torch.no_grad():
    for p in model.parameters():
        p.add_(torch.randn_like(p) * 0.05)
model.eval()
model.save_pretrained(out, safe_serialization=True)
sample = torch.randn(2, 2, 8, 8)
t_int = torch.tensor([17, 803], dtype=torch.int64)
t_float = torch.tensor([417.25, 3.5])
with torch.no_grad():
    out_int = model(sample, t_int).sample
    out_float = model(sample, t_float).sample
save_file({"sample": sample, "timestep_int": t_int, "output_int": out_int, "timestep_float": t_float,
           "output_float": out_float}, out + "/io.safetensors")
names = sorted(n for n, _ in model.named_parameters() if "sampler" in n)
print("\n".join(names))
