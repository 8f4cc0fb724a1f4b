"""The public-income ledger (DESIGN.md §3 "Public income"): one service function per action.

Money is whole fen (int) everywhere; entries are never edited or deleted; each community's
entries form a SHA-256 chain that :mod:`.chain` verifies.
"""
