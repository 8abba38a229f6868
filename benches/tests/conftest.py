"""The benchmark scripts are programs, not a package: their directory is put
on the path so that the tests import them as the scripts import each other."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
