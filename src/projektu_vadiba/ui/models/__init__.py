"""Qt table models over service results (lists of DTOs); one model per list, sorted and filtered by a proxy."""
