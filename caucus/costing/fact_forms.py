"""The form the bargaining team records one of the employer's financial figures with: what it
is, for which year, how much, and where it comes from (a title, a link, the document itself)."""

from __future__ import annotations

from typing import Any

from django import forms

from caucus.costing.models import EmployerFact
from caucus.lib.uploads import DocumentField

FIELDS = ["kind", "year", "label", "amount", "source_title", "source_url", "is_public"]


class EmployerFactForm(forms.ModelForm[EmployerFact]):
    source_url = forms.URLField(
        label="Link to the source", required=False, max_length=500, assume_scheme="https"
    )
    document = DocumentField(label="The document (optional)", required=False)

    class Meta:
        model = EmployerFact
        fields = [*FIELDS, "document"]
        labels = {
            "kind": "What it is",
            "year": "Year",
            "label": "What the spending is for",
            "amount": "Amount (dollars)",
            "source_title": "Source",
            "is_public": "Show to members",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, amount = data.get("kind"), data.get("amount")
        if kind in EmployerFact.YEARLY and not data.get("year"):
            self.add_error("year", "Give the year the figure is for.")
        if kind == EmployerFact.Kind.SPENDING and not data.get("label"):
            self.add_error("label", 'Say what the spending is for ("a new headquarters").')
        income = (EmployerFact.Kind.OPERATING_INCOME, EmployerFact.Kind.NET_INCOME)
        if amount is not None and amount < 0 and kind not in income:
            self.add_error("amount", "Only income can be negative (a loss).")
        if not data.get("source_url") and not data.get("document") and not self.instance.document:
            self.add_error(
                "source_url", "Link the source, or attach the document, so members can check it."
            )
        return data

    def fact_fields(self) -> dict[str, Any]:
        """The cleaned fields the action writes (the document apart)."""
        return {name: self.cleaned_data[name] for name in FIELDS}
