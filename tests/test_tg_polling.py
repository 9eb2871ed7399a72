"""Polling: the offset confirms only handled updates. The ledger's bookkeeping on its own,
then the Poller in process against the fake Bot API (tests/fakeapi.py) on loopback, with a
brain that can be held busy (from test_tg_worker)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from fakeapi import FakeTelegram
from httpcore._async.http11 import HTTP11ConnectionByteStream
from test_tg_handlers import NOW, FakeLive, FakeStats
from test_tg_worker import GIVE_UP, SlowBrain

from bot.settings import Settings
from bot.tg.app import ALLOWED_UPDATES, build_application
from bot.tg.polling import Ledger, Poller
from bot.tg.services import Services

TOKEN = "5550001234:AAE" + "p" * 32
# bot/tg/polling.py silences this one warning at import; pytest resets filters per test.
pytestmark = pytest.mark.filterwarnings("ignore:Please use 'Bot.getUpdates'")


def test_the_offset_stops_at_the_oldest_update_not_yet_handled() -> None:
    ledger = Ledger()
    assert ledger.offset is None  # nothing known: Telegram starts at its first unconfirmed
    assert ledger.take([7, 8, 9]) == [7, 8, 9]
    assert ledger.offset == 7 and ledger.in_hand == 3
    ledger.finish(8)
    assert ledger.offset == 7 and ledger.in_hand == 3  # 8 is done, but 7 is not
    assert ledger.take([7, 8, 9, 10]) == [10]  # Telegram resends from 7; only 10 is new
    ledger.finish(7)
    assert ledger.offset == 9 and ledger.in_hand == 2  # 7 and 8 confirmed with offset 9
    ledger.finish(10)
    ledger.finish(9)
    assert ledger.offset == 11 and ledger.in_hand == 0
    assert ledger.take([]) == [] and ledger.offset == 11


@dataclass
class Polling:
    fake: FakeTelegram
    brain: SlowBrain
    stop: asyncio.Event
    task: asyncio.Task[None]

    async def wait(self, predicate: object, what: str) -> None:
        ok = await asyncio.to_thread(self.fake.wait_for, predicate, GIVE_UP)  # type: ignore[arg-type]
        assert ok, what


@pytest.fixture
async def polling() -> AsyncIterator[Polling]:
    brain = SlowBrain()
    svc = Services(live=FakeLive(brain), stats=FakeStats(), clock=lambda: NOW)
    with FakeTelegram(TOKEN) as fake:
        app = build_application(Settings(token=TOKEN, api_base_url=fake.base_url), svc)
        await app.initialize()
        await app.start()
        stop = asyncio.Event()
        poller = Poller(ALLOWED_UPDATES, capacity=5, long_poll=1, drain=0.5)
        task = asyncio.create_task(poller(app, stop))
        yield Polling(fake, brain, stop, task)
        brain.release.set()
        stop.set()
        await asyncio.wait_for(task, GIVE_UP)
        await app.stop()
        await app.shutdown()
        svc.answers.shutdown()


async def test_updates_after_a_slow_one_are_answered_but_not_confirmed_before_it(
    polling: Polling,
) -> None:
    fake = polling.fake
    slow, *fast = fake.add_updates(
        [fake.message(6300001, "慢一点"), *(fake.message(6300002 + i, "电话") for i in range(3))]
    )
    await polling.wait(lambda f: len(f.sent) == 3, "the fast ones answered")
    assert not polling.brain.release.is_set()
    await asyncio.sleep(0.3)  # let the poller look for news a few times meanwhile
    assert fake.confirmed == {}  # all wait behind the slow one
    polling.brain.release.set()
    await polling.wait(lambda f: len(f.sent) == 4, "the slow one answered")
    # Nothing in hand: the next long poll, from offset slow + 4, confirms all four.
    await polling.wait(lambda f: len(f.confirmed) == 4, "the first four confirmed")
    assert sorted(fake.confirmed) == [slow, *fast]


async def test_no_more_is_fetched_than_there_is_room_for(polling: Polling) -> None:
    fake = polling.fake
    fake.add_updates(
        [fake.message(6300100, "慢"), *(fake.message(6300101 + i, "电话") for i in range(9))]
    )
    await polling.wait(lambda f: len(f.sent) == 4, "four fast ones answered")
    await asyncio.sleep(0.3)
    # The window is 5 from the oldest unhandled: the slow one and 4 behind it.
    assert len(fake.sent) == 4
    assert {p["limit"] for p in fake.get_updates_params} == {"5"}
    polling.brain.release.set()
    await polling.wait(lambda f: len(f.sent) == 10, "all answered")


async def test_at_the_stop_work_that_cannot_finish_is_left_unconfirmed(polling: Polling) -> None:
    fake = polling.fake
    slow, _ = fake.add_updates([fake.message(6300200, "慢"), fake.message(6300201, "电话")])
    await polling.wait(lambda f: len(f.sent) == 1, "the fast one answered")
    polling.stop.set()  # the slow one outlives the drain (0.5 s here) and is given up
    await asyncio.wait_for(polling.task, GIVE_UP)
    assert fake.confirmed == {}  # the fast one is behind it: nothing may be confirmed
    assert fake.pending() == 2  # both come again on the next start
    assert fake.get_updates_params[-1]["offset"] == str(slow)


async def test_a_stop_while_a_fetch_is_closing_still_confirms_what_was_handled(
    polling: Polling, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stop cancels the fetch in flight. When the cancellation lands while httpcore is
    # closing that fetch's response (it awaits a lock there, after marking the stream
    # closed), the connection is never handed back to its pool (encode/httpcore#1093), and
    # with one connection for getUpdates the last confirming call then waited for it until
    # its pool timeout: everything handled since the last fetch came again, answered twice.
    # Here the stop is made to arrive exactly there.
    fake = polling.fake
    slow, fast = fake.add_updates([fake.message(6300300, "慢"), fake.message(6300301, "电话")])
    original = HTTP11ConnectionByteStream.aclose
    stopped_while_closing = []

    async def aclose(stream: HTTP11ConnectionByteStream) -> None:
        if not stopped_while_closing and b"/getUpdates" in stream._request.url.target and fake.sent:
            # A fetch with offset `slow` (still running; `fast` answered) is being closed.
            stopped_while_closing.append(True)
            polling.brain.release.set()  # the slow one finishes within the drain
            polling.stop.set()
            await asyncio.sleep(GIVE_UP)  # where httpcore awaits; the stop cancels it here
        await original(stream)

    monkeypatch.setattr(HTTP11ConnectionByteStream, "aclose", aclose)
    await asyncio.wait_for(polling.task, GIVE_UP)
    assert stopped_while_closing
    assert sorted(fake.confirmed) == [slow, fast]  # both answered, so both confirmed
    assert fake.pending() == 0
