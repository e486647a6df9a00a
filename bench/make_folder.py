"""Make a folder of N documents from the BBC dev articles (repeated with a counter line).

    python bench/make_folder.py ../shared/data/bbc-dev/articles /tmp/briefing-10k [-n 10000]
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=10_000)
    args = ap.parse_args()
    sources = sorted(Path(args.articles).glob("*.txt"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        src = sources[i % len(sources)]
        data = src.read_bytes()
        if i >= len(sources):  # a distinct document: same story, new copy number
            data = data + f"\n\nCopy {i // len(sources)} of this article.\n".encode()
        sub = out / f"part{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}_{src.name}").write_bytes(data)
    print(f"{args.n} documents in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
