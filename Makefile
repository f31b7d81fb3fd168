# diffusion: build, test, sanitizers, bench, install.
# Every variable below can be overridden on the command line (LuaRocks does).

LUA             ?= lua5.4
LUA_VERSION     ?= 5.4
LUA_INCDIR      ?= /usr/include/lua$(LUA_VERSION)
LUA_LIBDIR      ?= /usr/lib/x86_64-linux-gnu
OPENBLAS_INCDIR ?= /usr/include/x86_64-linux-gnu
# The OpenMP build of OpenBLAS: its threads and our OpenMP loops share one pool.
OPENBLAS_LIBDIR ?= /usr/lib/x86_64-linux-gnu/openblas-openmp
BUSTED          ?= /usr/bin/busted
CFLAGS          ?= -O3 -march=x86-64-v3
LIBFLAG         ?= -shared
PREFIX          ?= /usr/local
INST_LIBDIR     ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
INST_LUADIR     ?= $(PREFIX)/share/lua/$(LUA_VERSION)

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# No errno from libm and no FP-exception flags: NaN and inf behave as always,
# but loops with float compares and sqrt can be if-converted and vectorised.
REQUIRED  = -std=c11 -D_DEFAULT_SOURCE -fPIC -fopenmp -fvisibility=hidden -fno-math-errno -fno-trapping-math \
            -I$(LUA_INCDIR) -I$(OPENBLAS_INCDIR)
# -z nodelete: lua_close dlcloses C modules, but OpenMP and OpenBLAS worker
# threads outlive that and would run unmapped code.
LIBS      = -Wl,-z,nodelete -L$(OPENBLAS_LIBDIR) -Wl,-rpath,$(OPENBLAS_LIBDIR) -lopenblas -lpng16 -lcjson -lz -lm

CORE_SRC  = $(wildcard csrc/core/*.c)
BIND_SRC  = $(wildcard csrc/bind/*.c)
SRC       = $(CORE_SRC) $(BIND_SRC)
HDR       = $(wildcard csrc/core/*.h csrc/bind/*.h)
OBJ       = $(SRC:csrc/%.c=build/obj/%.o)
ASAN_OBJ  = $(SRC:csrc/%.c=build/asan-obj/%.o)
SANITIZE  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: all test check-asan bench demo install clean format lint

all: diffusion/core.so

diffusion/core.so: $(OBJ)
	@mkdir -p $(@D)
	$(CC) $(LIBFLAG) -fopenmp -o $@ $(OBJ) $(LIBS)

build/obj/%.o: csrc/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(REQUIRED) -c -o $@ $<

build/asan/diffusion/core.so: $(ASAN_OBJ)
	@mkdir -p $(@D)
	$(CC) -shared -fopenmp $(SANITIZE) -o $@ $(ASAN_OBJ) $(LIBS)

build/asan-obj/%.o: csrc/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) -O1 -g $(SANITIZE) $(WARN) $(REQUIRED) -c -o $@ $<

test: diffusion/core.so
	$(LUA) $(BUSTED)

# The spec suite against the sanitised build. lua5.4 itself is not
# instrumented, so the ASan runtime is preloaded.
check-asan: build/asan/diffusion/core.so
	DIFFUSION_SANITIZED=1 \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	LD_PRELOAD=$$($(CC) -print-file-name=libasan.so) \
	$(LUA) $(BUSTED) --cpath='./build/asan/?.so'

bench: diffusion/core.so build/bench/peer_c
	$(LUA) bench/tensor_ops.lua
	$(LUA) bench/sampler_overhead.lua

build/bench/peer_c: bench/peer_c.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -std=c11 -D_DEFAULT_SOURCE -fopenmp -I$(OPENBLAS_INCDIR) -o $@ $< $(LIBS)

demo: diffusion/core.so
	$(LUA) examples/tensor_demo.lua

install: diffusion/core.so
	install -d $(INST_LIBDIR)/diffusion $(INST_LUADIR)/diffusion/samplers
	install -m 755 diffusion/core.so $(INST_LIBDIR)/diffusion/core.so
	install -m 644 lua/diffusion/*.lua $(INST_LUADIR)/diffusion/
	install -m 644 lua/diffusion/samplers/*.lua $(INST_LUADIR)/diffusion/samplers/

format:
	clang-format -i $(SRC) $(HDR) bench/*.c

lint:
	clang-format --dry-run -Werror $(SRC) $(HDR) bench/*.c
	luacheck -q lua spec bench examples

clean:
	rm -rf build diffusion
