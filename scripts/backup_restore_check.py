#!/usr/bin/env python
"""Prove the README's backup procedure on a real PostgreSQL database: dump, restore, compare.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python scripts/backup_restore_check.py

Steps: migrate and seed the demo data into DATABASE_URL (skip with --no-seed to check a database as it is),
`pg_dump --format=custom` it, `pg_restore` the dump into a fresh database `<name>_restore_check`, then compare the
exact row count of every table and the position of every sequence between the two. Prints the comparison;
exits 1 when anything differs (or the source holds no rows at all), 0 when the restore is identical. The restore
database and the dump are removed at the end, whatever happened.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent

TABLES = """
    SELECT schemaname, tablename FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2
"""
SEQUENCES = """
    SELECT schemaname, sequencename, coalesce(last_value, 0) FROM pg_sequences
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2
"""


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url):
    return urlsplit(url).path.lstrip("/")


def run(*command, env=None):
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, **(env or {})})


def seed(url):
    manage = [sys.executable, "manage.py"]
    env = {"DATABASE_URL": url}
    run(*manage, "migrate", "--noinput", "-v", "0", env=env)
    run(*manage, "seed_demo", env={**env, "DEBUG": ""})


def snapshot(url):
    """{("table", schema.name): rows, ("sequence", schema.name): last value} of the database at `url`."""
    figures = {}
    with psycopg.connect(url, autocommit=True) as conn:
        for schema, table in conn.execute(TABLES).fetchall():
            query = sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
            figures[("table", f"{schema}.{table}")] = conn.execute(query).fetchone()[0]
        for schema, sequence, last in conn.execute(SEQUENCES).fetchall():
            figures[("sequence", f"{schema}.{sequence}")] = last
    return figures


def admin(url, statement, name):
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL(statement).format(sql.Identifier(name)))


def compare(source, restored):
    """Print one line per table and sequence; return the number of differences."""
    width = max((len(name) for _, name in source | restored), default=4)
    print(f"{'kind':<9} {'name':<{width}} {'source':>9} {'restored':>9}")
    differences = 0
    for key in sorted(source.keys() | restored.keys()):
        before, after = source.get(key, "missing"), restored.get(key, "missing")
        same = before == after
        differences += not same
        print(f"{key[0]:<9} {key[1]:<{width}} {before!s:>9} {after!s:>9}{'' if same else '  <-- DIFFERENT'}")
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-seed", action="store_true", help="check DATABASE_URL as it is")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at a PostgreSQL database (postgres://user@host:port/name).")
    restore_name = f"{database_name(url)}_restore_check"
    restore_url = with_database(url, restore_name)
    started = time.monotonic()
    if not args.no_seed:
        seed(url)
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "femi.dump"
        admin(url, "DROP DATABASE IF EXISTS {}", restore_name)
        try:
            run("pg_dump", "--format=custom", f"--file={dump}", url)
            source = snapshot(url)
            admin(url, "CREATE DATABASE {}", restore_name)
            run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={restore_url}",
                str(dump))
            restored = snapshot(restore_url)
            size = dump.stat().st_size
        finally:
            admin(url, "DROP DATABASE IF EXISTS {} WITH (FORCE)", restore_name)
    differences = compare(source, restored)
    tables = [key for key in source if key[0] == "table"]
    rows = sum(source[key] for key in tables)
    print(f"\n{len(tables)} tables, {rows} rows, dump {size / 1024:.0f} KiB, {time.monotonic() - started:.1f} s")
    if rows == 0:
        print("FAILED: the source database holds no rows; nothing was proved.")
        return 1
    if differences:
        print(f"FAILED: {differences} table(s) or sequence(s) differ after restore.")
        return 1
    print("OK: the restore is identical (row counts of every table, every sequence).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
