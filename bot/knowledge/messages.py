"""Every message `check` and live reload can show, in Chinese and English.

One entry per code: for each language (what is wrong, its likely cause, what to do).
Report lines that are not problems (the OK line, table headings) leave cause and fix
empty. `{name}` fields are filled by `problems.say(code, name=…)`.

A test checks that each code has both languages and that both use the same fields.
"""

from __future__ import annotations

Wording = tuple[str, str, str]  # (what, cause, fix)

LABELS = {"zh": ("可能的原因:", "怎么改:"), "en": ("likely cause: ", "what to do: ")}

_QUOTE_ZH = '整句放进英文双引号 "…" 里'
_QUOTE_EN = 'put the whole value in straight double quotes "…"'

CATALOG: dict[str, dict[str, Wording]] = {
    # ------------------------------------------------------------------ the file itself
    "file_too_big": {
        "zh": ("文件有 {size} 字节,超过上限 {limit} 字节(1 MB)", "文件里粘贴了不该有的大段内容",
               "删掉多余的内容;知识库正常只有几十 KB"),
        "en": ("file is {size} bytes; the limit is {limit} (1 MB)",
               "something large was pasted into it", "remove it; a FAQ is a few dozen KB"),
    },
    "file_unreadable": {
        "zh": ("读不了这个文件:{reason}", "路径写错了,或者没有读取权限",
               "检查文件名和 FAQ_PATH,确认文件存在"),
        "en": ("cannot read the file: {reason}", "a wrong path or no permission",
               "check the file name and FAQ_PATH"),
    },
    "not_utf8": {
        "zh": ("不是 UTF-8 编码(字节 {byte})", "用“ANSI”或 GBK 编码存了盘",
               "在编辑器里“另存为”,编码选 UTF-8"),
        "en": ("not valid UTF-8 (byte {byte}); save the file as UTF-8",
               "it was saved as ANSI or GBK", "save it again choosing the UTF-8 encoding"),
    },
    "notice_unreadable": {
        "zh": ("读不了公告原文:{reason}", "notice.txt 不在 faq.yaml 旁边,或不是 UTF-8",
               "把公告原文存成同一文件夹里的 notice.txt(UTF-8)"),
        "en": ("cannot read the notice: {reason}",
               "notice.txt is not next to faq.yaml, or is not UTF-8",
               "save the notice as notice.txt (UTF-8) in the same folder"),
    },
    # ------------------------------------------------------------------ YAML syntax
    "yaml_char": {
        "zh": ("有一个不允许的字符 {char}", "从网页或 Word 里复制时带进了看不见的控制字符",
               "删掉这一行里的这个字符,或者把这一行重新打一遍"),
        "en": ("character {char} is not allowed in YAML",
               "an invisible control character came in with copied text",
               "delete it, or retype the line"),
    },
    "yaml_alias": {
        "zh": ("不允许用 & 和 *(YAML 的锚点和别名)", "这一行的值以 & 或 * 开头",
               f"{_QUOTE_ZH},或者去掉 & 和 *"),
        "en": ("anchors and aliases are not allowed", "a value starts with & or *",
               f"{_QUOTE_EN}, or remove the & and *"),
    },
    "yaml_too_deep": {
        "zh": ("嵌套太深", "括号 [ 或 {{ 太多,没有配对",
               "检查这一段的括号,每个 [ 都要有 ],每个 {{ 都要有 }}"),
        "en": ("YAML nesting is too deep", "too many unmatched [ or {{",
               "close every [ with ] and every {{ with }}"),
    },
    "yaml_error": {
        "zh": ("YAML 错误:{detail}", "文件格式不对", "对照第 1 节的规矩检查这一段"),
        "en": ("YAML error: {detail}", "the file is not valid YAML",
               "compare with the rules in section 1 of the guide"),
    },
    "yaml_constructor": {
        "zh": ("不认识的 YAML 标记:{detail}", "值以 ! 开头,YAML 把它当成了特殊标记",
               _QUOTE_ZH),
        "en": ("YAML: {detail}", "a value starts with !, which YAML reads as a tag", _QUOTE_EN),
    },
    "yaml_documents": {
        "zh": ("文件里有两份内容(出现了 --- 分隔线):{text}", "复制粘贴时带进了一行 ---",
               "删掉 --- 这一行,一个文件只放一份知识库"),
        "en": ("expected a single document, found a --- separator: {text}",
               "a --- line was pasted in", "delete the --- line"),
    },
    "yaml_syntax": {
        "zh": ("YAML 格式错误:{detail}", "这一行或上一行的写法不符合 YAML 规矩",
               "对照上下几行的写法,检查冒号、引号、缩进"),
        "en": ("YAML syntax error: {detail}", "this line or the one above breaks a YAML rule",
               "compare with the lines around it: colons, quotes, indentation"),
    },
    "yaml_tab": {
        "zh": ("这一行里有 Tab 字符:{text}", "用 Tab 键缩进了;YAML 只认空格",
               "把 Tab 删掉,换成空格(每层两个空格,和上下行对齐)"),
        "en": ("YAML syntax error: a Tab character: {text}",
               "the line was indented with the Tab key; YAML allows only spaces",
               "replace the Tab with spaces, aligned with the lines around it"),
    },
    "yaml_fullwidth_colon": {
        "zh": ("全角冒号“：”:{text}", "字段名后面用了中文输入法的全角冒号“：”",
               '把字段名后面的“：”改成英文冒号“:”,冒号后面加一个空格(例如 title: 值班电话)'),
        "en": ("YAML syntax error: a full-width colon '：' after a field name: {text}",
               "the colon was typed with a Chinese input method",
               "type an ASCII colon and a space after the field name (title: …)"),
    },
    "yaml_unclosed_quote": {
        "zh": ("引号没有闭合:{text}", "这一行的值以引号开头,但是行末少了配对的引号",
               '在这一行的值末尾补上同样的引号(例如 "024-88881877")'),
        "en": ("YAML syntax error: a quote is not closed: {text}",
               "the value opens a quote but the line does not close it",
               'add the matching quote at the end of the value ("024-88881877")'),
    },
    "yaml_colon_in_value": {
        "zh": ("值里有“冒号+空格”:{text}", "YAML 把值里的“: ”当成了又一个字段",
               f"{_QUOTE_ZH},或者把冒号后面的空格去掉"),
        "en": ("YAML syntax error: mapping values are not allowed here: {text}",
               "the value contains ': ', which YAML reads as another field", _QUOTE_EN),
    },
    "yaml_flow": {
        "zh": ("方括号或花括号没有配对:{text}", "[ 或 {{ 少了配对的 ] 或 }},或者逗号写成了全角“,”",
               "在这一行末尾补上 ] 或 }},各项之间用英文逗号“,”隔开"),
        "en": ("YAML syntax error: did not find expected ',' or ']': {text}",
               "a [ or {{ is not closed, or items are separated by a full-width comma",
               "close it with ] or }}, separating items with an ASCII comma"),
    },
    "yaml_missing_colon": {
        "zh": ("这一行缺少冒号:{text}", "字段名后面没有冒号,或者用了全角冒号",
               "在字段名后面加上英文冒号和一个空格(例如 title: 值班电话)"),
        "en": ("YAML syntax error: could not find expected ':': {text}",
               "the field name has no colon after it", "add ': ' after the field name"),
    },
    "yaml_indent": {
        "zh": ("缩进不齐:{text}", "这一行开头的空格数和同一层的其他行不一样(多了或少了一个空格)",
               "让这一行和同一层的行从同一列开始:列表项的 - 上下对齐,每层缩进两个空格"),
        "en": ("YAML syntax error: indentation is uneven: {text}",
               "this line starts one space left or right of the others at its level",
               "align it with its siblings: every '- ' of a list in the same column"),
    },
    "yaml_bad_start": {
        "zh": ("值以 YAML 的特殊符号开头:{text}", "以 ` @ % 等符号开头的值 YAML 不认",
               _QUOTE_ZH),
        "en": ("YAML syntax error: a value starts with a reserved character: {text}",
               "values may not start with ` @ %", _QUOTE_EN),
    },
    # ------------------------------------------------------------------ structure
    "not_a_mapping": {
        "zh": ("知识库必须由 facts、topics、messages 等部分组成", "文件是空的或者只有一个列表",
               "从 knowledge/faq.yaml 复制一份完整的开始改"),
        "en": ("the FAQ must be a mapping with facts, topics, messages, …",
               "the file is empty or a bare list", "start from a copy of knowledge/faq.yaml"),
    },
    "duplicate_key": {
        "zh": ("“{key}”在这里写了两次,YAML 只会留下后一个", "复制了一行却忘了删掉原来那行",
               "把两行合并成一行"),
        "en": ("{key!r} appears twice here; YAML would silently keep only the last",
               "a line was copied and the original kept", "merge the two into one"),
    },
    "unknown_section": {
        "zh": ("不认识的部分“{name}”{hint}", "部分名写错了", "改成正确的名字"),
        "en": ("unknown section {name!r}{hint}", "a misspelt section name", "correct the name"),
    },
    "missing_section": {
        "zh": ("缺少“{name}”部分", "这一部分被删掉了或者名字写错了",
               "从 knowledge/faq.yaml 复制这一部分"),
        "en": ("missing section {name!r}", "it was deleted or renamed",
               "copy it from knowledge/faq.yaml"),
    },
    "not_a_list": {
        "zh": ("这里应该是一个列表(每项以 - id: 开头),现在是 {got}", "缩进不对或者少了 -",
               "照着其他条目的样子,每项以 “  - id: ” 开头"),
        "en": ("expected a list of entries (- id: …), got {got}",
               "wrong indentation or a missing '-'", "start each entry with '  - id: '"),
    },
    "duplicate_id": {
        "zh": ("id “{id}”重复了(另一个在 {other},第 {other_line} 行)", "复制了一个话题却没改 id",
               "给这个话题起一个新的 id(英文小写)"),
        "en": ("duplicate id {id!r} (also {other}, line {other_line})",
               "an entry was copied without a new id", "give it a new id"),
    },
    "few_examples": {
        "zh": ("只有 {n} 个例句,至少要 {min} 个", "例句太少,或者缩进不对让几个例句连成了一句",
               "补足不同问法的例句;检查每个 - 是否上下对齐"),
        "en": ("has {n} examples; at least {min} different ways of asking are needed",
               "too few examples, or uneven indentation merged several into one",
               "add different ways of asking; align every '- '"),
    },
    "duplicate_example": {
        "zh": ("例句“{example}”重复了(另一个在 {other},第 {other_line} 行)",
               "同一句话放进了两个地方", "删掉其中一个;同一句话只能属于一个话题"),
        "en": ("example {example!r} is also {other} (line {other_line})",
               "the same question is in two places", "keep it in one topic only"),
    },
    "answer_or_message": {
        "zh": ("要么写 answer(回答文字),要么写 message(固定回复的名字),不能都写或都不写",
               "两个都写了,或者都没写", "只留一个"),
        "en": ("give either answer: (text) or message: (a messages key), not both",
               "both or neither are given", "keep exactly one"),
    },
    "unknown_message": {
        "zh": ("不认识的固定回复“{name}”{hint}", "名字写错了", "改成 messages 里已有的名字"),
        "en": ("unknown message {name!r}{hint}", "a misspelt name",
               "use a key that is in messages"),
    },
    "missing_message": {
        "zh": ("缺少固定回复“{name}”", "这一条被删掉了", "从 knowledge/faq.yaml 复制这一条"),
        "en": ("missing message {name!r}", "it was deleted", "copy it from knowledge/faq.yaml"),
    },
    "unknown_message_en": {
        "zh": ("不认识的英文固定回复“{name}”(messages 里没有){hint}", "名字写错了",
               "用 messages 里已有的名字"),
        "en": ("unknown message {name!r} (not in messages){hint}", "a misspelt name",
               "use a key that is in messages"),
    },
    "unknown_topic": {
        "zh": ("不认识的话题“{name}”{hint}", "话题 id 写错了", "改成已有话题的 id"),
        "en": ("unknown topic {name!r}{hint}", "a misspelt topic id", "use an existing id"),
    },
    "bad_answered_by": {
        "zh": ("answered_by 写的“{name}”不是另一个话题的 id{hint}",
               "写错了 id,或者写了自己",
               "改成 topics 里另一个话题的 id,例如 phone"),
        "en": ("answered_by {name!r} is not the id of another topic{hint}",
               "a mistyped id, or the topic itself",
               "use the id of another topic in topics, e.g. phone"),
    },
    "bad_part_of": {
        "zh": ("part_of 写的“{name}”不是一个可以归属的话题{hint}",
               "写错了 id,或者写了自己、或者那个话题自己也有 part_of",
               "改成 topics 里一个没有 part_of 的话题的 id,例如 group"),
        "en": ("part_of {name!r} is not a topic this one can be part of{hint}",
               "a misspelt id, the topic itself, or a topic that is itself a part",
               "use the id of a topic without part_of, e.g. group"),
    },
    "unknown_fact": {
        "zh": ("不认识的事实 {{{name}}}{hint}", "大括号里的名字写错了",
               "改成第 1 节表里的名字,例如 {{phones}}"),
        "en": ("unknown fact {{{name}}}{hint}", "a misspelt name in braces",
               "use a name from the guide's table, e.g. {{phones}}"),
    },
    "unmatched_brace": {
        "zh": ("大括号 {{ 或 }} 没有配对", "少打了一个括号",
               "引用事实要写成 {{phones}} 这样,左右括号都要有"),
        "en": ("unmatched {{ or }} (placeholders look like {{phones}})", "a brace is missing",
               "write placeholders as {{phones}}"),
    },
    "source_not_in_notice": {
        "zh": ("这句话在 {notice} 里找不到", "改了字,或者还是上一份公告的句子",
               "从 notice.txt 里复制原句粘贴过来,一个字都不改"),
        "en": ("this sentence does not occur in {notice}",
               "it was reworded, or still quotes the previous notice",
               "paste the sentence from notice.txt, unchanged"),
    },
    "number_not_in_notice": {
        "zh": ("{number} 在 {notice} 里找不到,也不是 channels 里的常设号码",
               "号码打错了,或者直接在回答里打了号码",
               "公告里的号码放进 facts,常设号码放进 channels,回答里用 {{…}} 引用"),
        "en": ("{number} does not occur in {notice} and is not a channel number "
               "(declare standing numbers under channels:)",
               "a typo, or a number typed straight into an answer",
               "put notice numbers in facts and standing ones in channels; refer to them"),
    },
    # ------------------------------------------------------------------ schema
    "missing_fact": {
        "zh": ("缺少这个事实", "这一行被删掉了", "从 knowledge/faq.yaml 复制这一行,按公告改"),
        "en": ("missing fact", "the line was deleted", "copy it back and update it"),
    },
    "missing_field": {
        "zh": ("缺少必填字段", "这一行被删掉了,或者名字写错了", "照着其他条目补上"),
        "en": ("required but missing", "it was deleted or misspelt",
               "add it as the other entries have it"),
    },
    "unknown_field": {
        "zh": ("不认识的字段“{name}”{hint}", "字段名写错了,或者放错了地方", "改成正确的字段名"),
        "en": ("unknown field {name!r}{hint}", "a misspelt or misplaced field name",
               "correct the name"),
    },
    "needs_quotes": {
        "zh": ("这里应该是文字,现在是 {value}", "没有引号的数字、yes/no 会被 YAML 当成数或真假",
               '加上英文双引号,例如 "110034"'),
        "en": ("expected text, got {value}; put it in quotes",
               "unquoted numbers and yes/no are read as numbers or booleans",
               'quote it, e.g. "110034"'),
    },
    "wrong_type": {
        "zh": ("这里应该是{want},现在是 {got}", "写法或缩进不对", "照着其他条目的写法改"),
        "en": ("expected {want}, got {got}", "the wrong shape or indentation",
               "write it as the other entries do"),
    },
    "not_blank": {
        "zh": ("不能是空的", "值被删掉了", "写上内容,或者删掉整行"),
        "en": ("must not be empty", "the value was deleted", "write it, or remove the line"),
    },
    "bad_id": {
        "zh": ("id “{value}”只能用英文小写字母、数字和 _,并以字母开头", "用了中文、大写或符号",
               "例如 phone、lower_level"),
        "en": ("id {value!r} must be lower-case letters, digits and _, starting with a letter",
               "Chinese, capitals or symbols were used", "e.g. phone, lower_level"),
    },
    "bad_clock": {
        "zh": ("“{value}”不是时间", "时间要写成 24 小时制的 时:分", '写成 "08:30" 这样,加引号'),
        "en": ('{value!r} is not a time like "08:00" (HH:MM, 24-hour)',
               "times are 24-hour HH:MM", 'write "08:30", in quotes'),
    },
    "bad_zone": {
        "zh": ("不认识的时区“{value}”", "时区名写错了", "北京时间写 Asia/Shanghai"),
        "en": ("unknown time zone {value!r} (use an IANA name like Asia/Shanghai)",
               "a misspelt zone", "use Asia/Shanghai for Beijing time"),
    },
    "bad_number": {
        "zh": ("“{value}”不是电话号码", "号码里有汉字、空格或全角符号",
               '只写数字和 -,例如 "024-88881877"'),
        "en": ("{value!r} is not a phone number (digits, optionally joined by -)",
               "letters or full-width characters in it", 'write "024-88881877"'),
    },
    "bad_date": {
        "zh": ("“{value}”不是日期", "日期要写成 年-月-日", "写成 2016-02-27 这样"),
        "en": ("{value!r} is not a date", "dates are YYYY-MM-DD", "write 2016-02-27"),
    },
    "bad_int": {
        "zh": ("“{value}”不是整数", "这里要写一个数(比如年份)", "写成 2016 这样"),
        "en": ("{value!r} is not a whole number", "a number is expected (e.g. a year)",
               "write 2016"),
    },
    "empty_list": {
        "zh": ("列表不能是空的", "所有项都被删掉了", "至少写一项"),
        "en": ("the list must not be empty", "every item was deleted", "give at least one"),
    },
    "schema_other": {
        "zh": ("写法不对:{detail}", "值的格式不符合要求", "照着其他条目的写法改"),
        "en": ("{detail}", "the value has the wrong form", "write it as the others are"),
    },
    # ------------------------------------------------------------------ facts
    "period_reversed": {
        "zh": ("结束日期 {end} 在开始日期 {start} 之前", "开始和结束写反了,或者年份写错了",
               "对照公告改 period.start 和 period.end"),
        "en": ("end {end} is before start {start}", "start and end swapped, or a wrong year",
               "correct period.start and period.end from the notice"),
    },
    "start_not_in_year": {
        "zh": ("开始日期 {day} 不在 {year} 年", "period.year 是巡视开始的那一年,两处没改一致",
               "让 period.year 等于开始日期的年份"),
        "en": ("{day} is not in year {year}", "period.year is the year the campaign starts",
               "make period.year the start date's year"),
    },
    "end_not_in_year": {
        "zh": ("结束日期 {day} 既不在 {year} 年,也不在次年 {next} 年",
               "巡视最多跨一个新年;年份写错了", "对照公告改 period.end 的年份"),
        "en": ("{day} is not in year {year} or the next ({next})",
               "a campaign may cross one New Year at most; a wrong year",
               "correct the year of period.end"),
    },
    "end_not_next_year": {
        "zh": ("公告写的是“次年{day}”,但 period.end 不在 {next} 年",
               "跨年的巡视,结束日期要写下一年", "把 period.end 的年份改成 {next}"),
        "en": ("the notice says the following year (次年{day}) but period.end is not in {next}",
               "a period crossing New Year ends in the next year",
               "write {next} as the year of period.end"),
    },
    "close_before_open": {
        "zh": ("结束时间 {close} 不晚于开始时间 {open}",
               "下午的时间要写 24 小时制(下午5点是 17:00)",
               "对照公告改 hours.open 和 hours.close"),
        "en": ("closing time {close} is not after opening time {open}",
               "afternoon times are 24-hour (5 pm is 17:00)", "correct hours.open/close"),
    },
    "fact_not_in_notice": {
        "zh": ("{value} 在 {notice} 里找不到", "打错了字,或者还是上一份公告的事实",
               "对照 notice.txt 改成公告里的写法"),
        "en": ("{value} does not occur in {notice}",
               "a typo, or a fact of the previous notice", "write it as the notice does"),
    },
    "duplicate_value": {
        "zh": ("“{value}”写了两次(另一个是 {other})", "复制时多了一项;机器人会把它说两遍",
               "删掉重复的那一项"),
        "en": ("{value!r} is listed twice (also {other})",
               "an item was copied; the bot would say it twice", "delete the repeated item"),
    },
    "notice_not_stated": {
        "zh": ("公告里的{kind} {value} 没有写进任何事实", "facts 里少写了一个(比如只写了一个电话)",
               "把 {value} 加进 facts(电话加进 phones,信箱改 po_box,邮编改 postcode)"),
        "en": ("the notice's {kind} {value} is not stated by any fact",
               "facts leave one out (e.g. one phone of two)",
               "add {value} to facts (phones, po_box or postcode)"),
    },
    # ------------------------------------------------------------------ channels
    "channel_unknown_number": {
        "zh": ("{number} 不在内置的全国服务号码表里(“{name}”)",
               "号码打错了,或者不是全国统一的服务号码",
               "对照 docs/maintaining.md 的常设号码表改正;确实要加新号码,请开发者把它加进 "
               "bot/knowledge/registry.yaml"),
        "en": ("{number} is not in the built-in registry of national service numbers ({name})",
               "a typo, or not a national service number",
               "correct it from the guide's table; a new number goes into "
               "bot/knowledge/registry.yaml"),
    },
    "channel_wrong_name": {
        "zh": ("{number} 是{purpose},不是“{name}”{right}", "号码打错了一位,或者名字和号码对不上",
               "名字和号码要对应:{hint}"),
        "en": ("{number} is {purpose_en}, not {name!r}{right_en}",
               "a digit is wrong, or name and number do not belong together",
               "make them agree: {hint_en}"),
    },
    "registry_duplicate": {
        "zh": ("号码 {number} 在号码表里出现了两次", "号码表里复制了一项", "删掉一项"),
        "en": ("number {number} is in the registry twice", "an entry was copied",
               "delete one"),
    },
    # ------------------------------------------------------------------ warnings
    "chinese_quotes": {
        "zh": ("整个值被中文引号包着:{value}",
               "中文引号“”不是 YAML 的引号,机器人会把它们原样发给用户",
               '去掉两头的“”,需要引号时用英文双引号 "…"'),
        "en": ("the whole value is inside Chinese quotes: {value}",
               "“” are not YAML quotes: the bot would send them to users",
               'remove them; use straight quotes "…" if quoting is needed'),
    },
    "leftover": {
        "zh": ("“{value}”里的{kind}“{name}”在 {notice} 里没有", "这是上一轮巡视留下的",
               "换成这一轮公告里的写法,或者删掉这一项"),
        "en": ("{value!r} names {kind_en} {name!r}, which is not in {notice}",
               "a leftover of the previous campaign",
               "replace it with this notice's wording, or delete it"),
    },
    "campaign_ended": {
        "zh": ("提醒:这一轮巡视已于 {end} 结束", "公告里的巡视期间已经过去",
               "机器人照样回答,并说明巡视已结束、指向常设渠道;"
               "新一轮巡视请换 notice.txt 和 facts.period"),
        "en": ("warning: this campaign ended on {end}", "the notice's period is over",
               "the bot tells users the period is over and names the standing channel. "
               "For a new campaign, update notice.txt and facts.period."),
    },
    "campaign_not_started": {
        "zh": ("提醒:这一轮巡视还没开始,{start} 开始", "巡视期间在将来", "不用改;到时自动生效"),
        "en": ("warning: this campaign has not started yet; it starts on {start}",
               "the period is in the future", "nothing; it takes effect then"),
    },
    # ------------------------------------------------------------------ check's report
    "check_valid": {
        "zh": ("{file}:格式正确;每个事实和号码都在 {notice} 里找到了"
               "({topics} 个话题,{routes} 条指路,{smalltalk} 条寒暄,{tests} 条测试)", "", ""),
        "en": ("{file}: valid; every fact and number found in {notice} ({topics} topics, "
               "{routes} routes, {smalltalk} smalltalk, {tests} tests)", "", ""),
    },
    "check_columns": {
        "zh": ("话题|类型|例句|答对|正确率", "", ""),
        "en": ("intent|kind|examples|correct|accuracy", "", ""),
    },
    "check_all_examples": {"zh": ("全部例句", "", ""), "en": ("all examples", "", "")},
    "check_confusions": {
        "zh": ("混淆(应该是 → 实际答成:次数,问题):", "", ""),
        "en": ("confusions (expected → answered: count, questions):", "", ""),
    },
    "check_shared": {
        "zh": ("两个话题共有的关键词:{words}", "", ""),
        "en": ("keywords both have: {words}", "", ""),
    },
    "check_heard": {
        "zh": ("问题里点到“{got}”的关键词:{words}", "", ""),
        "en": ("{got}'s keywords in the question: {words}", "", ""),
    },
    "check_wrong_shared": {
        "zh": ("", "“{expected}”和“{got}”两个话题都有关键词:{words}",
               "把共有的关键词只留在一个话题里,或者给“{expected}”加几个更有区别的例句"),
        "en": ("", "{expected} and {got} share the keywords: {words}",
               "keep each shared keyword in one topic only, or give {expected} more "
               "distinct examples"),
    },
    "check_wrong_heard": {
        "zh": ("", "问题里有“{got}”的关键词:{words}",
               "给“{expected}”加几个相近的例句或关键词,或者把这个词从“{got}”里去掉"),
        "en": ("", "the question has {got}'s keywords: {words}",
               "add similar examples or keywords to {expected}, or drop the word from {got}"),
    },
    "check_wrong_unheard": {
        "zh": ("", "机器人靠其他例句认不出这句话(没有点到“{expected}”的关键词)",
               "给“{expected}”加几个相近的例句或关键词"),
        "en": ("", "the other examples do not lead to it (none of {expected}'s keywords is in it)",
               "add similar examples or keywords to {expected}"),
    },
    "check_wrong_weak": {
        "zh": ("", "问题里有“{expected}”的关键词({words}),但别的说法更像,或者把握不够",
               "给“{expected}”加几个和这句相近的例句"),
        "en": ("", "the question has {expected}'s keywords ({words}), but something else "
               "weighed more, or confidence was low",
               "add examples close to this one to {expected}"),
    },
    "check_failed_examples": {"zh": ("答错的例句:", "", ""), "en": ("failed examples:", "", "")},
    "check_example_wrong": {
        "zh": ("“{q}”答成了 {got},应该是 {expected}", "", ""),
        "en": ("{q!r} answered as {got}, expected {expected}", "", ""),
    },
    "check_tests": {
        "zh": ("测试:通过 {passed}/{total}", "", ""),
        "en": ("tests: {passed}/{total} passed", "", ""),
    },
    "check_test_failed": {
        "zh": ("不通过 {where} {field}:“{q}”应该答 {expected},答成了 {got}", "", ""),
        "en": ("FAIL {where} {field}: {q!r} expected {expected}, answered as {got}", "", ""),
    },
    "check_failed": {
        "zh": ("不通过:{examples} 个例句、{tests} 条测试答错了{hint}", "", ""),
        "en": ("FAILED: {examples} example(s) and {tests} test(s) answered wrongly{hint}", "", ""),
    },
    "check_verbose_hint": {
        "zh": ("(加 -v 列出每一个和它的行号)", "", ""),
        "en": (" (-v lists each with its line)", "", ""),
    },
    "check_ok": {
        "zh": ("通过:每个例句和测试都答对了", "", ""),
        "en": ("OK: every example and test answered correctly", "", ""),
    },
    "check_count": {
        "zh": ("共 {n} 个问题;{what}", "", ""),
        "en": ("{n} problem(s); {what}", "", ""),
    },
    "check_not_loaded": {
        "zh": ("知识库没有加载", "", ""),
        "en": ("the FAQ was not loaded", "", ""),
    },
    "check_warnings": {
        "zh": ("共 {n} 条提醒(不算错误)", "", ""),
        "en": ("{n} warning(s), not errors", "", ""),
    },
    "check_exit": {
        "zh": ("退出码 {code}:{meaning}", "", ""),
        "en": ("exit status {code}: {meaning}", "", ""),
    },
    "exit_1": {
        "zh": ("文件可以用,但有例句或测试答错", "", ""),
        "en": ("the file is valid, but examples or tests were answered wrongly", "", ""),
    },
    "exit_2": {
        "zh": ("文件不能用(格式或来源有错)", "", ""),
        "en": ("the file cannot be used (format or provenance)", "", ""),
    },
    # ------------------------------------------------------------------ live reload
    "live_reloaded": {
        "zh": ("知识库已重新加载,内容已更新", "", ""), "en": ("FAQ reloaded", "", ""),
    },
    "live_unchanged": {
        "zh": ("知识库没有变化,仍用当前版本", "", ""), "en": ("FAQ unchanged", "", ""),
    },
    "live_refused": {
        "zh": ("知识库 {path} 未通过检查,仍用上一个正确版本回答:\n{problems}", "", ""),
        "en": ("FAQ {path} refused, still answering from the last good version:\n{problems}",
               "", ""),
    },
    "live_crashed": {
        "zh": ("重新加载时出了意外错误:{detail}", "程序的错误,不是知识库的错误",
               "把这条日志交给开发者;机器人仍用上一个正确版本"),
        "en": ("unexpected error: {detail}", "a bug in the program, not in the FAQ",
               "report this log line; the last good version keeps answering"),
    },
}
