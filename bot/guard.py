"""Does a message try to report something (or send material) rather than ask a question?

The bot is not a reporting channel. A report is recognised by what it carries: a person
(a name, 某某, a post), an amount, an accusation, or the wish to send evidence. A question
about *how* to report has none of these details and is answered normally.
"""

from __future__ import annotations

import re

_SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Bodies that can do wrong as a whole: 我们区教育局今年招教师全是内定的.
_BODIES = "局|委|厅|院|医院|学校|国企|单位|政府|街道办|法院|检察院|派出所|海关|船检站"
_TITLES = (
    "副?(?:局长|书记|县长|市长|省长|区长|镇长|乡长|村长|支书|主任|处长|科长|厅长|部长|所长|站长|校长|院长"
    "|厂长|经理|总经理|董事长|主席|队长|秘书长|委员|常委|行长|会计|老总|庭长|馆长|社长|台长|总监|主管)"
    "|一把手|干部|领导|官员|当官的"
)
_MISCONDUCT = (
    "贪污|贪腐|贪了|受贿|收受|收钱|收了|索贿|索要|挪用|侵占|侵吞|包养|情人|小三|行贿|送礼|送钱|买官|卖官"
    "|回扣|红包|贿赂|私分|克扣|截留|套取|骗取|霸占|公款|大吃大喝|嫖|赌博|违规|违纪|违法|滥用职权|以权谋私"
    "|打击报复|吃空饷|强占|欺压|保护伞|黑恶|腐败|敲诈|勒索|吃拿卡要|优亲厚友|权钱交易|利用职权|职务之便"
    "|揽工程|垄断|麻将|公车|国有资产|低价卖|小舅子|亲戚|好处费|挥霍|造假|虚报|冒领|骗保|赌场|保护费"
    "|高利贷|提拔|包揽|黑社会|称兄道弟|夜总会|专车|扶贫款|挪去|扣了|抠|能捞|捞钱|捞了|交钱|拉私活|油卡"
    "|全是假的|拿公家|据为己有|干股|宴请|吃请|收礼|压下来|压下去|借给|没还|白送|开发商送|利是"
    "|内定|串标|围标|顶包|酒驾|醉驾|来源说不清|来源不明|藏着|现金|明码标价|送的|连襟|豆腐渣|偷工减料|虚开"
    "|套现|洗钱|包庇|纵容|走后门|托关系|打招呼|插手|跑官要官|行贿的|贱卖|不开票|多收|入编|编制|关进|小黑屋"
    "|扶贫|礼金|大操大办|摆了|违规批|形式主义|官僚主义|瞎折腾|豪车|别墅|哪来这么多钱|来路不明|发放津贴|涉黑|涉恶"
    r"|\bbribe|\bbribes|\bbribery|embezzl|corrupt|kickback|took\b.*\b(?:yuan|rmb|million|thousand)"
    r"|\baccept(?:ed|ing)\b|\breceived\b|\bluxury\b|\bgifts?\b|\bmistress\b|\btakes? cash"
    r"|\btaking money|\btook money|\bpaid for by|\bforced\b.*\bpay|\bsells?\b.*\bposts?"
    r"|\bsmuggl|\bstate[- ]owned\b|brother-in-law|\brigged\b"
    r"|\bshou ?hui|\btan ?wu\b|\bshou ?le\b.*\bqian\b|\bzhuan ?zhang\b|\bgong ?kuan\b|\bdu ?bo\b"
    r"|\bshou ?qian\b"
)
_KINDS_OF_PROBLEM = frozenset(
    {"违纪", "违规", "违法", "腐败", "作风", "吃拿卡要", "优亲厚友", "以权谋私", "滥用职权", "扶贫"}
)
# The acts that, right after a name, make it an accusation: 李国栋公款吃喝.
_ACTS = "贪污|贪了|受贿|收受|收了|收钱|索要|索贿|挪用|侵占|包养|公款|霸占|吃空饷|买官|卖官"
_AMOUNT = (
    r"\d[\d,.]*\s*(?:万|千|百|亿|元|块|w\b|k\b|million|thousand|yuan|rmb|wan\b)"
    r"|[一二两三四五六七八九十百千几数]+\s*(?:万|亿)"
    r"|\b(?:yi|er|liang|san|si|wu|liu|qi|ba|jiu|shi|ji) ?(?:wan|qian) ?(?:kuai|yuan)?\b"
)
_EN_TITLES = (
    r"|\b(?:mayor|secretary|director|chief|official|officer|governor|head of|boss|deputy|manager)\b"
    r"|\b(?:shu ?ji|ju ?zhang|xian ?zhang|shi ?zhang|cun ?zhang|zhu ?ren|chu ?zhang|ke ?zhang"
    r"|zhi ?shu)\b"
)
# Someone the writer knows by post: 我们局长, 我们单位的一把手, 我们那旮旯的区长, 营口港的刘总.
_SPECIFIC = (
    rf"(?:我们|咱们|我家|我单位|他们|她们|那个|这个)[^\s,.!?]{{0,6}}?(?:{_TITLES}|{_BODIES})"
    # 市委书记的秘书: someone known by whom they serve or belong to
    rf"|(?:{_TITLES})的(?:秘书|司机|老婆|妻子|丈夫|儿子|女儿|弟弟|哥哥|小舅子|亲戚|情人|表弟|侄子)"
    rf"|[{_SURNAMES}]总(?![共结体部之统])|\b(?:my|our) (?:boss|director|mayor|chief|secretary)\b"
)
# A person: 张某, 某某, 姓王的, 叫韩立新, a name next to a post (局长李国庆, 王建国局长, 孙书记),
# or a name right before what they did (李国栋公款吃喝).
_NAME = (
    rf"[{_SURNAMES}]某+|某某|姓[\u4e00-\u9fff](?:的|[\s,.!?]|$)|名叫"
    rf"|叫[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:的|[\s,.!?]|$)"
    rf"|[{_SURNAMES}][\u4e00-\u9fff]{{0,2}}(?:{_TITLES})"
    rf"|(?:{_TITLES})\s?[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}"
    rf"|[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:{_ACTS})"
    # 市委的李国栋: a person of an office
    rf"|(?:委|局|厅|院|所|厂|公司|单位|部|处|科|办|行)的[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}"
)
# Asking that someone be investigated is handing over a report, question mark or not.
_INVESTIGATE = r"彻查|好好查|查查|帮忙查|帮我查|查一下|查一查|查处|look into|investigate"
_REPORT_VERB = (
    r"我要举报|我想举报|我举报|实名举报|我来举报|举报如下|现举报|特此举报|检举|揭发|反映如下|我要反映|我要告"
    rf"|举报线索|线索如下|实名反映|你们去查|你们一查|查下|管管他|^\s*举报\s*[:,]|{_INVESTIGATE}"
    r"|i want to report|i'd like to report|i am reporting|i'm reporting|^\s*report\s*:|whistleblow"
    r"|wo ?yao ?ju ?bao|^\s*ju ?bao\b|^\s*报告\s*[!:,]"
    # a message that opens by naming whom it reports: 举报锦州市公安局长…
    r"|^\s*举报(?!电话|信|材料|方式|途径|渠道|的|需要|要|怎么|什么|哪|人|了|后|完|是|能|可以|有)"
)
# Sending material to the bot, or asking it to pass something on. Posting material to the
# group's PO box (寄材料) is a question for the mail topic, not this.
_SEND = (
    r"(?:发|传|交|提供|寄)[给到]?(?:你|您|机器人|这里|这儿|这)|上传|附件"
    r"|(?:发|传)[^\s,.!?]{0,4}给(?:你|您)|给(?:你|您)(?:们)?发"
)
_FORWARD = (
    r"帮我转|替我转|帮忙转|转交|转给巡视组|转达|转告|你们记一下|记下来|给你们看|你听听|你看看|在这里了|在这儿了"
    r"|帮我把.{0,12}(?:交|转|递|送|带)给|带给巡视组|带话|gei ni fa|fa gei ni|zhuan ?jiao|zhuan ?gei"
    r"|通过你们?把|让你们?转|请你们?转"
    # evidence the writer holds: 我有他收钱的视频, 我偷拍了视频
    r"|我有[^,.!?]{0,8}(?:视频|录音|录像|照片|截图|证据|账本)|(?:偷)?拍了(?:视频|照片)"
    r"|pass (?:this|it|them) on|forward (?:this|it|them)|sending (?:them|it)"
    r"|send (?:them|it) to you|i can send|i (?:have|got) (?:the |some )?"
    r"(?:photos|pictures|recordings?|documents|records|evidence|proof)"
)
_QUESTION = (
    r"怎么|如何|哪里|哪儿|在哪|去哪|找谁|向谁|归谁|谁管|能不能|可不可以|可以吗|能否|是否|吗|么|\?|什么"
    r"|哪个|哪家|哪位|应该"
    r"|多少|(?<!好)几(?![十百千万])|管不管|找哪|往哪|向哪|上哪|哪个部门|该咋|怎么办|咋|还是|哪(?=$|[\s,.!?])|"
    # Northeastern yes/no questions end in 不 or 没: 能找巡视组不?
    r"[^\s,.!?]不(?:$|[\s,.!?])|[^\s,.!?]没(?:有)?(?:$|[\s,.!?])"
    r"|\b(?:how|where|what|who|which|can i|should i)\b"
    r"|([\u4e00-\u9fff])[不没]\1"  # 归不归, 管不管, 有没有
)

