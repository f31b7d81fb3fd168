-- Run by spec/mpi_spec.lua under mpirun: every collective of diffusion.mpi on
-- inputs that depend on the rank; rank 0 prints what it got as JSON, and the
-- spec checks it against sums it computes itself.
--   mpirun -np N lua5.4 spec/mpi/collectives.lua
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local d = require "diffusion"
local mpi = require "diffusion.mpi"
local r, size = mpi.rank(), mpi.size()
local got = { rank = r, size = size, timeout = mpi.timeout() }

-- float32 sums: one tensor whose length no rank count divides, then a list
-- travelling as one vector
local long = d.arange(1, 1002) * (r + 1)
mpi.allreduce_(long)
got.long = long:totable()
local a, b = d.full({ 3 }, r + 0.25), d.full({ 2, 2 }, 10 * r)
mpi.allreduce_ { a, b }
got.list = { a:totable(), b:reshape({ 4 }):totable() }

-- float64 sums of numbers, in rank order
got.numbers = mpi.allreduce { r + 0.5, 1 / (r + 3) }
got.number = mpi.allreduce(1 / (r + 7))

-- root 1's tensor and root 0's string everywhere
local t = d.full({ 5 }, r * 3 + 1)
mpi.broadcast_(t, size - 1)
got.broadcast = t:totable()
got.string = mpi.broadcast(r == 0 and "from rank 0" or "ignored")

-- rank k gives k + 1 rows of the value k (rank 0: an empty list of numbers)
local rows = mpi.gather(d.full({ r + 1, 2 }, r))
if r == 0 then got.gather = rows:totable() else assert(rows == nil, "gather returned rows away from the root") end
local numbers = {}
for i = 1, r do numbers[i] = 100 * r + i end
got.allgather = mpi.allgather(numbers)

-- mistakes every rank sees alike are errors on every rank
local ok, err = pcall(mpi.allreduce_, d.zeros { r + 1 })
got.mismatch = not ok and err or "no error"
ok, err = pcall(mpi.gather, d.zeros { 1, r + 1 })
got.bad_join = not ok and err or "no error"
mpi.barrier()
if r == 0 then print(d.core.json_encode(got)) end
