"""Strike authorization and ratification votes: secret, one member one vote, per local, online
and on paper (docs/votes.md). Thin around the ballots engine (caucus.engines.ballots)."""
