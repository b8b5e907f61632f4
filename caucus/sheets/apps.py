from django.apps import AppConfig


class SheetsConfig(AppConfig):
    name = "caucus.sheets"
    label = "sheets"

    def ready(self) -> None:
        from caucus.sheets.receivers import take_down_sheets
        from caucus.table.signals import proposal_unpublished

        proposal_unpublished.connect(take_down_sheets, dispatch_uid="sheets.take_down")
