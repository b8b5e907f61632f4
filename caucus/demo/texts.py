"""The demo contract's articles and their current text: invented, in the register of a real
collective bargaining agreement. (number, title, is economic, paragraphs)."""

from __future__ import annotations

ARTICLES: list[tuple[str, str, bool, list[str]]] = [
    (
        "1",
        "Recognition",
        False,
        [
            "1.1 The Company recognizes the Union as the sole and exclusive bargaining representative "
            "for all regular full-time and regular part-time baristas, shift supervisors, bakers, "
            "cafe attendants, roasters, warehouse associates, delivery drivers and maintenance "
            "technicians employed at the locations listed in Appendix A.",
            "1.2 Excluded are store managers, assistant store managers, district managers, "
            "confidential employees, guards and supervisors as defined in the Act.",
            "1.3 Work normally performed by employees covered by this Agreement shall not be "
            "performed by supervisors or non-unit personnel except in an emergency, for training, "
            "or when no unit employee is available after reasonable efforts to call one in.",
        ],
    ),
    (
        "4",
        "Seniority",
        False,
        [
            "4.1 Seniority is the length of continuous service with the Company in the bargaining "
            "unit since the employee's most recent date of hire.",
            "4.2 Seniority shall govern the choice of shifts, the scheduling of vacation, layoff "
            "and recall, provided the senior employee is qualified to perform the available work.",
            "4.3 Seniority is lost upon voluntary resignation, discharge for just cause, or layoff "
            "for more than twelve (12) consecutive months.",
        ],
    ),
    (
        "7",
        "Grievance and Arbitration",
        False,
        [
            "7.1 A grievance is any dispute concerning the interpretation or application of this "
            "Agreement. Grievances shall be presented in writing within thirty (30) calendar days "
            "of the event giving rise to them.",
            "7.2 Step One: the steward and the store manager shall meet within ten (10) days. "
            "Step Two: the Union representative and the district manager shall meet within fifteen "
            "(15) days of the Step One answer.",
            "7.3 If the grievance is not resolved at Step Two, either party may refer it to "
            "arbitration under the rules of the agreed panel. The arbitrator's decision shall be "
            "final and binding; the arbitrator's fees shall be shared equally.",
        ],
    ),
    (
        "9",
        "Scheduling",
        False,
        [
            "9.1 Schedules shall be posted at least fourteen (14) days in advance. Changes made "
            "after posting require the employee's consent or one (1) hour of predictability pay.",
            "9.2 No employee shall be scheduled to close and then open the following day with fewer "
            "than ten (10) hours between shifts.",
            "9.3 Part-time employees may state their availability in writing; additional hours "
            "shall be offered first to qualified part-time employees at the store by seniority.",
        ],
    ),
    (
        "10",
        "Staffing",
        False,
        [
            "10.1 The Company shall determine labor hours for each store based on forecast sales "
            "and transactions, after consultation with the store's employees.",
            "10.2 No employee shall be required to work alone at a store open to the public.",
            "10.3 The Labor-Management Committee shall review staffing at any store where the "
            "Union reports sustained understaffing for four (4) consecutive weeks.",
        ],
    ),
    (
        "11",
        "Hiring",
        False,
        [
            "11.1 Vacancies shall be posted at all stores in the district for seven (7) days before "
            "external candidates are considered.",
            "11.2 The Company shall inform the Union monthly of new hires, their classification, "
            "store and rate of pay, and shall give the Union thirty (30) minutes with each new hire "
            "during orientation.",
        ],
    ),
    (
        "14",
        "Wages",
        True,
        [
            "14.1 Employees shall be paid according to the wage scales in Appendix B. Each "
            "classification has steps; an employee advances one step on each anniversary of hire.",
            "14.2 Effective the first full pay period after ratification, all rates in Appendix B "
            "shall increase by two percent (2%).",
            "14.3 Employees who train new hires shall receive a premium of one dollar ($1.00) per "
            "hour for all hours spent training.",
            "14.4 No employee shall suffer a reduction in pay as a result of this Agreement.",
        ],
    ),
    (
        "15",
        "Profit Sharing",
        True,
        [
            "15.1 The Company may, at its discretion, pay an annual bonus to employees based on the "
            "Company's results. The amount and eligibility rules shall be announced each year.",
            "15.2 Employees must be on the payroll on the date of payment to receive any bonus.",
        ],
    ),
    (
        "16",
        "Benefits",
        True,
        [
            "16.1 Employees averaging twenty (20) or more hours per week over a quarter are "
            "eligible for the Company's medical, dental and vision plans.",
            "16.2 The Company shall pay seventy percent (70%) of the premium for employee-only "
            "coverage and fifty percent (50%) for dependent coverage.",
            "16.3 Employees shall accrue one (1) hour of paid sick leave for every thirty (30) "
            "hours worked, usable after ninety (90) days of employment.",
        ],
    ),
    (
        "18",
        "New Sites",
        False,
        [
            "18.1 The Company shall notify the Union ninety (90) days before opening a new store or "
            "plant in a region where the Union represents employees.",
            "18.2 Nothing in this Agreement shall be construed to extend recognition to any "
            "location not listed in Appendix A.",
        ],
    ),
    (
        "21",
        "Health and Safety",
        False,
        [
            "21.1 The Company shall provide a safe and healthful workplace and shall comply with "
            "all applicable laws.",
            "21.2 Each store shall have a safety representative chosen by the employees, who shall "
            "take part in incident reviews on paid time.",
        ],
    ),
    (
        "30",
        "Duration",
        False,
        [
            "30.1 This Agreement shall remain in effect until its expiration date and from year to "
            "year thereafter unless either party gives written notice ninety (90) days before "
            "expiration of its wish to modify or terminate it.",
            "30.2 During the term of this Agreement the Union shall not call a strike and the "
            "Company shall not lock out employees over any matter subject to the grievance "
            "procedure.",
        ],
    ),
]
