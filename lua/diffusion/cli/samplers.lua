--- diffusion samplers: one line per sampler, from diffusion.samplers.list().
local d = require "diffusion"

local M = {}

function M.define(parser)
  local c = parser:command("samplers", "List the samplers, one line each.")
  c:flag("--json", "Print the list with each sampler's options and diffusers class as JSON.")
end

function M.run(args)
  local list = d.samplers.list()
  if args.json then
    print(d.core.json_encode(list))
    return
  end
  for _, meta in ipairs(list) do print(string.format("%-22s %s", meta.name, meta.title)) end
end

return M
