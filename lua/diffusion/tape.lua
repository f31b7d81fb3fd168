--- diffusion.tape: a small reverse-mode recorder over native ops.
-- A forward pass records, for each op, its output tensor, its input tensors
-- and a function that maps the gradient of the output to the gradients of
-- the inputs (accumulating any parameter gradients itself). backward walks the
-- records in reverse; gradients are keyed by tensor identity, so a tensor used
-- twice (a skip connection, the time embedding every resnet reads) gets the
-- sum of its uses' gradients.
--
--   local tape = Tape.new()
--   local y = tape:record(d.silu(x), { x }, function(gy) return d.activation_backward(x, gy, "silu") end)
--   local grads = tape:backward(y, gy)   -- grads[x]
local Tape = {}
Tape.__index = Tape

function Tape.new()
  return setmetatable({ records = {} }, Tape)
end

--- Records op output `out` computed from `inputs` (a list of tensors); back(g)
-- returns one gradient per input (nil where none is needed). Returns out.
function Tape:record(out, inputs, back)
  local r = self.records
  r[#r + 1] = { out, inputs, back }
  return out
end

--- Propagates gout (the gradient of a scalar loss with respect to out) back
-- through every record; returns the table tensor -> gradient for the
-- recorded inputs that were reached. The records are dropped, releasing the
-- saved activations.
function Tape:backward(out, gout)
  local g = { [out] = gout }
  local records = self.records
  for i = #records, 1, -1 do
    local r = records[i]
    records[i] = nil
    local gy = g[r[1]]
    if gy then
      g[r[1]] = nil
      local inputs = r[2]
      local gin = table.pack(r[3](gy))
      for k = 1, #inputs do
        local gk = gin[k]
        if gk then
          local x = inputs[k]
          -- out of place: a gradient tensor may be shared by two inputs
          g[x] = g[x] and g[x] + gk or gk
        end
      end
    end
  end
  return g
end

return Tape
