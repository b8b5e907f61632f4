"""Forms of the roster pages: the list's filters, the upload, and the column mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.db.models import Q

from caucus.accounts.permissions import unions_with
from caucus.lib.uploads import (
    UnpackedTooLarge,
    check_unpacked,
    check_upload_size,
    max_upload_bytes,
)
from caucus.members.columns import FIELDS, FIELDS_BY_NAME
from caucus.members.drops import Drops
from caucus.members.models import MemberQuerySet
from caucus.members.roster_files import RosterFileError, is_spreadsheet, read_headers
from caucus.orgs.models import BargainingUnit, Classification, Union, Worksite

ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".xlsm")


class RosterFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, help_text="Name, member ID or e-mail")
    union = forms.ModelChoiceField(queryset=Union.objects.none(), required=False, label="Local")
    unit = forms.ModelChoiceField(queryset=BargainingUnit.objects.none(), required=False)
    worksite = forms.ModelChoiceField(queryset=Worksite.objects.all(), required=False)
    classification = forms.ModelChoiceField(queryset=Classification.objects.all(), required=False)
    former = forms.BooleanField(required=False, label="Include people no longer on the roster")

    def __init__(self, *args: Any, user: Any, perm: str = "members.view", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unions = unions_with(user, perm)
        self.fields["union"].queryset = unions  # type: ignore[attr-defined]
        self.fields["unit"].queryset = BargainingUnit.objects.filter(  # type: ignore[attr-defined]
            union__in=unions
        ).select_related("union")

    def apply(self, members: MemberQuerySet) -> MemberQuerySet:
        """The members matching the filters (an invalid filter narrows to nothing)."""
        if not self.is_valid():
            return members.none()
        data = self.cleaned_data
        if not data.get("former"):
            members = members.on_roster()
        for name in ("union", "unit", "worksite", "classification"):
            if data.get(name):
                members = members.filter(**{name: data[name]})
        for word in (data.get("q") or "").split():
            members = members.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(member_id__iexact=word)
                | Q(email__icontains=word)
            )
        return members


class UploadForm(forms.Form):
    """The local and the file. The file is checked here, before anything is stored: its type,
    its size, what it would unpack to, and that it reads as a table with a header and rows;
    ``headers`` then holds its column names."""

    union = forms.ModelChoiceField(queryset=Union.objects.none(), label="Local", empty_label=None)
    file = forms.FileField(label="Roster file")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions_with(user, "members.import")  # type: ignore[attr-defined]
        self.fields["file"].widget.attrs["accept"] = ",".join(ACCEPTED_SUFFIXES)
        self.fields["file"].help_text = (
            "CSV (UTF-8) or Excel (.xlsx), with column names on the first row; up to "
            f"{max_upload_bytes() // (1024 * 1024)} MB."
        )
        self.headers: list[str] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError("Choose a CSV or Excel (.xlsx) file.")
        check_upload_size(upload)
        try:
            if is_spreadsheet(upload.name):
                check_unpacked(upload.file, name=upload.name, inflate=True)
            self.headers = read_headers(upload.file, name=upload.name)
        except (UnpackedTooLarge, RosterFileError) as error:
            raise forms.ValidationError(str(error)) from error
        return upload


NOT_IN_FILE = ""


class MappingForm(forms.Form):
    """One choice per Caucus field: which of the file's columns feeds it; and, when the file
    would drop more of the union's members than may go unasked, the count typed to confirm."""

    def __init__(
        self, *args: Any, headers: list[str], drops: Drops | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOT_IN_FILE, "— not in the file —"), *((h, h) for h in headers)]
        for field in FIELDS:
            self.fields[field.name] = forms.ChoiceField(
                label=field.label,
                choices=choices,
                required=field.required,
                help_text="Required" if field.required else "Optional",
            )
        self.drops = drops if drops is not None and drops.needs_confirmation else None
        if self.drops is not None:
            self.fields["confirm_drop"] = forms.IntegerField(
                label=self.drops.question(),
                help_text="Nothing changes until you do. If the count is wrong, this is "
                "probably not the whole roster: upload the right file instead.",
                error_messages={"required": f"Type {self.drops.dropping} to confirm."},
            )

    def clean_confirm_drop(self) -> int:
        typed = self.cleaned_data["confirm_drop"]
        if self.drops is None:  # the field is only there when the import drops members
            return typed
        if typed != self.drops.dropping:
            raise forms.ValidationError(
                f"That is not the count: type {self.drops.dropping} to confirm."
            )
        return int(typed)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: dict[str, str] = {}
        for name, column in list(data.items()):
            if name not in FIELDS_BY_NAME or not column:
                continue
            if column in seen:
                self.add_error(name, f"“{column}” already feeds {self.fields[seen[column]].label}.")
            seen.setdefault(column, name)
        return data

    def mapping(self) -> dict[str, str]:
        return {
            name: column
            for name, column in self.cleaned_data.items()
            if name in FIELDS_BY_NAME and column
        }

    def confirmed_drop(self) -> int | None:
        return self.cleaned_data.get("confirm_drop") if self.drops is not None else None
