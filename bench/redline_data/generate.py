"""A generated collective agreement and a realistic counter-proposal to it.

``contract_pair(words, seed)`` returns ``(old, new)``: an agreement of about ``words`` words
in articles and numbered sections, with money, percentages, dates and cross-references, and a
proposal that renumbers the articles (one new article early on), moves whole sections,
changes money and dates, rewrites, drops and adds sentences. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re

TITLES = [
    "Recognition",
    "Union Security",
    "Management Rights",
    "Grievance Procedure",
    "Arbitration",
    "Seniority",
    "Layoff and Recall",
    "Hours of Work",
    "Overtime",
    "Wages",
    "Shift Premiums",
    "Holidays",
    "Vacations",
    "Sick Leave",
    "Leaves of Absence",
    "Health and Welfare",
    "Pension",
    "Safety and Health",
    "Discipline",
    "Job Postings",
    "Training",
    "Uniforms",
    "Travel",
    "Technological Change",
    "Contracting Out",
    "Harassment",
    "Duration",
]
NOUNS = [
    "employee",
    "employer",
    "union",
    "steward",
    "supervisor",
    "classification",
    "grievance",
    "arbitrator",
    "premium",
    "allowance",
    "schedule",
    "shift",
    "leave",
    "benefit",
    "plan",
    "position",
    "vacancy",
    "wage",
    "rate",
    "agreement",
    "committee",
    "notice",
    "period",
]
VERBS = [
    "shall receive",
    "may request",
    "shall provide",
    "will notify",
    "shall pay",
    "may grant",
    "shall review",
    "will consider",
    "shall post",
    "may schedule",
    "shall maintain",
]
ADJS = [
    "regular",
    "part-time",
    "full-time",
    "probationary",
    "temporary",
    "senior",
    "qualified",
    "affected",
    "eligible",
    "written",
    "reasonable",
    "additional",
    "annual",
    "hourly",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _money(rng: random.Random) -> str:
    return f"${rng.randint(1, 4999):,}.{rng.choice(['00', '25', '50', '75'])}"


def _sentence(rng: random.Random, articles: int) -> str:
    parts = [
        f"The {rng.choice(ADJS)} {rng.choice(NOUNS)} {rng.choice(VERBS)}",
        f"the {rng.choice(NOUNS)} of the {rng.choice(ADJS)} {rng.choice(NOUNS)}",
    ]
    extra = rng.random()
    if extra < 0.25:
        parts.append(f"of {_money(rng)} per {rng.choice(['hour', 'shift', 'week', 'year'])}")
    elif extra < 0.4:
        parts.append(f"of {rng.randint(1, 9)}.{rng.randint(0, 9)}% of the base rate")
    elif extra < 0.55:
        parts.append(
            f"no later than {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2024, 2030)}"
        )
    elif extra < 0.7:
        a, s = rng.randint(1, articles), rng.randint(1, 6)
        parts.append(f"as set out in Section {a}.{s}({rng.choice('abcd')})")
    if rng.random() < 0.5:
        parts.append(f"within {rng.randint(2, 90)} calendar days of the {rng.choice(NOUNS)}")
    return " ".join(parts) + "."


def contract(words: int, seed: int = 1) -> str:
    """An agreement of about ``words`` words."""
    rng = random.Random(seed)
    articles = max(3, words // 1100)
    out: list[str] = []
    count = 0
    n = 0
    while count < words:
        n += 1
        title = TITLES[(n - 1) % len(TITLES)] + ("" if n <= len(TITLES) else f" ({n})")
        out.append(f"ARTICLE {n} - {title.upper()}\n")
        for s in range(1, rng.randint(3, 7)):
            sentences = [_sentence(rng, articles) for _ in range(rng.randint(2, 6))]
            para = f"{n}.{s} " + " ".join(sentences)
            count += len(para.split())
            out.append(para + "\n")
        out.append("\n")
    return "".join(out)


_ARTICLE = re.compile(r"^ARTICLE (\d+)", re.MULTILINE)
_SECTION_NO = re.compile(r"^(\d+)\.(\d+) ", re.MULTILINE)


def propose(old: str, seed: int = 2) -> str:
    """A counter-proposal to ``old``: the edits a bargaining team makes."""
    rng = random.Random(seed)
    blocks = old.split("\n\n")
    paras = [b.split("\n") for b in blocks]
    # Move whole sections from one article to another.
    for _ in range(max(2, len(paras) // 20)):
        src, dst = rng.randrange(len(paras)), rng.randrange(len(paras))
        if len(paras[src]) > 3 and src != dst and len(paras[dst]) > 2:
            moved = paras[src].pop(rng.randrange(1, len(paras[src]) - 1))
            paras[dst].insert(rng.randrange(1, len(paras[dst])), moved)
    text = "\n\n".join("\n".join(p) for p in paras)
    # Sentence-level edits.
    sentences = re.split(r"(?<=\.) ", text)
    edited = []
    for s in sentences:
        r = rng.random()
        if r < 0.03:
            continue  # dropped
        if r < 0.06:
            s = s.replace(" shall ", " may ", 1).replace(" the ", " each ", 1)
        elif r < 0.08:
            edited.append(_sentence(rng, 50))
        edited.append(s)
    text = " ".join(edited)
    # Money and dates.
    text = re.sub(
        r"\$[\d,]+\.\d\d",
        lambda m: _money(rng) if rng.random() < 0.3 else m.group(),
        text,
    )
    text = re.sub(
        r"(\d{4})(?=\b)",
        lambda m: str(int(m.group()) + 1) if rng.random() < 0.2 else m.group(),
        text,
    )
    # A new article early on renumbers every article after it.
    text = _ARTICLE.sub(
        lambda m: f"ARTICLE {int(m.group(1)) + (1 if int(m.group(1)) >= 3 else 0)}", text
    )
    text = _SECTION_NO.sub(
        lambda m: f"{int(m.group(1)) + (1 if int(m.group(1)) >= 3 else 0)}.{m.group(2)} ", text
    )
    first = text.index("ARTICLE 4")
    new_article = (
        "ARTICLE 3 - JOINT LABOUR MANAGEMENT COMMITTEE\n3.1 "
        + " ".join(_sentence(rng, 50) for _ in range(5))
        + "\n\n"
    )
    return text[:first] + new_article + text[first:]


def contract_pair(words: int, seed: int = 1) -> tuple[str, str]:
    old = contract(words, seed)
    return old, propose(old, seed + 1)
