"""The texts of replies that are composed, not written whole in the FAQ.

The FAQ's `messages` say each piece (the refusal, the channels, "did you mean"); this module
puts the pieces together: a did-you-mean that lists its options in the text itself and still
gives the group's channels, a boundary reply that names the body asked about, a refusal with
the route a report's matter has of its own. Pieces a FAQ does not write (an older campaign's)
come from knowledge/language/messages.yaml, rendered from the same facts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from bot import knowledge as kb
from bot.boundary import Outside
from bot.knowledge import Channel, KnowledgeError
from bot.language import Strict, language_path, load_model
from bot.reply import Lang, Suggestion

# Filled when the reply is made, not when the FAQ is loaded.
_LATE = frozenset(kb.DYNAMIC)


class _Defaults(Strict):
    zh: dict[str, str]
    en: dict[str, str]


@cache
def _defaults() -> _Defaults:
    return load_model("messages.yaml", _Defaults)


def _rendered(templates: Mapping[str, str], values: Mapping[str, str], lang: str) -> dict[str, str]:
    """The default messages filled from the facts; every name must be known to this FAQ."""
    out: dict[str, str] = {}
    unknown: list[tuple[str, str]] = []  # (message, the first name it cannot fill)
    for key, template in templates.items():
        names = [n for n in kb.placeholders(template) if n not in values and n not in _LATE]
        if names:
            unknown.append((key, names[0]))
        out[key] = kb.render(template, values)
    if unknown:
        doc = kb.read_yaml(language_path("messages.yaml"))  # for the lines
        raise KnowledgeError(
            doc.problem(
                (lang, key),
                f"needs {{{name}}}, which the FAQ does not declare: declare it, or write "
                f"messages.{key} in the FAQ",
            )
            for key, name in unknown
        )
    return out


class Phrasing:
    """Messages of one FAQ, with the defaults for those it lacks; built once per FAQ."""

    def __init__(self, knowledge: kb.Knowledge) -> None:
        self._messages: dict[Lang, Mapping[str, str]] = {
            "zh": knowledge.messages,
            "en": knowledge.messages_en,
        }
        defaults = _defaults()
        missing_zh = {k: v for k, v in defaults.zh.items() if k not in knowledge.messages}
        missing_en = {k: v for k, v in defaults.en.items() if k not in knowledge.messages_en}
        self._defaults: dict[Lang, dict[str, str]] = {
            "zh": _rendered(missing_zh, knowledge.values, "zh"),
            "en": _rendered(missing_en, knowledge.values_en, "en"),
        }

    def message(self, name: str, lang: Lang) -> str:
        """The FAQ's message in `lang`, else its Chinese one, else the default."""
        for where in (self._messages[lang], self._defaults[lang], self._messages["zh"]):
            if name in where:
                return where[name]
        return self._defaults["zh"][name]

    def options(self, options: Sequence[Suggestion], lang: Lang) -> str:
        """1. 值班电话 / 2. 邮政信箱和邮编: the options in the text, not only in buttons."""
        return "\n".join(f"{n}. {s.title}" for n, s in enumerate(options, 1))

    def did_you_mean(self, options: Sequence[Suggestion], lang: Lang) -> str:
        return "\n\n".join(
            [
                self.message("did_you_mean", lang) + "\n" + self.options(options, lang),
                self.message("reach", lang),
            ]
        )

    def general(self, answer: str, options: Sequence[Suggestion], lang: Lang) -> str:
        """The general channels for one's own trouble, then the routes it may belong to."""
        listed = self.message("maybe_routes", lang) + "\n" + self.options(options, lang)
        return "\n\n".join([answer, listed])

    def fallback(self, menu: Sequence[Suggestion], lang: Lang, reach: str) -> str:
        """Not understood: say so, list what can be asked, and give the channels, in the
        message named `reach` (the whole `reach`, or `reach_brief`)."""
        listed = self.message("options", lang) + "\n" + self.options(menu, lang)
        return "\n\n".join([self.message("fallback", lang), listed, self.message(reach, lang)])

    def boundary(self, outside: Outside, lang: Lang) -> str:
        # The body is named from the language data (江西省的巡视或监督机构), never copied
        # from the message.
        return self.message("boundary", lang).replace("{body}", outside.named(lang))

    def asker_elsewhere(self, outside: Outside, lang: Lang) -> str:
        """After our lines, to an asker in another province: they are not that province's."""
        return self.message("asker_elsewhere", lang).replace("{body}", outside.named(lang))

    def report(self, lang: Lang, channels: Sequence[Channel], ended_note: str | None) -> str:
        """The refusal (fixed text), then the channels of the matter if it has its own."""
        parts = [self.message("report_guard", lang)]
        if channels:
            named = ("; " if lang == "en" else "、").join(
                self._channel(c, lang) for c in dict.fromkeys(channels)
            )
            parts.append(self.message("report_channels", lang).replace("{channels}", named))
        if ended_note:
            parts.append(ended_note)
        return "\n\n".join(parts)

    @staticmethod
    def _channel(c: Channel, lang: Lang) -> str:
        return f"{c.name_en or c.name} ({c.number})" if lang == "en" else f"{c.name}({c.number})"

    def corrected(self, text: str, lang: Lang) -> str:
        return self.message("number_correction", lang) + "\n" + text
