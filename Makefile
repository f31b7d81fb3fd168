# diffusion: build, test, sanitizers, bench, install.
# Every variable below can be overridden on the command line (LuaRocks does).

SHELL           = /bin/bash
LUA             ?= lua5.4
LUA_VERSION     ?= 5.4
LUA_INCDIR      ?= /usr/include/lua$(LUA_VERSION)
LUA_LIBDIR      ?= /usr/lib/x86_64-linux-gnu
OPENBLAS_INCDIR ?= /usr/include/x86_64-linux-gnu
# The OpenMP build of OpenBLAS: its threads and our OpenMP loops share one pool.
OPENBLAS_LIBDIR ?= /usr/lib/x86_64-linux-gnu/openblas-openmp
BUSTED          ?= /usr/bin/busted
CFLAGS          ?= -O3
LIBFLAG         ?= -shared
PREFIX          ?= /usr/local
INST_LIBDIR     ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
INST_LUADIR     ?= $(PREFIX)/share/lua/$(LUA_VERSION)
INST_BINDIR     ?= $(PREFIX)/bin

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# No errno from libm and no FP-exception flags: NaN and inf behave as always,
# but loops with float compares and sqrt can be if-converted and vectorised.
REQUIRED  = -std=c11 -D_DEFAULT_SOURCE -fPIC -fopenmp -fvisibility=hidden -fno-math-errno -fno-trapping-math \
            -I$(LUA_INCDIR) -I$(OPENBLAS_INCDIR)
# -z nodelete: lua_close dlcloses C modules, but OpenMP and OpenBLAS worker
# threads outlive that and would run unmapped code.
LIBS      = -Wl,-z,nodelete -L$(OPENBLAS_LIBDIR) -Wl,-rpath,$(OPENBLAS_LIBDIR) -lopenblas -lpng16 -lcjson -lpcre2-8 -lutf8proc -lz -lm

