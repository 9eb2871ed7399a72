# Each target sets up what it needs; a fresh machine needs only python3 (>= 3.11) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.run-deps
TEST_STAMP := $(VENV)/.test-deps

.PHONY: run test lint check eval bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,dev]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python -m bot

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m bot check
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

check: $(RUN_STAMP)
	$(BIN)/python -m bot check

eval: $(RUN_STAMP)
	$(BIN)/python -m bot eval tests/data/questions.yaml

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/telegram_burst.py

# Re-fit the learned report guard from tests/data and the FAQ (knowledge/language/report_model.json).
train: $(TEST_STAMP)
	$(BIN)/python training/train_guard.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
