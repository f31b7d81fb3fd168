--- diffusion.parallel: the processes a run is split over. Under mpirun (or
-- srun) `world()` is the MPI binding, diffusion.mpi (built by `make MPI=1`);
-- otherwise a single process with the same methods, so code that shards its
-- work is written once:
--
--   local world = require("diffusion.parallel").world()
--   local first, count = parallel.range(n, world)   -- this rank's samples
--   local x = world.gather(my_samples)              -- all of them, at rank 0
--
-- Methods (the same as diffusion.mpi's): rank(), size(), barrier(),
-- allreduce_(t | {t...}) (float32 sums in place, one fixed order),
-- allreduce(x | {x...}) (float64 sums in rank order), broadcast_(t, root),
-- broadcast(s, root), gather(x, root) and allgather(x) (tensors joined along
-- dim 1, lists of numbers one after another, in rank order), abort(msg),
-- timeout([s]). docs/scale-out.md has the rest.
local M = {}

-- One process: every collective is the identity.
local single = {
  rank = function() return 0 end,
  size = function() return 1 end,
  barrier = function() end,
  allreduce_ = function(x) return x end,
  allreduce = function(x) return x end,
  broadcast_ = function(x) return x end,
  broadcast = function(s) return s end,
  gather = function(x) return x end,
  allgather = function(x) return x end,
  abort = function(msg) error(msg, 0) end,
  timeout = function() return math.huge end,
  single = true,
}

--- True when this process was started by an MPI launcher (mpirun, mpiexec,
-- srun with PMIx) as one of several.
function M.launched()
  local size = tonumber(os.getenv("OMPI_COMM_WORLD_SIZE") or os.getenv("PMIX_SIZE") or os.getenv("PMI_SIZE")
    or (os.getenv("PMIX_RANK") and os.getenv("SLURM_NTASKS")) or "1")
  return (size or 1) > 1
end

local world
--- The processes of this run: diffusion.mpi when launched by MPI, else one
-- process. Under an MPI launcher without the binding it is an error saying
-- how to build it (every rank would otherwise do the whole work alone).
function M.world()
  if world then return world end
  if not M.launched() then
    world = single
    return world
  end
  local ok, mpi = pcall(require, "diffusion.mpi")
  if not ok then
    if tostring(mpi):find("module 'diffusion.mpi' not found", 1, true) then
      error("started by mpirun, but diffusion's MPI binding is not built: install OpenMPI (libopenmpi-dev "
        .. "openmpi-bin) and run `make MPI=1` (docs/scale-out.md)", 0)
    end
    error(mpi, 0)
  end
  world = mpi
  return world
end

--- This rank's share of n items: the first (1-based) and the count, in
-- contiguous blocks in rank order (rank r takes items floor(r n / N) + 1 ..
-- floor((r + 1) n / N)), so gathering the ranks' pieces in rank order gives
-- the items in order. `unit` splits in whole units (batches) of that size.
function M.range(n, w, unit)
  w = w or M.world()
  unit = unit or 1
  local units = (n + unit - 1) // unit
  local r, size = w.rank(), w.size()
  local lo, hi = units * r // size * unit, math.min(n, units * (r + 1) // size * unit)
  return lo + 1, math.max(0, hi - lo)
end

return M
