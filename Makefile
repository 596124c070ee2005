# pmkit: `make demo` prints the sample report; `make test` sets up a fresh machine
# (wasm target, wasm-bindgen-cli at the locked version, a Python virtualenv) and
# runs every check in Rust, Python and JavaScript.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := demo

VENV := $(CURDIR)/.venv
PYTHON := $(VENV)/bin/python
CARGO_BIN := $(shell dirname "$$(command -v cargo)")
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
WASM_OUT := bindings-wasm/pkg

.PHONY: demo test setup wasm-target wasm-bindgen-cli venv python wasm wasm-size lint rust-test py-test js-test ts-check clean www serve browser-test package-test wheel wheel-test crate-test \
  cargo-fuzz fuzz-smoke fuzz

demo:
	cargo run --release -p pmkit-core --example report -- $(ARGS)

test: setup lint rust-test python py-test wasm js-test browser-test package-test wheel-test crate-test
	@echo "make test: all checks passed"

setup: wasm-target wasm-bindgen-cli venv

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

wasm-bindgen-cli: Cargo.lock
	@want="$(WASM_BINDGEN_VERSION)"; \
	have="$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}' || true)"; \
	if [ "$$have" != "$$want" ]; then \
	  echo "installing wasm-bindgen-cli $$want (found '$$have')"; \
	  cargo install wasm-bindgen-cli --version "$$want" --locked; \
	fi

Cargo.lock:
	cargo generate-lockfile

venv: $(VENV)/.installed

$(VENV)/.installed: bindings-python/requirements-dev.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r bindings-python/requirements-dev.txt
	touch $@

python: venv
	VIRTUAL_ENV=$(VENV) PATH="$(VENV)/bin:$$PATH" \
	  maturin develop --release --quiet -m bindings-python/Cargo.toml

# The npm package `pmkit` (bindings-wasm/README.md): one wasm, bound twice by
# wasm-bindgen (Node's synchronous glue, the web's async one), assembled with its entry
# points, types, README, licences and the Cargo version by build-package.mjs. The name
# and producers sections are dropped (3.2 MB -> 2.8 MB; see bindings-wasm/README.md for
# why wasm-opt is not run).
WASM_IN := target/wasm32-unknown-unknown/release/pmkit_wasm.wasm
WASM_WEB_GLUE := target/pmkit-web-glue
WASM_BINDGEN_FLAGS := --weak-refs --remove-name-section --remove-producers-section --out-name pmkit

wasm: wasm-target wasm-bindgen-cli
	cargo build --release --target wasm32-unknown-unknown -p pmkit-wasm
	rm -rf $(WASM_OUT) $(WASM_WEB_GLUE)
	wasm-bindgen --target nodejs $(WASM_BINDGEN_FLAGS) --out-dir $(WASM_OUT) $(WASM_IN)
	wasm-bindgen --target web $(WASM_BINDGEN_FLAGS) --out-dir $(WASM_WEB_GLUE) $(WASM_IN)
	node bindings-wasm/js/build-package.mjs $(WASM_OUT) $(WASM_WEB_GLUE)

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

rust-test:
	cargo test --workspace
	# The fuzz targets' seeds and past findings, replayed on stable (fuzz/tests/replay.rs).
	cargo test --manifest-path fuzz/Cargo.toml --quiet

py-test: python
	$(PYTHON) -m pytest -q bindings-python/tests
	# The .pyi stubs must match what the native module really exports.
	$(PYTHON) -m mypy.stubtest pmkit._pmkit --allowlist bindings-python/stubtest-allowlist.txt \
	  --allowlist bindings-python/stubtest-allowlist-generated.txt

# The JavaScript tests' own dependencies (fast-check), from bindings-wasm's
# devDependencies and lockfile.
JS_TEST_DEPS := bindings-wasm/node_modules/fast-check/package.json
$(JS_TEST_DEPS): bindings-wasm/package.json bindings-wasm/package-lock.json
	npm ci --silent --no-audit --no-fund --prefix bindings-wasm
	touch $@

js-test: wasm ts-check $(JS_TEST_DEPS)
	node --test bindings-wasm/tests/

# The generated .d.ts must type-check, and typed code must be able to use it.
TSC := .tools/node_modules/.bin/tsc
$(TSC):
	npm install --silent --no-audit --no-fund --prefix .tools typescript@5.9.3

ts-check: wasm $(TSC)
	$(TSC) -p bindings-wasm/tsconfig.json

# The browser dashboard (bindings-wasm/www): the npm package's browser entry, as shipped
# (browser.mjs as pkg/pmkit.js, the web glue and the one wasm), so the page runs on the
# very files users install; an ES module the page imports, no bundler. Renamed .js:
# static servers (the test's, Python's) know that type for sure, not always .mjs.
WWW_OUT := bindings-wasm/www/pkg

