-- Run by spec/mpi_spec.lua under mpirun: the last rank fails its peers, who
-- are waiting in an allreduce.
--   mpirun -np N lua5.4 spec/mpi/stall.lua exit|sleep
-- exit: the rank leaves without a word; sleep: it hangs (for a minute, longer
-- than the collective's timeout, DIFFUSION_MPI_TIMEOUT).
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local mpi = require "diffusion.mpi"
local mode = arg[1]
if mpi.rank() == mpi.size() - 1 then
  if mode == "exit" then os.exit(0, false) end
  if mode == "sleep" then os.execute("sleep 60") end
end
mpi.allreduce_(d.ones { 1000 })
print("rank " .. mpi.rank() .. " finished the allreduce")