CORE_SRC  = $(wildcard csrc/core/*.c) csrc/cpu/cpu.c
BIND_SRC  = $(wildcard csrc/bind/*.c)
SRC       = $(CORE_SRC) $(BIND_SRC)
HDR       = $(wildcard csrc/core/*.h csrc/bind/*.h csrc/cpu/*.h)
ASAN_OBJ  = $(SRC:csrc/%.c=build/asan-obj/%.o)

# One build of the module per instruction set, chosen at require time by
# lua/diffusion/core.lua from what the CPU has (or DIFFUSION_ISA): generic
# (any x86-64), avx2 (x86-64-v3: AVX2, FMA) and avx512 (x86-64-v4). The
# chooser's cpuid module, diffusion/cpu.so, is built for any x86-64.
ISAS              = generic avx2 avx512
ISA_FLAGS_generic =
ISA_FLAGS_avx2    = -march=x86-64-v3
ISA_FLAGS_avx512  = -march=x86-64-v4
CORES             = $(ISAS:%=diffusion/core_%.so)
MODULES           = $(CORES) diffusion/cpu.so
SANITIZE  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: all test check-asan check-valgrind fuzz fuzz-build bench demo install clean format lint

all: $(MODULES)

define ISA_RULES
build/obj-$(1)/%.o: csrc/%.c $$(HDR)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(ISA_FLAGS_$(1)) -DDT_ISA=$(1) $$(WARN) $$(REQUIRED) -c -o $$@ $$<

diffusion/core_$(1).so: $$(SRC:csrc/%.c=build/obj-$(1)/%.o)
	@mkdir -p $$(@D)
	$$(CC) $$(LIBFLAG) -fopenmp -o $$@ $$^ $$(LIBS)
endef
$(foreach isa,$(ISAS),$(eval $(call ISA_RULES,$(isa))))

# The optional MPI binding (docs/scale-out.md), diffusion/mpi.so: built by
# `make MPI=1`, and by `make test` wherever mpicc is installed so that its
# specs run; the default build and the rock never link MPI.
MPICC      ?= mpicc
HAVE_MPICC := $(shell command -v $(MPICC) >/dev/null 2>&1 && echo 1)
MPI_SRC     = csrc/mpi/l_mpi.c csrc/mpi/collective.c
ifeq ($(MPI),1)
all: diffusion/mpi.so
endif

diffusion/mpi.so: $(MPI_SRC) csrc/mpi/collective.h csrc/core/tensor.h
	@mkdir -p $(@D)
	$(MPICC) $(CFLAGS) $(WARN) -std=c11 -D_DEFAULT_SOURCE -fPIC -fvisibility=hidden -I$(LUA_INCDIR) \
	  $(LIBFLAG) -Wl,-z,nodelete -o $@ $(MPI_SRC)

diffusion/cpu.so: build/obj-generic/cpu/cpu.o build/obj-generic/cpu/l_cpu.o
	@mkdir -p $(@D)
	$(CC) $(LIBFLAG) -o $@ $^

# The sanitised build is the widest this CPU runs (check-asan asks for it by
# name), so that the code the specs run here is the code checked: avx512
# (our own GEMM kernel) where the CPU has AVX-512 F/BW/DQ/VL, else avx2.
ASAN_ISA := $(shell grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && \
  grep -qw avx512dq /proc/cpuinfo && grep -qw avx512vl /proc/cpuinfo && echo avx512 || echo avx2)
build/asan/diffusion/core_$(ASAN_ISA).so: $(ASAN_OBJ)
	@mkdir -p $(@D)
	$(CC) -shared -fopenmp $(SANITIZE) -o $@ $(ASAN_OBJ) $(LIBS)

build/asan/diffusion/cpu.so: diffusion/cpu.so
	@mkdir -p $(@D)
	cp $< $@

# The same instruction set as the real build, so the sanitisers check the
# code that runs (the AVX GEMM kernels, not their portable fallbacks) and the
# CLI specs' subprocesses (plain build) compute the same bits as the specs.
build/asan-obj/%.o: csrc/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) -O1 -g $(ISA_FLAGS_$(ASAN_ISA)) -DDT_ISA=$(ASAN_ISA) $(SANITIZE) $(WARN) $(REQUIRED) -c -o $@ $<

# A host program with two Lua states (spec/states_spec.lua runs it).
build/test/two_states: tests/two_states.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -std=c11 -I$(LUA_INCDIR) -o $@ $< -llua$(LUA_VERSION)

test: $(MODULES) build/test/two_states $(if $(HAVE_MPICC),diffusion/mpi.so)
	$(LUA) $(BUSTED)

# The spec suite against the sanitised build. lua5.4 itself is not
# instrumented, so the ASan runtime is preloaded.
check-asan: build/asan/diffusion/core_$(ASAN_ISA).so build/asan/diffusion/cpu.so build/test/two_states
	DIFFUSION_SANITIZED=1 DIFFUSION_ISA=$(ASAN_ISA) \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	LD_PRELOAD=$$($(CC) -print-file-name=libasan.so) \
	$(LUA) $(BUSTED) --cpath='./build/asan/?.so'

# The spec suite under valgrind memcheck (plain build, -O3): any memory error
# or definite leak fails it. Slow (about 20x); not part of CI, which runs ASan.
check-valgrind: $(MODULES) build/test/two_states
	DIFFUSION_SANITIZED=1 valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
	  --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/.ci/valgrind.supp \
	  $(LUA) $(BUSTED)

# ---- fuzzing: libFuzzer targets built with clang, ASan and UBSan ----
# make fuzz FUZZ_TIME=600 runs each target for FUZZ_TIME seconds on its
# committed seed corpus (new inputs go to build/fuzz/corpus, not the repo);
# make fuzz FUZZ_RUNS=1000000 runs each for that many executions instead.
FUZZ_CC      ?= clang-14
FUZZ_TIME    ?= 60
FUZZ_RUNS    ?=
FUZZ_LIMIT    = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_TIME))
FUZZ_TARGETS  = safetensors png npy idx unet_config vae_config dit_config clip_tokenizer scheduler_config
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_OBJ      = $(SRC:csrc/%.c=build/fuzz-obj/%.o)
FUZZ_BIN      = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_LIBS     = $(LIBS) -llua$(LUA_VERSION)

# -Wno-pass-failed: at -O1 clang does not vectorise, and `omp simd` loops
# (a request to vectorise) would otherwise fail the build.
build/fuzz-obj/%.o: csrc/%.c $(HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) $(WARN) -Wno-pass-failed $(REQUIRED) -c -o $@ $<

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_input.h $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(WARN) $(REQUIRED) -DDIFFUSION_ROOT='"$(CURDIR)"' \
	  -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t; \
	  echo "== fuzz_$$t ($(FUZZ_LIMIT))"; \
	  ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
	  build/fuzz/fuzz_$$t $(FUZZ_LIMIT) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/artifacts/$$t/ build/fuzz/corpus/$$t fuzz/corpus/$$t 2>&1 | \
	    grep -E "stat::number_of_executed_units|ERROR|SUMMARY|Test unit written|fuzz_$$t:" ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

bench: $(MODULES) build/bench/peer_c
	$(LUA) bench/tensor_ops.lua
	$(LUA) bench/sampler_overhead.lua

build/bench/peer_c: bench/peer_c.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ISA_FLAGS_avx2) $(WARN) -std=c11 -D_DEFAULT_SOURCE -fopenmp -I$(OPENBLAS_INCDIR) -o $@ $< $(LIBS)

# Our AVX-512 GEMM against OpenBLAS (needs an AVX-512 CPU to run).
build/bench/gemm: bench/gemm.c csrc/core/gemm.c csrc/core/gemm.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ISA_FLAGS_avx512) $(WARN) -std=c11 -D_DEFAULT_SOURCE -fopenmp -I$(OPENBLAS_INCDIR) -o $@ bench/gemm.c csrc/core/gemm.c $(LIBS)

demo: $(MODULES)
	$(LUA) bin/diffusion sample -o samples.png

install: $(MODULES) $(if $(filter 1,$(MPI)),diffusion/mpi.so)
	install -d $(INST_LIBDIR)/diffusion $(INST_LUADIR)/diffusion/samplers $(INST_LUADIR)/diffusion/cli $(INST_BINDIR)
	install -m 755 bin/diffusion $(INST_BINDIR)/diffusion
	install -m 755 $(MODULES) $(INST_LIBDIR)/diffusion/
	if [ "$(MPI)" = 1 ]; then install -m 755 diffusion/mpi.so $(INST_LIBDIR)/diffusion/; fi
	install -m 644 lua/diffusion/*.lua $(INST_LUADIR)/diffusion/
	install -m 644 lua/diffusion/samplers/*.lua $(INST_LUADIR)/diffusion/samplers/
	install -m 644 lua/diffusion/cli/*.lua $(INST_LUADIR)/diffusion/cli/
	install -d $(INST_LUADIR)/diffusion/data/mnist
	install -m 644 data/mnist/* $(INST_LUADIR)/diffusion/data/mnist/
	install -d $(INST_LUADIR)/diffusion/models/mnist-classifier
	install -m 644 models/mnist-classifier/* $(INST_LUADIR)/diffusion/models/mnist-classifier/
	install -d $(INST_LUADIR)/diffusion/models/mnist-noisy-classifier
	install -m 644 models/mnist-noisy-classifier/* $(INST_LUADIR)/diffusion/models/mnist-noisy-classifier/
	install -d $(INST_LUADIR)/diffusion/models/mnist/unet $(INST_LUADIR)/diffusion/models/mnist/scheduler
	install -m 644 models/mnist/model_index.json models/mnist/README.md models/mnist/train_config.lua \
	  $(INST_LUADIR)/diffusion/models/mnist/
	install -m 644 models/mnist/unet/* $(INST_LUADIR)/diffusion/models/mnist/unet/
	install -m 644 models/mnist/scheduler/* $(INST_LUADIR)/diffusion/models/mnist/scheduler/
	install -d $(INST_LUADIR)/diffusion/models/mnist/plans
	install -m 644 models/mnist/plans/* $(INST_LUADIR)/diffusion/models/mnist/plans/
	for n in 1 2 4; do \
	  install -d $(INST_LUADIR)/diffusion/models/mnist-$${n}step/unet $(INST_LUADIR)/diffusion/models/mnist-$${n}step/scheduler; \
	  install -m 644 models/mnist-$${n}step/model_index.json models/mnist-$${n}step/README.md \
	    $(INST_LUADIR)/diffusion/models/mnist-$${n}step/; \
	  install -m 644 models/mnist-$${n}step/unet/* $(INST_LUADIR)/diffusion/models/mnist-$${n}step/unet/; \
	  install -m 644 models/mnist-$${n}step/scheduler/* $(INST_LUADIR)/diffusion/models/mnist-$${n}step/scheduler/; \
	done

format:
	clang-format -i $(SRC) $(MPI_SRC) csrc/mpi/collective.h csrc/cpu/l_cpu.c $(HDR) bench/*.c fuzz/*.c fuzz/*.h tests/*.c

lint:
	clang-format --dry-run -Werror $(SRC) $(MPI_SRC) csrc/mpi/collective.h csrc/cpu/l_cpu.c $(HDR) bench/*.c fuzz/*.c fuzz/*.h tests/*.c
	luacheck -q lua spec bench examples fuzz bin/diffusion

clean:
	rm -rf build diffusion
