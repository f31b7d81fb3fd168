--- diffusion.single_file: an original Stable Diffusion checkpoint (one
-- .safetensors with CompVis / StabilityAI names: model.diffusion_model.*,
-- first_stage_model.*, cond_stage_model.* or SDXL's conditioner.embedders.*)
-- as the pipeline a diffusers folder
-- gives, its tensors renamed as diffusers' from_single_file does
-- (convert_ldm_unet_checkpoint, convert_ldm_vae_checkpoint). `config =` is
-- a diffusers pipeline folder whose component configs, tokenizer and
-- scheduler are used as they are, as diffusers' from_single_file(config=);
-- the converters also infer what the shapes say of the architecture (levels,
-- channels, layers, cross-attention width, projections), which is checked
-- against the folder's config.
--   local pipe = diffusion.load("v1-5-pruned-emaonly.safetensors", { config = "sd15" })
local core = require "diffusion.core"

local M = {}

local function fail(fmt, ...) error(string.format("load: " .. fmt, ...), 0) end

-- the tensors under `prefix`, with it removed
local function under(weights, prefix)
  local out, n = {}, 0
  for k, v in pairs(weights) do
    if k:sub(1, #prefix) == prefix then
      out[k:sub(#prefix + 1)] = v
      n = n + 1
    end
  end
  return out, n
end

-- ResnetBlock2D's names in the LDM UNet (in_layers.0 ...) and VAE (norm1 ...)
local UNET_RESNET = {
  ["in_layers.0"] = "norm1", ["in_layers.2"] = "conv1", ["emb_layers.1"] = "time_emb_proj",
  ["out_layers.0"] = "norm2", ["out_layers.3"] = "conv2", ["skip_connection"] = "conv_shortcut",
}

local function rename_resnet(rest, map)
  for from, to in pairs(map) do
    if rest:sub(1, #from + 1) == from .. "." then return to .. rest:sub(#from + 1) end
  end
  return rest
end

-- how many `prefix`N.* indices there are (0-based, contiguous from 0)
local function count(t, pattern)
  local hi = -1
  for k in pairs(t) do
    local i = k:match(pattern)
    if i then hi = math.max(hi, tonumber(i)) end
  end
  return hi + 1
end

local function has(t, prefix)
  for k in pairs(t) do if k:sub(1, #prefix) == prefix then return true end end
  return false
end

--- The UNet's tensors with diffusers' names, and the config their shapes say.
local function convert_unet(w)
  local out = {}
  local function put(name, t)
    if out[name] then fail("the UNet has two tensors for '%s'", name) end
    out[name] = t
  end
  local conv_in = w["input_blocks.0.0.weight"]
  if not conv_in then fail("model.diffusion_model has no input_blocks.0.0 (not a Stable Diffusion UNet)") end
  -- the levels: an input block holding `op` is a level's downsampler
  local inputs, downs = count(w, "^input_blocks%.(%d+)%."), {}
  for i = 1, inputs - 1 do if w[string.format("input_blocks.%d.0.op.weight", i)] then downs[#downs + 1] = i end end
  local layers = downs[1] and downs[1] - 1 or inputs - 1
  local levels = #downs + 1
  if inputs ~= 1 + levels * (layers + 1) - 1 then
    fail("model.diffusion_model: %d input blocks do not make levels of %d layers", inputs, layers)
  end
  local channels, down_types, up_types, cross, linear, depth = {}, {}, {}, nil, false, {}
  for k, v in pairs(w) do
    local rest = k
    local function emit(name) put(name, v) end
    local i, j, tail = rest:match("^input_blocks%.(%d+)%.(%d+)%.(.*)$")
    if rest:match("^time_embed%.0%.") then
      emit("time_embedding.linear_1." .. rest:match("%.([^.]+)$"))
    elseif rest:match("^time_embed%.2%.") then
      emit("time_embedding.linear_2." .. rest:match("%.([^.]+)$"))
    elseif rest:match("^out%.0%.") then
      emit("conv_norm_out." .. rest:match("%.([^.]+)$"))
    elseif rest:match("^out%.2%.") then
      emit("conv_out." .. rest:match("%.([^.]+)$"))
    elseif i then
      i, j = tonumber(i), tonumber(j)
      if i == 0 then
        emit("conv_in." .. tail)
      else
        local b, l = (i - 1) // (layers + 1), (i - 1) % (layers + 1)
        if l == layers then
          emit(string.format("down_blocks.%d.downsamplers.0.conv.%s", b, tail:match("^op%.(.*)$")))
        elseif j == 0 then
          emit(string.format("down_blocks.%d.resnets.%d.%s", b, l, rename_resnet(tail, UNET_RESNET)))
        else
          emit(string.format("down_blocks.%d.attentions.%d.%s", b, l, tail))
        end
      end
    else
      local m, mtail = rest:match("^middle_block%.(%d+)%.(.*)$")
      local o, oj, otail = rest:match("^output_blocks%.(%d+)%.(%d+)%.(.*)$")
      if m then
        m = tonumber(m)
        if m == 1 then
          emit("mid_block.attentions.0." .. mtail)
        else
          emit(string.format("mid_block.resnets.%d.%s", m // 2, rename_resnet(mtail, UNET_RESNET)))
        end
      elseif o then
        o, oj = tonumber(o), tonumber(oj)
        local b, l = o // (layers + 1), o % (layers + 1)
        if oj == 0 then
          emit(string.format("up_blocks.%d.resnets.%d.%s", b, l, rename_resnet(otail, UNET_RESNET)))
        elseif otail:match("^conv%.") then -- the upsampler: after the attention, if the level has one
          emit(string.format("up_blocks.%d.upsamplers.0.%s", b, otail))
        else
          emit(string.format("up_blocks.%d.attentions.%d.%s", b, l, otail))
        end
      elseif rest:match("^label_emb%.0%.[02]%.") then -- SDXL's added conditioning (text_time)
        emit(string.format("add_embedding.linear_%d.%s", rest:match("^label_emb%.0%.0%.") and 1 or 2,
          rest:match("%.([^.]+)$")))
      elseif rest:match("^label_emb%.") then
        fail("model.diffusion_model.%s: class-embedding UNets other than SDXL's (unCLIP, ...) are not "
          .. "supported yet", rest)
      else
        fail("model.diffusion_model.%s: a tensor the converter does not know", rest)
      end
    end
  end
  for b = 0, levels - 1 do
    local conv1 = out[string.format("down_blocks.%d.resnets.0.conv1.weight", b)]
    if not conv1 then fail("model.diffusion_model: level %d has no resnet", b) end
    channels[b + 1] = conv1:size(1)
    local attn = has(out, string.format("down_blocks.%d.attentions.", b))
    down_types[b + 1] = attn and "CrossAttnDownBlock2D" or "DownBlock2D"
    depth[b + 1] = count(out, string.format("^down_blocks%%.%d%%.attentions%%.0%%.transformer_blocks%%.(%%d+)%%.", b))
    if attn then
      local k = out[string.format("down_blocks.%d.attentions.0.transformer_blocks.0.attn2.to_k.weight", b)]
      cross = k and k:size(2) or cross
      linear = out[string.format("down_blocks.%d.attentions.0.proj_in.weight", b)]:dim() == 2
    end
    local ub = levels - 1 - b
    up_types[ub + 1] = has(out, string.format("up_blocks.%d.attentions.", ub)) and "CrossAttnUpBlock2D"
      or "UpBlock2D"
  end
  local config = {
    _class_name = "UNet2DConditionModel", in_channels = conv_in:size(2),
    out_channels = out["conv_out.weight"]:size(1), block_out_channels = channels, layers_per_block = layers,
    down_block_types = down_types, up_block_types = up_types, cross_attention_dim = cross,
    use_linear_projection = linear, transformer_layers_per_block = depth,
  }
  local added = out["add_embedding.linear_1.weight"]
  if added then
    config.addition_embed_type = "text_time"
    config.projection_class_embeddings_input_dim = added:size(2)
  end
  return out, config
end

local VAE_RESNET = { nin_shortcut = "conv_shortcut" }
local VAE_ATTENTION = { norm = "group_norm", q = "to_q", k = "to_k", v = "to_v", proj_out = "to_out.0" }

--- The VAE's tensors with diffusers' names (the mid-block attention's 1x1
-- convolutions as linear layers), and the config their shapes say.
local function convert_vae(w)
  local out = {}
  local levels = count(w, "^encoder%.down%.(%d+)%.")
  if levels == 0 then fail("first_stage_model has no encoder.down (not a Stable Diffusion VAE)") end
  for k, v in pairs(w) do
    local side, rest = k:match("^(%a+coder)%.(.*)$")
    local name
    if not side then
      name = k -- quant_conv, post_quant_conv
    else
      local lvl = rest:match("^(%a+)%.%d+%.")
      local mid_kind, mid_tail = rest:match("^mid%.([%w_]+)%.(.*)$")
      if rest:match("^norm_out%.") then
        name = side .. ".conv_norm_out." .. rest:match("%.([^.]+)$")
      elseif mid_kind then
        if mid_kind == "attn_1" then
          local part, p = mid_tail:match("^([%w_]+)%.(.*)$")
          name = string.format("%s.mid_block.attentions.0.%s.%s", side, VAE_ATTENTION[part] or part, p)
          if v:dim() == 4 then v = v:reshape { v:size(1), v:size(2) } end
        else
          local r = mid_kind == "block_1" and 0 or 1
          name = string.format("%s.mid_block.resnets.%d.%s", side, r, rename_resnet(mid_tail, VAE_RESNET))
        end
      elseif lvl == "down" or lvl == "up" then
        local i = tonumber(rest:match("^%a+%.(%d+)%."))
        local level_rest = rest:match("^%a+%.%d+%.(.*)$")
        local block = lvl == "down" and "down_blocks" or "up_blocks"
        local level = lvl == "down" and i or levels - 1 - i -- the decoder's levels are numbered upward
        local j, btail = level_rest:match("^block%.(%d+)%.(.*)$")
        if j then
          name = string.format("%s.%s.%d.resnets.%s.%s", side, block, level, j, rename_resnet(btail, VAE_RESNET))
        else
          local sampler = lvl == "down" and "downsamplers" or "upsamplers"
          name = string.format("%s.%s.%d.%s.0.%s", side, block, level, sampler, level_rest:match("^%a+%.(.*)$"))
        end
      else
        name = side .. "." .. rest -- conv_in, conv_out
      end
    end
    out[name] = v
  end
  local channels = {}
  for i = 0, levels - 1 do
    local conv1 = out[string.format("encoder.down_blocks.%d.resnets.0.conv1.weight", i)]
    if not conv1 then fail("first_stage_model: encoder level %d has no resnet", i) end
    channels[i + 1] = conv1:size(1)
  end
  local down, up = {}, {}
  for i = 1, levels do down[i], up[i] = "DownEncoderBlock2D", "UpDecoderBlock2D" end
  local config = {
    _class_name = "AutoencoderKL", in_channels = out["encoder.conv_in.weight"]:size(2),
    out_channels = out["decoder.conv_out.weight"]:size(1), latent_channels = out["post_quant_conv.weight"]:size(1),
    block_out_channels = channels, down_block_types = down, up_block_types = up,
    layers_per_block = count(w, "^encoder%.down%.0%.block%.(%d+)%."),
  }
  return out, config
end

--- The text encoder's tensors (transformers' CLIPTextModel names, as SD1's
-- checkpoints keep them), and the config their shapes say.
local function convert_clip(w)
  local out = {}
  for k, v in pairs(w) do out[k] = v end
  out["text_model.embeddings.position_ids"] = nil
  local tok = out["text_model.embeddings.token_embedding.weight"]
  if not tok then fail("cond_stage_model.transformer has no text_model.embeddings (not a CLIP text model)") end
  local config = {
    model_type = "clip_text_model", architectures = { "CLIPTextModel" },
    vocab_size = tok:size(1), hidden_size = tok:size(2),
    max_position_embeddings = out["text_model.embeddings.position_embedding.weight"]:size(1),
    intermediate_size = out["text_model.encoder.layers.0.mlp.fc1.weight"]:size(1),
    num_hidden_layers = count(out, "^text_model%.encoder%.layers%.(%d+)%."),
  }
  return out, config
end

-- OpenCLIP's names (SD 2.x: cond_stage_model.model.*) in a resblock, and
-- transformers' CLIPTextModel's
local OPEN_CLIP_BLOCK = { ["ln_1."] = "layer_norm1.", ["ln_2."] = "layer_norm2.", ["mlp.c_fc."] = "mlp.fc1.",
  ["mlp.c_proj."] = "mlp.fc2.", ["attn.out_proj."] = "self_attn.out_proj." }

--- An SD 2.x checkpoint's OpenCLIP text tower as a CLIPTextModel, as
-- diffusers' convert_open_clip_checkpoint does: the resblocks renamed, each
-- in_proj split into q, k and v (rows in that order), its first `layers`
-- blocks only (SD 2.x checkpoints hold 24, the diffusers model the 23 up to
-- the penultimate, whose states the UNet reads); text_projection and
-- logit_scale are CLIP's image-text head, unused (SDXL's second encoder, a
-- CLIPTextModelWithProjection, takes text_projection transposed: `projection`).
local function convert_open_clip(w, layers, projection, prefix)
  prefix = prefix or "cond_stage_model.model." -- (where the tensors came from, for errors)
  local tok = w["token_embedding.weight"]
  if not tok or not w.positional_embedding then
    fail("%s* has no token_embedding / positional_embedding (not an OpenCLIP text model)", prefix)
  end
  local blocks = count(w, "^transformer%.resblocks%.(%d+)%.")
  layers = layers or blocks
  if layers > blocks then fail("the OpenCLIP text model has %d resblocks, the config %d layers", blocks, layers) end
  local out = {
    ["text_model.embeddings.token_embedding.weight"] = tok,
    ["text_model.embeddings.position_embedding.weight"] = w.positional_embedding,
    ["text_model.final_layer_norm.weight"] = w["ln_final.weight"],
    ["text_model.final_layer_norm.bias"] = w["ln_final.bias"],
  }
  local width = tok:size(2)
  for i = 0, layers - 1 do
    local from, to = "transformer.resblocks." .. i .. ".", "text_model.encoder.layers." .. i .. "."
    for k, v in pairs(w) do
      if k:sub(1, #from) == from then
        local rest = k:sub(#from + 1)
        local kind = rest:match("^attn%.in_proj_(%a+)$")
        if kind then
          if v:size(1) ~= 3 * width then
            fail("%s%s has %d rows, not 3 x %d", prefix, k, v:size(1), width)
          end
          for j, qkv in ipairs { "q", "k", "v" } do
            out[to .. "self_attn." .. qkv .. "_proj." .. kind] = v:narrow(1, (j - 1) * width + 1, width):contiguous()
          end
        else
          local mapped = rest
          for a, b in pairs(OPEN_CLIP_BLOCK) do
            if rest:sub(1, #a) == a then mapped = b .. rest:sub(#a + 1) end
          end
          if mapped == rest then fail("unknown OpenCLIP tensor %s%s", prefix, k) end
          out[to .. mapped] = v
        end
      end
    end
  end
  local config = {
    model_type = "clip_text_model", architectures = { "CLIPTextModel" },
    vocab_size = tok:size(1), hidden_size = width, max_position_embeddings = w.positional_embedding:size(1),
    intermediate_size = w["transformer.resblocks.0.mlp.c_fc.weight"]:size(1), num_hidden_layers = layers,
  }
  if projection then
    local p = w.text_projection
    if not p or p:dim() ~= 2 or p:size(1) ~= width then
      fail("%s* has no %d x N text_projection (SDXL's second text encoder needs it)", prefix, width)
    end
    local wide = p:dtype() == "float32" and p or p:float() -- (kept in 16 bits: transposed as float32, exactly)
    out["text_projection.weight"] = wide:transpose(1, 2):contiguous()
    if wide ~= p then out["text_projection.weight"] = out["text_projection.weight"]:to(p:dtype()) end
    config.architectures, config.projection_dim = { "CLIPTextModelWithProjection" }, p:size(2)
  end
  return out, config
end

-- where a config folder's component config comes from, or nil
local function folder_config(dir, part, file)
  local f = io.open(string.format("%s/%s/%s", dir, part, file), "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  return text
end

--- load(path, opts): the pipeline of a single-file checkpoint.
function M.load(path, opts, load_folder)
  opts = opts or {}
  local lower = path:lower()
  if lower:match("%.ckpt$") or lower:match("%.pt$") or lower:match("%.pth$") or lower:match("%.bin$") then
    fail("'%s' is a pickle file, which runs arbitrary code when read: diffusion does not open them. Convert it "
      .. "once, where you trust it, to .safetensors (for example with PyTorch: safetensors.torch.save_file("
      .. "torch.load(path)[\"state_dict\"], \"model.safetensors\"))", path)
  end
  local ok, weights = pcall(core.load_safetensors, path, { dtype = opts.dtype })
  if not ok then fail("'%s': %s", path, tostring(weights):gsub("^load_safetensors: ", "")) end
  local unet_w, nu = under(weights, "model.diffusion_model.")
  local vae_w, nv = under(weights, "first_stage_model.")
  local xl = has(weights, "conditioner.embedders.")
  -- SD 1.x: CLIP (transformers' names); SD 2.x: OpenCLIP; SDXL: both, CLIP first
  local clip_w, nc = under(weights, xl and "conditioner.embedders.0.transformer." or "cond_stage_model.transformer.")
  local open_clip_w, no = under(weights, xl and "conditioner.embedders.1.model." or "cond_stage_model.model.")
  if nu == 0 then
    fail("'%s' has no model.diffusion_model.* tensors: not an original Stable Diffusion checkpoint", path)
  end
  if xl and (nc == 0 or no == 0) then
    fail("'%s': an SDXL checkpoint needs both text encoders (conditioner.embedders.0.transformer.* and "
      .. "conditioner.embedders.1.model.*; refiners, with the second only, are not supported yet)", path)
  end
  if nv == 0 or nc + no == 0 then
    fail("'%s' lacks its VAE (first_stage_model.*) or text encoder (cond_stage_model.*)", path)
  end
  local dir = opts.config
  if not dir then
    fail("'%s': a checkpoint holds no tokenizer or scheduler, and not all of its architecture (attention heads, "
      .. "norm groups): pass config = a diffusers %s folder to take them from", path,
      xl and "SDXL" or no > 0 and "SD 2.x" or "SD 1.x")
  end
  local function config_text(part)
    local text = folder_config(dir, part, "config.json")
    if not text then fail("config '%s' has no %s/config.json", dir, part) end
    return text
  end
  local function layers(part) return math.tointeger(core.json_decode(config_text(part)).num_hidden_layers) end
  local build = require("diffusion.model").build
  local function component(part, what, tensors)
    return build(config_text(part), tensors, string.format("%s (%s, config %s/%s)", path, what, dir, part))
  end
  local components = {
    unet = component("unet", "UNet", convert_unet(unet_w)),
    vae = component("vae", "VAE", convert_vae(vae_w)),
    tokenizer = load_folder(dir .. "/tokenizer"),
  }
  if xl then
    components.text_encoder = component("text_encoder", "text encoder", convert_clip(clip_w))
    components.text_encoder_2 = component("text_encoder_2", "second text encoder",
      convert_open_clip(open_clip_w, layers("text_encoder_2"), true, "conditioner.embedders.1.model."))
    components.tokenizer_2 = load_folder(dir .. "/tokenizer_2")
  else
    components.text_encoder = component("text_encoder", "text encoder",
      no > 0 and convert_open_clip(open_clip_w, layers("text_encoder")) or convert_clip(clip_w))
  end
  local sched = folder_config(dir, "scheduler", "scheduler_config.json")
  if not sched then fail("config '%s' has no scheduler/scheduler_config.json", dir) end
  components.scheduler_config = core.json_decode(sched)
  components.scheduler = components.scheduler_config._class_name
  local class = xl and "StableDiffusionXLPipeline" or "StableDiffusionPipeline"
  local index = folder_config(dir, ".", "model_index.json")
  local parsed_ok, parsed = pcall(core.json_decode, index or "")
  if xl and parsed_ok and type(parsed) == "table" then -- SDXL: zeros for an empty negative prompt, as the folder says
    components.force_zeros_for_empty_prompt = parsed.force_zeros_for_empty_prompt
  end
  return require("diffusion.pipeline").assemble(class, path, components)
end

M.convert_unet, M.convert_vae, M.convert_clip, M.convert_open_clip = convert_unet, convert_vae, convert_clip,
  convert_open_clip

return M
