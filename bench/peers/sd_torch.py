"""The PyTorch side of bench/sd_vs_torch.lua: diffusers 0.31's own
UNet2DConditionModel and AutoencoderKL in the Stable Diffusion 1.5 shapes,
with random weights written by save_pretrained (a benchmark's peer, never a
dependency; ../shared/peers/README.md says how to run diffusers here).
  python3 sd_torch.py make DIR               # DIR/unet, DIR/vae: SD1.5-shaped, random (seed 0)
  python3 sd_torch.py taesd DIR              # DIR/taesd: an AutoencoderTiny of TAESD's shapes (the defaults)
  python3 sd_torch.py serve DIR PART BATCH   # PART unet | decode | pipeline; after "ready", for each
                                             # line K read from stdin, K timed passes (ms) on one line
PART pipeline: StableDiffusionPipeline over DIR's UNet, VAE and PNDM scheduler, 20 steps, guidance
7.5, 512 x 512, from prompt embeddings (without transformers here there is no text encoder: its
0.10 s a prompt are not in the time), BATCH images a call.
"""
import sys
import time

import recording  # noqa: F401  (before diffusers: the stand-in transformers its pipelines import)

import torch
import diffusers
import torch113_attention_fix  # noqa: F401  (Debian torch 1.13's baddbmm with beta = 0)

UNET = dict(sample_size=64, in_channels=4, out_channels=4, layers_per_block=2,
            block_out_channels=(320, 640, 1280, 1280),
            down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
            up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
            cross_attention_dim=768, attention_head_dim=8)
VAE = dict(in_channels=3, out_channels=3, latent_channels=4, layers_per_block=2, sample_size=512,
           block_out_channels=(128, 256, 512, 512), scaling_factor=0.18215,
           down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4)


def make(d):
    torch.manual_seed(0)
    diffusers.UNet2DConditionModel(**UNET).save_pretrained(d + "/unet", safe_serialization=True)
    diffusers.AutoencoderKL(**VAE).save_pretrained(d + "/vae", safe_serialization=True)


def taesd(d):
    torch.manual_seed(0)
    diffusers.AutoencoderTiny().save_pretrained(d + "/taesd", safe_serialization=True)


def serve(d, part, batch):
    g = torch.Generator().manual_seed(0)
    warm = None  # the call before "ready": a pass, or for the pipeline a one-step run
    if part == "unet":
        m = diffusers.UNet2DConditionModel.from_pretrained(d + "/unet", low_cpu_mem_usage=False).eval()
        x = torch.randn(batch, 4, 64, 64, generator=g)
        e = torch.randn(batch, 77, 768, generator=g)
        t = torch.full((batch,), 500.0)
        run = lambda: m(x, t, encoder_hidden_states=e).sample  # noqa: E731
    elif part == "decode":
        m = diffusers.AutoencoderKL.from_pretrained(d + "/vae", low_cpu_mem_usage=False).eval()
        z = torch.randn(batch, 4, 64, 64, generator=g)
        run = lambda: m.decode(z).sample  # noqa: E731
    else:
        pipe = diffusers.StableDiffusionPipeline(
            vae=diffusers.AutoencoderKL.from_pretrained(d + "/vae", low_cpu_mem_usage=False).eval(),
            unet=diffusers.UNet2DConditionModel.from_pretrained(d + "/unet", low_cpu_mem_usage=False).eval(),
            scheduler=diffusers.PNDMScheduler.from_pretrained(d + "/scheduler"), text_encoder=None,
            tokenizer=None, safety_checker=None, feature_extractor=None, requires_safety_checker=False)
        pipe.set_progress_bar_config(disable=True)
        e, n = torch.randn(batch, 77, 768, generator=g), torch.randn(batch, 77, 768, generator=g)
        def run(steps=20):
            return pipe(prompt_embeds=e, negative_prompt_embeds=n, num_inference_steps=steps, guidance_scale=7.5,
                        height=512, width=512, generator=torch.Generator().manual_seed(1), output_type="np").images
        warm = lambda: run(1)  # noqa: E731
    with torch.no_grad():
        (warm or run)()
        print("ready", flush=True)
        for line in sys.stdin:
            times = []
            for _ in range(int(line)):
                t0 = time.perf_counter()
                run()
                times.append(f"{(time.perf_counter() - t0) * 1e3:.1f}")
            print(" ".join(times), flush=True)


if __name__ == "__main__":
    torch.set_num_threads(2)
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "taesd":
        taesd(sys.argv[2])
    else:
        serve(sys.argv[2], sys.argv[3], int(sys.argv[4]))
