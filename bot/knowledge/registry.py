"""The built-in registry of national service numbers, and the check of declared channels.

A standing channel in the FAQ (`channels:`) is served to citizens as is, so a typo
there is as bad as a wrong duty phone: discipline 12388 typed as 12389 would send
people to the police-supervision line. `registry.yaml`, shipped in this package,
says what each national number is for and which words its name must contain.

A channel is refused when its number is not in the registry, or when its name names
none of the number's words, or names another number's words more specifically
("公安机关投诉举报" with 110: 110 is 报警, 12389 is 公安机关投诉).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from bot.knowledge.collect import Collector
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.schema import Channel, Number, Text, _Model
from bot.knowledge.yaml_safe import read_yaml

REGISTRY_PATH = Path(__file__).with_name("registry.yaml")


class Service(_Model):
    """What one national number is for (`for` in the file, a Python keyword)."""

    purpose: Text
    purpose_en: Text
    words: list[Text]


@cache
def registry(path: Path = REGISTRY_PATH) -> Mapping[str, Service]:
    """number -> Service; KnowledgeError (file:line) if the shipped file is broken."""
    doc = read_yaml(path)
    out = Collector(doc)
    raw = doc.data if isinstance(doc.data, dict) else {}
    entries: dict[str, Service] = {}
    for number, entry in raw.items():
        if isinstance(entry, dict):
            entry = {("purpose" if k == "for" else "purpose_en" if k == "for_en" else k): v
                     for k, v in entry.items()}  # fmt: skip
        if out.validate(Number, str(number), (str(number),)) is None:
            continue
        service = out.validate(Service, entry, (str(number),))
        if service is not None:
            entries[str(number)] = service
    if not isinstance(doc.data, dict):
        out.report((), "not_a_mapping")
    if out.problems:
        raise KnowledgeError(out.problems)
    return entries


def _best_match(name: str, services: Mapping[str, Service]) -> tuple[str, int] | None:
    """(number, length of its longest word in `name`) for the number `name` names best."""
    best: tuple[str, int] | None = None
    for number, service in services.items():
        length = max((len(w) for w in service.words if w in name), default=0)
        if length and (best is None or length > best[1]):
            best = (number, length)
    return best


def check_channels(out: Collector, channels: Mapping[str, Channel]) -> None:
    """Each declared channel's number is registered and its name agrees with it."""
    services = registry()
    for key, channel in channels.items():
        loc = ("channels", key, "number")
        service = services.get(channel.number)
        if service is None:
            out.report(loc, "channel_unknown_number", number=channel.number, name=channel.name)
            continue
        own = max((len(w) for w in service.words if w in channel.name), default=0)
        best = _best_match(channel.name, services)
        if own and (best is None or best[0] == channel.number or best[1] <= own):
            continue
        right = services[best[0]] if best else None
        out.report(
            loc,
            "channel_wrong_name",
            number=channel.number,
            name=channel.name,
            purpose=service.purpose,
            purpose_en=service.purpose_en,
            right=f";“{channel.name}”的号码是 {best[0]}({right.purpose})" if right else "",
            right_en=f"; {channel.name} is {best[0]} ({right.purpose_en})" if right else "",
            hint=_hint(service, "zh"),
            hint_en=_hint(service, "en"),
        )


def _hint(service: Service, lang: str) -> str:
    words = "、".join(service.words) if lang == "zh" else ", ".join(service.words)
    if lang == "zh":
        return f"这个号码的名字里应该有“{words}”之一"
    return f"a name for this number contains one of {words}"
