"""Team mode's screens: the users and their roles (administrators only)."""
