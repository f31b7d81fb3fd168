// ONNX Runtime's side of bench/unet_vs_torch.lua: the UNet exported by
// `bench/unet_torch.py export`, run on the CPU execution provider with the
// given intra-op thread count. After "ready", for each line K read from
// stdin, K timed forwards (ms) on one line, as unet_torch.py serve does.
//   node bench/unet_onnx.js MODEL.onnx BATCH CHANNELS SIZE THREADS CLASSES
// onnxruntime-node comes from npm (`npm install --ignore-scripts
// onnxruntime-node` in build/onnx; NODE_PATH=build/onnx/node_modules).
const ort = require("onnxruntime-node");
const readline = require("readline");

async function main() {
  const [model, batch, channels, size, threads, classes] = process.argv.slice(2).map((v, i) => (i ? Number(v) : v));
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ["cpu"],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  const x = new Float32Array(batch * channels * size * size);
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 12.9898) * 0.5; // any fixed input
  const feeds = {
    sample: new ort.Tensor("float32", x, [batch, channels, size, size]),
    timestep: new ort.Tensor("float32", new Float32Array(batch).fill(500), [batch]),
  };
  if (classes) feeds.class_labels = new ort.Tensor("int64", new BigInt64Array(batch), [batch]);
  await session.run(feeds);
  console.log("ready");
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const times = [];
    for (let k = 0; k < Number(line); k++) {
      const t0 = process.hrtime.bigint();
      await session.run(feeds);
      times.push((Number(process.hrtime.bigint() - t0) / 1e6).toFixed(3));
    }
    console.log(times.join(" "));
  }
}

main().catch((e) => {
  console.log("error: " + e.message);
  process.exit(1);
});
