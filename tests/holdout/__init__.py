"""The holdout corpus: SOC reports, bridge letters and look-alike documents in house styles the extractor was
not tuned on (templates vantwell, oakhurst, praxis, greystoke, bellmoor and new letters), with ground truth in
the main corpus's format (notes/CORPUS_CONTRACT.md). `build_holdout(out_dir)` builds it, cached by source hash.
"""

from .corpus import DEFAULT_OUT, build_holdout

__all__ = ["DEFAULT_OUT", "build_holdout"]
