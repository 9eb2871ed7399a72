"""Per-user flood control on a fake clock."""

from __future__ import annotations

import pytest

from bot.tg.flood import FloodGate, Verdict


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_over_the_limit_one_notice_then_silence_then_back() -> None:
    clock = Clock()
    gate = FloodGate(limit=10, window=30, quiet=60, clock=clock)
    verdicts = []
    for _ in range(15):
        verdicts.append(gate.check(1))
        clock.t += 1
    assert verdicts[:10] == [Verdict.ALLOW] * 10
    assert verdicts[10] is Verdict.NOTICE
    assert verdicts[11:] == [Verdict.DROP] * 4
    clock.t += 60  # the quiet period is over
    assert gate.check(1) is Verdict.ALLOW


def test_messages_spread_over_more_than_the_window_are_never_limited() -> None:
    clock = Clock()
    gate = FloodGate(limit=10, window=30, quiet=60, clock=clock)
    for _ in range(200):
        assert gate.check(1) is Verdict.ALLOW
        clock.t += 3.01  # 10 per 30.1 s


def test_users_are_counted_separately() -> None:
    clock = Clock()
    gate = FloodGate(limit=3, window=30, quiet=60, clock=clock)
    for _ in range(3):
        assert gate.check(1) is Verdict.ALLOW
    assert gate.check(1) is Verdict.NOTICE
    assert gate.check(2) is Verdict.ALLOW


def test_memory_is_bounded_by_max_users_forgetting_the_least_recent() -> None:
    clock = Clock()
    gate = FloodGate(limit=3, window=30, quiet=60, max_users=100, clock=clock)
    for _ in range(4):
        gate.check(0)  # user 0 is silenced …
    for user in range(1, 100):
        gate.check(user)
    gate.check(0)  # … and, recently seen, is kept
    for user in range(1000, 1050):
        gate.check(user)
    assert len(gate) == 100
    assert gate.check(0) is Verdict.DROP  # still remembered and still silenced
    # Per user at most `limit` timestamps are kept.
    assert all(len(u.times) <= gate.limit for u in gate._users.values())


@pytest.mark.parametrize("kw", [{"limit": 0}, {"window": 0}, {"max_users": 0}])
def test_nonsense_limits_are_refused(kw: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        FloodGate(**kw)  # type: ignore[arg-type]
