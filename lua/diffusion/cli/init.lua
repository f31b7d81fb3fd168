--- The `diffusion` command: a dispatcher over one module per subcommand
-- (diffusion.cli.sample, .generate, .info, .samplers, .compare, .nll, .optimize, .train),
-- each with define(parser) adding its options and run(args). Helpers shared
-- by them live here: one-line errors, progress, and outputs that appear only
-- whole (written under a temporary name, renamed on success).
local d = require "diffusion"

local cli = {}

cli.COMMANDS = { "sample", "generate", "info", "samplers", "compare", "nll", "fid", "optimize", "train", "distill" }

-- where the bundled model passes both quality bars (models/mnist/README.md)
cli.DEFAULT_GUIDANCE = 1.2

--- A mistake of the user's: the message alone, no position.
function cli.fail(fmt, ...) error(string.format(fmt, ...), 0) end

--- An error message without the "file:line: " that Lua puts in front.
function cli.message(err) return (tostring(err):gsub("^[^:\n]+:%d+: ", "")) end

--- Runs f(...) and turns any error into a user's one-line failure, prefixed.
function cli.try(prefix, f, ...)
  local res = table.pack(pcall(f, ...))
  if not res[1] then cli.fail("%s%s", prefix, cli.message(res[2])) end
  return table.unpack(res, 2, res.n)
end

--- Progress on stderr: a bar redrawn in place on a terminal, a line every
-- 10% otherwise. Returns show(done [, new_total]).
local function speed(rate) -- slow steps (a Stable Diffusion UNet) read better as seconds per step
  return rate < 1 and string.format("%.2f s/it", 1 / math.max(rate, 1e-9)) or string.format("%.1f it/s", rate)
end

function cli.progress(label, total, quiet)
  if quiet or not cli.root() then return function() end end
  local tty = os.execute("test -t 2")
  local t0, last = d.core.now(), -1
  return function(done, new_total)
    total = new_total or total
    local elapsed = d.core.now() - t0
    local rate = done / math.max(elapsed, 1e-9)
    local eta = (total - done) / math.max(rate, 1e-9)
    if tty then
      local width = 30
      local fill = math.floor(width * done / total)
      io.stderr:write(string.format("\r%s [%s%s] %d/%d  %s  ETA %.0f s ", label, string.rep("#", fill),
        string.rep(".", width - fill), done, total, speed(rate), eta))
      if done == total then io.stderr:write("\n") end
    else
      local tenth = math.floor(10 * done / total)
      if tenth > last or done == total then
        last = tenth
        io.stderr:write(string.format("%s %d/%d  %s  ETA %.0f s\n", label, done, total, speed(rate), eta))
      end
    end
  end
end

local pending = {} -- temporary files of outputs not yet committed

