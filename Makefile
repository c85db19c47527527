# Foursight: `make demo` runs the product, `make test` runs the tests. Both set everything up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/foursight/web/static/vendor
DEMO_DIR := demo-data
DEMO_RECORDS ?= 4000
export FOURSIGHT_DATA_DIR ?= $(CURDIR)/$(DEMO_DIR)

.PHONY: demo test lint check-deploy assets install bench lock clean

## Python environment: pinned requirements, then the package installed editable with the
## screening core compiled beside its source (setup.py, mypyc), again whenever that source
## changes. FOURSIGHT_PURE_PYTHON=1 installs without compiling (same results, half the speed).
SCREENING := src/foursight/screening
# (every screening module, rather than a copy of native.COMPILED_MODULES that could drift)
COMPILED_SOURCES := setup.py $(wildcard $(SCREENING)/*.py)

$(BIN)/.installed: requirements/base.txt requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

$(BIN)/.package: $(BIN)/.installed $(COMPILED_SOURCES)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -c 'from foursight.screening import native; print("screening engine: %(engine)s (%(why)s)" % native.engine())'
	touch $@

install: $(BIN)/.package

## Front-end: GOV.UK Frontend, MoJ Frontend and Chart.js from npm, compiled with Sass.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/foursight.css: node_modules/.installed assets/*.scss
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/govuk/assets
	cp -r node_modules/govuk-frontend/dist/govuk/assets/. $(VENDOR)/govuk/assets/
	cp -r node_modules/@ministryofjustice/frontend/moj/assets/. $(VENDOR)/govuk/assets/
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk/
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/
	npx sass --style=compressed --no-source-map --load-path=. --load-path=assets \
		--quiet-deps --silence-deprecation=import assets/foursight.scss $@ 2>/dev/null

assets: $(VENDOR)/foursight.css

## The demo force on embedded SQLite, served on http://127.0.0.1:8000
demo: install assets
	mkdir -p $(DEMO_DIR)
	$(BIN)/foursight migrate --no-input -v 0
	$(BIN)/foursight demo --records $(DEMO_RECORDS)
	$(BIN)/foursight collectstatic --no-input -v 0
	$(BIN)/foursight serve --bind 127.0.0.1:8000

## The whole suite (unit, integration and browser tests) on SQLite.
test: install assets
	cd $(CURDIR) && FOURSIGHT_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -n 2 -q

lint: install
	$(BIN)/ruff check src tests setup.py
	$(BIN)/ruff format --check src tests setup.py
	$(BIN)/mypy
	$(BIN)/lint-imports

check-deploy: install
	FOURSIGHT_ENV=production FOURSIGHT_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
	FOURSIGHT_ALLOWED_HOSTS=foursight.example.org FOURSIGHT_DATA_DIR=$$(mktemp -d) \
	$(BIN)/foursight check --deploy --fail-level WARNING

bench: install
	$(BIN)/foursight bench all

## Re-pin: runtime dependencies from base.in, then development ones from dev.in on top.
lock:
	rm -rf /tmp/foursight-lock && $(PYTHON) -m venv /tmp/foursight-lock
	/tmp/foursight-lock/bin/pip install --quiet -r requirements/base.in
	/tmp/foursight-lock/bin/pip freeze > /tmp/foursight-lock/base.freeze
	{ echo "# Runtime dependencies, pinned. Direct ones are listed in base.in; regenerate with 'make lock'."; \
	  cat /tmp/foursight-lock/base.freeze; } > requirements/base.txt
	/tmp/foursight-lock/bin/pip install --quiet -r requirements/base.txt -r requirements/dev.in
	{ echo "# Development and test dependencies, pinned (with the runtime ones). Direct ones in dev.in."; \
	  echo "-r base.txt"; \
	  /tmp/foursight-lock/bin/pip freeze | grep -v -i -x -F -f /tmp/foursight-lock/base.freeze; } > requirements/dev.txt

clean:
	rm -rf $(VENV) node_modules $(VENDOR) $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache build
	rm -f $(SCREENING)/*.so $(SCREENING)/compiled-sources.json
