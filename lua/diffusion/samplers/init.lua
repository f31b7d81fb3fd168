--- diffusion.samplers: one file per sampler, each `sampler(D, x, plan, opts) -> x`.
-- D(x, level) returns x0, eps (see diffusion.denoiser); plan is a list of
-- levels {t, alpha, sigma, lambda} from schedule:plan(n), noisiest first,
-- usually ending at sigma = 0. x enters at plan[1]'s level and leaves at the
-- last one, always as x = alpha * x0 + sigma * eps.
-- Loaded on first use: diffusion.samplers.ddim, diffusion.samplers.euler, ...
return setmetatable({}, {
  __index = function(self, name)
    local ok, mod = pcall(require, "diffusion.samplers." .. name)
    if not ok then
      if tostring(mod):find("module 'diffusion.samplers." .. name .. "' not found", 1, true) then
        error(string.format("diffusion.samplers: no sampler named '%s'", tostring(name)), 2)
      end
      error(mod, 2)
    end
    rawset(self, name, mod)
    return mod
  end,
})
