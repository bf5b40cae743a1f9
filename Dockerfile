# Postpact: python -m bot, as a non-root user, with the database on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/postpact.sqlite3 \
    METRICS_PORT=9090 \
    METRICS_LISTEN=0.0.0.0

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
EXPOSE 9090
# Liveness from inside the container: /healthz answers while the event loop does. Python's urllib,
# since the slim image has no curl; METRICS_PORT is read at check time, so overriding it still works.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('METRICS_PORT', '9090') + '/healthz', timeout=4)"]
CMD ["python", "-m", "bot"]
