"""A 9-channel inpainting run (the shared fixtures have none): diffusers 0.31's
StableDiffusionInpaintPipeline with the sd1 fixture's VAE, a tiny random
9-channel UNet in sd1's shapes (the fixtures' convention: every parameter +
0.05 randn, saved with save_pretrained), DDIM from sd1's PNDM config, 8 steps,
guidance 7.5, on the sd1 inpaint run's image and mask: at strength 1, and at
strength 0.6 (the image's latents noised to the first kept step). Without
transformers here, the prompt goes in as the embeddings transformers recorded
for the sd1 Euler run (its first prompt and negative prompt), and a stand-in
`transformers` module satisfies the pipeline module's imports. The VAE
posterior's draws (the masked image's; at strength 0.6 the image's first) and
the initial noise are recorded.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_inpaint9.py spec/fixtures/diffusers/sd
"""
import json
import os
import sys

import recording  # before diffusers: its stand-in transformers

import torch  # noqa: E402

import diffusers  # noqa: E402
import torch113_attention_fix  # noqa: E402,F401
from diffusers.pipelines.stable_diffusion import pipeline_stable_diffusion_inpaint as inpaint  # noqa: E402

SD = sys.argv[1]
sys.path.insert(0, SD)
import extract  # noqa: E402

torch.set_num_threads(1)


def read(path):
    return recording.read(extract, path)


draws = recording.draws
recording.keep_posterior_draws()


out_dir = os.path.join(SD, "inpaint9")
config = json.load(open(os.path.join(SD, "sd1/unet/config.json")))
config = {k: v for k, v in config.items() if not k.startswith("_")}
config["in_channels"] = 9
torch.manual_seed(9)
unet = diffusers.UNet2DConditionModel(**config)
with torch.no_grad():
    for p in unet.parameters():
        p.add_(0.05 * torch.randn_like(p))
unet.save_pretrained(os.path.join(out_dir, "unet"), safe_serialization=True)
unet = diffusers.UNet2DConditionModel.from_pretrained(os.path.join(out_dir, "unet")).eval()
vae = diffusers.AutoencoderKL.from_pretrained(os.path.join(SD, "sd1/vae")).eval()
pndm = json.load(open(os.path.join(SD, "sd1/runs.json")))["inpaint_ddim"]["scheduler"]["config"]
scheduler = diffusers.DDIMScheduler.from_config(pndm)
pipe = diffusers.StableDiffusionInpaintPipeline(vae=vae, text_encoder=None, tokenizer=None, unet=unet,
                                                scheduler=scheduler, safety_checker=None,
                                                feature_extractor=None, requires_safety_checker=False)

euler = read(os.path.join(SD, "sd1/txt2img_euler_io.safetensors"))
images = read(os.path.join(SD, "sd1/inpaint_ddim_io.safetensors"))
noise = torch.randn(1, 4, 16, 16, generator=torch.Generator().manual_seed(1))


def randn_tensor(shape, generator=None, device=None, dtype=None, layout=None):  # the initial noise, kept
    eps = torch.randn(shape, generator=generator)
    draws.append(eps.clone())
    return eps


inpaint.randn_tensor = randn_tensor


def run(strength):
    steps = []

    def on_step(_, i, t, kwargs):
        steps.append(kwargs["latents"].clone())
        return kwargs

    del draws[:]
    with torch.no_grad():  # at strength 1 the noise given; below, drawn (diffusers ignores given latents there)
        image = pipe(prompt_embeds=euler["prompt_embeds"][:1],
                     negative_prompt_embeds=euler["negative_prompt_embeds"][:1], image=images["init_image"],
                     mask_image=images["mask_image"], num_inference_steps=8, guidance_scale=7.5, strength=strength,
                     latents=noise if strength == 1 else None, generator=torch.Generator().manual_seed(2),
                     output_type="np", callback_on_step_end=on_step).images
    return image, torch.stack(steps)


common = {"init_image": images["init_image"].numpy(), "mask_image": images["mask_image"].numpy(),
          "prompt_embeds": euler["prompt_embeds"][:1].numpy(),
          "negative_prompt_embeds": euler["negative_prompt_embeds"][:1].numpy()}
image, steps = run(1.0)
assert len(draws) == 1, len(draws)  # strength 1: the masked image's posterior only
extract.write(os.path.join(out_dir, "inpaint9_ddim_io.safetensors"), dict(common, **{
    "latents": noise.numpy(), "image_noise": draws[0].numpy(), "latents_per_step": steps.numpy(), "image": image}))
print("strength 1: steps", len(steps), "image", image.shape)
image, steps = run(0.6)
assert len(draws) == 3, len(draws)  # the image's posterior, the noise added to it, the masked image's posterior
extract.write(os.path.join(out_dir, "inpaint9_ddim_strength_io.safetensors"), dict(common, **{
    "image_noise": draws[0].numpy(), "latents": draws[1].numpy(), "masked_image_noise": draws[2].numpy(),
    "latents_per_step": steps.numpy(), "image": image}))
print("strength 0.6: steps", len(steps), "image", image.shape)


def described(strength):
    return {"call": "StableDiffusionInpaintPipeline(sd1 vae, 9-channel unet, DDIMScheduler.from_config(sd1 pndm "
                    "config))(prompt_embeds, negative_prompt_embeds, image, mask_image, num_inference_steps=8, "
                    "guidance_scale=7.5, %sgenerator) (strength %g)" % ("latents, " if strength == 1 else
                                                                         "strength=0.6, ", strength),
            "prompt": "a red sports car on a mountain road", "negative_prompt": "blurry, low quality",
            "num_inference_steps": 8, "guidance_scale": 7.5, "strength": strength,
            "scheduler": {"class": "DDIMScheduler", "config": pndm},
            "diffusers": diffusers.__version__, "torch": torch.__version__}


json.dump({"inpaint9_ddim": described(1.0), "inpaint9_ddim_strength": described(0.6)},
          open(os.path.join(out_dir, "runs.json"), "w"), indent=1)
