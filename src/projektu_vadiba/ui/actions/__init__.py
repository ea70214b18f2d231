"""User actions that are more than one form: each opens what it needs (options, preview) and calls the services."""
