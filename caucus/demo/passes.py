"""The demo round's passes: who passed what on which article at which session, and the
economic terms of each, in the shape docs/costing.md defines. Data only; ``caucus.demo.table``
enters them at the table."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from caucus.demo.orgs import STORE_CLASSIFICATIONS, WAREHOUSE_CLASSIFICATIONS

# key, article, side, kind, session index (None: a draft not yet passed), answers, the status
# the round leaves it at (tests/demo checks it), published, title, text, economic terms.
# Each text is the sections it changes, each first on its line with its number, as a team
# pastes them: the table reads "amends 14.2" (or "adds 14.5", where the article has no such
# section) from it, so a sheet marks only those sections; a text with no section numbers
# (the option and the supposal) would replace its article whole.
U, E = "union", "employer"
FORMAL, COUNTER, OPTION, SUPPOSAL = "formal", "counter", "option", "supposal"
OPEN, SUPERSEDED, TA = "open", "superseded", "ta"
PASSES: list[tuple[Any, ...]] = [
    (
        "u_rec",
        "1",
        U,
        FORMAL,
        0,
        None,
        TA,
        True,
        "Recognition: all Harborline stores and plants in the coalition's regions",
        "1.1 The Company recognizes the Union for all employees at every store and plant in the "
        "regions listed in Appendix A, including stores opened during the term.",
        None,
    ),
    (
        "u_griev",
        "7",
        U,
        FORMAL,
        0,
        None,
        SUPERSEDED,
        True,
        "Grievance: expedited arbitration for discharges",
        "7.4 Discharge grievances go directly to expedited arbitration, heard within sixty (60) "
        "days, with a bench decision.",
        None,
    ),
    (
        "u_wages",
        "14",
        U,
        FORMAL,
        0,
        None,
        SUPERSEDED,
        True,
        "Wages: 7%, 6% and 5%, and a $20.00 floor",
        "14.2 All rates increase by seven percent (7%) in year one, six percent (6%) in year two "
        "and five percent (5%) in year three. No rate shall be below twenty dollars ($20.00).",
        {"floor": 20.0},
    ),
    (
        "u_ps",
        "15",
        U,
        FORMAL,
        1,
        None,
        OPEN,
        True,
        "Profit sharing with a guaranteed minimum",
        "15.1 Each year the Company shall pay five percent (5%) of operating profit into a pool "
        "shared among all employees by hours worked, with a guaranteed minimum of $750 per "
        "employee who worked 520 hours or more.",
        # 5% of an operating profit of about $900M a year, shared by hours, $750 at least.
        {"profit_sharing": {"pools": [45_000_000] * 3, "formula": "hours", "minimum": 750}},
    ),
    (
        "u_staff",
        "10",
        U,
        FORMAL,
        1,
        None,
        OPEN,
        True,
        "Staffing: two on the floor, always, and a labor-hours floor",
        "10.1 No store shall operate with fewer than two (2) unit employees on duty. Weekly labor "
        "hours shall not fall below 95% of the prior year's hours for the same week.",
        None,
    ),
    (
        "e_wages",
        "14",
        E,
        COUNTER,
        2,
        "u_wages",
        SUPERSEDED,
        True,
        "Wages: 2% a year",
        "14.2 All rates increase by two percent (2%) each year of the term.",
        {"steps": {"movement": False}},
    ),
    (
        "u_ben",
        "16",
        U,
        FORMAL,
        2,
        None,
        OPEN,
        True,
        "Benefits: 85% of premiums, eligible at 16 hours",
        "16.1 Employees averaging sixteen (16) or more hours per week over a quarter are "
        "eligible for the Company's medical, dental and vision plans.\n\n"
        "16.2 The Company shall pay eighty-five percent (85%) of the premium for all tiers of "
        "coverage.",
        # Lowering eligibility to 16 hours brings more people into the plan.
        {"health": {"monthly_premium": 640.0, "employer_share": 0.85, "enrolled": 0.7}},
    ),
    (
        "e_griev",
        "7",
        E,
        COUNTER,
        3,
        "u_griev",
        TA,
        True,
        "Grievance: expedited arbitration for discharges, within ninety days",
        "7.4 Discharge grievances may be referred to expedited arbitration, heard within ninety "
        "(90) days; the arbitrator issues a written decision within fourteen (14) days.",
        None,
    ),
    (
        "u_hire",
        "11",
        U,
        FORMAL,
        3,
        None,
        OPEN,
        True,
        "Hiring targets: vacancies filled in 21 days, hours to part-timers first",
        "11.1 Vacancies shall be filled within twenty-one (21) days. Forty percent (40%) of new "
        "hours at a store shall be offered first to its part-time employees.",
        None,
    ),
    (
        "u_sites",
        "18",
        U,
        FORMAL,
        4,
        None,
        OPEN,
        True,
        "New sites: the partnership grows with the company",
        "18.2 Every new store or plant opened in the regions of Appendix A is covered by this "
        "Agreement from its first day; the Company stays neutral when employees of other new "
        "locations choose to join the Union.",
        None,
    ),
    (
        "u_sched",
        "9",
        U,
        FORMAL,
        4,
        None,
        OPEN,
        True,
        "Scheduling: 21 days' notice and no clopening",
        "9.1 Schedules shall be posted at least twenty-one (21) days in advance. Changes made "
        "after posting require the employee's consent or one (1) hour of predictability pay."
        "\n\n9.2 No employee shall be scheduled to close and then open the following day with "
        "fewer than twelve (12) hours between shifts.",
        None,
    ),
    (
        "u_wages2",
        "14",
        U,
        COUNTER,
        5,
        "e_wages",
        OPEN,
        True,
        "Wages: 6%, 5% and 4.5%, and a $19.50 floor",
        "14.2 All rates increase by six percent (6%), five percent (5%) and four and a half "
        "percent (4.5%). No rate shall be below nineteen dollars and fifty cents ($19.50).",
        {"floor": 19.5},
    ),
    (
        "e_staff_option",
        "10",
        E,
        OPTION,
        6,
        "u_staff",
        OPEN,
        False,
        "Staffing pilot in twenty stores (floated, never proposed)",
        "Company counsel floated, off the record, a one-year staffing pilot in twenty stores "
        "chosen by the Company, with a review at the end. Not a formal proposal.",
        None,
    ),
    (
        "e_wages2",
        "14",
        E,
        COUNTER,
        8,
        "u_wages2",
        OPEN,
        True,
        "Wages: 3%, 2.5% and 2.5%",
        "14.2 All rates increase by three percent (3%), two and a half percent (2.5%) and two and "
        "a half percent (2.5%), except that rates in the California and Northeast regions, above "
        "the market in the Company's view, do not increase in the first year.\n\n"
        "14.5 Step increases are suspended for the term.\n\n"
        "14.6 Baristas and cafe attendants hired after ratification are paid on the new-hire "
        "scale of Appendix B.",
        {"employer_package": True},
    ),
    (
        "e_ps",
        "15",
        E,
        COUNTER,
        8,
        "u_ps",
        OPEN,
        True,
        "Profit sharing without a guaranteed minimum",
        "15.1 The Company shall pay two and a half percent (2.5%) of operating profit into a pool "
        "shared by hours worked. There is no minimum payment.",
        {"profit_sharing": {"pools": [22_500_000] * 3, "formula": "hours", "minimum": 0}},
    ),
    (
        "e_ben",
        "16",
        E,
        COUNTER,
        8,
        "u_ben",
        OPEN,
        True,
        "Benefits: 75% of premiums, eligible at 20 hours",
        "16.2 The Company pays seventy-five percent (75%) of the premium for employee-only "
        "coverage; eligibility stays at twenty (20) hours.",
        {"health": {"monthly_premium": 640.0, "employer_share": 0.75, "enrolled": 0.6}},
    ),
    (
        "e_hire",
        "11",
        E,
        COUNTER,
        9,
        "u_hire",
        OPEN,
        True,
        "Hiring: internal posting for three days",
        "11.1 Vacancies shall be posted internally for three (3) days before external hiring.",
        None,
    ),
    (
        "e_sites",
        "18",
        E,
        SUPPOSAL,
        10,
        "u_sites",
        OPEN,
        False,
        "Supposal: neutrality at new sites for a five-year term",
        "Suppose the Company agreed to neutrality at new sites: would the Union agree to a "
        "five-year term with no reopener?",
        None,
    ),
    (
        "u_sched_draft",
        "9",
        U,
        COUNTER,
        None,
        None,
        OPEN,
        False,
        "Scheduling counter (draft for the next session)",
        "9.1 Schedules shall be posted at least eighteen (18) days in advance. Changes made "
        "after posting require the employee's consent or one (1) hour of predictability pay.",
        None,
    ),
]
WAGE_RAISES = {
    "u_wages": [7.0, 6.0, 5.0],
    "e_wages": [2.0, 2.0, 2.0],
    "u_wages2": [6.0, 5.0, 4.5],
    "e_wages2": [3.0, 2.5, 2.5],
}


def _raises(start: date, percents: list[float]) -> dict[str, Any]:
    # The shape of economic terms is defined by docs/costing.md.
    return {
        "term": {"start": start.isoformat(), "years": len(percents)},
        "raises": [
            {"effective": start.replace(year=start.year + i).isoformat(), "percent": p}
            for i, p in enumerate(percents)
        ],
    }


# Today's scales (docs of the demo: caucus/demo/orgs.py): title -> rates, step 1 first.
SCALES = {
    title: [float(Decimal(start) + Decimal(per_step) * s) for s in range(max_step)]
    for _, title, max_step, start, per_step, _ in STORE_CLASSIFICATIONS + WAREHOUSE_CLASSIFICATIONS
}


def _floor(start: date, floor: float) -> dict[str, Any]:
    """ "No rate below $X": the contract's minimum rate from the term's start, checked after
    that day's raise (docs/costing.md, *Floors*)."""
    return {"minimum_rates": [{"rate": floor, "effective": start.isoformat()}]}


def _employer_package(start: date) -> dict[str, Any]:
    """The employer's latest: raises frozen for a year in the regions it calls above market,
    steps suspended, and a lower scale for baristas and cafe attendants hired from now on."""
    return {
        "freezes": [
            {
                "start": start.isoformat(),
                "end": (start.replace(year=start.year + 1) - timedelta(days=1)).isoformat(),
                "where": {"region": ["California", "Northeast"]},
            }
        ],
        "steps": {"movement": False},
        "new_hire_tier": {
            "hired_after": start.isoformat(),
            "turnover": 0.35,
            "hiring": 0.0,
            "scales": [
                {"classification": title, "rates": [round(r - 1.25, 2) for r in SCALES[title]]}
                for title in ("Barista", "Cafe Attendant")
            ],
        },
    }


def wage_terms(key: str, start: date, extra: dict[str, Any] | None) -> dict[str, Any]:
    percents = WAGE_RAISES[key]
    terms = _raises(start, percents)
    extra = dict(extra or {})
    if "floor" in extra:
        terms.update(_floor(start, extra.pop("floor")))
    if extra.pop("employer_package", False):
        terms.update(_employer_package(start))
    return {**terms, **extra}
