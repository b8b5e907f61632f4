"""What the employer promised in the contract (hires, profit-sharing minimums, new sites),
tracked against its own reports and the union's counts."""
