"""Strike readiness, for organizers: assessments, pledges and structure tests, the wall chart,
the readiness dashboard and the strike notice."""
