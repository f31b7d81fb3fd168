"""An SDXL img2img run (the shared fixtures have none): diffusers 0.31's
StableDiffusionXLImg2ImgPipeline with the sdxl fixture's UNet and VAE, its
Euler scheduler, strength 0.6 of 10 steps, guidance 5, on the sd1 inpaint
run's image. Without transformers here, the prompts go in as the embeddings
transformers recorded for the sdxl Euler run (both encoders' states and the
pooled projection, its negative prompt's too). The VAE posterior's draw and
the noise added to the image latents are recorded.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_sdxl_img2img.py spec/fixtures/diffusers/sd
"""
import json
import os
import sys

import recording  # before diffusers: its stand-in transformers

import torch  # noqa: E402

import diffusers  # noqa: E402
import torch113_attention_fix  # noqa: E402,F401
from diffusers.pipelines.stable_diffusion_xl import pipeline_stable_diffusion_xl_img2img as xl_img2img  # noqa: E402

SD = sys.argv[1]
sys.path.insert(0, SD)
import extract  # noqa: E402

torch.set_num_threads(1)


def read(path):
    return recording.read(extract, path)


draws = recording.draws
recording.keep_posterior_draws()

def randn_tensor(shape, generator=None, device=None, dtype=None, layout=None):  # the added noise, kept
    eps = torch.randn(shape, generator=generator)
    draws.append(eps.clone())
    return eps


xl_img2img.randn_tensor = randn_tensor

XL = os.path.join(SD, "sdxl")
runs = json.load(open(os.path.join(XL, "runs.json")))
euler = runs["txt2img_euler"]
unet = diffusers.UNet2DConditionModel.from_pretrained(os.path.join(XL, "unet")).eval()
vae = diffusers.AutoencoderKL.from_pretrained(os.path.join(XL, "vae")).eval()
scheduler = diffusers.EulerDiscreteScheduler.from_config(euler["scheduler"]["config"])
pipe = diffusers.StableDiffusionXLImg2ImgPipeline(vae=vae, text_encoder=None, text_encoder_2=None, tokenizer=None,
                                                  tokenizer_2=None, unet=unet, scheduler=scheduler,
                                                  requires_aesthetics_score=False, force_zeros_for_empty_prompt=True)
t = read(os.path.join(XL, "txt2img_euler_io.safetensors"))
image = read(os.path.join(SD, "sd1/inpaint_ddim_io.safetensors"))["init_image"]
steps = []


def on_step(_, i, ts, kwargs):
    steps.append(kwargs["latents"].clone())
    return kwargs


with torch.no_grad():
    out = pipe(prompt_embeds=t["prompt_embeds"], negative_prompt_embeds=t["negative_prompt_embeds"],
               pooled_prompt_embeds=t["pooled_prompt_embeds"],
               negative_pooled_prompt_embeds=t["negative_pooled_prompt_embeds"], image=image, strength=0.6,
               num_inference_steps=10, guidance_scale=5.0, generator=torch.Generator().manual_seed(3),
               output_type="np", callback_on_step_end=on_step).images
assert len(draws) == 2, len(draws)  # the image's posterior, then the noise added to it
extract.write(os.path.join(XL, "img2img_euler_io.safetensors"), {
    "image_noise": draws[0].numpy(), "latents": draws[1].numpy(), "init_image": image.numpy(),
    "latents_per_step": torch.stack(steps).numpy(), "image": out})
runs = {"img2img_euler": {
    "call": "StableDiffusionXLImg2ImgPipeline(sdxl unet and vae, EulerDiscreteScheduler of the txt2img run)"
            "(prompt_embeds, negative_prompt_embeds, pooled_prompt_embeds, negative_pooled_prompt_embeds, image, "
            "strength=0.6, num_inference_steps=10, guidance_scale=5, generator)",
    "prompt": euler["prompt"], "negative_prompt": euler["negative_prompt"], "strength": 0.6,
    "num_inference_steps": 10, "guidance_scale": 5.0, "scheduler": euler["scheduler"],
    "diffusers": diffusers.__version__, "torch": torch.__version__}}
json.dump(runs, open(os.path.join(XL, "img2img_runs.json"), "w"), indent=1)
print("steps", len(steps), "image", out.shape)
