--- diffusion optimize: search a sampler's noise levels at an NFE budget.
local d = require "diffusion"
local cli = require "diffusion.cli"
local lab = require "diffusion.cli.lab"

local M = {}

function M.define(parser)
  local c = parser:command("optimize", "Search a sampler's noise levels at an NFE budget and save the plan "
    .. "(see docs/lab.md).")
  c:option("--model", "gmm2d, mnist (the bundled model) or a model folder.", "mnist")
  c:option("--sampler", "The sampler.", "dpmpp_2m")
  cli.number_option(c, "--nfe", "The NFE budget.", "10", true)
  cli.number_option(c, "-n", "Calibration samples.", "32", true)
  cli.number_option(c, "--rounds", "Pattern-search rounds.", "5", true)
  cli.number_option(c, "--cfg", "Classifier-free guidance scale for class-conditional models.", "1")
  cli.number_option(c, "--seed", "Seed.", "0", true)
  c:option("-o --output", "The JSON plan to write.", "plan.json")
  c:flag("--json", "Print the result (errors of the fixed spacings and of the plan found) as JSON.")
  cli.number_option(c, "--threads", "Threads.", "2", true)
  c:flag("--quiet", "No progress output.")
end

function M.run(args)
  cli.at_least(args, { "nfe", "n", "rounds", "threads" }, 1)
  cli.check_samplers { args.sampler }
  local out = cli.output(args.output, "-o")
  d.threads(args.threads)
  local o = lab.model(args.model, args.cfg, args.n)
  local t0 = d.core.now()
  local result = d.lab.optimize_plan { model = o.model, schedule = o.schedule, shape = o.shape, denoiser = o.denoiser,
    sampler = args.sampler, nfe = args.nfe, n = args.n, rounds = args.rounds, seed = args.seed,
    callback = not args.quiet and function(evals, err)
      io.stderr:write(string.format("evaluation %d: rmse %.5f  %.0f s\n", evals, err, d.core.now() - t0))
    end or nil }
  d.lab.save_plan(result, out)
  if args.json then
    print(d.core.json_encode { sampler = args.sampler, nfe = result.nfe, steps = result.steps, rmse = result.rmse,
      fixed = result.fixed, best_fixed = result.best_fixed, gain = result.gain, evaluations = result.evaluations,
      output = args.output, sigmas = result.sigmas })
    return
  end
  local names = {}
  for name in pairs(result.fixed) do names[#names + 1] = name end
  table.sort(names, function(a, b) return result.fixed[a] < result.fixed[b] end)
  for _, name in ipairs(names) do print(string.format("%-12s rmse %.5f", name, result.fixed[name])) end
  print(string.format("optimised    rmse %.5f: %.2fx lower than %s (%d steps, NFE %d, %d evaluations of the batch, "
    .. "%.0f s)", result.rmse, result.gain, result.best_fixed, result.steps, result.nfe, result.evaluations,
    d.core.now() - t0))
  print("wrote " .. args.output)
end

return M
