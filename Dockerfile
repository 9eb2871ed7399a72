# The FAQ bot in a container: `docker build -t inspection-faq-bot .`
# Runs `python -m bot run` as a non-root user; the FAQ is baked in at /app/knowledge and can be
# replaced without a rebuild by mounting a folder and pointing FAQ_PATH at it (see compose.yaml).

# ---- builder: a virtualenv holding the dependencies, then the project's wheel ----
FROM python:3.11.17-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
WORKDIR /src

# Dependencies first, read from pyproject.toml alone: this layer is rebuilt when the dependency
# list changes, not on every edit of the source or the FAQ.
COPY pyproject.toml ./
RUN python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > /tmp/requirements.txt \
 && /venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt

# Then the package itself, as a wheel holding only `bot/` (the FAQ is data, read from FAQ_PATH).
# --no-deps: everything it needs is already in the layer above.
COPY README.md ./
COPY bot/ ./bot/
RUN /venv/bin/pip wheel --no-cache-dir --no-deps --wheel-dir /wheels . \
 && /venv/bin/pip install --no-cache-dir --no-deps /wheels/*.whl

# ---- runtime: the base image, tzdata, the venv and the knowledge folder ----
FROM python:3.11.17-slim-bookworm

# tzdata is left unpinned on purpose: time zone rules must track Debian's security updates, and an
# exact pin goes stale and then stops building once Debian drops that version from the archive.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 bot \
 && useradd --system --uid 10001 --gid bot --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin bot \
 && mkdir -p /app/data \
 && chown bot:bot /app/data

COPY --from=builder /venv /venv
# Owned by root and so read-only for the bot: it reads its FAQ and never writes it.
COPY knowledge/ /app/knowledge/

# /app/data is the one writable place, for the opt-in UNANSWERED_LOG (mount a volume there).
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FAQ_PATH=/app/knowledge/faq.yaml

WORKDIR /app
USER 10001:10001

# No HEALTHCHECK: in polling mode there is no port to probe, and `python -m bot check` tests the FAQ
# on disk (which the bot refuses to load when broken, keeping its last good version), not whether
# the process is alive. A crash ends the process, and the restart policy brings it back.
CMD ["python", "-m", "bot", "run"]
