# Postpact: python -m bot, as a non-root user, with the database on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/postpact.sqlite3

RUN useradd --create-home --uid 10001 postpact \
    && mkdir /data && chown postpact:postpact /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY migrations ./migrations
# Includes matplotlib; the font for Chinese (a Noto Sans CJK SC subset, OFL) ships inside bot/pictures/fonts.
RUN pip install .

USER postpact
VOLUME ["/data"]
CMD ["python", "-m", "bot"]
