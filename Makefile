# МШН: `make run` to see the demo district, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV := DEBUG=1
PORT ?= 8000

.PHONY: setup run serve demo test test-smoke lint format migrations-check deploy-check clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: setup
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo

# The site and, beside it, the task worker (mail, website checks, large exports); Ctrl+C stops both, and the
# last of them to exit stops the checkout's own PostgreSQL. No autoreload: run it again after changing code.
run: demo
	@echo "МШН: http://127.0.0.1:$(PORT) (остановить — Ctrl+C)"
	$(DEV) $(BIN)/python manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEV) $(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

test: setup
	$(BIN)/pytest

test-smoke: setup
	$(BIN)/pytest -m smoke

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: setup
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

deploy-check: setup
	DEBUG=0 SECRET_KEY=ci-$$(date +%s)-a-long-random-secret-key-for-the-deploy-check-only-0123456789 \
	ALLOWED_HOSTS=mshn.example.ru $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .test-media

# Speed of the main pages on a whole region (PostgreSQL at 127.0.0.1, own databases): bench/results.md.
bench: setup
	$(BIN)/python -m bench.run

bench-small: setup
	$(BIN)/python -m bench.run --small

# Backups (README, «Резервные копии»): run with the site's environment (DATABASE_URL, MEDIA_ROOT, SECRET_KEY).
.PHONY: backup restore
backup:
	$(BIN)/python manage.py backup

restore:
	@test -n "$(FROM)" || { echo "Укажите копию: make restore FROM=backups/<дата-время>"; exit 1; }
	$(BIN)/python manage.py restore "$(FROM)"
