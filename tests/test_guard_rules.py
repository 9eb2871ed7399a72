"""Each named rule of the guard, with examples of its own; the classes of reports by
implication; the questions that look like reports and must be answered.

The examples are written for these tests (none is taken from tests/data, which measures the
guard on messages it was not written against).
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain
from bot.evaluate import Case, evaluate, print_report
from bot.guard import (
    RULES,
    Verdict,
    explain,
    looks_like_report,
    mentions_deed,
    mentions_wrongdoing,
)
from bot.text import fold

NOW = datetime(2016, 3, 10, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

# rule name → messages that this rule, and no rule before it, decides.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "filing_request": ("麻烦你帮我登记一下这个事", "请你们给我备个案", "能不能帮我立个案"),
    "private_offer": ("证据很多,能私信给你吗", "加我微信,有东西私下给你", "东西我悄悄发您"),
    "forward": ("这些截图你帮我转交给巡视组", "我有他在饭店收红包的录音", "我把合同发给你们看看"),
    "disclaimed": (
        "俺不是告哪个干部,镇里让俺们把粮食都卖给一个收购点,价压了两万块,这事归谁管",
        "不是举报当官的,就是村里的路修了一半停了,上哪说理",
    ),
    "hypothetical_question": (
        "假如有干部收了二十万,能判几年",
        "要是一个局长违规提拔亲戚,该找哪里",
    ),
    "remit_question": (
        "省公安厅厅长和省财政厅厅长归巡视组管不管",
        "大学校长属不属于巡视组受理的范围",
        "想问一下省高级人民法院院长、省人民检察院检察长、省公安厅厅长这些人违纪,"
        "是不是都归巡视组受理呢",
    ),
    "bare_report_name": ("举报刘卫东", "举报王局长", "举报张某某 ,就这些"),
    "report_pronoun": ("就是住三楼的那个,举报他", "我举报她!"),
    "named_person": (
        "局长韩立新收了开发商的钱",
        "赵建军书记把亲戚都安排进了单位",
        "姓钱的科长天天收礼",
    ),
    "pinyin_initials": ("hjw天天收礼", "你们查查lzq"),
    "known_person": ("我们局长把公车开回老家了", "咱们镇里的镇长在外面有好几个情人"),
    "sarcastic_praise": (
        "我们处长真有本事,工资不高,房子一套接一套",
        "他真有能耐啊,一个小科员开着保时捷上班",
        "咱们局长了不起,老婆戴的表都是名表",
    ),
    "insinuation": ("那位副市长家的生意 你懂的", "ztk那边的事 大家都懂"),
    "official_wealth": (
        "县里的副县长出门奔驰接送,手上戴着名表",
        "the deputy mayor of our town flies to Macau every month and keeps a yacht there",
    ),
    "beyond_income": (
        "他一个科长月薪六千,去年全款买了两套房",
        "镇长一个月工资三四千,家里却有三套房",
    ),
    "detail_of_misconduct": ("水利局收了施工方八十万", "有人在国土局花了五万买官"),
    "vehicle": (
        "辽A·12345这辆车周末老在钓鱼山庄,车主是局里的",
        "辽 B 8K888 是他的车",
        "鲁C-66666天天停在他们单位门口",
    ),
    "trace_of_someone": ("他的微信号是 abc_12345678", "他老婆的卡号是6217 1100 3300 5566"),
    "amount_of_an_office": ("街道办去年修一条小路报了三百万,路到现在还是土的",),
    "told_misconduct": ("他把单位的电脑都搬回家了还挪用了经费", "她收了家长不少礼金"),
    "investigation_request": ("请彻查市交通局", "帮忙查查县医院的账"),
    "go_and_check": (
        "你们去区里那个工地看看就知道了",
        "去他们局翻翻账本就全明白了",
        "查他老婆名下的公司,一查一个准",
    ),
    "contact_with_material": ("材料在 www.example.com/files 上",),
    "lifestyle_story": ("他每天下班就去会所,开的豪车一天一换,吃饭从不自己掏钱,你们管不管",),
    "reporting_word": ("实名举报镇长违规", "我要举报副县长违规"),
    "accusation": ("县医院院长收回扣", "住建局这次的招标全是内定的"),
    "long_narrative": (
        "这个事情说来话长,从前年开始工程就被一伙人包揽了,材料价格翻倍,质量也很差,"
        "老百姓意见很大,可一直没人管,大家都很失望",
    ),
    # No rule of words holds; the learned model is sure (≥ bot.learned.SURE).
    "corroborated": ("我手里有开发区某领导的东西,好几十页,你留个地址我寄给你",),
}


@cache
def brain() -> Brain:
    return Brain.load()


def test_every_rule_has_a_name_a_reason_and_examples() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.why and "\n" not in r.why for r in RULES)
    assert set(EXAMPLES) == set(names)


@pytest.mark.parametrize(
    ("rule", "message"), [(rule, m) for rule, ms in EXAMPLES.items() for m in ms]
)
def test_each_rule_decides_its_own_examples(rule: str, message: str) -> None:
    verdict = explain(fold(message))
    expected = next(r.report for r in RULES if r.name == rule)
    assert (verdict.rule, verdict.report) == (rule, expected), verdict


def test_the_corroborated_rule_needs_the_model_something_told_and_no_question() -> None:
    offer = fold(EXAMPLES["corroborated"][0])
    assert not looks_like_report(offer, sure=False)  # the words alone do not decide it
    assert looks_like_report(offer, sure=True)
    # Sure or not, a question is answered, and so is a message that tells nothing in particular.
    assert not looks_like_report(fold("我手里有开发区某领导的东西,该寄到哪里"), sure=True)
    assert not looks_like_report(fold("今天天气不错"), sure=True)


def test_explain_says_what_it_saw() -> None:
    verdict = explain(fold("我们局长收了50万"))
    assert verdict.report and verdict.rule is not None
    assert {"title", "deed", "amount", "known"} <= set(verdict.features)
    assert explain(fold("电话多少")) == Verdict(False, None, ("question",))


# -- reports by implication: each class, in words of its own --------------------------------

IMPLIED = {
    "sarcasm praising an official, pointing at wealth": (
        "我们所长可真有本事,工资就那么点,别墅都买了两栋",
        "那个主任真厉害,一个月几千块,老婆浑身名牌",
    ),
    "a lifestyle beyond the income, with figures": (
        "我们科长年薪不到十万,儿子在国外留学一年三十万,家里三辆豪车",
        "他一个公务员,月薪五千,开的是一百多万的路虎",
        "那位副市长真是理财高手,一个月万把块钱,家里停着两辆奔驰",
        "My boss earns a civil servant's salary but drives a Porsche and owns three apartments",
    ),
    "people known by initials or pinyin": (
        "L局长天天让司机接送他孩子上学还报销油费",
        "wjh把扶贫的钱都分给了自家人",
        "县里的z书记收了煤老板的钱",
        "L总拿公款给自己买车",
    ),
    "names typed with spaces between the characters": (
        "副 县 长 孙 立 平 收 钱",
        "科长 赵 国 强 挪用公款",
    ),
    "a report tucked into thanks or small talk": (
        "谢谢你们辛苦了,对了我们单位的会计做假账好几年了",
        "在吗?我们书记把低保名额都给了亲戚",
        "你好,顺便说一句,我们街道主任收了红包才给盖章",
        "我们所长表面上清正,他亲戚的公司包了所里全部的活,我犹豫很久,不知当讲不当讲",
    ),
    "just go and check, with no question": (
        "你们去县交通局看看账就清楚了",
        "去查他们单位的食堂,一查便知",
    ),
    "licence plates with separators or spaces": (
        "辽A·66688 这车是公车,周末天天在钓鱼场",
        "吉 B 12345 是他们局的车,天天接局长孩子",
        "黑A-9X555天天停在他家小区",
    ),
    "offers to send material privately": (
        "有录音,私下发给你们行吗",
        "我这有账本,加我微信单独给你",
    ),
    "asking the bot to register or file a report": (
        "请帮我把这个情况登记上报",
        "麻烦您给我备案一下,我反映的是村长的事",
    ),
    "a bare 举报 and a name": ("举报陈国栋", "举报欧阳明", "举报吴某"),
    "a post-holder's riches, without an income": (
        "我们镇那个镇长可真是清官啊,老家盖了三层别墅,周末还去打高尔夫",
        "市里一个处长的老婆在大连有好几间商铺,他自己还开着保时捷,钱是哪来的?",
        "The finance bureau chief has two villas by the sea and a Rolex on each wrist",
    ),
    "a relative or friend in office, and what the public pays for": (
        "我大舅子在交通局当领导,全家去三亚的机票酒店都走公账",
        "我们老同学当上干部以后,家里吃喝全是单位出钱",
        "我连襟在县里当官,逢年过节收的烟酒堆满一屋",
    ),
    "material ready, asking where to send it": ("东西我都整理好了,你给个信箱我马上发过去",),
    "envy that asks how the money was saved": (
        "好羡慕我们处那个副处长 一个月七千 儿子在国外读书 一年花四十多万 怎么攒的 教教我",
    ),
    "pasted pictures: the chat's placeholders say it was sent": (
        "[图片][图片] 你们瞅瞅 这是我们主任家的新车",
        "[截图] 领导群里说的话都在这 这正常吗",
    ),
    "举报, a place, then the name": ("举报大连金普新区的王海军", "举报铁岭开原的孙国庆!"),
    "a Chinese post and a surname in pinyin": (
        "局长zhang把亲戚都安排进了单位 管不管",
        "书记wang天天打麻将",
    ),
    "go and check where the money went, asked rhetorically": (
        "去查查那个开发区管委会的账 三个亿的拆迁款都哪去了?",
    ),
    "round figures: 十来万, 七十多万, 两百余万": (
        "我们单位一个副局长给自己家装修,七十多万都是施工队出的",
        "林业局局长每年从护林经费里拿走两百余万做成培训费",
    ),
    "plates typed with a separator after any character, or in pinyin": (
        "辽-C-K2288 白色越野车 天天停在他们局长家楼下",
        "蒙 A 3 B 7 7 1 这辆公务车周末拉着领导一家去泡温泉",
        "plate Liao B-7K3M5 is an official car used for the director's fishing trips",
    ),
    "English and pinyin: a post and a surname, or a post and a deed": (
        "the traffic police chief Liu takes cash from truck drivers at the toll gate",
        "My cousin says his director, Secretary Chen, bills family dinners as public funds."
        " Who handles that?",
        "anshan shi fu ju zhang zhang wei, shou qian bang ren ban zhizhao",
    ),
    "offers in English to send files, or to have a matter filed": (
        "I got screenshots of the transfers to the county official, can I send you them?",
        "I have receipts for the bribes, should I DM you privately?",
        "Our township head took the relocation money. Could you log this as my complaint?",
    ),
    "a told deed with 一个…长 in it, long enough to be one particular official": (
        "我去县住建局办证,窗口说不行,后来托人交了一万块才办下来,说是给一个副局长的好处费,"
        "我这钱还能要回来吗?",
    ),
}


@pytest.mark.parametrize(
    ("kind", "message"), [(kind, m) for kind, ms in IMPLIED.items() for m in ms]
)
def test_reports_by_implication_are_refused(kind: str, message: str) -> None:
    verdict = explain(fold(message), brain()._phones)
    assert verdict.report, (kind, verdict)
    reply = brain().answer(message, NOW)
    assert reply.kind == "report_guard"


def test_a_refusal_repeats_nothing_of_the_report() -> None:
    for message in (m for ms in IMPLIED.values() for m in ms):
        reply = brain().answer(message, NOW).text
        for detail in ("12345", "66688", "陈国栋", "欧阳明", "孙立平", "wjh", "路虎", "别墅"):
            assert detail not in reply or detail in brain().knowledge.notice, (message, detail)


# -- questions that look like reports ------------------------------------------------------

QUESTIONS = {
    "whether posts fall in the remit": (
        "省法院院长和省检察院检察长归巡视组管不管",
        "省教育厅厅长归不归中央巡视组管",
        "市长、市委书记属于巡视组受理的对象吗",
    ),
    "a hypothetical with an amount": (
        "要是有人收了十万算不算受贿",
        "假如领导收了两万块购物卡,够不够立案",
        "如果一个干部贪了五十万会判多久",
        "科长收了三万块钱算受贿吗",  # 块钱 is money, nobody called 钱
        "挪用八千块够判刑吗",
        "一个站长收了八万算不算受贿",  # 万 after a numeral is money, nobody called 万
    ),
    "near misses of the new rules": (
        "巡视组的人真有本事,效率很高",  # praise, no wealth
        "现在房价太高,工资不够买房子",  # income and wealth, nobody in particular
        "Is a civil servant allowed to own a villa?",
        "qq群里说的巡视组电话对吗",  # letters that are no initials
        "我们市的gdp增长很快,可是工资好几年没涨了,这种情况该找谁反映",
        "电 话 多 少",  # spaced characters, no name
        "谢谢你们,电话打通了",  # thanks, nothing told
        "打过去就知道了吗",  # go and check, with a question
        "辽A是沈阳的车牌吗",  # a plate prefix, no plate
        "私下举报会不会被泄露",  # private, nothing offered
        "举报后会立案吗",  # filing, not asked of the bot
        "你们会登记我的信息吗",
        "举报程序是什么",  # 举报 and a word that is no name
        "举报范围包括哪些",
        "举报高官找谁",
    ),
    "a hypothetical in English, or asked by kind of problem": (
        "If a county official took a kickback of 200k, where do I report it?",
        "Suppose my manager at a state-owned firm embezzled funds, who should I tell?",
        "公职人员收受红包属于哪方面的问题",
        "如果一个副局长收了五万块的加油卡,违反的是哪种纪律",
    ),
    "a post whose last character looks like a surname": (
        "社区主任截留低保金 打12345行吗",  # 任 ends 主任, it is no one's surname
        "乡里的主任要是收了钱,该找纪委吗",
        "市政协的领导是不是也属于省管干部",  # 于 ends 属于
    ),
    "a post held by a place name or a court that starts with a surname": (
        "沈阳市长这样的干部能向巡视组反映吗",
        "高院院长归不归巡视组管",
    ),
    "how to report, about nobody in particular, even when long": (
        "市直机关的一把手收受贿赂 我手里有些情况 可以向巡视组反映不 怎么反映",
        # 收钱 asked about, of nobody: a long question on what a call costs
        "我家老人只有一部老年机 打长途挺贵的 给巡视组打电话他们收钱不 会不会跟信息台一样扣费",
    ),
    "one's own money, with a body where one went": (
        "借给同村的人两万块 起诉到法院判了 可是一直执行不了 这咋办",
        "住院花了四万多 医保才给报了一万 这比例咋这么低",
    ),
    "a choice asked, not a told story": ("镇长挪用低保 是去镇纪委还是区纪委",),
    "a grandchild, not a surname": ("我孙子的班主任天天拖堂 能找谁说说",),
    "school fees of one's own": ("孩子出国留学一年要花多少钱 工资不够咋办",),
    "an impostor posing as an official, asking for money": (
        "有人打电话自称我老公单位的领导 叫我转三万过去",
        "微信上一个冒充县长的人让我先打一万块保证金",
    ),
}


@pytest.mark.parametrize(
    ("kind", "message"), [(kind, m) for kind, ms in QUESTIONS.items() for m in ms]
)
def test_questions_are_not_refused(kind: str, message: str) -> None:
    assert not looks_like_report(fold(message), brain()._phones), (kind, explain(fold(message)))
    assert brain().answer(message, NOW).kind != "report_guard"


def test_wrongdoing_asked_about_is_still_noticed() -> None:
    assert mentions_wrongdoing(fold("村支书贪污找谁"))
    assert not mentions_wrongdoing(fold("贪污怎么定罪"))  # a deed, nobody who did it
    assert mentions_deed(fold("贪污怎么定罪"))
    assert not mentions_deed(fold("电话多少"))


def test_eval_verbose_shows_the_rule_beside_a_failure() -> None:
    cases = [Case(q="举报刘卫东", category="demo", kind="faq"), Case(q="电话多少", category="demo")]
    out = io.StringIO()
    print_report(evaluate(brain(), cases, NOW), file="demo.yaml", verbose=True, out=out)
    shown = out.getvalue()
    assert "guard: report by rule bare_report_name (saw: " in shown
    assert shown.count("guard:") == 1  # only failures are listed
