"""Forms of the sheet pages: the sheet itself, its rows, and the update to attach it to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms

from caucus.sheets.actions import RowChange
from caucus.sheets.models import Sheet, SheetRow
from caucus.table.models import Negotiation


def _choice(field: forms.Field) -> forms.ChoiceField:
    """A field known to offer choices, for its ``choices``."""
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{field!r} offers no choices")
    return field


class SheetForm(forms.ModelForm):
    class Meta:
        model = Sheet
        fields = ["title", "columns", "layout", "intro"]
        labels = {
            "title": "Title",
            "columns": "What to compare",
            "layout": "Layout",
            "intro": "Introduction (optional)",
        }
        widgets = {
            "columns": forms.RadioSelect,
            "layout": forms.RadioSelect,
            "intro": forms.Textarea(attrs={"rows": 4}),
        }


class NewSheetForm(SheetForm):
    articles = forms.MultipleChoiceField(
        label="Articles",
        widget=forms.CheckboxSelectMultiple,
        help_text="Ticked by default: every article with a proposal on the table. "
        "You can change this later.",
    )

    def __init__(
        self, *args: Any, negotiation: Negotiation, on_the_table: set[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        articles = negotiation.articles.order_by("order", "number")
        _choice(self.fields["articles"]).choices = [
            (str(a.pk), f"Article {a.number}: {a.title}") for a in articles
        ]
        self.fields["articles"].initial = [str(pk) for pk in sorted(on_the_table)]

    def article_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["articles"]]


class RowsForm(forms.Form):
    """Every row of a sheet in one form: its order, whether it is included, its summary."""

    def __init__(self, *args: Any, rows: list[SheetRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            name = f"Article {row.article.number}: {row.article.title}"
            self.fields[f"included_{row.article_id}"] = forms.BooleanField(
                required=False, initial=row.included, label=f"Include {name}"
            )
            self.fields[f"order_{row.article_id}"] = forms.IntegerField(
                min_value=1, max_value=9999, initial=row.order, label=f"Position of {name}"
            )
            self.fields[f"summary_{row.article_id}"] = forms.CharField(
                required=False,
                initial=row.summary,
                max_length=4000,
                label=f"Plain-language summary of {name}",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def by_row(self) -> Iterator[tuple[SheetRow, Any, Any, Any]]:
        for row in self.rows:
            yield (
                row,
                self[f"included_{row.article_id}"],
                self[f"order_{row.article_id}"],
                self[f"summary_{row.article_id}"],
            )

    def changes(self) -> list[RowChange]:
        data = self.cleaned_data
        return [
            RowChange(
                article_id=row.article_id,
                order=data[f"order_{row.article_id}"],
                included=data[f"included_{row.article_id}"],
                summary=data[f"summary_{row.article_id}"].strip(),
            )
            for row in self.rows
        ]
