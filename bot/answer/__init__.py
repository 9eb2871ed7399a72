"""The one place that decides what the bot says: `answer(text, now) -> Reply`.

Telegram, the terminal and the evaluation all call `Brain.answer`, so a behaviour is written
once and the evaluation measures exactly what users get.

- `brain`: the decision (what a message is: a report, outside the notice's boundary, a number
  quoted back, topics, a route, or nothing understood);
- `phrasing`: the texts of the replies that are composed rather than written in the FAQ;
- `quoted`: numbers of the notice quoted back, and near misses of them;
- `tuning`: the thresholds of the decision, in one value.
"""

from bot.answer.brain import Brain, answer, default_brain
from bot.answer.tuning import LOW_CONFIDENCE, Tuning

__all__ = ["LOW_CONFIDENCE", "Brain", "Tuning", "answer", "default_brain"]
