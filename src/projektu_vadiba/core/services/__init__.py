"""Use cases. Each function takes a Session (the caller owns the transaction: `with db.session() as s:`),
does one thing, and returns frozen DTOs from `core.dto`."""
