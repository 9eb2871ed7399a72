"""The guard's decision: a table of named rules over `Features`, tried in order.

The first rule that holds decides. Most rules say "a report"; a few, placed before the
ones they would otherwise trip, say "a question" (a hypothetical, a question about the
remit). Each rule has its own examples in tests/test_guard_rules.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.guard.features import NAMED_STORY, NARRATIVE, Features


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    why: str
    holds: Callable[[Features], bool]
    report: bool = True


def _hypothetical(f: Features) -> bool:
    # 要是结束了,我们厂那个ZJH收回扣的事: initials point at someone, who is not supposed.
    # 有个局长让我帮他弄点票…你们懂的: a hint says it is told, not supposed.
    if not (f.question and f.hypothetical) or f.named or f.letters or f.insinuation:
        return False
    # 市妇联主席的夫人在我这办了二十万的卡,钱是她老公下属充的,这算不算问题: a post-holder's
    # deal told at length with its figure, asked only whether it counts, is told (要是 would
    # suppose it).
    if not f.supposed and f.title and f.amount and f.units >= NARRATIVE:
        return False
    # 我表哥是处级干部,要是他有问题,我能举报自己亲戚吗: someone one knows, in a supposition,
    # asking whether to report; with a figure, a plate or a trace it is told, not supposed.
    # 要是知道我们市里一个局长收钱了,该找谁: where to go is asking how, too.
    return not f.known or (f.seeks_a_channel and not (f.amount or f.code or f.traces))


def _remit(f: Features) -> bool:
    # 省法院院长和省检察院检察长归巡视组管不管: posts named, nothing told about them.
    told = f.concrete or f.amount or f.traces or f.code or f.report_verb or f.investigate
    return f.question and f.remit and (f.title or f.body) and not (told or f.known or f.named)


def _known_person(f: Features) -> bool:
    # 我们村支书贪了修路钱,这种该找谁: one's own official and a deed, asked where it goes, with
    # nothing to trace him by (no name, figure, plate or contact), is asked about: the route
    # (12388) and the reminder not to send details. With a figure it is told.
    asked_where = f.question and f.seeks_a_channel and not (
        f.identifying or f.material or f.units >= NARRATIVE
    )
    # 有人在网上发帖子说我们学校要合并: a story of one's own school, with no deed, no riches and
    # no figure, tells of nobody's wrongdoing.
    something = f.deed or f.wealth or f.amount or f.income
    told = (f.deed and not f.question) or f.concrete or (f.story and not f.question and something)
    return f.known and told and not asked_where


def _official_wealth(f: Features) -> bool:
    # 副区长天天坐着奥迪去高尔夫球场: a post-holder's riches told; a long story about one of
    # them is told even when it ends in a question (…他老婆有三间铺子,钱哪来的?).
    particular = f.third or f.known or f.named
    return f.wealth and (f.title or f.known) and (not f.question or (f.story and particular))


def _accusation(f: Features) -> bool:
    # 省直厅局的一把手受贿 我知道内情 能跟巡视组反映不: a long question about how to report,
    # about nobody in particular, is still a question; so is one about where such a thing goes
    # (乡里的干部上班时间打麻将,这种作风问题去哪说).
    # 自称公安局的…让我转到安全账户: the body is the impostors' disguise, not who is accused.
    if f.writer_harmed:
        return False
    # 对省管干部的违纪问题,可否书面寄送巡视组?: a kind of problem (违纪, 腐败) asked about, no
    # deed of anyone's told, is a question.
    if f.question and not f.concrete:
        return False
    how = f.seeks_a_channel and not (f.third or f.identifying or f.units >= NARRATIVE)
    return f.accuse and (not f.question or (f.story and not how))


RULES: tuple[Rule, ...] = (
    Rule(
        "filing_request",
        "asks the bot itself to register or file a matter, as if it were a channel",
        lambda f: f.filing,
    ),
    Rule(
        "private_offer",
        "offers to hand something over privately, off the record",
        lambda f: f.private and (f.send or f.contact or f.to_you),
    ),
    Rule(
        "forward",
        "asks the bot to pass something on, offers material to it, or tells whom material is about",
        # (能帮我转给纪委吗: asked whether the bot passes things on, nothing told, is a question)
        lambda f: (f.forward and not (f.question and not f.told_of_anyone))
        or (f.send and f.material)
        or (f.material and (f.about_one or f.to_you))
        # (拍了视频也不知道给谁看,这事找谁 after a factory's pollution: evidence of no one's
        # misconduct, asked where to go; 我这有录音,谁要我发谁 offers it)
        or (
            f.holds
            and (f.someone or f.body or f.deed or not f.question)
            and not (f.hypothetical and f.question)
        ),
    ),
    Rule(
        "disclaimed",
        "the writer says he reports nobody (俺不是告哪个干部), and names or traces no one",
        # …就是想有人管管这收购的事: a grievance told at length, officials named only to deny it
        lambda f: f.disclaims and not (f.named or f.letters or f.code or f.traces or f.initials),
        report=False,
    ),
    Rule(
        "hypothetical_question",
        "a question about what would happen, with nobody in particular",
        _hypothetical,
        report=False,
    ),
    Rule(
        "remit_question",
        "asks whether holders of some posts fall in the remit, telling nothing about them",
        _remit,
        report=False,
    ),
    Rule(
        "bare_report_name",
        "举报 followed by whom: a name, a post, initials (a post asked where to go,"
        " 举报县委书记去哪, is a question)",
        lambda f: f.bare_report_name
        and not (f.seeks_a_channel and f.question and f.title and not f.named),
    ),
    Rule(
        "report_pronoun",
        "举报他/她 said outright, not asked how",
        lambda f: f.report_pronoun and not f.question,
    ),
    Rule(
        "named_person",
        "a named person with a deed, a reporting word, or a story around them",
        lambda f: f.person and (f.deed or f.report_verb or f.units >= NAMED_STORY),
    ),
    Rule(
        "pinyin_initials",
        "pinyin initials standing for a name (zjl), with a deed or a reporting word",
        lambda f: f.letters and (f.deed or f.report_verb or f.investigate),
    ),
    Rule(
        "known_person",
        "someone the writer knows by post (我们局长) with a deed done or a story",
        _known_person,
    ),
    Rule(
        "sarcastic_praise",
        "praise for an official set beside wealth: 真有本事, 房子一套接一套",
        lambda f: f.praise and f.wealth and (f.someone or f.body),
    ),
    Rule(
        "insinuation",
        "a post, a body, initials or someone known, and 你懂的: something told by hinting",
        lambda f: f.insinuation
        and (f.title or f.body or f.known or f.letters or f.person)
        and not f.question,
    ),
    Rule(
        "beyond_income",
        "a lifestyle told against an income or with its figures: 工资不高, 开宝马",
        lambda f: (f.income or f.amount) and f.wealth and (f.someone or f.body),
    ),
    Rule(
        "official_wealth",
        "riches of a post-holder told: a villa, a car, a watch, beside his post",
        _official_wealth,
    ),
    Rule(
        "detail_of_misconduct",
        "a detail (amount, person, plate, trace) together with misconduct or a reporting word,"
        " not one's own loss to a fraud or a thief",
        # 让我把钱转到安全账户 我转了两万: the amount is the writer's own, lost to impostors.
        lambda f: (f.amount or f.person or f.code or f.traces)
        and (f.accuse or f.deed or f.report_verb or (f.title and f.code))
        and not f.writer_harmed,
    ),
    Rule(
        "vehicle",
        "a licence plate tied to someone or to misconduct",
        lambda f: f.code and (f.third or f.known or f.title or f.body or f.deed),
    ),
    Rule(
        "trace_of_someone",
        "a way to find one person: his WeChat, his card, his address",
        lambda f: f.traces and f.third,
    ),
    Rule(
        "amount_of_an_office",
        "a post or a body with an amount, told at some length (a body asked about only if"
        " it did wrong)",
        # 街道办修一条小路报了三百万 is told; 借给老李三万…法院判了也不执行 咋整 asks about
        # one's own money, the court being where one went, not what one accuses.
        # 说是我女儿领导 要我先打两万过去: an impostor's post is no one's (a fraud, for 110).
        # 医院给我多收了三百块: the amount is one's own bill, a complaint (12320).
        lambda f: (f.title or (f.body and (f.deed or not f.question)))
        and f.amount
        and f.units >= NAMED_STORY
        and not (f.impostor or f.service),
    ),
    Rule(
        "told_misconduct",
        "misconduct told of one person, not asked about, nor the writer's own loss or hurt",
        # 我妈接到电话说她涉嫌洗钱,让她转到安全账户: a fraud in progress (110), no one reported.
        lambda f: f.deed and f.third and not f.question and not f.writer_harmed,
    ),
    Rule(
        "investigation_request",
        "asks that an office or a body be investigated",
        lambda f: f.investigate and (f.title or f.body),
    ),
    Rule(
        "go_and_check",
        "tells the bot to go and check somebody or somewhere (你们去…), asking nothing but"
        " where the money went",
        lambda f: f.go_and_check
        and (not f.question or f.amount)
        and (f.particular_other or f.directed or f.amount),
    ),
    Rule(
        "contact_with_material",
        "an address or a link given together with material",
        lambda f: f.contact and f.material,
    ),
    Rule(
        "lifestyle_story",
        "a story of deeds done by one person, not the writer's own loss or hurt",
        # 我爸接了个电话说他涉嫌洗钱 让他把钱转到安全账户: a fraud in progress (110).
        lambda f: f.concrete and f.third and f.story and not f.writer_harmed,
    ),
    Rule(
        "reporting_word",
        "a reporting word with a post or a deed, and no question",
        lambda f: f.report_verb and (f.title or f.deed) and not f.question,
    ),
    Rule(
        "accusation",
        "an office or a body accused, told rather than asked (or told at length)",
        _accusation,
    ),
    Rule(
        "long_narrative",
        "misconduct told at length, not a long question about nobody in particular",
        # …那个巡视组的电话打过去收钱不 是不是还得额外收费: 收钱 asked about, of nobody.
        lambda f: f.deed
        and f.units >= NARRATIVE
        and not (f.question and not f.particular_other)
        and not f.writer_harmed,
    ),
    # Last, so that every question rule above has had its say: the rules saw something told
    # (关于本钢某领导的材料我整理好了…你给个邮箱我发过去: a post and material, no rule) and the
    # learned model is sure; asking nothing, it is no question.
    Rule(
        "corroborated",
        "the learned model is sure, and something in particular is told, asking nothing"
        " (or said to be reported: 我要反映…你们管不管)",
        # 班主任让每个家长交三百块班费: a sum alone, with nobody and no deed, tells of no one.
        # 举报县委书记去哪: a post, asked where to go, with nothing told of him, is a question.
        lambda f: f.sure
        and f.particular
        and not (f.amount and not (f.particular_other or f.deed or f.wealth or f.material))
        and (not f.question or f.report_verb)
        and not (
            f.seeks_a_channel and f.question and f.title and not (f.named or f.deed or f.amount)
        ),
    ),
)