www: wasm
	rm -rf $(WWW_OUT) && mkdir -p $(WWW_OUT)
	sed 's|"./pmkit_web.mjs"|"./pmkit_web.js"|' $(WASM_OUT)/browser.mjs > $(WWW_OUT)/pmkit.js
	grep -q '"./pmkit_web.js"' $(WWW_OUT)/pmkit.js
	cp $(WASM_OUT)/pmkit_web.mjs $(WWW_OUT)/pmkit_web.js
	cp $(WASM_OUT)/pmkit_bg.wasm $(WWW_OUT)/

# Python's http.server serves .wasm as application/wasm, which streaming compilation needs.
serve: www
	@echo "pmkit dashboard on http://localhost:8000/ (Ctrl-C to stop)"
	python3 -m http.server --bind 127.0.0.1 --directory bindings-wasm/www 8000

# The dashboard driven in headless Chromium: Debian's chromium (installed if missing)
# and playwright-core from npm, pinned, in .tools like typescript.
CHROMIUM := /usr/bin/chromium
PLAYWRIGHT := .tools/node_modules/playwright-core/package.json

$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

$(PLAYWRIGHT):
	npm install --silent --no-audit --no-fund --prefix .tools playwright-core@1.65.1

browser-test: www $(CHROMIUM) $(PLAYWRIGHT)
	node --test bindings-wasm/browser/

# The npm package as users install it (bindings-wasm/package-test): packed, installed
# into fresh CommonJS, ESM, TypeScript and bundler projects; the page built by Vite,
# webpack, esbuild and Rollup and a page without a bundler opened in Chromium. Vite
# pinned in .tools like the rest.
VITE := .tools/node_modules/vite/package.json

$(VITE):
	npm install --silent --no-audit --no-fund --prefix .tools vite@8.4.1

# webpack, esbuild and Rollup (with its node-resolve plugin) build the same page, and
# esbuild a Node bundle; pinned like the rest.
BUNDLERS := .tools/node_modules/webpack/package.json

$(BUNDLERS):
	npm install --silent --no-audit --no-fund --prefix .tools webpack@5.113.0 \
	  esbuild@0.28.2 rollup@4.69.3 @rollup/plugin-node-resolve@16.0.3

package-test: wasm $(TSC) $(VITE) $(BUNDLERS) $(CHROMIUM) $(PLAYWRIGHT)
	node --test bindings-wasm/package-test/

# The Python distributions: an abi3 wheel (CPython 3.9 and later) and an sdist, built by
# maturin into target/wheels.
WHEEL_OUT := target/wheels

wheel: venv
	rm -rf $(WHEEL_OUT)
	VIRTUAL_ENV=$(VENV) PATH="$(VENV)/bin:$$PATH" \
	  maturin build --release --quiet -m bindings-python/Cargo.toml -o $(WHEEL_OUT)
	VIRTUAL_ENV=$(VENV) PATH="$(VENV)/bin:$$PATH" \
	  maturin sdist -m bindings-python/Cargo.toml -o $(WHEEL_OUT)
	@ls $(WHEEL_OUT)

# The wheel as users install it (bindings-python/wheel-test): installed with its
# dependencies (pip, from the registry) into a fresh virtualenv for every Python from 3.9
# (the oldest the package declares) to 3.13 that the machine has (on PATH, or under
# pyenv), each running smoke.py, which mypy --strict then checks against the installed
# stubs; and the whole pytest suite run against the wheel installed in the 3.11
# virtualenv (the test stack's pins need 3.11), with no Rust on the PATH.
WHEEL_DIR := target/wheel-test
PYTHON_VERSIONS := 3.9 3.10 3.11 3.12 3.13

wheel-test: wheel
	rm -rf $(WHEEL_DIR) && mkdir -p $(WHEEL_DIR)
	@tested=""; \
	for version in $(PYTHON_VERSIONS); do \
	  py=""; \
	  for candidate in "python$$version" $$(ls -d "$$(pyenv root 2>/dev/null || echo /nonexistent)"/versions/$$version.*/bin/python$$version 2>/dev/null); do \
	    if "$$candidate" -c 'import venv' >/dev/null 2>&1; then py="$$candidate"; break; fi; \
	  done; \
	  [ -n "$$py" ] || continue; \
	  env="$(WHEEL_DIR)/venv-$$version"; \
	  "$$py" -m venv "$$env"; \
	  "$$env/bin/python" -m pip install --quiet $(WHEEL_OUT)/pmkit_core-*.whl; \
	  (cd $(WHEEL_DIR) && "$(CURDIR)/$$env/bin/python" "$(CURDIR)/bindings-python/wheel-test/smoke.py"); \
	  tested="$$tested $$version"; \
	done; \
	echo "wheel-test: the wheel installed and ran on Python$$tested"; \
	case " $$tested " in *" 3.11 "*) ;; *) echo "wheel-test: no Python 3.11 found"; exit 1;; esac
	$(PYTHON) -m mypy --strict --no-incremental --python-executable "$(WHEEL_DIR)/venv-3.11/bin/python" \
	  bindings-python/wheel-test/smoke.py
	$(WHEEL_DIR)/venv-3.11/bin/python -m pip install --quiet -r bindings-python/requirements-dev.txt
	cd $(WHEEL_DIR) && env PATH="$(CURDIR)/$(WHEEL_DIR)/venv-3.11/bin:/usr/bin:/bin" \
	  "$(CURDIR)/$(WHEEL_DIR)/venv-3.11/bin/python" -m pytest -q -p no:cacheprovider \
	  --rootdir "$(CURDIR)/bindings-python" "$(CURDIR)/bindings-python/tests"

