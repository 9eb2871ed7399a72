"""Fixtures shared by the answer tests: the shipped FAQ's Brain, built once per session.

A module that needs another Brain (a tuned one, another FAQ) defines its own `brain`."""

from __future__ import annotations

import pytest

from bot.answer import Brain


@pytest.fixture(scope="session")
def brain() -> Brain:
    return Brain.load()