--- An output file checked before any long work: output(path, "--npy") makes
-- sure the file can be written (its folder exists and is writable) and returns
-- a temporary path beside it, with the same extension, to write into;
-- cli.commit() renames every such file into place once the run succeeded, and
-- a failed run removes them, so no half-written file is ever left behind.
function cli.output(path, what)
  local dir, base = path:match("^(.*/)([^/]*)$")
  dir, base = dir or "", base or path
  if base == "" then cli.fail("%s '%s' names a folder, not a file", what, path) end
  local stem, ext = base:match("^(.*)(%.[^.]+)$")
  local tmp = string.format("%s.%s.partial-%d%s", dir, stem or base, #pending + 1, ext or "")
  local f, err = io.open(tmp, "wb")
  if not f then cli.fail("cannot write '%s' (%s: %s)", path, what, (err or "?"):match("([^:]*)$"):gsub("^ ", "")) end
  f:close()
  pending[#pending + 1] = { tmp = tmp, path = path }
  return tmp
end

--- Moves every output written under its temporary name into place.
function cli.commit()
  for _, o in ipairs(pending) do
    local ok, err = os.rename(o.tmp, o.path)
    if not ok then cli.fail("cannot write '%s': %s", o.path, tostring(err)) end
  end
  pending = {}
end

local function discard()
  for _, o in ipairs(pending) do os.remove(o.tmp) end
  pending = {}
end

--- A folder the command will write into, created if need be.
function cli.folder(path, what)
  if not os.execute("mkdir -p '" .. path:gsub("'", "'\\''") .. "' 2>/dev/null") then
    cli.fail("%s: cannot create '%s'", what, path)
  end
end

--- The sample size of a model config (an integer or a list).
function cli.sample_size(cfg)
  return type(cfg.sample_size) == "table" and cfg.sample_size[1] or cfg.sample_size
end

--- Comma-separated items; an empty list is the user's mistake.
function cli.list(value, what)
  local out = {}
  for item in value:gmatch("[^,%s]+") do out[#out + 1] = item end
  if #out == 0 then cli.fail("%s is empty: give a comma-separated list", what) end
  return out
end

--- Fails unless every name is a sampler.
function cli.check_samplers(names)
  for _, name in ipairs(names) do
    if not pcall(function() return d.samplers[name] end) then
      cli.fail("unknown sampler '%s' (see `diffusion samplers`)", name)
    end
  end
end

--- Checks that each named option, if given, holds an integer >= lo.
function cli.at_least(args, keys, lo)
  for _, key in ipairs(keys) do
    local v = args[key]
    if v ~= nil and v < lo then
      local want = lo == 1 and "a positive integer" or string.format("an integer of at least %d", lo)
      local flag = #key == 1 and "-" .. key or "--" .. key:gsub("_", "-")
      cli.fail("%s must be %s, got %s", flag, want, tostring(v))
    end
  end
end

--- A numeric option (an integer one when `integer`), stored under its name
-- with - as _; what cannot be read as one is refused quoting what was typed
-- ("--steps must be an integer, got 'abc'"). name: "--steps", or a short and
-- a long form ("-W --width"), stored and named by the last.
function cli.number_option(cmd, name, description, default, integer)
  local flag = name:match("(%-%-?[%w-]+)$")
  local key = flag:match("^%-%-?([%w-]+)$"):gsub("-", "_")
  return cmd:option(name, description, default):convert(function(text)
    local v = tonumber(text)
    if integer then v = v and math.tointeger(v) end
    if v == nil or v ~= v then
      return nil, string.format("%s must be %s, got '%s'", flag, integer and "an integer" or "a number", text)
    end
    return v
  end):target(key)
end

-- argparse reads "--steps -5" as an unknown option "-5": glue a negative
-- number to the option before it, so the command's own check can say what is
-- wrong with it.
local function glue_negative_numbers(argv)
  local out = {}
  for _, a in ipairs(argv) do
    if a:match("^%-%d") or a:match("^%-%.%d") then
      local prev = out[#out]
      if prev and prev:match("^%-%-?[%a][%w-]*$") then
        out[#out] = prev .. "=" .. a
        goto continue
      end
    end
    out[#out + 1] = a
    ::continue::
  end
  return out
end

--- True when `dir` holds a model or pipeline (train and distill never
-- overwrite one unless told to).
function cli.holds_model(dir)
  for _, probe in ipairs { "/model_index.json", "/config.json", "/unet/config.json" } do
    local f = io.open(dir .. probe)
    if f then
      f:close()
      return true
    end
  end
  return false
end

--- The table a Lua config file returns (train and distill), or a one-line error.
function cli.config(path)
  local chunk, err = loadfile(path)
  if not chunk then cli.fail("cannot read config: %s", err) end
  local cfg = cli.try(path .. ": ", chunk)
  if type(cfg) ~= "table" then cli.fail("%s must return a table", path) end
  return cfg
end

--- The processes of this run (diffusion.parallel.world()): under mpirun, the
-- commands that split their work over ranks (sample, compare, nll, fid,
-- train) have every rank run, and only rank 0 writes outputs or progress.
function cli.world() return require("diffusion.parallel").world() end

--- True on the rank that writes the outputs (always, without MPI).
function cli.root() return cli.world().rank() == 0 end

--- Parses argv, runs the subcommand, prints a one-line error and exits 1 on
-- failure (a traceback with --debug). Under mpirun a failing rank exits
-- the same way, and the launcher ends the others.
function cli.main(argv)
  local argparse = require "argparse"
  local parser = argparse("diffusion", "Diffusion models in Lua with a fast C core.")
  parser:flag("--debug", "Show Lua tracebacks on errors.")
  parser:command_target("command")
  parser:require_command(true)
  local modules = {}
  for _, name in ipairs(cli.COMMANDS) do
    modules[name] = require("diffusion.cli." .. name)
    modules[name].define(parser)
  end
  local ok_parse, args = parser:pparse(glue_negative_numbers(argv))
  if not ok_parse then
    io.stderr:write("diffusion: ", (args:gsub("\n", " ")), " (see diffusion --help)\n")
    os.exit(2)
  end
  local where = ""
  local ok, err = xpcall(function()
    if require("diffusion.parallel").launched() then
      if not modules[args.command].parallel then
        cli.fail("`diffusion %s` does not split its work over MPI ranks: run it without mpirun (sample, compare, "
          .. "nll, fid and train do)", args.command)
      end
      local world = cli.world()
      where = string.format("rank %d of %d: ", world.rank(), world.size())
    end
    return modules[args.command].run(args)
  end, function(e)
    return args.debug and debug.traceback(e, 2) or e
  end)
  if not ok then
    discard()
    local msg = tostring(err)
    if not args.debug then msg = cli.message(msg) end
    io.stderr:write("diffusion: ", where, msg, "\n")
    os.exit(1)
  end
  cli.commit()
end

return cli
