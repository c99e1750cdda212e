#!/usr/bin/env bash
# The scale seed and the load benchmark at a small size, as CI runs them (.ci/run). It asserts nothing about
# time: it fails only when something cannot run — the seed, migrations, gunicorn, wrk, or a page that does not
# answer 200 (load.py stops on it). The figures it prints are for reading, not for judging.
#
#   scripts/bench_smoke.sh                      # CI: scratch database femi_bench_smoke, Redis dbs 4 and 5
#   BENCH_DB=mine BENCH_REDIS=redis://127.0.0.1:6379 BENCH_REDIS_DBS="12 13" PYTHON=/path/python scripts/bench_smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
db="${BENCH_DB:-femi_bench_smoke}"
read -r cache_db broker_db <<<"${BENCH_REDIS_DBS:-4 5}"
redis="${BENCH_REDIS:-redis://127.0.0.1:6379}"
started=$(date +%s)

dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
trap 'dropdb -h 127.0.0.1 -U postgres --if-exists "$db"' EXIT
redis-cli -n "$cache_db" flushdb >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" REDIS_URL="$redis/$cache_db" \
  CELERY_BROKER_URL="$redis/$broker_db"
"$python" manage.py migrate --noinput -v0
"$python" manage.py seed_scale --practices 300 --pledges 300 --contributions 600 --users 300
"$python" benchmarks/load.py --duration 1 --ceiling-once --workers 2 --port "${BENCH_PORT:-8119}"
redis-cli -n "$cache_db" flushdb >/dev/null
echo "benchmark smoke run: $(( $(date +%s) - started )) s"
