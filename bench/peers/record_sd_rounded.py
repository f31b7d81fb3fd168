"""Reference outputs for F16 and BF16 copies of the weights: diffusers' float32
forward on weights rounded to half / bfloat16 precision (what a model loaded
from an fp16 or bf16 file computes, the rounding of the weights alone), for
the SD1 UNet and VAE decoder of the shared fixtures, on their recorded inputs.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_sd_rounded.py spec/fixtures/diffusers/sd
"""
import sys

import torch

import diffusers
import torch113_attention_fix  # noqa: F401  (the shims: baddbmm with beta=0 on Debian's torch)

torch.set_num_threads(1)
SD = sys.argv[1]
sys.path.insert(0, SD)
import extract  # noqa: E402  (the fixtures' safetensors reader and writer)


def read(path):
    return {k: torch.from_numpy(v.copy()) for k, v in extract.read(path).items()}


def write(path, tensors):
    extract.write(path, {k: v.detach().numpy() for k, v in tensors.items()})


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

# TAESD and DiT through diffusers; the SD1 text encoder through a plain torch
# CLIP text tower (transformers is not needed), first checked against the
# fixture's float32 outputs of transformers
taesd_io = read(SD + "/taesd_io.safetensors")
dit_io = read(SD + "/dit/transformer_io.safetensors")
te_io = read(SD + "/sd1/text_encoder_io.safetensors")


def clip_text(w, ids, layers=3, heads=4, eps=1e-5):
    ids = ids.long()
    n, length = ids.shape
    h = w["text_model.embeddings.token_embedding.weight"][ids] + \
        w["text_model.embeddings.position_embedding.weight"][:length]
    mask = torch.full((length, length), float("-inf")).triu(1)
    for i in range(layers):
        p = "text_model.encoder.layers.%d." % i
        x = torch.nn.functional.layer_norm(h, (h.shape[-1],), w[p + "layer_norm1.weight"], w[p + "layer_norm1.bias"], eps)
        q, k, v = (torch.nn.functional.linear(x, w[p + "self_attn.%s_proj.weight" % s], w[p + "self_attn.%s_proj.bias" % s])
                   for s in "qkv")
        d = q.shape[-1] // heads
        q, k, v = (t.view(n, length, heads, d).transpose(1, 2) for t in (q, k, v))
        a = torch.softmax(q @ k.transpose(-1, -2) / d ** 0.5 + mask, dim=-1) @ v
        a = a.transpose(1, 2).reshape(n, length, heads * d)
        h = h + torch.nn.functional.linear(a, w[p + "self_attn.out_proj.weight"], w[p + "self_attn.out_proj.bias"])
        x = torch.nn.functional.layer_norm(h, (h.shape[-1],), w[p + "layer_norm2.weight"], w[p + "layer_norm2.bias"], eps)
        x = torch.nn.functional.linear(x, w[p + "mlp.fc1.weight"], w[p + "mlp.fc1.bias"])
        x = x * torch.sigmoid(1.702 * x)  # quick_gelu
        h = h + torch.nn.functional.linear(x, w[p + "mlp.fc2.weight"], w[p + "mlp.fc2.bias"])
    return torch.nn.functional.layer_norm(h, (h.shape[-1],), w["text_model.final_layer_norm.weight"],
                                          w["text_model.final_layer_norm.bias"], eps)


te_weights = read(SD + "/sd1/text_encoder/model.safetensors")
check = clip_text(te_weights, te_io["input_ids"])
err = float((check - te_io["last_hidden_state"]).abs().max() / te_io["last_hidden_state"].abs().max())
assert err < 1e-5, err  # the plain tower is transformers' to float32 rounding
for name, dtype in (("f16", torch.float16), ("bf16", torch.bfloat16)):
    taesd = rounded(diffusers.AutoencoderTiny.from_pretrained(SD + "/taesd"), dtype).eval()
    dit = rounded(diffusers.DiTTransformer2DModel.from_pretrained(SD + "/dit/transformer"), dtype).eval()
    with torch.no_grad():
        out["taesd_decode_" + name] = taesd.decode(taesd_io["latent"]).sample
        out["dit_" + name] = dit(dit_io["sample"], timestep=dit_io["timestep"].long(),
                                 class_labels=dit_io["class_labels"].long()).sample
        out["text_encoder_" + name] = clip_text({k: v.to(dtype).float() for k, v in te_weights.items()},
                                                te_io["input_ids"])
write(SD + "/sd1/rounded_io.safetensors", out)
print(sorted(out))
