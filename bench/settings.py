"""The project's settings for `make bench`: static files collected into a temporary directory, and an
extra admin site (bench/urls.py) so every list can be compared with Django admin's change list."""

import os
from pathlib import Path

from mshn.settings import *  # noqa: F403
from mshn.settings import STATIC_ROOT

STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT") or STATIC_ROOT)
ROOT_URLCONF = "bench.urls"
