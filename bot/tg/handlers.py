"""The Telegram handlers: small functions that turn an update into text for the Brain and
its Reply into messages. Which update reaches which handler is decided in `register`.

In groups the bot speaks only when spoken to: commands (bare or /cmd@thisbot), messages
that mention it, replies to its own messages. Media is never downloaded.
"""

from __future__ import annotations

import contextlib
import logging
import re
import traceback
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import (
    BotCommand,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.knowledge.messages import CATALOG
from bot.reply import Reply
from bot.tg.flood import Verdict
from bot.tg.logsetup import pseudonym
from bot.tg.render import CAMPAIGN_BUTTON, Outgoing, parse_callback, plain, render
from bot.tg.services import Services, services

if TYPE_CHECKING:
    from bot.live import ReloadResult

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[None]]

# Command → topic id in the FAQ.
COMMAND_TOPICS = {
    "phone": "phone",
    "mail": "mail",
    "hours": "hours",
    "period": "period",
    "scope": "scope_what",
}
# Shown in Telegram's command menu (set_my_commands). Topic titles come from the FAQ when
# it has them; these are the fallbacks.
COMMAND_DESCRIPTIONS = {
    "start": "开始:介绍和话题菜单",
    "help": "怎么提问",
    "phone": "值班电话",
    "mail": "邮政信箱和邮编",
    "hours": "受理时间",
    "period": "巡视期间",
    "scope": "受理什么问题",
}
# Telegram-only wording; the FAQ's own messages cover everything about the inspection.
FLOOD_NOTICE = "您发得太快了。请稍等一两分钟再提问,这段时间内的消息不会得到回复。"
APOLOGY = "抱歉,处理您的消息时出了问题,请稍后再试。"
STALE_BUTTON = "这个按钮已失效,请直接输入您的问题。"

MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.Document.ALL
    | filters.LOCATION
    | filters.VENUE
    | filters.CONTACT
    | filters.POLL
    | filters.Dice.ALL
)


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions this bot or replies to one of its messages."""

    __slots__ = ()

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        wanted = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        found = {**message.parse_entities(wanted), **message.parse_caption_entities(wanted)}
        for entity, text in found.items():
            if entity.type == MessageEntity.MENTION and text[1:].lower() == username:
                return True
            if entity.user is not None and entity.user.id == bot.id:
                return True
        return False


ADDRESSED = _AddressedToBot(name="addressed_to_bot")
NEW_MESSAGE = filters.UpdateType.MESSAGE  # not edits, not channel posts
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


def without_mention(text: str, username: str | None) -> str:
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# -- sending ----------------------------------------------------------------------------


async def _send(
    context: Context, chat_id: int, messages: list[Outgoing], quote: Message | None = None
) -> None:
    for i, out in enumerate(messages):
        await context.bot.send_message(
            chat_id=chat_id,
            text=out.html,
            parse_mode=ParseMode.HTML,
            reply_markup=out.markup,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            # In a group, answer as a reply so it is clear whom it is for.
            reply_parameters=(
                ReplyParameters(quote.message_id, allow_sending_without_reply=True)
                if quote is not None and i == 0
                else None
            ),
        )


async def _reply(update: Update, context: Context, reply: Reply) -> None:
    message = update.effective_message
    assert message is not None
    in_group = message.chat.type != ChatType.PRIVATE
    await _send(context, message.chat_id, render(reply), message if in_group else None)


async def _admitted(update: Update, context: Context) -> bool:
    """Flood control: count the message; False if it must not be answered.

    A user with as many messages in hand as allowed (bot/tg/worker.py) is treated as
    flooding too, however slowly they type; in a group with its hands full, a message
    goes unanswered."""
    user = update.effective_user
    if user is None:
        return True
    svc = services(context)
    verdict = svc.flood.check(user.id)
    if verdict is Verdict.ALLOW and svc.answers.user_crowded(user.id):
        verdict = svc.flood.silence(user.id)
    chat = update.effective_chat
    in_group = chat is not None and chat.type != ChatType.PRIVATE
    if verdict is Verdict.ALLOW and in_group and svc.answers.group_crowded(chat.id):
        log.info("group busy: a message left unanswered")
        verdict = Verdict.DROP
    if verdict is Verdict.ALLOW:
        return True
    if verdict is Verdict.NOTICE:
        log.info("flood control: %s silenced for a while", pseudonym(user.id))
        message = update.effective_message
        if update.callback_query is not None:
            await update.callback_query.answer(FLOOD_NOTICE, show_alert=True)
        elif message is not None:
            await _send(context, message.chat_id, plain(FLOOD_NOTICE))
    elif update.callback_query is not None:
        await update.callback_query.answer()  # stop the button's spinner, nothing else
    return False


def _lane(update: Update, context: Context) -> AbstractAsyncContextManager[None]:
    """This chat's turn (bot/tg/worker.py): its replies leave in the order it wrote."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return contextlib.nullcontext()
    return services(context).answers.lane(chat.id, user.id if user else None)


