"""The administration dialog: company, users, audit log (administrators only)."""
