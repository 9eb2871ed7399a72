"""The provincial-level divisions and their cities: which province a text names.

Data in `knowledge/language/regions.yaml`, validated like the FAQ (file:line errors in
Chinese). Used to choose the campaign a question is about (bot.campaigns), to tell another
province's question from ours, and to read a new notice's province (bot.notice).

    RegionFinder(load_regions()).named("营口那边的事")   → ["liaoning"]
    RegionFinder(load_regions()).named("浙江西湖")       → ["zhejiang"]  (longest name first)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from bot.language import language_file


class _Region(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    en: str
    en_full: str
    capital: str
    capital_en: str
    short: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # 滇西, 陕北: a part of the province, named as a city is
    abbr: tuple[str, ...] = ()  # 辽: one character, read only beside an inspection word
    en_also: tuple[str, ...] = ()  # other spellings of the English name: xizang, macau

    @field_validator("abbr")
    @classmethod
    def _abbr(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(len(a) != 1 for a in value):
            raise ValueError("abbr 里的简称只能是一个字;两个字以上的写在 short 里")
        return value

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]+", value):
            raise ValueError("id 只能是小写拼音字母")
        return value


class _Regions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    regions: tuple[_Region, ...]


@dataclass(frozen=True)
class Region:
    id: str
    name: str  # 辽宁省
    names: tuple[str, ...]  # every name it is known by: 辽宁省, 辽宁, 沈阳, 大连…
    short: str = ""  # 辽宁
    en: str = ""  # Liaoning
    en_full: str = ""  # Liaoning Province
    capital: str = ""  # 沈阳
    capital_en: str = ""  # Shenyang
    cities: tuple[str, ...] = ()  # 沈阳, 大连…
    abbr: tuple[str, ...] = ()  # 辽
    en_also: tuple[str, ...] = ()  # xizang


def load_regions(path: Path | None = None) -> tuple[Region, ...]:
    """The provincial-level divisions and their cities, validated (file:line on errors)."""
    from bot.knowledge import Collector, KnowledgeError, read_yaml

    doc = read_yaml(path or language_file("regions.yaml"))
    out = Collector(doc)
    data = out.validate(_Regions, doc.data, ())
    if not out.problems:
        assert isinstance(data, _Regions)
        seen: dict[str, str] = {}
        for n, r in enumerate(data.regions):
            for name in (r.name, *r.short, *r.cities, *r.parts, *r.abbr):
                if name in seen and seen[name] != r.id:
                    clash = f"“{name}”已经属于 {seen[name]},同一个名字不能属于两个省"
                    out.add(("regions", n), clash)
                seen[name] = r.id
    if out.problems:
        raise KnowledgeError(out.problems)
    assert isinstance(data, _Regions)
    return tuple(
        Region(
            r.id,
            r.name,
            (r.name, *r.short, *r.cities, *r.parts),
            r.short[0] if r.short else r.name,
            r.en,
            r.en_full,
            r.capital,
            r.capital_en,
            r.cities,
            r.abbr,
            r.en_also,
        )
        for r in data.regions
    )


@cache
def default_regions() -> RegionFinder:
    return RegionFinder(load_regions())


class RegionFinder:
    """Finds the regions a text names, longest name first (浙江西湖 is 浙江, not 江西)."""

    def __init__(self, regions: Sequence[Region]) -> None:
        self.regions = {r.id: r for r in regions}
        self._owner = {name: r.id for r in regions for name in r.names}
        names = sorted(self._owner, key=len, reverse=True)
        # An alternation of literals: at each position it tries each name once, so the
        # search is linear in the text (times the number of names, a constant).
        self._pattern = re.compile("|".join(map(re.escape, names)))

    def named(self, text: str) -> list[str]:
        """Region ids named in `text` (folded), in order of first appearance."""
        found: list[str] = []
        for m in self._pattern.finditer(text):
            owner = self._owner[m.group()]
            if owner not in found:
                found.append(owner)
        return found

    def of_province(self, province: str) -> str | None:
        """The region id of a campaign's province fact (辽宁省 → liaoning)."""
        owner = self._owner.get(province)
        if owner is None:
            named = self.named(province)
            owner = named[0] if len(named) == 1 else None
        return owner
