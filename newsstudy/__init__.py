"""newsstudy: study how Arabic-language news media report a story.

Stages, each one module: ``corpus`` (load) → ``normalize`` → ``clean`` →
``duplicates`` → ``attribution`` → ``topics``, with ``plotting`` beside them and
``pipeline.run_study`` chaining them.
"""

from newsstudy.errors import CorpusError

__version__ = "0.1.0"

__all__ = ["CorpusError", "__version__"]
