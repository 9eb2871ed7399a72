"""The FAQ file as validated, rendered knowledge.

`load()` reads `knowledge/faq.yaml` and its `notice.txt`, and either returns a
`Knowledge` whose every answer is final text (facts filled in, only the dynamic
`{now}` and `{status}` left for the answer engine), or raises `KnowledgeError`
listing every problem as `file:line field: message`, with its likely cause and what
to do, in Chinese (or English with BOT_LANG=en). Nothing here ever lets a traceback
reach a maintainer.

One module per job:

- `yaml_safe`: the safe loader (no aliases), `read_yaml`, `parse_yaml`, `YamlDocument`;
- `yaml_errors`: PyYAML's errors as the mistake made, at its line;
- `problems`, `messages`: `Problem`, `KnowledgeError`, the wording in both languages;
- `collect`: `Collector`, which gathers problems and words pydantic's errors;
- `schema`: the models of each section;
- `render`: templates filled from the facts;
- `notice_forms`: the notice's ways of writing times and dates, made canonical;
- `provenance`: facts and numbers against the notice, and the notice against the facts;
- `registry`: standing channels against the national service numbers;
- `wording`, `leftovers`: warnings (Chinese quotes; names of a previous campaign);
- `model`: `Knowledge`, `Intent`, `TestCase`; `build`: `load()` in named steps.

Every name callers used from the former single module is importable from here.
"""

from bot.knowledge.build import load
from bot.knowledge.collect import Collector, close_match
from bot.knowledge.model import Intent, Knowledge, TestCase, default_path
from bot.knowledge.notice_forms import canonical
from bot.knowledge.problems import (
    KnowledgeError,
    Problem,
    display_path,
    language,
    say,
    use_language,
)
from bot.knowledge.provenance import numbers, occurs
from bot.knowledge.registry import registry
from bot.knowledge.render import (
    DYNAMIC,
    FACT_NAMES,
    clock_text,
    fact_values,
    placeholders,
    render,
)
from bot.knowledge.schema import (
    LISTS,
    MIN_EXAMPLES,
    REQUIRED_MESSAGES,
    SECTIONS,
    Channel,
    Facts,
    FactsEn,
    Hours,
    Kind,
    Period,
    RouteModel,
    SmalltalkModel,
    TestModel,
    TopicModel,
)
from bot.knowledge.yaml_safe import (
    MAX_BYTES,
    CParser,
    SafeLoader,
    YamlDocument,
    dotted,
    parse_yaml,
    read_yaml,
)

__all__ = [
    "DYNAMIC",
    "FACT_NAMES",
    "LISTS",
    "MAX_BYTES",
    "MIN_EXAMPLES",
    "REQUIRED_MESSAGES",
    "SECTIONS",
    "CParser",
    "Channel",
    "Collector",
    "Facts",
    "FactsEn",
    "Hours",
    "Intent",
    "Kind",
    "Knowledge",
    "KnowledgeError",
    "Period",
    "Problem",
    "RouteModel",
    "SafeLoader",
    "SmalltalkModel",
    "TestCase",
    "TestModel",
    "TopicModel",
    "YamlDocument",
    "canonical",
    "clock_text",
    "close_match",
    "default_path",
    "display_path",
    "dotted",
    "fact_values",
    "language",
    "load",
    "numbers",
    "occurs",
    "parse_yaml",
    "placeholders",
    "read_yaml",
    "registry",
    "render",
    "say",
    "use_language",
]
