"""One router per area of the API, each mounted under ``/api/`` by ``caucus.api.api``."""
