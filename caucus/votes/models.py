"""Models of caucus.votes."""
