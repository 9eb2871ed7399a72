# Each target sets up what it needs; a fresh machine needs only python3 (>= 3.11) and make.
# Dependencies come from the hashed locks in requirements/ (`make lock` regenerates them).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_ID  := $(VENV)/.python-id
RUN_STAMP  := $(VENV)/.run-deps
TEST_STAMP := $(VENV)/.test-deps
PIP_INSTALL := $(BIN)/python -m pip install -q --require-hashes
# Who made the venv: implementation, version and base installation, e.g.
# "cpython 3.11.7 /usr". A venv made by another interpreter is rebuilt, never reused.
IDENTIFY := import sys; print(sys.implementation.name, sys.version.split()[0], sys.base_prefix)
REQUIRE  := import sys; sys.version_info >= (3, 11) or sys.exit("$(PYTHON) is Python %d.%d; this project needs 3.11 or newer: make PYTHON=python3.11 …" % sys.version_info[:2])
PIP_COMPILE := $(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host --annotation-style=line \
	$(if $(UPGRADE),--upgrade)

.PHONY: run test lint check eval bench train lock clean FORCE

# Runs every time, but rewrites $(PY_ID) only when the venv is (re)made, so the stamps below
# that depend on it are redone only then.
$(PY_ID): FORCE
	@$(PYTHON) -c '$(REQUIRE)' || exit 2; \
	want="$$($(PYTHON) -c '$(IDENTIFY)')"; \
	have="$$($(BIN)/python -c '$(IDENTIFY)' 2>/dev/null)"; \
	if [ "$$have" != "$$want" ]; then \
		if [ -e $(VENV) ]; then \
			echo "$(VENV) was made by $${have:-a Python that no longer runs}; rebuilding it with $(PYTHON) ($$want)"; \
		fi; \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) && echo "$$want" > $@; \
	elif [ ! -f $@ ]; then echo "$$want" > $@; fi

# The build backend (setuptools, hashed in build.txt) is installed first, so the editable
# install needs no unpinned download (--no-build-isolation).
$(RUN_STAMP): $(PY_ID) requirements/run.txt requirements/build.txt pyproject.toml
	$(PIP_INSTALL) -r requirements/run.txt -r requirements/build.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(PY_ID) requirements/dev.txt pyproject.toml
	$(PIP_INSTALL) -r requirements/dev.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python -m bot

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m bot check
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

# GNU make itself exits 2 whenever a recipe fails; its last line keeps the check's own status
# ("Error 1": wrong answers, "Error 2": an invalid file). Scripts that need the status run
# `.venv/bin/python -m bot check` directly.
check: $(RUN_STAMP)
	$(BIN)/python -m bot check

eval: $(RUN_STAMP)
	$(BIN)/python -m bot eval tests/data/questions.yaml

# Every benchmark runs, even after one misses its target; the target fails if any did.
bench: $(TEST_STAMP)
	@status=0; \
	for b in run telegram_burst hostile; do \
		$(BIN)/python benchmarks/$$b.py || status=1; \
	done; \
	exit $$status

# Re-lock after editing the dependencies in pyproject.toml; existing pins are kept unless
# `make lock UPGRADE=1`. dev.txt is constrained by run.txt and build.txt by dev.txt, so a
# package has the same version in all three.
lock: $(TEST_STAMP)
	$(PIP_COMPILE) -o requirements/run.txt pyproject.toml
	$(PIP_COMPILE) --extra test --extra dev -c requirements/run.txt -o requirements/dev.txt pyproject.toml
	$(PIP_COMPILE) --all-build-deps --only-build-deps -c requirements/dev.txt -o requirements/build.txt pyproject.toml

# Re-fit the learned report guard from tests/data and the FAQ (knowledge/language/report_model.json).
train: $(TEST_STAMP)
	$(BIN)/python training/train_guard.py
	$(BIN)/python training/train_topics.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis

FORCE:
