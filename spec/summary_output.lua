-- busted output handler: the usual terminal report, then one line
-- "N passed, N failed" that CI reads (errors count as failures). With
-- DIFFUSION_COUNTS=path, the two numbers are also appended to that file so a
-- script can add up several runs.
return function(options)
  local busted = require "busted"
  local handler = require "busted.outputHandlers.plainTerminal"(options)

  busted.subscribe({ "suite", "end" }, function()
    local passed = handler.successesCount
    local failed = handler.failuresCount + handler.errorsCount
    io.write(string.format("%d passed, %d failed\n", passed, failed))
    local path = os.getenv("DIFFUSION_COUNTS")
    if path then
      local f = assert(io.open(path, "a"))
      f:write(passed, " ", failed, "\n")
      f:close()
    end
    return nil, true
  end)

  return handler
end