_title = re.compile(_TITLES + _EN_TITLES)
_misconduct = re.compile(_MISCONDUCT)
_amount = re.compile(_AMOUNT)
_name = re.compile(_NAME)
_report_verb = re.compile(_REPORT_VERB)
_send = re.compile(_SEND)
_forward = re.compile(_FORWARD)
_question = re.compile(_QUESTION)
_long_digits = re.compile(r"\d{7,}")
# A licence plate (辽A88888) or a registration code: a specific vehicle or company.
_code = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][a-z][a-z0-9]{5}|[0-9a-z]{15,}"
)
_specific = re.compile(_SPECIFIC)
_body = re.compile(_BODIES)
_investigate = re.compile(_INVESTIGATE)
_MIXED_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])")
# One person spoken of (他, not 他们: "快递公司说不归他们管" is about a company).
_third_person = re.compile(r"[他她](?!们)|\b(?:his|her|he|she)\b")
_units = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")  # a Chinese character or an English word
_material = re.compile(
    r"材料|证据|照片|录音|录像|视频|截图|附件|文件|举报信|u盘|账本|账|单据|合同|名单|记录|链接|邮箱"
)
# Ways to find a person or their money: e-mail, web links, WeChat ids, card numbers, addresses.
_contact = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|www\.\S+|微信号?[是:\s]*[a-z][\w-]{4,}|wxid_\w+"
    r"|[路街道巷]\d+号|尾号\s?\d{4}"
    r"|\d{4}[\s-]\d{4}[\s-]\d{4}[\s-]?\d{0,7}|\d+栋|\d+单元|\d+号楼|\d{3,4}室"
)
# A question about what would happen, not a story of what did (如果我知道一个局长受贿…).
_hypothetical = re.compile(
    r"如果|假如|要是|(?<![\d一二三四五六七八九十百千几])万一|一个[^\s,.!?]{0,3}(?:长|书记|领导|干部)|会判|算不算|够不够|多少钱算"
)

