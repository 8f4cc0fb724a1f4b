"""The frozen program's entry point (installer/wuye.spec): the same ``main`` as ``wuye``."""

from __future__ import annotations

import multiprocessing
import sys

from wuye_desktop.cli import main

if __name__ == "__main__":
    # A frozen Windows program must not start itself again if anything uses multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
