--- DPM-Solver++(3M) SDE (k-diffusion's sample_dpmpp_3m_sde): the third-order
-- multistep data-prediction update with the SDE's exponential damping
-- e^{-(1 + eta) h} (h the step in -log s) and Gaussian noise of scale
-- s' sqrt(1 - e^{-2 eta h}); eta = 0 is the ODE. Variables xs = x / alpha,
-- s = sigma / alpha. opts: eta (1), s_noise (1), noise, callback.
local util = require "diffusion.samplers.util"
util.describe(..., {
  title = "DPM-Solver++(3M) SDE",
  options = { "eta", "s_noise" },
  stochastic = true,
  k_diffusion = "sample_dpmpp_3m_sde",
})

return function(D, x, plan, opts)
  opts = opts or {}
  local eta, s_noise = opts.eta or 1, opts.s_noise or 1
  local noise = eta > 0 and util.noise(opts)
  local n = #plan - 1
  local xs = x / plan[1].alpha
  local x0_1, x0_2, h_1, h_2
  for i = 1, n do
    local cur, nxt = plan[i], plan[i + 1]
    local s, s_next = util.ve(cur), util.ve(nxt)
    local x0 = D(util.unscale(xs, cur), cur)
    local h
    if s_next == 0 then
      xs = x0:clone()
    else
      h = math.log(s / s_next)
      local h_eta = h * (eta + 1)
      local decay = math.exp(-h_eta)
      local coefs, terms = { decay, 1 - decay }, { xs, x0 }
      local phi_2 = (math.exp(-h_eta) - 1) / h_eta + 1
      if h_2 then
        local r0, r1 = h_1 / h, h_2 / h
        local phi_3 = phi_2 / h_eta - 0.5
        -- d1 = d1_0 + (d1_0 - d1_1) r0 / (r0 + r1), d2 = (d1_0 - d1_1) / (r0 + r1), with
        -- d1_0 = (x0 - x0_1) / r0 and d1_1 = (x0_1 - x0_2) / r1, as weights on x0, x0_1, x0_2
        local k = r0 / (r0 + r1)
        local a0, a1 = { 1 / r0, -1 / r0, 0 }, { 0, 1 / r1, -1 / r1 }
        local w = {}
        for j = 1, 3 do
          local d1 = a0[j] + (a0[j] - a1[j]) * k
          local d2 = (a0[j] - a1[j]) / (r0 + r1)
          w[j] = phi_2 * d1 - phi_3 * d2
        end
        coefs[2] = coefs[2] + w[1]
        coefs[3], coefs[4], terms[3], terms[4] = w[2], w[3], x0_1, x0_2
      elseif h_1 then
        local r = h_1 / h
        coefs[2] = coefs[2] + phi_2 / r
        coefs[3], terms[3] = -phi_2 / r, x0_1
      end
      if eta > 0 then
        coefs[#coefs + 1] = s_next * math.sqrt(1 - math.exp(-2 * h * eta)) * s_noise
        terms[#terms + 1] = noise(xs, i, nxt)
      end
      xs:lincomb_(coefs, terms)
    end
    x0_1, x0_2, h_1, h_2 = x0, x0_1, h, h_1
    util.report(opts, i, n, xs, x0, nxt)
  end
  return util.unscale(xs, plan[#plan])
end
