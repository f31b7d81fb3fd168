"""The tiny SDXL fixture pipeline (spec/fixtures/diffusers/sd/sdxl) as an
original SDXL checkpoint, converted by diffusers' own script
(scripts/convert_diffusers_to_original_sdxl.py of v0.31.0), as its __main__
does: the UNet and VAE converters, the first text encoder as it is
(conditioner.embedders.0.transformer.*), the second through the OpenCLIP
converter (conditioner.embedders.1.model.*) with its projection transposed
to `text_projection`. The script's VAE map numbers the decoder's levels for
SDXL's four (LDM's up.3 is diffusers' up_blocks.0); this VAE has three, so
its up.N are renumbered N - 1, as the shared fixtures' sd1.safetensors has
them. Its UNet map is written for SDXL's three levels; the fixture's two
(the first without attention, as SDXL's) take the same names.

    git --git-dir=<diffusers mirror> show v0.31.0:scripts/convert_diffusers_to_original_sdxl.py > convxl.py
    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_sdxl_single_file.py convxl.py spec/fixtures/diffusers/sd
"""
import importlib.util
import json
import os
import re
import sys

from safetensors.torch import load_file, save_file

spec = importlib.util.spec_from_file_location("convert", sys.argv[1])
convert = importlib.util.module_from_spec(spec)
sys.argv = sys.argv[:1] + sys.argv[2:]  # (the script parses its arguments under __main__ only)
spec.loader.exec_module(convert)
XL = os.path.join(sys.argv[1], "sdxl")

unet = convert.convert_unet_state_dict(load_file(os.path.join(XL, "unet/diffusion_pytorch_model.safetensors")))
vae = convert.convert_vae_state_dict(load_file(os.path.join(XL, "vae/diffusion_pytorch_model.safetensors")))
levels = len(json.load(open(os.path.join(XL, "vae/config.json")))["block_out_channels"])
vae = {re.sub(r"^decoder\.up\.(\d+)\.", lambda m: f"decoder.up.{int(m.group(1)) - (4 - levels)}.", k): v
       for k, v in vae.items()}
text = convert.convert_openai_text_enc_state_dict(load_file(os.path.join(XL, "text_encoder/model.safetensors")))
text_2 = convert.convert_openclip_text_enc_state_dict(load_file(os.path.join(XL, "text_encoder_2/model.safetensors")))
text_2 = {"conditioner.embedders.1.model." + k: v for k, v in text_2.items()}
text_2["conditioner.embedders.1.model.text_projection"] = text_2.pop(
    "conditioner.embedders.1.model.text_projection.weight").T.contiguous()
state = {**{"model.diffusion_model." + k: v for k, v in unet.items()},
         **{"first_stage_model." + k: v for k, v in vae.items()},
         **{"conditioner.embedders.0.transformer." + k: v for k, v in text.items()}, **text_2}
unmapped = [k for k in unet if not re.match(r"(input_blocks|middle_block|output_blocks|time_embed|label_emb|out)\.", k)]
assert not unmapped, unmapped[:5]  # the hard-coded map named every tensor of this UNet
out = os.path.join(sys.argv[1], "sdxl_single_file")
os.makedirs(out, exist_ok=True)
save_file(state, os.path.join(out, "sdxl.safetensors"))
print(len(state), "tensors;", sorted(k for k in text_2)[:4])
