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

.PHONY: demo test setup wasm-target wasm-bindgen-cli venv python wasm lint rust-test py-test js-test ts-check clean www serve browser-test

demo:
	cargo run --release -p pmkit --example report -- $(ARGS)

test: setup lint rust-test python py-test wasm js-test browser-test
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

wasm: wasm-target wasm-bindgen-cli
	cargo build --release --target wasm32-unknown-unknown -p pmkit-wasm
	rm -rf $(WASM_OUT)
	wasm-bindgen --target nodejs --weak-refs --out-name pmkit --out-dir $(WASM_OUT) \
	  target/wasm32-unknown-unknown/release/pmkit_wasm.wasm
	cp bindings-wasm/package.json $(WASM_OUT)/package.json
	cp bindings-wasm/js/index.js bindings-wasm/js/index.d.ts $(WASM_OUT)/

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

rust-test:
	cargo test --workspace

py-test: python
	$(PYTHON) -m pytest -q bindings-python/tests
	# The .pyi stubs must match what the native module really exports.
	$(PYTHON) -m mypy.stubtest pmkit._pmkit --allowlist bindings-python/stubtest-allowlist.txt \
	  --allowlist bindings-python/stubtest-allowlist-generated.txt

js-test: wasm ts-check
	node --test bindings-wasm/tests/

# The generated .d.ts must type-check, and typed code must be able to use it.
TSC := .tools/node_modules/.bin/tsc
$(TSC):
	npm install --silent --no-audit --no-fund --prefix .tools typescript@5.9.3

ts-check: wasm $(TSC)
	$(TSC) -p bindings-wasm/tsconfig.json

# The browser dashboard (bindings-wasm/www): the same release wasm as `wasm`, bound
# for the web (an ES module the page imports, no bundler).
WWW_OUT := bindings-wasm/www/pkg

www: wasm
	rm -rf $(WWW_OUT)
	wasm-bindgen --target web --out-name pmkit --out-dir $(WWW_OUT) \
	  target/wasm32-unknown-unknown/release/pmkit_wasm.wasm

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

clean:
	rm -rf target $(VENV) $(WASM_OUT) $(WWW_OUT) .tools
