"""Ballots benchmark: a tally of 85,000 sealed ballots across 12 locals, from the sealed ballots
to the outcome (open in a shuffled order, count per option and per local, build each local's
tally, apply a coalition rule with a turnout switch and a two-thirds local), and sealing
throughput. The floor beside it is libsodium's own opening loop (``SealedBox.decrypt`` on every
ballot, nothing else): no opening can cost less, so the gap is what shuffling, unpadding,
counting and deciding add. No peer library is run: none is installed that opens the same
ballots (a hand-built X25519 + AES-GCM opening with ``cryptography`` would need a new dependency
for a comparison of ciphers, not of tallies).
"""

from __future__ import annotations

import random
import time

from nacl.public import SealedBox

from bench.report import median, write_section
from caucus.engines.ballots.decide import decide
from caucus.engines.ballots.keys import (
    load_trustee_file,
    new_private_key,
    public_key_bytes,
    trustee_file,
)
from caucus.engines.ballots.receipts import receipt_code, roll_hash
from caucus.engines.ballots.rule_file import parse_rules
from caucus.engines.ballots.sealing import SealedBallot, open_ballots, seal_choice
from caucus.engines.ballots.tallies import Tally

BALLOTS = 85_000
LOCALS = 12
OPTIONS = ["yes", "no", "blank"]
TARGET_SECONDS = 30.0
RULES = parse_rules(
    {
        "name": "Bench ratification",
        "scope": "both",
        "default": {"threshold": "majority", "quorum": "1/4"},
        "locals": {"local-12": {"threshold": "2/3"}},
        "coalition": {
            "threshold": "majority",
            "switch": {"turnout": "1/2", "below": {"reject_at_least": "2/3"}},
        },
    }
)


def _ballots(public_key: bytes) -> tuple[list[SealedBallot], dict[str, int], float]:
    """85,000 sealed ballots spread unevenly over 12 locals, each local's eligible count, and
    the seconds the sealing took."""
    rng = random.Random(2026)
    weights = [rng.uniform(0.3, 2.0) for _ in range(LOCALS)]
    locals_ = rng.choices([f"local-{i + 1}" for i in range(LOCALS)], weights, k=BALLOTS)
    choices = rng.choices(OPTIONS, [0.62, 0.34, 0.04], k=BALLOTS)
    start = time.perf_counter()
    sealed = [seal_choice(public_key, c) for c in choices]
    seconds = time.perf_counter() - start
    ballots = [SealedBallot(s, loc) for s, loc in zip(sealed, locals_, strict=True)]
    voted = {loc: locals_.count(loc) for loc in set(locals_)}
    eligible = {loc: int(n / rng.uniform(0.45, 0.8)) for loc, n in voted.items()}
    return ballots, eligible, seconds


def _tally(key, ballots: list[SealedBallot], eligible: dict[str, int]):  # type: ignore[no-untyped-def]
    opening = open_ballots(key, ballots, OPTIONS)
    return decide(RULES, [opening.tally(loc, n) for loc, n in sorted(eligible.items())])


def _timed(fn, repeat: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    key = new_private_key()
    start = time.perf_counter()
    loaded = load_trustee_file(trustee_file(key, "bench passphrase"), "bench passphrase")
    key_file = time.perf_counter() - start
    ballots, eligible, seal_seconds = _ballots(public_key_bytes(key))
    outcome = _tally(loaded, ballots, eligible)  # warm-up, and the figures to check
    assert sum(r.yes + r.no + r.void for r in outcome.locals) == BALLOTS
    wall, cpu = _timed(lambda: _tally(loaded, ballots, eligible), repeat=3)
    box = SealedBox(loaded)
    floor, floor_cpu = _timed(lambda: [box.decrypt(b.sealed) for b in ballots], repeat=3)
    sealed = [b.sealed for b in ballots]
    receipts, _ = _timed(lambda: [receipt_code(s) for s in sealed], repeat=3)
    roll, _ = _timed(lambda: roll_hash(f"member-{i:06d}" for i in range(BALLOTS)), repeat=3)
    decided, _ = _timed(lambda: decide(RULES, _local_tallies(outcome)), repeat=7)
    tally = median(wall)
    lines = [
        f"{BALLOTS:,} sealed ballots (yes, no, blank) across {LOCALS} locals, scope both: a",
        "majority with a quorum of 1/4 in every local, two thirds in one, and a coalition-wide",
        "majority with a turnout switch. Median of 3 runs after 1 warm-up, wall clock with",
        "this process's CPU time beside it.",
        "",
        "| step | median | ballots/s |",
        "|---|---:|---:|",
        f"| tally: open (shuffled) + count + tallies + rules | {tally:.2f} s ({median(cpu):.2f} s CPU) | {BALLOTS / tally:,.0f} |",
        f"| floor: `SealedBox.decrypt` on every ballot, nothing else | {median(floor):.2f} s ({median(floor_cpu):.2f} s CPU) | {BALLOTS / median(floor):,.0f} |",
        f"| sealing, one ballot at a time (one run) | {seal_seconds:.2f} s | {BALLOTS / seal_seconds:,.0f} |",
        f"| receipt codes of every ballot | {median(receipts):.3f} s | {BALLOTS / median(receipts):,.0f} |",
        f"| roll hash of {BALLOTS:,} voter keys | {median(roll):.3f} s | – |",
        f"| rules alone on {LOCALS} tallies | {median(decided) * 1e3:.2f} ms | – |",
        f"| trustee file written and read back (Argon2id, interactive limits) | {key_file:.2f} s | – |",
        "",
        f"The tally costs {median(cpu) / median(floor_cpu):.2f}x the floor in CPU time: shuffling,",
        "unpadding and counting add the rest; applying the rules is negligible. Target: the tally of",
        f"{BALLOTS:,} ballots in at most {TARGET_SECONDS:.0f} s: "
        f"{'met' if tally <= TARGET_SECONDS else 'missed'} ({tally:.1f} s). "
        f"The bench vote {outcome.reason}.",
        "No peer is run: no installed library opens these ballots another way (see the",
        "module docstring of `bench/bench_ballots.py`).",
    ]
    print("\n".join(lines), flush=True)
    write_section("ballots", "## Ballots: opening and tallying\n\n" + "\n".join(lines))


def _local_tallies(outcome):  # type: ignore[no-untyped-def]
    return [Tally(r.key, r.eligible, r.yes, r.no, r.void) for r in outcome.locals]


if __name__ == "__main__":
    main()
