"""The Telegram front end: python-telegram-bot Application, handlers, pacing."""
