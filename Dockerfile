# The FAQ bot in a container: `docker build -t inspection-faq-bot .`
# Runs `python -m bot run` as a non-root user; the FAQ is baked in at /app/knowledge and can be
# replaced without a rebuild by mounting a folder and pointing FAQ_PATH at it (see compose.yaml).

# ---- builder: a virtualenv holding the locked dependencies, then the project's wheel ----
FROM python:3.11.17-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1
# The venv has no pip or setuptools of its own: the builder's pip installs into it (--python),
# so what the runtime stage copies holds the bot and its dependencies only.
RUN python -m venv --without-pip /venv
WORKDIR /src

# Dependencies first, from the hashed locks alone: this layer is rebuilt when a lock changes, not
# on every edit of the source or the FAQ, and two builds a month apart install the same files.
# build.txt: the pinned setuptools that builds the wheel below, in the builder only.
COPY requirements/run.txt requirements/build.txt ./requirements/
RUN pip install --no-cache-dir --require-hashes -r requirements/build.txt \
 && pip --python /venv/bin/python install --no-cache-dir --require-hashes -r requirements/run.txt

# Then the package itself, as a wheel holding only `bot/` (the FAQ is data, read from FAQ_PATH).
# --no-deps: everything it needs is already in the layer above; --no-build-isolation: built with
# the locked setuptools instead of whatever version is newest today.
COPY pyproject.toml README.md ./
COPY bot/ ./bot/
RUN pip wheel --no-cache-dir --no-deps --no-build-isolation --wheel-dir /wheels . \
 && pip --python /venv/bin/python install --no-cache-dir --no-deps /wheels/*.whl

# ---- runtime: the base image without pip, tzdata, the venv and the knowledge folder ----
FROM python:3.11.17-slim-bookworm

# tzdata is left unpinned on purpose: time zone rules must track Debian's security updates, and an
# exact pin goes stale and then stops building once Debian drops that version from the archive.
# The base image's own pip, setuptools and wheel (and ensurepip's copies of them) are removed: the
# bot installs nothing at run time, and a package manager is one more thing to patch.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && python -m pip uninstall --yes --no-cache-dir pip setuptools wheel \
 && rm -rf /usr/local/lib/python3.11/ensurepip/_bundled \
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
    FAQ_PATH=/app/knowledge/faq.yaml \
    BOT_LISTEN=0.0.0.0

WORKDIR /app
USER 10001:10001

# No HEALTHCHECK: in polling mode there is no port to probe, and `python -m bot check` tests the FAQ
# on disk (which the bot refuses to load when broken, keeping its last good version), not whether
# the process is alive. A crash ends the process, and the restart policy brings it back.
CMD ["python", "-m", "bot", "run"]
