"""The pure core: documents in, sentences, summaries and figures out.

Nothing under ``briefing.core`` imports Textual or Rich; an import-linter contract and
a test hold that line.
"""

import os as _os

# The summarizers multiply matrices of a few dozen sentences: BLAS threads only add
# overhead there, and they oversubscribe the cores that `--jobs` workers already use.
# Set before numpy is first imported; a user's own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")
