"""The people area: registry with as-you-type search, an event's attendance checklist, spreadsheet import."""
