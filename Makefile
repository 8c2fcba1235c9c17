# Two commands for a newcomer: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: serve build build-release test benchmark pruefen formatieren schema office-check clean

# The scripts run the same steps themselves when .venv is missing (wissensplattform/bootstrap.py).
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m wissensplattform.bootstrap

build: $(VENV)/.installed
	$(PY) -m mkdocs build --strict

# The same site with Zensical, Material for MkDocs' successor (see README, "Zwei Builder").
.PHONY: build-zensical
build-zensical: $(VENV)/.installed
	$(PY) -m wissensplattform.builders.zensical

# For publishing: stops while a legal setting (extra.betreiber etc. in mkdocs.yml) is empty.
build-release: $(VENV)/.installed
	WISSENSPLATTFORM_RELEASE=1 $(PY) -m mkdocs build --strict

# Preview for a change request: opens without a web server (double-click index.html). VORSCHAU=folder builds elsewhere.
.PHONY: vorschau
vorschau: $(VENV)/.installed
	$(PY) scripts/vorschau $(VORSCHAU)

# Build times (CPU) of both builders against the bare builders, with 40, 1000 and 10000 initiatives, and sizes (slow).
benchmark: $(VENV)/.installed
	$(PY) scripts/benchmark

# The form editor on this checkout: decap-server (npm) saves each change on its own branch cms/….
.PHONY: bearbeiten
bearbeiten: $(VENV)/.installed
	$(PY) scripts/bearbeiten

serve: build
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Node tools pinned in package-lock.json: decap-server (editor test, make bearbeiten), yaml@1 (formatter test).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: build node_modules/.package-lock.json
	$(PY) -m pytest

pruefen: $(VENV)/.installed
	$(PY) scripts/pruefen

formatieren: $(VENV)/.installed
	$(PY) scripts/formatieren

schema: $(VENV)/.installed
	$(PY) scripts/schema

office-check: $(VENV)/.installed
	$(PY) scripts/office-check

clean:
	rm -rf site $(VENV) .build-cache .cache .zensical .zensical.yml
