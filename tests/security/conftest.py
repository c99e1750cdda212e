import logging

import pytest


@pytest.fixture(autouse=True)
def _quiet_request_log():
    """The access tests answer thousands of 404s and 405s on purpose: keep the log for real errors."""
    logger = logging.getLogger("django.request")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(previous)
