"""Models of caucus.readiness."""
