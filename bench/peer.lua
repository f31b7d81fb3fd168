-- A benchmark's peer in another process, taking turns with this one: it waits
-- on a FIFO for a line K and answers with K pass times in ms on one line
-- (bench/unet_torch.py serve, bench/unet_onnx.js, bench/peers/sd_torch.py serve).
--   local peer = dofile("bench/peer.lua")
--   local p = peer.start(command); peer.turn(p, passes); ...; peer.stop(p)
-- p.first and p.warm collect each turn's first pass and the others (seconds);
-- p.failed holds what the peer said if it stopped. Stop peers in the reverse
-- order of their start: a peer's shell inherited the FIFOs opened before it.
local M = {}

function M.start(command)
  local fifo = os.tmpname()
  os.remove(fifo)
  assert(os.execute("mkfifo " .. fifo), "mkfifo failed")
  local p = assert(io.popen(command .. " < " .. fifo .. " 2>&1"))
  local peer = { pipe = p, fifo = fifo, first = {}, warm = {} }
  peer.cmd = assert(io.open(fifo, "w")) -- (blocks until the shell opens the FIFO to read)
  -- what the peer says before "ready" (warnings) is kept, not taken for an answer
  local said = {}
  local line = p:read("l")
  while line and line ~= "ready" do
    said[#said + 1] = line
    line = p:read("l")
  end
  if not line then peer.failed = table.concat(said, " ") end
  return peer
end

function M.turn(peer, passes)
  if peer.failed then return end
  peer.cmd:write(passes .. "\n")
  peer.cmd:flush()
  local line = peer.pipe:read("l")
  local got = {}
  for v in (line or ""):gmatch("%S+") do
    got[#got + 1] = tonumber(v)
  end
  if #got ~= passes then
    peer.failed = (line or "stopped") .. " " .. (peer.pipe:read("a") or "")
    return
  end
  peer.first[#peer.first + 1] = got[1] / 1e3
  for i = 2, passes do
    peer.warm[#peer.warm + 1] = got[i] / 1e3
  end
end

function M.stop(peer)
  if not peer.pipe then return end
  peer.cmd:close()
  peer.pipe:close()
  os.remove(peer.fifo)
end

return M
