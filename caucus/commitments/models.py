"""Models of caucus.commitments."""
