"""docs/maintaining.md, "新一轮巡视", followed from start to finish for another province.

The test writes its own notice (中央第八巡视组 in 湖南省, other phones, PO box, postcode,
dates and hours), copies the shipped FAQ next to it and edits it with the guide's steps
only: replace the facts, replace the old place names, run `check`, fix the lines it
names, run it again. The same code must then answer from the new knowledge, and never
with a Liaoning number.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.answer import Brain

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "knowledge"
GUIDE = ROOT / "docs" / "maintaining.md"
BEIJING = ZoneInfo("Asia/Shanghai")

# What must never be said once the new campaign's knowledge is in place.
OLD = ("024-88881877", "024-88881977", "88881877", "88881977", "6008", "110034",
       "辽宁", "沈阳", "叶青纯", "第三巡视组", "Liaoning", "Shenyang", "Third")  # fmt: skip

PHONES = ("0731-84561234", "0731-84565678")
PO_BOX = "湖南省长沙市第1805号信箱"
POSTCODE = "410001"
LEADER = "周正清"
GROUP = "中央第八巡视组"


def md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def running_period() -> tuple[date, date]:
    """A period around today (Beijing), inside one calendar year, as the FAQ requires."""
    today = datetime.now(BEIJING).date()
    start = max(date(today.year, 1, 1), today - timedelta(days=20))
    end = min(date(today.year, 12, 31), today + timedelta(days=40))
    return start, end


def notice_text(start: date, end: date) -> str:
    """A notice of the same kind as the Liaoning one, for another province."""
    return f"""中央第八巡视组对湖南省开展巡视“回头看”工作动员会召开
根据中央统一部署,中央第八巡视组对湖南省开展巡视“回头看”工作动员会召开。\
中央第八巡视组组长{LEADER}就即将开展的巡视“回头看”作了讲话,省委书记主持会议并作了表态发言。
{LEADER}强调,巡视是政治巡视,巡视组将坚决落实政治巡视要求,发现问题、形成震慑。
据悉,中央巡视组将在湖南省工作2个月。巡视期间({md(start)}—{md(end)})分别设专门值班电话:\
{PHONES[0]};{PHONES[1]},专门邮政信箱:{PO_BOX},邮编:{POSTCODE}。\
巡视组每天受理电话的时间为:早8:30—晚18:00。根据巡视工作条例规定,中央巡视组主要受理反映\
湖南省级领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信来电来访,\
重点是关于违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律等方面的举报和反映。\
其他不属于巡视受理范围的信访问题,将按规定由被巡视地区和有关部门认真处理。
"""


def replace_in_section(text: str, section: str, pairs: list[tuple[str, str]]) -> str:
    """Edit only inside one top-level section (`facts:` …), as the guide's step says."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"{section}:\n")
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[a-z_]+:", lines[i])), len(lines)
    )
    block = "".join(lines[start:end])
    for old, new in pairs:
        assert old in block, f"{old!r} is no longer in {section}: update this test and the guide"
        block = block.replace(old, new)
    return "".join(lines[:start]) + block + "".join(lines[end:])


@dataclass
class Check:
    code: int
    out: str
    err: str


