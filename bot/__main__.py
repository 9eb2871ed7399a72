"""Command line: `python -m bot [run|chat|ask|check|eval|review|init]`.

Each verb lives in its own module and is imported only when used, so a terminal
chat never pays for importing the Telegram stack. `.env` in the working directory is
read first (the real environment wins), so `make run` sees the token put there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.settings import load_env_file

PROG = "python -m bot"
# The verbs that read the FAQ at FAQ_PATH (init writes a new one instead).
READS_FAQ = frozenset({"run", "chat", "ask", "check", "eval", "review"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="中央巡视组公告问答机器人 / FAQ bot for the inspection group's notice",
    )
    verbs = parser.add_subparsers(dest="verb")

    verbs.add_parser("run", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    verbs.add_parser("chat", help="chat in the terminal (also reads piped lines)")

    ask = verbs.add_parser("ask", help="print the replies to questions")
    ask.add_argument("questions", nargs="*", help="questions; none with --jsonl")
    ask.add_argument("--jsonl", action="store_true", help='read {"text": …} lines on stdin')

    check = verbs.add_parser("check", help="validate the FAQ and test its examples")
    check.add_argument("faq", nargs="?", help="FAQ file (default: FAQ_PATH)")
    check.add_argument("-v", "--verbose", action="store_true", help="list every failure")

    ev = verbs.add_parser("eval", help="accuracy on a question set, per category")
    ev.add_argument("data", nargs="?", default="tests/data/questions.yaml")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every failure")

    init = verbs.add_parser("init", help="write a campaign folder (faq.yaml) from a notice")
    init.add_argument("notice", help="the notice, a UTF-8 text file")
    init.add_argument("--out", required=True, help="the new campaign's folder")
    init.add_argument("--year", type=int, help="the year, when the notice gives only month-day")

    review = verbs.add_parser("review", help="group the logged unanswered questions")
    review.add_argument("--yaml", action="store_true", help="print YAML snippets to paste")
    return parser


def missing_faq(explicit: str | None) -> str | None:
    """The one line to show when no FAQ can be found, else None.

    Outside the repository (the installed `inspection-faq-bot`, a container without its
    knowledge folder) the default `knowledge/faq.yaml` is not there: say to set FAQ_PATH
    rather than print a file error the operator has to decode."""
    if explicit or os.environ.get("FAQ_PATH", "").strip():
        return None  # a path was given: a problem with it is reported as the file's own
    from bot.knowledge import default_path

    faq = default_path()
    if faq.is_file():
        return None
    return (
        f"no FAQ at {faq} (looked in {Path.cwd()}): set FAQ_PATH to your faq.yaml, "
        "with notice.txt beside it (e.g. FAQ_PATH=/srv/knowledge/faq.yaml)"
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    load_env_file(Path(".env"))
    verb = args.verb or ("run" if os.environ.get("TELEGRAM_BOT_TOKEN") else "chat")
    problem = missing_faq(getattr(args, "faq", None)) if verb in READS_FAQ else None
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    if verb == "run":
        from bot.tg.app import main as run_main

        return run_main()
    if verb in ("chat", "ask"):
        from bot import console

        return console.chat() if verb == "chat" else console.ask(args.questions, args.jsonl)
    if verb == "check":
        from bot.check import main as check_main
        from bot.settings import SettingsError, faq_paths

        try:
            listed = faq_paths(os.environ.get("FAQ_PATH"))
        except SettingsError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return 2
        # Every campaign FAQ_PATH lists, each on its own; the worst status wins.
        faqs = [args.faq] if args.faq else [str(p) for p in listed]
        return max(check_main(faq, verbose=args.verbose) for faq in faqs or [None])
    if verb == "eval":
        from bot.evaluate import main as eval_main

        return eval_main(args.data, verbose=args.verbose)
    if verb == "init":
        from bot.scaffold import main as init_main

        return init_main(args.notice, args.out, args.year)
    if verb == "review":
        from bot.review import main as review_main

        return review_main(as_yaml=args.yaml)
    raise AssertionError(verb)


if __name__ == "__main__":
    sys.exit(main())
