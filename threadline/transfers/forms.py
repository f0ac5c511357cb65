"""Forms for sending and taking in a transfer. They check the shape of the input; the services
check the rules and name the field that broke one."""

from __future__ import annotations

from django import forms

from threadline.sharing.forms import SharingFields
from threadline.sharing.services import SharingBasis
from threadline.transfers.services import MAX_REASON

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
MAX_PACK_BYTES = 50 * 1024 * 1024


class TransferForm(SharingFields):
    receiving_authority = forms.CharField(
        label="The local authority the family has moved to",
        help_text="Its code if it is registered in Threadline, otherwise its name",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input", "list": "authorities"}),
    )
    reason = forms.CharField(
        label="Why the case transfers",
        help_text="The move, and what the new team needs to know first",
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 5}),
    )

    def basis(self, reason: str | None = None) -> SharingBasis:
        """The sharing decision; the transfer's reason is why sharing is needed."""
        return super().basis(self.cleaned_data["reason"] if reason is None else reason)


class ImportForm(forms.Form):
    pack = forms.FileField(
        label="Signed transfer pack",
        help_text="The .json file the sending authority's Threadline produced",
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ".json"}),
    )
    conference_on = forms.DateField(
        label="Date of the transfer-in conference",
        help_text="Leave empty to book it on the last day its timescale allows, at 10:00",
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
    )

    def clean_pack(self) -> bytes:
        upload = self.cleaned_data["pack"]
        if upload.size > MAX_PACK_BYTES:
            raise forms.ValidationError("The file is larger than 50 MB")
        return bytes(upload.read())
