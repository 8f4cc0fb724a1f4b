"""Crash tests (issue 11): the program is SIGKILLed at random moments after Qt's file dialog has
listed the database's folder while a second desk keeps opening and closing the database.

``worker`` is the killed program, ``meddler`` the second desk, ``harness`` runs and checks one
kill, ``run`` is the full run (``python -m tests.crash.run --runs 20``), ``test_crash`` the fast
subset of the suite. docs/crash-tests.md tells how to use them.
"""
