"""``python -m newsstudy`` runs the command line."""

import sys

from newsstudy.cli import main

sys.exit(main())
