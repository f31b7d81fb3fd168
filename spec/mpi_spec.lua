-- diffusion.mpi and the commands that split their work over MPI ranks, run
-- as a user would: `mpirun -np 2 ...` against the same command in one
-- process. Needs OpenMPI (libopenmpi-dev openmpi-bin) and diffusion/mpi.so,
-- which `make test` builds wherever mpicc is; pending without OpenMPI and
-- under the sanitisers (the launcher's processes are not lua5.4 with ASan
-- preloaded).
local d = require "diffusion"
local S = require "support"

local function have(cmd) return os.execute("command -v " .. cmd .. " >/dev/null 2>&1") == true end
local function exists(path)
  local f = io.open(path)
  if f then f:close() end
  return f ~= nil
end

-- Runs `cmd` on np ranks (np = 0: one process, no launcher); returns
-- success, the output (stdout and stderr) and the seconds it took. OpenMPI
-- refuses root without the two variables; more ranks than cores need
-- --oversubscribe; `timeout` keeps a hang from stalling the suite.
local function mpirun(np, cmd, env)
  local launcher = np > 0 and string.format("mpirun --oversubscribe -np %d ", np) or ""
  local t0 = d.core.now()
  local p = io.popen("env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " .. (env or "")
    .. " timeout 300 " .. launcher .. cmd .. " 2>&1")
  local out = p:read("a")
  local ok = p:close()
  return ok, out, d.core.now() - t0
end

local function cli(np, args) return mpirun(np, "lua5.4 bin/diffusion " .. args) end

-- a command's JSON without its timings (which differ from run to run)
local function results(out)
  local ok, t = pcall(d.core.json_decode, out)
  assert(ok, "not JSON: " .. out)
  local function strip(x)
    if type(x) ~= "table" then return x end
    x.seconds = nil
    for _, v in pairs(x) do strip(v) end
    return x
  end
  return strip(t)
end

-- How far the weights in a_path are from b_path's: ||a - b|| / ||b|| over
-- all of them together, and the worst tensor's own ratio and name.
local function relative_difference(a_path, b_path)
  local a, b = d.load_safetensors(a_path), d.load_safetensors(b_path)
  local num, den, worst, where, count = 0, 0, 0, nil, 0
  for name, t in pairs(b) do
    local diff = a[name] - t
    local dd, tt = d.dot(diff, diff), d.dot(t, t)
    num, den = num + dd, den + tt
    local rel = math.sqrt(dd / math.max(tt, 1e-30))
    if rel > worst then worst, where = rel, name end
    count = count + 1
  end
  return math.sqrt(num / den), worst, where, count
end

