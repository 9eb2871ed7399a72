"""Answers off the event loop: a few chats at once, one message at a time per chat.

`Brain.answer` is CPU work (a crafted 4,096-character message once took seconds). Run on
the event loop it stalls every other chat, the pacer and the webhook server with it; so it
runs in a small thread pool, and the loop keeps receiving updates and sending replies.

Each chat has a lane: its messages are handled one after the other (answer and send), so
replies to one chat keep their order, and one chat never holds more than one worker.
Lanes also bound what may wait, because every update in hand also holds back the polling
offset (bot/tg/polling.py):

* a user with `per_user` messages in hand who sends another is treated as flooding (one
  notice, then silence): one account cannot queue work faster than it is done;
* a group with `per_group` messages in hand leaves further ones unanswered, the way a
  busy person in the room would: its replies are paced at 20 a minute anyway, so more
  would only be answered long after.

    pool = AnswerPool(workers=4)
    async with pool.lane(chat_id, user_id):              # waits for this chat's turn
        reply = await pool.run(brain.answer, text, now)  # in a worker thread
        await send(reply)                                # still in the lane: in order
"""

from __future__ import annotations

import asyncio
import functools
from collections import Counter
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Threads share the GIL, so more of them do not answer faster; four are enough for one
# slow answer not to hold up the fast ones behind it (an ordinary answer takes < 2 ms).
WORKERS = 4
# One message being handled plus two waiting, per user; see the module docstring.
PER_USER = 3
PER_GROUP = 5


@dataclass(slots=True)
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # FIFO: keeps the order
    users: int = 0  # messages holding or waiting for the lock


class AnswerPool:
    def __init__(
        self, workers: int = WORKERS, per_user: int = PER_USER, per_group: int = PER_GROUP
    ) -> None:
        if min(workers, per_user, per_group) < 1:
            raise ValueError("workers and the limits must be positive")
        self.workers, self.per_user, self.per_group = workers, per_user, per_group
        self._executor: ThreadPoolExecutor | None = None
        # Only chats and users with a message in hand are kept, so neither outgrows the
        # updates in flight.
        self._lanes: dict[int, _Lane] = {}
        self._users: Counter[int] = Counter()

    def user_crowded(self, user_id: int) -> bool:
        """True if this user already has `per_user` messages in hand."""
        return self._users[user_id] >= self.per_user

    def group_crowded(self, chat_id: int) -> bool:
        """True if this group already has `per_group` messages in hand."""
        lane = self._lanes.get(chat_id)
        return lane is not None and lane.users >= self.per_group

    def in_hand(self) -> int:
        return sum(lane.users for lane in self._lanes.values())

    @asynccontextmanager
    async def lane(self, chat_id: int, user_id: int | None = None) -> AsyncIterator[None]:
        """This chat's turn: entered in arrival order, one holder at a time."""
        lane = self._lanes.get(chat_id)
        if lane is None:
            lane = self._lanes[chat_id] = _Lane()
        lane.users += 1
        if user_id is not None:
            self._users[user_id] += 1
        try:
            async with lane.lock:
                yield
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[chat_id]
            if user_id is not None:
                self._users[user_id] -= 1
                if self._users[user_id] == 0:
                    del self._users[user_id]

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args, **kwargs)` in a worker thread; the loop serves others meanwhile."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="answer")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        """Stop the threads once their current answer is done; queued ones are dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
