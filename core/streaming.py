"""Streamed downloads: CSV and JSON bodies produced row by row, so an export of any size keeps memory flat."""

import csv
import json

from django.http import StreamingHttpResponse


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a generator."""

    def write(self, value):
        return value


def csv_lines(rows, *, bom=False):
    """CSV text, one chunk per row (`rows` yields lists of values); an optional BOM first for spreadsheets."""
    if bom:
        yield "\ufeff"
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)


def json_object_lines(head, key, records):
    """A JSON object with the `head` members, then `key` holding the array of `records`, streamed record by
    record (each element is serialised on its own: memory stays flat whatever the number of records)."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield (opening + ", " if head else "{") + json.dumps(key) + ": ["
    for i, record in enumerate(records):
        yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def streamed_download(chunks, *, content_type, filename):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
