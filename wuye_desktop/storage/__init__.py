"""Storage: the SQLAlchemy engine and sessions, the ORM mapping, migrations and backups."""
