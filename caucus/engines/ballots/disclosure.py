"""Which counts a published result withholds, so that no group of fewer than ``least`` voters
has its counts shown, directly or by subtraction.

Hiding a small local's counts alone is not enough: its yes and no are the locals' total less
every other local's, and a hidden paper count is the local's total less its online one. So
each hidden set is made large enough that what subtraction gives is a sum over at least
``least`` voters (or nothing at all), the complementary suppression of statistical tables:

- **Locals.** A local where fewer than ``least`` voted is withheld (``FEW``). When what the
  withheld locals add up to is still fewer than ``least`` voters, and the locals' total is
  shown, one more figure goes (``COMPLEMENT``): the total itself when each local decides on its
  own (scope "local": the total decides nothing), else the smallest locals still shown, until
  the withheld ones add up to ``least`` or more.
- **Channels** (online, paper, challenged) within a shown local: a channel of fewer than
  ``least`` ballots is withheld, and while the withheld ones add up to fewer than ``least``,
  the smallest channel still shown goes too.

Pure: counts in, the withheld keys (and why) out. caucus.votes.results applies it to pages and
the API alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from caucus.engines.ballots.rules import COALITION, Scope

Withheld = Literal["few", "complement"]
FEW: Withheld = "few"  # the group itself is fewer than the least
COMPLEMENT: Withheld = "complement"  # withheld so that a smaller group's cannot be worked out


def withheld_bodies(
    turnouts: Mapping[str, int], coalition: int, scope: Scope, least: int
) -> dict[str, Withheld]:
    """Each withheld body's key (a local's, or ``"coalition"`` for the locals' total) and why,
    from each local's turnout (``turnout_count``), the coalition's, and the vote's scope."""
    withheld: dict[str, Withheld] = {k: FEW for k, n in turnouts.items() if n < least}
    if coalition < least:
        withheld[COALITION] = FEW
        return withheld
    hidden = sum(turnouts[k] for k in withheld)
    if not 0 < hidden < least:
        return withheld
    if scope == "local":
        withheld[COALITION] = COMPLEMENT
        return withheld
    for key in sorted((k for k in turnouts if k not in withheld), key=lambda k: (turnouts[k], k)):
        withheld[key] = COMPLEMENT
        hidden += turnouts[key]
        if hidden >= least:
            break
    return withheld


def withheld_channels(ballots: Mapping[str, int], least: int) -> dict[str, Withheld]:
    """Each withheld channel of one shown body and why, from its ballots by channel."""
    withheld: dict[str, Withheld] = {c: FEW for c, n in ballots.items() if 0 < n < least}
    hidden = sum(ballots[c] for c in withheld)
    shown = sorted((c for c, n in ballots.items() if n >= least), key=lambda c: (ballots[c], c))
    for channel in shown:
        if not 0 < hidden < least:
            break
        withheld[channel] = COMPLEMENT
        hidden += ballots[channel]
    return withheld
