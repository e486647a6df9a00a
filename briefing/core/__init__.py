"""The pure core: documents in, sentences, summaries and figures out.

Nothing under ``briefing.core`` imports Textual or Rich; an import-linter contract and
a test hold that line.
"""
