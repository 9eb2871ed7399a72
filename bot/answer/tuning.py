"""The tunables of the decision, in one value, so an experiment changes one thing in one place."""

from __future__ import annotations

from dataclasses import dataclass

# Below this a question is not understood; Rasa's FallbackClassifier threshold.
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Tuning:
    """Thresholds of `Brain.answer`; the defaults are the measured ones."""

    low_confidence: float = LOW_CONFIDENCE
    # Below this there is nothing worth suggesting either.
    suggest_floor: float = 0.3
    # Two topics closer than this, found by the same words, are ambiguous: ask "did you mean".
    ambiguity_gap: float = 0.1
    max_topics: int = 3
    # A numbered list asks a question or two per item (1 电话多少 2 几点能打 3 信寄哪 4 哪天
    # 结束): it is answered with what its items name, up to this many topics.
    max_list_topics: int = 6
    # Chit-chat needs its own words, a near-identical example, or a message this short.
    smalltalk_example: float = 0.8
    smalltalk_short: int = 4
    keyword: float = 0.6  # one keyword, spelt right
    strong_keyword: float = 0.4  # one keyword, even one heard through a typo (店话)
    max_suggestions: int = 3
    # What a fallback offers (at most max_suggestions), when nothing is close enough to
    # suggest: the lines, the box, and how to report.
    fallback_topics: tuple[str, ...] = ("phone", "mail", "contact")
    # The head of a message that is read for what it asks about (another body, a quoted
    # number), as the matcher does: a longer text is a report or rambling, and reading all
    # 4,096 characters would cost a hundred times an ordinary question.
    scan: int = 400
    # Topics whose words name someone in the group's remit (市长, 厅长): a report naming one is
    # the group's matter, and gets no other route's channel.
    remit_topics: tuple[str, ...] = ("scope_who",)
    # The learned topic model votes only on a message at least this long (bot.learned_topics).
    vote_min_chars: int = 8
    # The answer to a question about the remit that names no topic (算不算巡视组管的事).
    remit_answer: tuple[str, ...] = ("scope_who", "scope_what")
    # Routes whose matter is itself wrongdoing with a reporting line of its own: a report about
    # it gets that line beside the refusal (村支书 → 12388, 派出所民警 → 12389). Other routes
    # are named in reports only in passing (上学, 小区, 油费), and their lines would mislead.
    report_routes: tuple[str, ...] = (
        "lower_level", "police_conduct", "pollution", "consumer", "crime", "land",
        "work_safety", "online", "tax",
    )  # fmt: skip
    # Routes for people below the group's remit: named outright, they take a place among the
    # topics before ours do (普通党员违反纪律,找巡视组有用吗 → 12388 first, then how to report).
    below_remit: tuple[str, ...] = ("lower_level",)
    # Routes that a clause about the asker still names as the matter: 我是普通党员 asks of his
    # own level (12388), 我在服务区看见有人偷油 tells of a crime (110).
    never_the_asker: tuple[str, ...] = ("lower_level", "police_conduct", "crime", "emergency")
    # Routes that answer alone when they lead: a grievance naming no domain never gets a topic
    # of the notice (不是举报当官的,是我自己的事 names officials only to say it is not about them).
    alone: tuple[str, ...] = ("grievance",)
    # The general channels (12345, the petition office, 110): where one's own trouble goes when
    # no route is sure and the message asks where to go (教学楼墙裂了一道缝 找谁).
    general_route: str = "grievance"
    # Routes for one's own troubles: a message about an official's or a body's wrongdoing is
    # none (假如我知道有个局长收了钱 该找谁说 asks how to report it, though 找谁说 is a
    # grievance's words).
    own_troubles: tuple[str, ...] = ("grievance",)
    # Routes whose words are generic (乱收费, 退不了: any seller; 没人管: any grievance): they
    # give way to a more specific route named at least as strongly in the same message
    # (诊所乱收费 → health 12320 alone, 火车票退不了 → railway 12306 alone).
    generic: tuple[str, ...] = ("consumer", "grievance")
    # Topics answered together when a word both list is asked (回头看是什么意思: which group it
    # is, and what a follow-up re-examines; 都管什么: whom and what it takes). Any other word
    # two topics share stays ambiguous, so `check` still shows the confusion a copied keyword
    # causes.
    companions: frozenset[frozenset[str]] = frozenset(
        {frozenset({"group", "follow_up"}), frozenset({"scope_who", "scope_what"})}
    )
    # The topic that says how to report: it leads the reply to a question about what to do
    # with someone's wrongdoing (如果我知道某局长受贿该怎么办), whatever else was matched.
    how_to_report: str = "contact"
    # Topics found by the group's own name (中央第三巡视组: which group, which round): in a
    # question whether it takes some post, the name says whom it is asked of.
    naming_topics: tuple[str, ...] = ("group", "rounds")
    # Ways of reaching the group: two of them in a choice (打电话还是写信) ask how to report,
    # answered by `how_to_report`, which gives each line and the box; the last here (visits,
    # of which that answer says nothing) is kept beside it.
    ways: tuple[str, ...] = ("phone", "mail", "visit")
    # Topics a comparison with another channel keeps when it names them (巡视组和省纪委啥区别:
    # which group this is; 巡视组跟12345一样不 家里的事能找吗: what it does not take, which also
    # says whom it takes).
    compared_kept: tuple[str, ...] = ("group", "outside")
    compared_outside: str = "outside"
    # The topics that state the phone lines and the PO box: a number of theirs quoted back
    # (88881977记下了,还有一个是啥) is a question about them.
    # Topics that give the notice's lines or box: said to an asker in another province (我是
    # 湖南的 巡视组电话多少), the reply adds that they are not that province's.
    channel_topics: tuple[str, ...] = ("phone", "mail", "contact", "visit", "hours", "call_now")
    # Replies that ask for no fact of ours: an asker in another province who gets only these
    # (我在西藏 能找中央巡视组吗: how to report, or not understood) wants the body of his own
    # province, and is told the notice does not cover it. 我在吉林 巡视组电话多少 asks our
    # line by name, and gets it with the note.
    asker_generic: tuple[str, ...] = ("contact", "web")
    phone_topic: str = "phone"
    mail_topic: str = "mail"
