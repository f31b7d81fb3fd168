#!/bin/sh
# UNet2DModel forward against PyTorch (python3-torch) on this machine; see bench/unet_vs_torch.lua.
cd "$(dirname "$0")/.." && make -s && exec lua5.4 bench/unet_vs_torch.lua "${1:-2}" "${2:-5}" ${3:+"$3"}
