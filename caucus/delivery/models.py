"""Models of caucus.delivery."""