def run_check(faq: Path) -> Check:
    """`python -m bot check FAQ`, as the maintainer runs it."""
    env = {k: v for k, v in os.environ.items() if k != "FAQ_PATH"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(faq)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Check(proc.returncode, proc.stdout, proc.stderr)


def problem_lines(check: Check, faq: Path) -> list[tuple[int, str]]:
    """(line, field) of every `file:line field: message` that check reported."""
    pattern = re.compile(rf"^{re.escape(str(faq))}:(\d+) (\S+): ", re.MULTILINE)
    return [(int(n), field) for n, field in pattern.findall(check.out + check.err)]


def new_campaign(folder: Path, start: date, end: date) -> Path:
    """The guide's steps 1–6, done mechanically; returns the new faq.yaml."""
    faq = enter_facts(folder, start, end)
    # 5. Run check: it names every line that still quotes the old notice.
    first = run_check(faq)
    assert first.code == 2, first.out + first.err
    fix_sources(faq, first, start, end)
    return faq


def enter_facts(folder: Path, start: date, end: date) -> Path:
    """The guide's steps 1–4: copy the FAQ, the new notice, the facts, the place names."""
    # 1. A folder for the new campaign with a copy of the FAQ.
    folder.mkdir()
    faq = folder / "faq.yaml"
    shutil.copy(SHIPPED / "faq.yaml", faq)
    # 2. The new notice, word for word, as notice.txt.
    (folder / "notice.txt").write_text(notice_text(start, end), encoding="utf-8")
    # 3. The facts and their English names.
    text = faq.read_text(encoding="utf-8")
    text = replace_in_section(
        text,
        "facts",
        [
            ("group: 中央第三巡视组", f"group: {GROUP}"),
            ("leader: 叶青纯", f"leader: {LEADER}"),
            ("deputies: [刘维佳, 朱国贤, 陈江]", "deputies: []"),  # this notice names none
            ('"024-88881877", "024-88881977"', f'"{PHONES[0]}", "{PHONES[1]}"'),
            ("辽宁省沈阳市第6008号信箱", PO_BOX),
            ('postcode: "110034"', f'postcode: "{POSTCODE}"'),
            ('open: "08:00"', 'open: "08:30"'),
            ('close: "20:00"', 'close: "18:00"'),
            ("year: 2016", f"year: {start.year}"),
            ("start: 2016-02-27", f"start: {start.isoformat()}"),
            ("end: 2016-04-28", f"end: {end.isoformat()}"),
        ],
    )
    text = replace_in_section(
        text,
        "facts_en",
        [
            ("the Third Central Inspection Group", "the Eighth Central Inspection Group"),
            ("PO Box No. 6008, Shenyang", "PO Box No. 1805, Changsha"),
        ],
    )
    # 4. Find and replace the old place names everywhere (facts, examples, keywords).
    for old, new in [("辽宁", "湖南"), ("沈阳", "长沙"), ("Liaoning", "Hunan"),
                     ("Shenyang", "Changsha")]:  # fmt: skip
        text = text.replace(old, new)
    # Topics about what only the old notice says (its deputies, what it re-examines, the
    # rounds before it, its opening meeting) are deleted, as the guide's step 4 says.
    for topic in ("deputies", "follow_up", "rounds", "first_round", "meeting"):
        text = re.sub(rf"\n  - id: {topic}\n(?:    .*\n|\n(?!  - |#))*", "\n", text)
    faq.write_text(text, encoding="utf-8")
    return faq


def fix_sources(faq: Path, first: Check, start: date, end: date) -> None:
    """The guide's step 6: each line the first check named gets the new notice's words."""
    reported = problem_lines(first, faq)
    assert reported, first.err
    # After the facts, only the quoted source sentences are left to update.
    assert all(field.endswith(".source") for _, field in reported), first.err
    # 6. Fix each named line with the sentence from the new notice.
    sentence = [
        ("024-88881877", PHONES[0]), ("024-88881977", PHONES[1]),
        ("第6008号信箱", "第1805号信箱"), ("110034", POSTCODE),
        ("早8:00—晚20:00", "早8:30—晚18:00"), ("2月27日—4月28日", f"{md(start)}—{md(end)}"),
        ("中央第三巡视组", GROUP), ("叶青纯", LEADER),
    ]  # fmt: skip
    lines = faq.read_text(encoding="utf-8").splitlines(keepends=True)
    for n, _field in reported:
        for old, new in sentence:
            lines[n - 1] = lines[n - 1].replace(old, new)
    faq.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, date, date]:
    start, end = running_period()
    faq = new_campaign(tmp_path_factory.mktemp("campaign") / "knowledge-hunan", start, end)
    return faq, start, end


def test_the_guide_describes_these_steps() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for step in ("notice.txt", "facts", "facts_en", "python -m bot check", "source", "12388"):
        assert step in guide, step


def test_check_passes_after_the_guide(running: tuple[Path, date, date]) -> None:
    faq, _, _ = running
    result = run_check(faq)
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[-1] == "通过:每个例句和测试都答对了"
    assert "已于" not in result.err  # the period is running: no "ended on" warning


def test_the_bot_answers_with_the_new_facts(running: tuple[Path, date, date]) -> None:
    faq, start, end = running
    brain = Brain.load(faq)
    morning = datetime.combine(start + timedelta(days=1), datetime.min.time(), BEIJING)
    now = morning.replace(hour=10)

    phone = brain.answer("值班电话是多少", now)
    assert phone.topics == ("phone",)
    assert all(p in phone.text for p in PHONES)
    mail = brain.answer("举报信寄到哪里,邮编多少", now)
    assert PO_BOX in mail.text and POSTCODE in mail.text
    hours = brain.answer("几点到几点接电话", now)
    assert "8:30" in hours.text and "18:00" in hours.text
    period = brain.answer("巡视到什么时候结束", now)
    assert md(start) in period.text and md(end) in period.text
    group = brain.answer("组长是谁", now)
    assert LEADER in group.text and GROUP in group.text
    assert "湖南" in brain.answer("巡视组管哪些人", now).text

    # The new hours drive "can I call now?": 19:00 was open in Liaoning, not here.
    assert "现在在受理时间内" in brain.answer("现在能打电话吗", now).text
    late = brain.answer("现在能打电话吗", morning.replace(hour=19))
    assert "现在不在受理时间内" in late.text and "8:30" in late.text

    english = brain.answer("where do I send a letter", now)
    assert english.lang == "en" and "PO Box No. 1805, Changsha" in english.text


