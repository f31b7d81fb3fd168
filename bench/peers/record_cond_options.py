"""UNet2DConditionModel options the shared fixtures do not cover: a
"timestep" class embedding with act_fn mish (the time and class MLPs take
act_fn), a class table (num_class_embeds), only_cross_attention on the first
block (its attn1 attends to the text too), and a 9-channel inpainting input.
Tiny random models in the shared fixtures' convention (every parameter + 0.05
randn), saved with save_pretrained, and their outputs.

    PYTHONPATH=<diffusers v0.31.0 src>:<huggingface_hub src>:../shared/peers/shims \\
      /usr/bin/python3 bench/peers/record_cond_options.py spec/fixtures/diffusers/sd
"""
import sys

import torch

import diffusers
import torch113_attention_fix  # noqa: F401

sys.path.insert(0, sys.argv[1])
import extract  # noqa: E402

torch.set_num_threads(1)
SD = sys.argv[1]
common = dict(sample_size=8, out_channels=4, layers_per_block=1, block_out_channels=(16, 32),
              down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"), up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
              cross_attention_dim=12, attention_head_dim=2, norm_num_groups=8)
cases = {
    "timestep": (dict(class_embed_type="timestep", act_fn="mish"), torch.tensor([3.0, 250.0])),
    "table": (dict(num_class_embeds=5), torch.tensor([0, 4])),
    "only_cross": (dict(only_cross_attention=[True, False]), None),
    "inpaint": (dict(in_channels=9), None),
}
for name, (extra, labels) in cases.items():
    torch.manual_seed(11)
    unet = diffusers.UNet2DConditionModel(**dict(common, in_channels=4, **extra) if "in_channels" not in extra
                                          else dict(common, **extra)).eval()
    with torch.no_grad():
        for p in unet.parameters():
            p.add_(0.05 * torch.randn_like(p))
    unet.save_pretrained(SD + "/cond_class/" + name, safe_serialization=True)
    g = torch.Generator().manual_seed(3)
    channels = extra.get("in_channels", 4)
    sample, ehs = torch.randn(2, channels, 8, 8, generator=g), torch.randn(2, 5, 12, generator=g)
    t = torch.tensor([999.0, 17.5])
    with torch.no_grad():
        out = unet(sample, t, encoder_hidden_states=ehs, class_labels=labels).sample
    io = {"sample": sample.numpy(), "timestep": t.numpy(), "encoder_hidden_states": ehs.numpy(), "output": out.numpy()}
    if labels is not None:
        io["class_labels"] = labels.float().numpy()
    extract.write(SD + "/cond_class/" + name + "_io.safetensors", io)
    print(name, tuple(out.shape), float(out.abs().max()))
