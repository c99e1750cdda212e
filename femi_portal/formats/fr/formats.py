from femi_portal.formats.en.formats import *  # noqa: F403 - the same UN style as English
