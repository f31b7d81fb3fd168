"""The tiny SD2 fixture pipeline (spec/fixtures/diffusers/sd/sd2) as an
original SD 2.x checkpoint, converted by diffusers' own script
(scripts/convert_diffusers_to_original_stable_diffusion.py of v0.31.0): its
UNet and VAE converters, and its OpenCLIP text encoder converter, which the
script picks for checkpoints with 23 or more text layers (this one has 3), so
it is called here directly, as the script calls it. The script's VAE map
numbers the decoder's levels for SD's four (LDM's up.3 is diffusers'
up_blocks.0); this VAE has three, so its up.N are renumbered N - 1, as the
shared fixtures' sd1.safetensors has them.

    git --git-dir=<diffusers mirror> show v0.31.0:scripts/convert_diffusers_to_original_stable_diffusion.py > conv.py
    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_sd2_single_file.py conv.py spec/fixtures/diffusers/sd
"""
import importlib.util
import json
import os
import re
import sys

from safetensors.torch import load_file, save_file

spec = importlib.util.spec_from_file_location("convert", sys.argv[1])
convert = importlib.util.module_from_spec(spec)
sys.argv = sys.argv[:1] + sys.argv[2:]  # (the script parses no arguments at import)
spec.loader.exec_module(convert)
SD2 = os.path.join(sys.argv[1], "sd2")

unet = convert.convert_unet_state_dict(load_file(os.path.join(SD2, "unet/diffusion_pytorch_model.safetensors")))
vae = convert.convert_vae_state_dict(load_file(os.path.join(SD2, "vae/diffusion_pytorch_model.safetensors")))
levels = len(json.load(open(os.path.join(SD2, "vae/config.json")))["block_out_channels"])
vae = {re.sub(r"^decoder\.up\.(\d+)\.", lambda m: f"decoder.up.{int(m.group(1)) - (4 - levels)}.", k): v
       for k, v in vae.items()}
text = load_file(os.path.join(SD2, "text_encoder/model.safetensors"))
text = convert.convert_text_enc_state_dict_v20({"transformer." + k: v for k, v in text.items()})
state = {**{"model.diffusion_model." + k: v for k, v in unet.items()},
         **{"first_stage_model." + k: v for k, v in vae.items()},
         **{"cond_stage_model.model." + k: v for k, v in text.items()}}
out = os.path.join(sys.argv[1], "sd2_single_file")
os.makedirs(out, exist_ok=True)
save_file(state, os.path.join(out, "sd2.safetensors"))
print(len(state), "tensors;", sorted(k for k in text)[:6])