describe("diffusion.parallel without MPI", function()
  it("splits n items into contiguous blocks in rank order, any n and rank count", function()
    local parallel = require "diffusion.parallel"
    for _, size in ipairs { 1, 2, 3, 7 } do
      for _, n in ipairs { 0, 1, 5, 12, 100 } do
        local next_first = 1
        for r = 0, size - 1 do
          local world = { rank = function() return r end, size = function() return size end }
          local first, count = parallel.range(n, world)
          assert.equal(next_first, first)
          assert.is_true(count >= n // size and count <= n // size + 1, n .. " over " .. size)
          next_first = first + count
        end
        assert.equal(n + 1, next_first)
      end
    end
    -- in whole units: 5 batches of 10 (the last of 3) over 2 ranks
    local world = { rank = function() return 1 end, size = function() return 2 end }
    assert.are.same({ 21, 23 }, { parallel.range(43, world, 10) })
  end)

  it("leaves MPI out of the core modules (only diffusion/mpi.so links it)", function()
    for _, isa in ipairs { "generic", "avx2", "avx512" } do
      local p = io.popen("ldd diffusion/core_" .. isa .. ".so 2>&1")
      local libs = p:read("a")
      p:close()
      assert.truthy(libs:find("libopenblas", 1, true), libs) -- ldd did read it
      assert.falsy(libs:lower():find("mpi", 1, true), libs)
    end
  end)

  it("is one process when not launched, and says how to build the binding when it is missing", function()
    assert.equal(1, require("diffusion.parallel").world().size())
    local ok, out = mpirun(0, [[lua5.4 -e 'package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
      package.cpath = "./?.so;" .. package.cpath
      require "diffusion"
      package.cpath = "/nonexistent/?.so"
      require("diffusion.parallel").world()']], "OMPI_COMM_WORLD_SIZE=2")
    assert.is_falsy(ok)
    assert.truthy(out:find("started by mpirun, but diffusion's MPI binding is not built", 1, true), out)
    assert.truthy(out:find("make MPI=1", 1, true), out)
  end)
end)

if S.sanitized or not (have("mpirun") and have("mpicc")) then
  describe("under mpirun", function()
    pending(S.sanitized and "not under the sanitisers" or "OpenMPI is not installed (libopenmpi-dev openmpi-bin)")
  end)
  return
end

describe("under mpirun", function()
  it("has diffusion/mpi.so built (make test builds it wherever mpicc is)", function()
    assert.is_true(exists("diffusion/mpi.so"), "diffusion/mpi.so is missing: run `make test` or `make MPI=1`")
  end)

  it("sums, broadcasts and gathers with results every rank count computes alike", function()
    for _, n in ipairs { 2, 3 } do
      local ok, out = mpirun(n, "lua5.4 spec/mpi/collectives.lua")
      assert.is_true(ok, out)
      local got = d.core.json_decode(out)
      assert.equal(0, got.rank)
      assert.equal(n, got.size)
      assert.equal(600, got.timeout)
      local ranks = n * (n + 1) / 2 -- sum of r + 1 over the ranks
      assert.equal(1001, #got.long)
      for i = 1, 1001 do
        if got.long[i] ~= i * ranks then
          error(string.format("long[%d] = %g, expected %g", i, got.long[i], i * ranks))
        end
      end
      local a, b, numbers, number = 0, 0, { 0, 0 }, 0
      for r = 0, n - 1 do -- in rank order, as allreduce adds float64s
        a, b = a + (r + 0.25), b + 10 * r
        numbers[1], numbers[2] = numbers[1] + (r + 0.5), numbers[2] + 1 / (r + 3)
        number = number + 1 / (r + 7)
      end
      assert.are.same({ { a, a, a }, { b, b, b, b } }, got.list)
      assert.are.same(numbers, got.numbers)
      assert.equal(number, got.number)
      local last = (n - 1) * 3 + 1
      assert.are.same({ last, last, last, last, last }, got.broadcast)
      assert.equal("from rank 0", got.string)
      local rows, listed = {}, {}
      for r = 0, n - 1 do
        for _ = 1, r + 1 do rows[#rows + 1] = { r, r } end
        for i = 1, r do listed[#listed + 1] = 100 * r + i end
      end
      assert.are.same(rows, got.gather)
      assert.are.same(listed, got.allgather)
      assert.equal("allreduce_: rank 0 has 1 numbers, rank 1 has 2", got.mismatch)
      assert.equal("gather: rank 0's tensor {1,1} and rank 1's {1,2} do not join along dim 1", got.bad_join)
    end
  end)

  it("ends every rank with an error when one leaves or hangs, instead of waiting forever", function()
    local ok, out, seconds = mpirun(2, "lua5.4 spec/mpi/stall.lua exit")
    assert.is_falsy(ok)
    assert.is_true(seconds < 60, seconds .. " s")
    assert.falsy(out:find("finished the allreduce", 1, true), out)
    ok, out, seconds = mpirun(2, "lua5.4 spec/mpi/stall.lua sleep", "DIFFUSION_MPI_TIMEOUT=2")
    assert.is_falsy(ok)
    assert.is_true(seconds < 30, seconds .. " s: the rank that hangs sleeps 60")
    assert.truthy(out:find("diffusion: rank 0 of 2: mpi.allreduce_: a rank did not answer within 2 s", 1, true),
      out)
    ok, out = mpirun(2, "lua5.4 spec/mpi/stall.lua sleep", "DIFFUSION_MPI_TIMEOUT=soon")
    assert.is_falsy(ok)
    assert.truthy(out:find("DIFFUSION_MPI_TIMEOUT=soon is not a number of seconds > 0", 1, true), out)
  end)

  it("samples the same images, bit for bit, on 2 ranks as in one process", function()
    local dir = S.tmpname("")
    os.execute("mkdir -p " .. dir)
    for _, sampler in ipairs { "dpmpp_2m", "euler_ancestral" } do -- deterministic, and drawing noise every step
      local function run(np, tag)
        local ok, out = cli(np, string.format("sample -n 5 --batch 2 --steps 4 --sampler %s --threads 1 --quiet "
          .. "-o %s/%s.png --npy %s/%s.npy --save-each %s/%s", sampler, dir, tag, dir, tag, dir, tag))
        assert.is_true(ok, out)
      end
      run(0, "one")
      run(2, "two")
      assert.equal(S.read_bytes(dir .. "/one.npy"), S.read_bytes(dir .. "/two.npy"), sampler)
      assert.equal(S.read_bytes(dir .. "/one.png"), S.read_bytes(dir .. "/two.png"), sampler)
      for i = 1, 5 do
        local name = string.format("/%05d.png", i)
        assert.equal(S.read_bytes(dir .. "/one" .. name), S.read_bytes(dir .. "/two" .. name), name)
      end
    end
    -- FD over the samples' folder, read by 2 ranks, and over samples drawn by 2 ranks
    for _, samples in ipairs { dir .. "/one", "6 --steps 4 --batch 4" } do
      local ok1, one = cli(0, "fid --samples " .. samples .. " --threads 1 --json --quiet")
      local ok2, two = cli(2, "fid --samples " .. samples .. " --threads 1 --json --quiet")
      assert.is_true(ok1 and ok2, one .. two)
      local r1, r2 = results(one), results(two)
      assert.equal(1, r1.ranks)
      assert.equal(2, r2.ranks)
      r1.ranks, r2.ranks = nil, nil
      assert.are.same(r1, r2)
    end
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("measures the same likelihoods and sampler comparisons on 2 ranks as in one process", function()
    local runs = {
      "nll -n 4 --batch 2 --method both --steps 10 --rtol 1e-2",
      "compare --nfe 4,8 -n 200 --metric rmse,swd",
      "compare --model mnist --samplers euler,dpmpp_2m --nfe 4 -n 10 --metric fd,accuracy",
    }
    local dir = S.tmpname("")
    for _, args in ipairs(runs) do
      local function report(tag) return args:match("^compare") and (" -o " .. dir .. tag) or "" end
      local ok1, one = cli(0, args .. " --threads 1 --json --quiet" .. report("-one"))
      local ok2, two = cli(2, args .. " --threads 1 --json --quiet" .. report("-two"))
      assert.is_true(ok1 and ok2, one .. two)
      assert.are.same(results(one), results(two), args)
    end
    os.execute("rm -rf '" .. dir .. "-one' '" .. dir .. "-two'")
  end)

  it("refuses a command that does not split its work, naming the ones that do", function()
    local ok, out = cli(2, "samplers")
    assert.is_falsy(ok)
    assert.truthy(out:find("diffusion: `diffusion samplers` does not split its work over MPI ranks", 1, true), out)
  end)

  describe("data-parallel training", function()
    local dir
    before_each(function()
      dir = S.tmpname("")
      os.execute("mkdir -p " .. dir)
    end)
    after_each(function() os.execute("rm -rf '" .. dir .. "'") end)

    local function train(np, out, steps, checkpoint, stop_at)
      local ok, log = mpirun(np, string.format("lua5.4 spec/mpi/train.lua %s/%s %d %s %s", dir, out, steps,
        checkpoint and (dir .. "/" .. checkpoint) or "", stop_at or ""))
      assert.is_true(ok, log)
      return dir .. "/" .. out
    end

    it("on 2 ranks is bit-identical run to run and matches 1 process to 1e-6 after 100 steps", function()
      local one = train(0, "one.safetensors", 100)
      local two = train(2, "two.safetensors", 100)
      local again = train(2, "again.safetensors", 100)
      assert.equal(S.read_bytes(two), S.read_bytes(again))
      -- 1e-6 relative over the whole model; a tensor alone drifts further
      -- only where its values sit near 0 (GroupNorm biases: float32 sums split
      -- between ranks round differently, and Adam passes that on), so the
      -- per-tensor bound only catches a tensor that is wrong outright
      local overall, worst, where, count = relative_difference(two, one)
      assert.is_true(count > 40, count .. " tensors") -- the weights and their EMA
      assert.is_true(overall <= 1e-6, string.format("the weights differ by %.3g relative", overall))
      assert.is_true(worst <= 1e-5, string.format("%s differs by %.3g relative", where, worst))
    end)

    it("resumes a checkpoint written on 2 ranks on 1, and one written on 1 on 2", function()
      local one = train(0, "one.safetensors", 100)
      train(2, "half.safetensors", 100, "ckpt2", 50)
      local state = d.core.json_decode(S.read_bytes(dir .. "/ckpt2/trainer_state.json"))
      assert.equal(50, state.step)
      local resumed = train(0, "resumed1.safetensors", 100, "ckpt2")
      train(0, "half.safetensors", 100, "ckpt1", 50)
      local resumed2 = train(2, "resumed2.safetensors", 100, "ckpt1")
      for _, path in ipairs { resumed, resumed2 } do
        local overall, worst, where = relative_difference(path, one)
        assert.is_true(overall <= 1e-6, string.format("%s: the weights differ by %.3g relative", path, overall))
        assert.is_true(worst <= 1e-5, string.format("%s: %s differs by %.3g relative", path, where, worst))
      end
    end)

    it("runs `diffusion train CONFIG` on 2 ranks, and refuses a batch smaller than the rank count", function()
      local function config(batch)
        local path = dir .. "/config" .. batch .. ".lua"
        local f = assert(io.open(path, "w"))
        f:write(string.format([[
          local d = require "diffusion"
          return {
            model = { block_out_channels = { 8, 16 }, layers_per_block = 1, norm_num_groups = 4,
              down_block_types = { "DownBlock2D", "DownBlock2D" }, up_block_types = { "UpBlock2D", "UpBlock2D" },
              in_channels = 1, out_channels = 1, sample_size = 8 },
            scheduler = { num_train_timesteps = 100 },
            data = d.rng(0):rand { 16, 1, 8, 8 } * 2 - 1, steps = 3, batch = %d,
            checkpoint = %q, output = %q,
          }
        ]], batch, dir .. "/run" .. batch, dir .. "/pipeline" .. batch))
        f:close()
        return path
      end
      local ok, out = cli(2, "train " .. config(4) .. " --threads 1 --quiet")
      assert.is_true(ok, out)
      assert.equal(3, d.core.json_decode(S.read_bytes(dir .. "/run4/trainer_state.json")).step)
      assert.equal(8, d.load(dir .. "/pipeline4").config.sample_size)
      ok, out = cli(2, "train " .. config(1) .. " --threads 1 --quiet")
      assert.is_falsy(ok)
      assert.truthy(out:find("a batch of 1 cannot be split over 2 ranks", 1, true), out)
      assert.is_falsy(exists(dir .. "/pipeline1/model_index.json"))
    end)
  end)
end)