# -- handlers ---------------------------------------------------------------------------


async def on_start(update: Update, context: Context) -> None:
    if not await _admitted(update, context):
        return
    svc = services(context)
    now = svc.clock()
    reply: Reply | None = None
    chat = update.effective_chat
    if context.args:  # deep link: t.me/<bot>?start=phone
        topic = COMMAND_TOPICS.get(context.args[0], context.args[0])
        try:
            reply = svc.topic(topic, now, chat.id if chat else None)
        except KeyError:
            reply = None
    if reply is None:
        reply = svc.greeting(now)  # with several campaigns: lists them, a button each
    svc.observe(reply)
    async with _lane(update, context):
        await _reply(update, context, reply)


def _fixed(name: str, make: Callable[[Services, datetime, int | None], Reply]) -> Handler:
    """A handler whose reply does not depend on what was sent: a topic or a standing message."""

    async def on_fixed(update: Update, context: Context) -> None:
        if not await _admitted(update, context):
            return
        svc = services(context)
        chat = update.effective_chat
        reply = make(svc, svc.clock(), chat.id if chat else None)
        svc.observe(reply)
        async with _lane(update, context):
            await _reply(update, context, reply)

    on_fixed.__name__ = f"on_{name}"
    return on_fixed


def message_handler(name: str) -> Handler:
    """Answers with one of the FAQ's standing messages."""
    return _fixed(name, lambda svc, now, _chat: svc.brain.message(name, now))


def topic_command(topic: str) -> Handler:
    """Answers with one topic (/phone, /mail…)."""
    return _fixed(topic, lambda svc, now, chat: svc.topic(topic, now, chat))


on_help = message_handler("help")
# Stickers, photos, voice…: the media itself is never fetched, so nothing of it is kept.
on_non_text = message_handler("non_text")


async def on_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.text is None or not await _admitted(update, context):
        return
    svc = services(context)
    question = message.text
    if message.chat.type != ChatType.PRIVATE:
        question = without_mention(question, context.bot.username)
    async with _lane(update, context):
        reply = await svc.answers.run(svc.answer, question, svc.clock(), message.chat_id)
        await _reply(update, context, reply)


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None or not await _admitted(update, context):
        return
    svc = services(context)
    chat_id = query.message.chat.id if query.message is not None else None
    parsed = parse_callback(query.data)
    reply: Reply | None = None
    if query.data and query.data.startswith(CAMPAIGN_BUTTON) and chat_id is not None:
        reply = svc.choose(chat_id, query.data[len(CAMPAIGN_BUTTON) :], svc.clock())
    elif parsed is not None:
        try:
            reply = svc.topic(parsed[0], svc.clock(), chat_id, parsed[1])
        except KeyError:  # a button from an older FAQ
            reply = None
    if reply is None or query.message is None:
        await query.answer(STALE_BUTTON)
        return
    await query.answer()
    svc.observe(reply)
    async with _lane(update, context):
        await _send(context, query.message.chat.id, render(reply))


async def on_unknown_command(update: Update, context: Context) -> None:
    """A private /command we do not have (including admin ones for non-admins): help."""
    await on_help(update, context)


