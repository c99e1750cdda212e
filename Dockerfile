# FEMI Portal production image: one image for web (gunicorn), Celery worker, Celery beat and migrations.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# WeasyPrint needs Pango; Noto fonts render Arabic, Chinese and Russian PDFs.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 femi
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY --chown=femi:femi . .
COPY --from=assets --chown=femi:femi /build/node_modules ./node_modules
# collectstatic and the translation catalogues are built into the image (dummy secrets: build time only).
RUN DJANGO_ENV=production SECRET_KEY=build-only ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py compile_translations \
    && DJANGO_ENV=production SECRET_KEY=build-only ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R femi:femi /app/var
USER femi
EXPOSE 8000
CMD ["gunicorn", "femi_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
