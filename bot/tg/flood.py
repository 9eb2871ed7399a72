"""Per-user flood control for incoming messages, in bounded memory.

More than `limit` messages from one user within `window` seconds earn one notice and then
`quiet` seconds in which that user's messages are dropped unanswered; `silence` gives the
same treatment to a user who has too many messages waiting (see bot/tg/worker.py). At most
`max_users` users are remembered (least recently seen forgotten first), each with at most `limit`
timestamps, so a storm of new accounts cannot grow the memory.
"""

from __future__ import annotations

import enum
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field


class Verdict(enum.Enum):
    ALLOW = "allow"  # answer it
    NOTICE = "notice"  # the message that crossed the line: send the one notice
    DROP = "drop"  # silenced: say nothing


@dataclass(slots=True)
class _User:
    times: deque[float] = field(default_factory=deque)
    silent_until: float = 0.0


class FloodGate:
    def __init__(
        self,
        limit: int = 10,
        window: float = 30.0,
        quiet: float = 60.0,
        max_users: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0 or quiet < 0 or max_users < 1:
            raise ValueError("flood limits must be positive")
        self.limit, self.window, self.quiet, self.max_users = limit, window, quiet, max_users
        self._clock = clock
        self._users: OrderedDict[int, _User] = OrderedDict()

    def __len__(self) -> int:
        return len(self._users)

    def _user(self, user_id: int) -> _User:
        """The user's record, now the most recently seen; the oldest forgotten if full."""
        user = self._users.get(user_id)
        if user is None:
            user = self._users[user_id] = _User()
            if len(self._users) > self.max_users:
                self._users.popitem(last=False)
        else:
            self._users.move_to_end(user_id)
        return user

    def check(self, user_id: int) -> Verdict:
        """Count one message from `user_id` and say what to do with it.

        Synchronous and without awaits, so concurrent handlers cannot interleave in it."""
        now = self._clock()
        user = self._user(user_id)
        if now < user.silent_until:
            return Verdict.DROP
        times = user.times
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.limit:
            times.clear()
            user.silent_until = now + self.quiet
            return Verdict.NOTICE
        times.append(now)
        return Verdict.ALLOW

    def silence(self, user_id: int) -> Verdict:
        """Treat `user_id` as flooding now: NOTICE the first time, DROP while silenced.

        For a user whose messages pile up faster than they are answered, e.g. four slow
        questions in a row: the fourth gets the notice, the next minute is quiet."""
        now = self._clock()
        user = self._user(user_id)
        if now < user.silent_until:
            return Verdict.DROP
        user.times.clear()
        user.silent_until = now + self.quiet
        return Verdict.NOTICE