# /reload's first line, by (accepted, changed). It replaces live.py's summary line
# ("FAQ reloaded" / "知识库已重新加载…"); the problems or campaign warnings after it are kept.
RELOAD_SAYS = {
    (True, True): "已重新加载:新的 FAQ 通过了检查,现在生效。",
    (True, False): "FAQ 没有变化,继续使用当前版本。",
    (False, False): "没有加载:新的 FAQ 有问题,仍在使用上一个正确版本。",
}
_LIVE_SUMMARIES = frozenset(  # live.py's summary line, in either maintainer language
    CATALOG[code][lang][0] for code in ("live_reloaded", "live_unchanged") for lang in ("zh", "en")
)


def reload_reply(result: ReloadResult) -> str:
    details = [line for line in result.message.splitlines() if line not in _LIVE_SUMMARIES]
    return "\n".join([RELOAD_SAYS[result.ok, result.ok and result.changed], *details])


async def on_reload(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    result = await services(context).reload()
    log.info("admin /reload: ok=%s changed=%s", result.ok, result.changed)
    await _send(context, message.chat_id, plain(reload_reply(result)))


async def on_stats(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    svc = services(context)
    await _send(context, message.chat_id, plain(svc.stats.summary(svc.live.history)))


def _where(error: BaseException | None) -> str:
    """file:line of the innermost frame in our own code (else the innermost at all)."""
    if error is None or error.__traceback__ is None:
        return "-"
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/bot/" in f.filename.replace("\\", "/")]
    frame = (ours or frames)[-1]
    return f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"


async def on_error(update: object, context: Context) -> None:
    """Log the exception type, where it happened and the update id, nothing else (the
    message of an exception can quote what the user wrote); apologise if it makes sense."""
    error = context.error
    kind = type(error).__name__
    if not isinstance(update, Update):
        # A failure outside any update (a task the library ran); polling.py and
        # webhook.py log and retry their own.
        log.warning("background error: %s", kind)
        return
    log.error("update %s failed: %s at %s", update.update_id, kind, _where(error))
    # If sending failed for good (after retries), or the user blocked us, an apology would
    # fail the same way.
    transient = isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    if transient or isinstance(error, RetryAfter | Forbidden):
        return
    chat = update.effective_chat
    if chat is None:
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(APOLOGY)
        except Exception as exc:
            log.warning("could not answer the button after an error: %s", type(exc).__name__)
        return
    try:
        await _send(context, chat.id, plain(APOLOGY))
    except Exception as exc:
        log.warning("could not send the apology: %s", type(exc).__name__)


# -- wiring -----------------------------------------------------------------------------


def register(app: Application, admin_ids: frozenset[int]) -> None:
    """Add every handler, most specific first (the first match in a group wins)."""
    commands = filters.UpdateType.MESSAGE
    admins = PRIVATE & filters.User(user_id=admin_ids)  # numeric ids, never usernames
    app.add_handler(CommandHandler("reload", on_reload, filters=commands & admins))
    app.add_handler(CommandHandler("stats", on_stats, filters=commands & admins))
    app.add_handler(CommandHandler("start", on_start, filters=commands))
    app.add_handler(CommandHandler("help", on_help, filters=commands))
    for command, topic in COMMAND_TOPICS.items():
        app.add_handler(CommandHandler(command, topic_command(topic), filters=commands))
    app.add_handler(MessageHandler(NEW_MESSAGE & PRIVATE & filters.COMMAND, on_unknown_command))
    app.add_handler(
        MessageHandler(
            NEW_MESSAGE & filters.TEXT & ~filters.COMMAND & (PRIVATE | (GROUPS & ADDRESSED)),
            on_text,
        )
    )
    app.add_handler(
        MessageHandler(NEW_MESSAGE & MEDIA & (PRIVATE | (GROUPS & ADDRESSED)), on_non_text)
    )
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_error_handler(on_error)


def bot_commands(titles: dict[str, str]) -> list[BotCommand]:
    """The command menu; topic commands take the FAQ's button titles when it has them."""
    out = []
    for command, fallback in COMMAND_DESCRIPTIONS.items():
        topic = COMMAND_TOPICS.get(command)
        out.append(BotCommand(command, titles.get(topic, fallback) if topic else fallback))
    return out
