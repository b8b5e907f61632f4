# Caucus: `make run` serves the demo; `make test` runs every check. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
export CAUCUS_DATA_DIR ?= $(CURDIR)/var

.PHONY: install run demo test lint test-fast bench lock clean

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The member pages' translations, compiled from caucus/locale/*/LC_MESSAGES/django.po (pure
# Python, no gettext tools needed); the .mo files are not in git (docs/languages.md).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard caucus/locale/*/LC_MESSAGES/django.po caucus/votes/locale/*/LC_MESSAGES/django.po))

$(CATALOGS): %.mo: %.po tools/messages.py | $(STAMP)
	$(BIN)/python -m tools.messages compile

install: $(STAMP) $(CATALOGS)

node_modules/.stamp: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

# The demo: SQLite under var/, a task worker beside the web server, demo logins printed.
# DEBUG stays off, as in production: no debug pages, static files collected for whitenoise.
# The demo's settings (CAUCUS_DEMO and its own random SECRET_KEY) go into var/caucus.env, which
# every `caucus` command then reads, so the README's commands work as written.
DEMO_ENV := $(CAUCUS_DATA_DIR)/caucus.env

$(DEMO_ENV):
	mkdir -p $(CAUCUS_DATA_DIR)
	$(PYTHON) -c "import secrets; print('CAUCUS_DEMO=true'); print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

run: install $(DEMO_ENV)
	$(BIN)/caucus migrate --noinput
	$(BIN)/caucus createcachetable
	$(BIN)/caucus collectstatic --noinput --verbosity 0
	$(BIN)/caucus demo --if-empty
	$(BIN)/caucus serve --host $(HOST) --port $(PORT)

# mypy loads the settings through django-stubs: CAUCUS_TESTING spares it a SECRET_KEY.
lint: install
	$(BIN)/ruff check caucus tests bench tools
	$(BIN)/ruff format --check caucus tests bench tools
	CAUCUS_TESTING=true $(BIN)/mypy caucus
	CAUCUS_TESTING=true $(BIN)/mypy --strict caucus/engines
	$(BIN)/python -m tools.function_length caucus
	$(BIN)/lint-imports

test: install node_modules/.stamp lint
	CAUCUS_TESTING=true $(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadgroup $(PYTEST_ARGS)

test-fast: install
	CAUCUS_TESTING=true $(BIN)/python -m pytest -x -q -m "not browser" $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench

# Regenerate the lock file after changing pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .mypy_cache .ruff_cache
