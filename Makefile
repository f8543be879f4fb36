# Tongcheng (同城) — the two commands: `make demo` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SIZE ?= 6000
SEED ?= 2025
PYTEST_ARGS ?=
# make test's and make fuzz's pytest processes (pytest-xdist; each test file runs whole in one of them, so its module
# fixtures are built once); WORKERS=0 runs everything in one process
WORKERS ?= 2
REPLICAS ?= 1
FREE_PORTS ?=

.PHONY: setup demo test test-sqlite up down bench fuzz load season-large clean help client

help:
	@echo "make demo   set up, start the suite, play a whole Huangyan season through the gateway (SIZE=, SEED=)"
	@echo "make test   set up and run every test (SQLite, and PostgreSQL where reachable)"
	@echo "make up / make down   start / stop the five processes on the embedded default"
	@echo "make up REPLICAS=2    two processes of each service and of the gateway, on PostgreSQL"
	@echo "make up FREE_PORTS=1  free ports instead of 8000 and 8101-8104 (a shared machine)"
	@echo "make bench  print the performance figures; make fuzz / make load: long runs"
	@echo "make client regenerate the platform's typed client (clients/python/tongcheng-client) from the description"

$(VENV)/.installed: pyproject.toml constraints.txt clients/python/tongcheng-client/pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]' \
	  -e clients/python/tongcheng-client
	@$(PY) -c "import sysconfig, pathlib; d = pathlib.Path.cwd(); \
	  p = pathlib.Path(sysconfig.get_paths()['purelib']) / 'tongcheng-services.pth'; \
	  p.write_text(''.join(str(d / s) + '\n' for s in ['services/common', 'services/points', \
	  'services/verification', 'services/enrollment', 'services/funding', 'gateway', 'console']))"
	@touch $@

var/secrets.env: | $(VENV)/.installed
	$(PY) -m tongcheng.secrets

setup: $(VENV)/.installed var/secrets.env

test: setup
	$(PY) -m pytest -q -m "not slow" -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

up: setup
	$(PY) -m tongcheng.cli up --replicas $(REPLICAS)$(if $(FREE_PORTS), --free-ports)

down:
	@test -x $(PY) && $(PY) -m tongcheng.cli down || true

demo: setup
	$(PY) -m tongcheng.cli demo --size $(SIZE) --seed $(SEED)

bench: setup
	$(PY) -m bench

fuzz: setup  # every test marked slow, in every folder: the long runs and the PostgreSQL twins make test samples
	$(PY) -m pytest -q -m slow -n $(WORKERS) --dist loadfile tests $(PYTEST_ARGS)

client: setup  # the generated client, from the suite's description built offline (no process, no network)
	$(PY) -m tongcheng.describe --client

clean: down
	rm -rf var/data var/logs var/run var/report
