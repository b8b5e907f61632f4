from django.apps import AppConfig


class CostingConfig(AppConfig):
    name = "caucus.costing"
    label = "costing"

    def ready(self) -> None:
        from caucus.costing.receivers import take_down_runs
        from caucus.table.signals import proposal_unpublished

        proposal_unpublished.connect(take_down_runs, dispatch_uid="costing.take_down")