def test_no_liaoning_fact_is_ever_said(running: tuple[Path, date, date]) -> None:
    faq, start, _ = running
    brain = Brain.load(faq)
    now = datetime.combine(start, datetime.min.time(), BEIJING).replace(hour=12)
    intents = brain.knowledge.intents
    replies = [brain.topic(i.id, now, lang) for i in intents for lang in ("zh", "en")]
    replies += [brain.message(name, now) for name in brain.knowledge.messages]
    replies += [brain.answer(q, now) for i in brain.knowledge.intents for q in i.examples]
    replies += [brain.answer(t.q, now) for t in brain.knowledge.tests]
    assert len(replies) > 100
    for reply in replies:
        leaked = [old for old in OLD if old in reply.text]
        assert not leaked, (leaked, reply.text)


def test_provenance_catches_a_number_not_in_the_new_notice(
    running: tuple[Path, date, date], tmp_path: Path
) -> None:
    faq, _, _ = running
    planted = tmp_path / "faq.yaml"
    shutil.copy(faq.parent / "notice.txt", tmp_path / "notice.txt")
    text = faq.read_text(encoding="utf-8")
    # A typo in a phone fact, and a number typed straight into an answer.
    text = text.replace(PHONES[1], "0731-84569999", 1)
    text = text.replace("信封上写清信箱号和邮编即可寄出。", "也可拨打0731-22223333。", 1)
    planted.write_text(text, encoding="utf-8")

    result = run_check(planted)
    assert result.code == 2
    fields = dict((f, n) for n, f in problem_lines(result, planted))
    assert "facts.phones[1]" in fields
    assert any(f.endswith(".answer") for f in fields), result.err
    lines = text.splitlines()
    assert "0731-84569999" in lines[fields["facts.phones[1]"] - 1]
    assert "0731-84569999" in result.err and "0731-22223333" in result.err


def test_an_ended_campaign_warns_and_points_to_the_standing_channel(
    running: tuple[Path, date, date], tmp_path: Path
) -> None:
    faq, start, end = running
    # The same campaign, as if it had run in 2020 (a leap year: every month-day exists).
    shutil.copy(faq.parent / "notice.txt", tmp_path / "notice.txt")
    old_start, old_end = start.replace(year=2020), end.replace(year=2020)
    text = faq.read_text(encoding="utf-8")
    text = replace_in_section(
        text,
        "facts",
        [
            (f"year: {start.year}", "year: 2020"),
            (f"start: {start.isoformat()}", f"start: {old_start.isoformat()}"),
            (f"end: {end.isoformat()}", f"end: {old_end.isoformat()}"),
        ],
    )
    ended = tmp_path / "faq.yaml"
    ended.write_text(text, encoding="utf-8")

    result = run_check(ended)
    assert result.code == 0, result.out + result.err
    assert f"这一轮巡视已于 {old_end.isoformat()} 结束" in result.err

    brain = Brain.load(ended)
    now = datetime.now(BEIJING)
    reply = brain.answer("值班电话是多少", now)
    # Still the facts, marked as those of that campaign; then the standing channel.
    assert all(p in reply.text for p in PHONES)
    assert "已经结束" in reply.text or "已于" in reply.text
    assert "12388" in reply.text
    call = brain.answer("现在能打电话吗", now)
    assert "12388" in call.text and "现在在受理时间内" not in call.text
    english = brain.answer("what is the phone number", now)
    assert "ended" in english.text and "12388" in english.text


def test_check_warns_about_the_old_campaigns_leftovers(running: tuple[Path, date, date]) -> None:
    """The guide's steps leave the old leader, group, box and postcode in keywords and
    examples: check still passes (they are warnings) but names each, at its line."""
    faq, _, _ = running
    result = run_check(faq)
    assert result.code == 0, result.out + result.err
    warned = re.findall(
        rf"^{re.escape(str(faq))}:(\d+) (\S+): .*?里的\S+?“([^”]+)”在 \S+ 里没有$",
        result.err,
        re.MULTILINE,
    )
    names = {name for _, _, name in warned}
    assert {"叶青纯", "第三巡视组", "6008", "110034"} <= names, result.err
    assert "回头看" not in names  # this notice is a 回头看 too
    lines = faq.read_text(encoding="utf-8").splitlines()
    for line, field, name in warned:
        assert name in lines[int(line) - 1], (line, field, name)
        assert ".keywords[" in field or ".examples[" in field
    assert "条提醒(不算错误)" in result.err