# A narrative this long that accuses someone is a report even when phrased as a question.
_NARRATIVE = 40
# A named person in a message this long is being told about, not asked about.
_NAMED_STORY = 15
# An accusation this long is a story told, even with a question at its end (…这事你们管不管?).
_STORY = 22


def looks_like_report(folded: str, known_numbers: frozenset[str] = frozenset()) -> bool:
    """`folded` is the message after `text.fold` (particles and punctuation kept)."""
    # A word boundary between 我们 and boss: English words inside Chinese are words too.
    text = _MIXED_RE.sub(" ", folded)
    if _forward.search(text) or (_send.search(text) and _material.search(text)):
        return True
    deeds = [m.group() for m in _misconduct.finditer(text)]
    misconduct = bool(deeds)
    # 收了一套房 is a deed done; 违纪 only names a kind of problem (我们科长违纪找谁?)
    concrete = any(d not in _KINDS_OF_PROBLEM for d in deeds)
    title = bool(_title.search(text))
    body = bool(_body.search(text))
    third = bool(_third_person.search(text))
    # An office or a body that did wrong: 局长受贿, 国土分局违规批地
    accuse = (title or body) and misconduct
    question = bool(_question.search(text))
    verb = bool(_report_verb.search(text))
    long = len(_units.findall(text))
    story = long >= _STORY
    names = [m.group() for m in _name.finditer(text)]  # 张某, 局长李国庆, 孙书记
    person = bool(names)
    named = any(n != "某某" for n in names)  # 某某 stands for anyone
    known = bool(_specific.search(text))  # 我们局长, 营口港的刘总, 市委书记的秘书
    contact = bool(_contact.search(text))
    # An e-mail, a link, a WeChat id, a card, ID or foreign phone number, an address
    traces = contact or bool(
        {m.group() for m in _long_digits.finditer(text.replace("-", ""))} - known_numbers
    )
    code = bool(_code.search(folded))  # 辽A00888 is one token, before the split above
    detail = bool(_amount.search(text) or person or code or traces)
    if question and _hypothetical.search(text) and not (known or named):
        return False  # 如果我知道一个局长受贿, 应该打哪个电话
    if person and (misconduct or verb or long >= _NAMED_STORY):
        return True
    if known and ((misconduct and not question) or concrete or (story and not question)):
        return True
    if detail and (accuse or misconduct or verb or (title and code)):
        return True
    if traces and third:
        return True  # 他的微信号是…: a trail to follow, handed over
    if (title or body) and _amount.search(text) and long >= _NAMED_STORY:
        return True
    if misconduct and third and not question:
        return True  # 他家里藏着好几百万现金
    if _investigate.search(text) and (title or body):
        return True  # 请你们彻查一下兴城市交通局; 帮忙查查省交通厅厅长, 钱都去哪了
    if contact and _material.search(text):
        return True  # 我把举报材料发到 …@163.com 了
    if concrete and third and story:
        return True  # 他家住在…别墅,车库里停着三辆豪车,一个公务员哪来这么多钱
    if verb and (title or misconduct) and not question:
        return True
    if accuse and (not question or story):
        return True
    return misconduct and long >= _NARRATIVE


def mentions_wrongdoing(folded: str) -> bool:
    """Wrongdoing by an office, a body or a person, whether told or asked about.

    A question like 村支书贪污找谁 is answered, but with a reminder not to send details here,
    in case it was the start of a report the guard did not recognise.
    """
    text = _MIXED_RE.sub(" ", folded)
    if not _misconduct.search(text):
        return False
    return bool(_title.search(text) or _body.search(text) or _third_person.search(text))


# Shared with the masking of the unanswered log (bot.privacy): a surname alone is never kept.
SURNAMES = frozenset(_SURNAMES)


def mentions_deed(folded: str) -> bool:
    """A deed or a kind of misconduct is named (贪污, 收了钱, 公款吃喝), by whomever."""
    return _misconduct.search(_MIXED_RE.sub(" ", folded)) is not None
