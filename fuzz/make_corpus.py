#!/usr/bin/python3
"""Writes the committed seed corpora under fuzz/corpus/<target>/: small valid
files of every kind each parser accepts, plus a few near misses. Run from the
repository root with Debian's python3 (numpy for the .npy seeds)."""
import gzip
import json
import os
import shutil
import struct
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def safetensors(tensors, meta=None):
    header, blob = {}, b""
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(blob), len(blob) + len(raw)]}
        blob += raw
    if meta:
        header["__metadata__"] = meta
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + blob


def st_seeds():
    f32 = np.arange(6, dtype="<f4").tobytes()
    put("safetensors", "f32", safetensors({"w": ("F32", [2, 3], f32)}, {"format": "pt"}))
    put("safetensors", "mixed", safetensors({
        "a": ("F16", [2, 2], np.array([1, -2, 0.5, 65504], "<f2").tobytes()),
        "b": ("BF16", [2], b"\x80\x3f\x00\xc0"),
        "c": ("F64", [1], struct.pack("<d", 3.25)),
        "d": ("I64", [2], struct.pack("<qq", -5, 7)),
        "e": ("I32", [1], struct.pack("<i", 9)),
        "f": ("I16", [1], struct.pack("<h", -3)),
        "g": ("I8", [2], b"\x80\x7f"),
        "h": ("U8", [2], b"\x00\xff"),
        "i": ("BOOL", [2], b"\x00\x01"),
    }))
    put("safetensors", "scalar_and_empty", safetensors({"s": ("F32", [], struct.pack("<f", 1.5)),
                                                        "z": ("F32", [0, 4], b"")}))
    put("safetensors", "unaligned", safetensors({"u": ("U8", [1], b"\x01"), "v": ("F32", [2], f32[:8])}))
    for name in ("dtypes.safetensors", "unaligned.safetensors"):
        shutil.copy(os.path.join(ROOT, "spec", "fixtures", "io", name), os.path.join(CORPUS, "safetensors", "fixture_" + name))


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)


def png(width, height, color, depth, rows, extra=b"", interlace=0):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, interlace)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra + png_chunk(b"IDAT", zlib.compress(raw)) +
            png_chunk(b"IEND", b""))


def png_seeds():
    # the first byte of each input picks the channel count the reader asks for
    put("png", "gray8", b"\x00" + png(3, 2, 0, 8, [b"\x00\x80\xff", b"\x10\x20\x30"]))
    put("png", "rgb8", b"\x02" + png(2, 2, 2, 8, [bytes(range(6)), bytes(range(6, 12))]))
    put("png", "rgba8", b"\x03" + png(2, 1, 6, 8, [bytes([255, 0, 0, 128, 0, 255, 0, 255])]))
    put("png", "gray_alpha", b"\x01" + png(1, 2, 4, 8, [b"\x80\x40", b"\xff\xff"]))
    put("png", "gray16", b"\x00" + png(2, 1, 0, 16, [b"\x12\x34\xff\xff"]))
    put("png", "gray1", b"\x00" + png(8, 1, 0, 1, [b"\xa5"]))
    put("png", "palette", b"\x02" + png(2, 1, 3, 8, [b"\x00\x01"], png_chunk(b"PLTE", b"\xff\x00\x00\x00\x00\xff")))
    put("png", "interlaced", b"\x00" + png(4, 4, 0, 8, [bytes(range(4 * i, 4 * i + 4)) for i in range(4)], interlace=1))
    for name in ("rgb.png", "gray_alpha.png"):
        with open(os.path.join(ROOT, "spec", "fixtures", "io", name), "rb") as f:
            put("png", "fixture_" + name, b"\x00" + f.read())


def npy_seeds():
    import io
    for name, arr in {
        "f4": np.arange(6, dtype="<f4").reshape(2, 3), "f8": np.linspace(0, 1, 4), "f2": np.ones(3, "<f2"),
        "i4": np.arange(-2, 2, dtype="<i4"), "i8": np.array([[1], [2]], "<i8"), "u1": np.arange(5, dtype="u1"),
        "b1": np.array([True, False]), "big_endian": np.arange(3, dtype=">f4"),
        "fortran": np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)), "scalar": np.float32(2.5),
        "empty": np.zeros((0, 3), "<f4"),
    }.items():
        b = io.BytesIO()
        np.save(b, arr)
        put("npy", name, b.getvalue())
    b = io.BytesIO()
    np.lib.format.write_array(b, np.arange(4, dtype="<f4"), version=(2, 0))
    put("npy", "version2", b.getvalue())


def idx(type_code, shape, data):
    return b"\x00\x00" + bytes([type_code, len(shape)]) + b"".join(struct.pack(">I", s) for s in shape) + data


def idx_seeds():
    images = idx(0x08, [2, 2, 2], bytes(range(8)))
    put("idx", "u8", images)
    put("idx", "u8.gz", gzip.compress(images))
    put("idx", "labels.gz", gzip.compress(idx(0x08, [3], b"\x01\x02\x09")))
    put("idx", "i8", idx(0x09, [2], b"\xff\x01"))
    put("idx", "i16", idx(0x0B, [2], struct.pack(">hh", -300, 5)))
    put("idx", "i32", idx(0x0C, [1], struct.pack(">i", 70000)))
    put("idx", "f32.gz", gzip.compress(idx(0x0D, [2], struct.pack(">ff", 1.5, -2))))
    put("idx", "f64", idx(0x0E, [1], struct.pack(">d", 0.125)))


def unet_seeds():
    fixtures = os.path.join(ROOT, "spec", "fixtures", "diffusers", "unet")
    for name in sorted(os.listdir(fixtures)):
        with open(os.path.join(fixtures, name, "config.json"), "rb") as f:
            config = f.read()
        put("unet_config", name, config)
        # weight plans: all present; one missing; one misshapen; one flattened
        for plan_name, plan in (("missing", b"\x00\x00\x05"), ("misshapen", b"\x00\x06"), ("flat", b"\x07")):
            put("unet_config", name + "_" + plan_name, config + b"\x00" + plan)


def scheduler_seeds():
    fixtures = os.path.join(ROOT, "spec", "fixtures", "diffusers", "schedulers")
    seen = set()
    for name in sorted(os.listdir(fixtures)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(fixtures, name)) as f:
            record = json.load(f)
        config = dict(record["config"], _class_name=record["scheduler"])
        text = json.dumps(config, sort_keys=True).encode()
        if text not in seen:
            seen.add(text)
            put("scheduler_config", os.path.splitext(name)[0], text)


if __name__ == "__main__":
    shutil.rmtree(CORPUS, ignore_errors=True)
    st_seeds()
    png_seeds()
    npy_seeds()
    idx_seeds()
    unet_seeds()
    scheduler_seeds()
    for target in sorted(os.listdir(CORPUS)):
        print(target, len(os.listdir(os.path.join(CORPUS, target))))
