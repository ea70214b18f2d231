"""Team mode on a shared PostgreSQL: database roles, row-level security, the audit log and what the connected user
may do. Every rule lives in the database (core/team/policies.py); the app only reads it (core/team/access.py)."""
