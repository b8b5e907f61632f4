"""The tracker's background work: checking a year's profit-sharing payout against the
guaranteed minimum with the costing engine (seconds for a big roster), saved on the report."""

from __future__ import annotations

import logging

from django_tasks import task

from caucus.commitments.models import Report
from caucus.commitments.payouts import payout_check
from caucus.engines.costing.roster import RosterError

logger = logging.getLogger(__name__)


def run_payout_check(report_id: int) -> None:
    report = Report.objects.select_related("commitment__negotiation").filter(pk=report_id).first()
    if report is None or not report.commitment.is_profit_sharing:
        return
    try:
        figures = payout_check(report.commitment, float(report.value), report.period_end)
    except RosterError as error:
        figures = {"error": "; ".join(error.messages)[:500]}
    Report.objects.filter(pk=report.pk).update(payout=figures)
    logger.info("payout check of report %s: %s", report_id, figures)


@task()
def check_payout(report_id: int) -> None:
    run_payout_check(report_id)
