"""Forms for the library: uploading a review, correcting what was read, searching."""

from __future__ import annotations

from django import forms

from threadline.learning.kinds import ItemKind

MAX_BYTES = 20 * 1024 * 1024
ACCEPTED = (".txt", ".md", ".pdf", ".docx")


class UploadForm(forms.Form):
    document = forms.FileField(
        label="Review document",
        help_text="Text, Markdown, PDF or Word (.docx), at most 20 MB.",
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ",".join(ACCEPTED)}
        ),
    )

    def clean_document(self) -> object:
        document = self.cleaned_data["document"]
        if not document.name.lower().endswith(ACCEPTED):
            raise forms.ValidationError(
                f"{document.name} is not a text, Markdown, PDF or Word (.docx) document"
            )
        if document.size > MAX_BYTES:
            raise forms.ValidationError(f"{document.name} is larger than 20 MB")
        return document


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What it is",
        choices=ItemKind.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    label = forms.CharField(
        label="Label in the document",
        help_text="For example, Finding 3 or Recommendation BE2; leave empty if it has none",
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
    )
    text = forms.CharField(
        label="Text",
        max_length=20000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 8}),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the reviews",
        help_text="For example, father not involved in planning",
        max_length=300,
        widget=forms.TextInput(attrs={"class": "govuk-input", "type": "search"}),
    )
    by = forms.ChoiceField(
        label="Search by",
        choices=[("meaning", "Meaning"), ("words", "Exact words")],
        initial="meaning",
        required=False,
        widget=forms.RadioSelect,
    )
