-- Merges the per-batch CSVs that bench/nll_parallel.sh leaves in OUTDIR into
-- OUTDIR/ode.csv and OUTDIR/vlb.csv (sorted by digit; a digit computed twice
-- keeps its first value and the largest disagreement is reported), removes
-- the merged batch files, and prints each method's mean bits per dimension
-- with its standard error, and the bound's gap over the digits that have both.
--   lua5.4 bench/nll_summary.lua OUTDIR [MORE.csv ...]
-- Extra CSVs (index,method,bits_per_dim rows, a header or not) are merged too.
local dir = assert(arg[1], "usage: lua5.4 bench/nll_summary.lua OUTDIR [MORE.csv ...]")

local values = { ode = {}, vlb = {} }
local worst = 0

local function read(path)
  for line in io.lines(path) do
    local index, method, bits = line:match("^(%d+),(%a+),([-%d.eE+]+)$")
    if index then
      local t = assert(values[method], path .. ": unknown method " .. method)
      index, bits = tonumber(index), tonumber(bits)
      if t[index] then worst = math.max(worst, math.abs(t[index] - bits)) else t[index] = bits end
    end
  end
end

local batch_files = {}
for _, method in ipairs { "ode", "vlb" } do
  local merged = io.open(dir .. "/" .. method .. ".csv")
  if merged then
    merged:close()
    read(dir .. "/" .. method .. ".csv")
  end
  local ls = assert(io.popen("ls " .. dir .. " 2>/dev/null"))
  for name in ls:lines() do
    if name:match("^" .. method .. "_%d+%.csv$") then batch_files[#batch_files + 1] = dir .. "/" .. name end
  end
  ls:close()
end
for _, path in ipairs(batch_files) do read(path) end
for i = 2, #arg do read(arg[i]) end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

local function stats(list)
  local mean, sq = 0, 0
  for _, v in ipairs(list) do mean = mean + v / #list end
  for _, v in ipairs(list) do sq = sq + (v - mean) ^ 2 end
  return mean, math.sqrt(sq / math.max(#list - 1, 1) / #list)
end

for _, method in ipairs { "ode", "vlb" } do
  local out = assert(io.open(dir .. "/" .. method .. ".csv", "w"))
  out:write("index,method,bits_per_dim\n")
  local list = {}
  for _, index in ipairs(sorted_keys(values[method])) do
    out:write(string.format("%d,%s,%.6f\n", index, method, values[method][index]))
    list[#list + 1] = values[method][index]
  end
  out:close()
  if #list > 0 then
    local mean, se = stats(list)
    print(string.format("%s: %.4f bits/dim (standard error %.4f) over %d digits", method, mean, se, #list))
  end
end
for _, path in ipairs(batch_files) do os.remove(path) end

local gaps = {}
for index, ode in pairs(values.ode) do
  if values.vlb[index] then gaps[#gaps + 1] = values.vlb[index] - ode end
end
if #gaps > 0 then
  local mean, se = stats(gaps)
  print(string.format("vlb - ode: %.4f bits/dim (standard error %.4f) over the %d digits with both", mean, se, #gaps))
end
if worst > 0 then print(string.format("digits computed twice differ by at most %.2g bits/dim", worst)) end