# The crate as users depend on it (core/package-test): its docs build without a warning,
# `cargo publish --dry-run` builds the pmkit package from its packed sources (what
# would be uploaded, into target/package), then a program
# outside the workspace depends on the unpacked package and runs; and the crate is
# checked with the oldest Rust it declares (rust-version, installed by rustup if missing).
CRATE_VERSION = $(shell awk -F'"' '/^version = / { print $$2; exit }' Cargo.toml)
CRATE_TEST := target/crate-test
MSRV = $(shell awk -F'"' '/^rust-version = / { print $$2; exit }' Cargo.toml)

crate-test:
	RUSTDOCFLAGS="-D warnings" cargo doc -p pmkit-core --no-deps --quiet
	cargo publish --dry-run -p pmkit-core --allow-dirty --quiet
	rm -rf $(CRATE_TEST) && mkdir -p $(CRATE_TEST)
	cp -r core/package-test/src $(CRATE_TEST)/
	sed 's|PMKIT_PACKAGE|$(CURDIR)/target/package/pmkit-core-$(CRATE_VERSION)|' \
	  core/package-test/Cargo.toml > $(CRATE_TEST)/Cargo.toml
	CARGO_TARGET_DIR=$(CURDIR)/target/crate-test-build cargo run --quiet --manifest-path $(CRATE_TEST)/Cargo.toml
	rustup toolchain install $(MSRV) --profile minimal --no-self-update
	CARGO_TARGET_DIR=$(CURDIR)/target/msrv cargo +$(MSRV) check -p pmkit-core --all-features --locked --quiet

# The wasm's size, raw and gzipped: as wasm-bindgen emits it, as shipped (name and
# producers sections removed), and after wasm-opt (binaryen from npm, pinned), which the
# package does not run (bindings-wasm/README.md, "Size").
WASM_OPT := .tools/node_modules/.bin/wasm-opt
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue

$(WASM_OPT):
	npm install --silent --no-audit --no-fund --prefix .tools binaryen@132.0.0

wasm-size: wasm $(WASM_OPT)
	rm -rf target/wasm-size && mkdir -p target/wasm-size
	wasm-bindgen --target nodejs --weak-refs --out-name pmkit --out-dir target/wasm-size/full $(WASM_IN)
	$(WASM_OPT) -Oz $(WASM_OPT_FEATURES) --strip-debug --strip-producers \
	  $(WASM_OUT)/pmkit_bg.wasm -o target/wasm-size/opt-Oz.wasm
	@for f in target/wasm-size/full/pmkit_bg.wasm $(WASM_OUT)/pmkit_bg.wasm target/wasm-size/opt-Oz.wasm; do \
	  printf '%-40s raw %9d  gzip -9 %8d\n' "$$f" "$$(wc -c < $$f)" "$$(gzip -9c $$f | wc -c)"; \
	done

clean:
	rm -rf target $(VENV) $(WASM_OUT) $(WWW_OUT) .tools

# Fuzzing (fuzz/, CONTRIBUTING.md "Fuzzing"): cargo-fuzz on the nightly toolchain, not
# part of `make test`. `make fuzz-smoke` builds every target and replays its committed
# seeds (a few minutes, mostly the build); `make fuzz` runs each target for
# FUZZ_SECONDS (default 120) with memory limits, so an oversized allocation is a
# finding. Crashes land in fuzz/artifacts/<target>/.
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_SECONDS ?= 120
FUZZ_LIMITS := -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10

cargo-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@have="$$(cargo fuzz --version 2>/dev/null | awk '{print $$2}' || true)"; \
	if [ "$$have" != "$(CARGO_FUZZ_VERSION)" ]; then \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked; \
	fi

fuzz-smoke: cargo-fuzz
	cd fuzz && cargo +nightly test --lib --quiet
	cd fuzz && cargo +nightly fuzz build -O
	cd fuzz && for target in $$(cargo +nightly fuzz list); do \
	  cargo +nightly fuzz run -O $$target seeds/$$target -- -runs=0 $(FUZZ_LIMITS); \
	done

fuzz: cargo-fuzz
	cd fuzz && for target in $$(cargo +nightly fuzz list); do \
	  mkdir -p corpus/$$target; \
	  cargo +nightly fuzz run -O $$target corpus/$$target seeds/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -dict=json.dict $(FUZZ_LIMITS) -print_final_stats=1; \
	done
