"""The library's pages: the shelf of reviews, one review and what was read out of it, the
reviewer's corrections and publication, themes across reviews, search, and the learning
checks beside the findings they enforce."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from threadline.access.partnership import may_keep_the_library
from threadline.agencies.models import Practitioner
from threadline.checks.registry import all_checks
from threadline.indicators.access import may_see_indicators
from threadline.learning import meaning, selectors
from threadline.learning.contents import contents, shelf
from threadline.learning.documents import DocumentError
from threadline.learning.forms import CorrectionForm, SearchForm, UploadForm
from threadline.learning.guards import guarded_by
from threadline.learning.models import Item, Review
from threadline.learning.services import (
    LibraryError,
    add_review,
    correct_item,
    publish,
    remove_item,
)


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _keeper(request: PractitionerRequest) -> None:
    if not may_keep_the_library(request.user):
        raise PermissionDenied("Only the partnership's analysts and managers change the library")


def _review(request: PractitionerRequest, pk: int) -> Review:
    """A published review for anyone; a draft only for those who may publish it."""
    review = get_object_or_404(Review.objects.defer("original"), pk=pk)
    if not review.is_published and not may_keep_the_library(request.user):
        raise Http404("No such review")
    return review


def _page(
    request: PractitionerRequest, template: str, context: dict, status: int = 200
) -> HttpResponse:
    context = {**context, "section": "library", "sees_indicators": may_see_indicators(request.user)}
    return render(request, f"learning/{template}", context, status=status)


@login_required
def library(request: PractitionerRequest) -> HttpResponse:
    keeper = may_keep_the_library(request.user)
    return _page(
        request,
        "library.html",
        {"reviews": list(shelf(with_drafts=keeper)), "may_keep": keeper, "form": SearchForm()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: PractitionerRequest) -> HttpResponse:
    _keeper(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        try:
            review, added = add_review(
                document.name,
                document.read(),
                by=request.user,
                content_type=document.content_type or "",
            )
        except (DocumentError, LibraryError) as error:
            form.add_error("document", f"{document.name}: {error}")
        else:
            if added:
                messages.success(
                    request,
                    f"Read {review.items.count()} items out of {document.name}; check them before publishing",
                )
            else:
                messages.info(request, f"{document.name} is already in the library")
            return redirect("library-review", pk=review.pk)
    return _page(request, "upload.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def review_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    return _page(
        request,
        "review.html",
        {"contents": contents(review), "may_keep": may_keep_the_library(request.user)},
    )


@login_required
def original(request: PractitionerRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    response = HttpResponse(
        bytes(review.original), content_type=review.content_type or "application/octet-stream"
    )
    response["Content-Disposition"] = f'attachment; filename="{review.file_name}"'
    return response


def _draft_item(request: PractitionerRequest, pk: int) -> Item:
    _keeper(request)
    item = get_object_or_404(Item.objects.select_related("review"), pk=pk)
    if item.review.is_published:
        raise PermissionDenied("A published review's items can no longer change")
    return item


@login_required
@require_http_methods(["GET", "POST"])
def correct(request: PractitionerRequest, pk: int) -> HttpResponse:
    item = _draft_item(request, pk)
    initial = {"kind": item.kind, "label": item.label, "text": item.text}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            correct_item(item, by=request.user, **form.cleaned_data)
        except LibraryError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"{item.label or item.get_kind_display()} corrected")
            return redirect(reverse("library-review", args=[item.review_id]) + f"#item-{item.pk}")
    return _page(
        request, "correct.html", {"form": form, "item": item}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def remove(request: PractitionerRequest, pk: int) -> HttpResponse:
    item = _draft_item(request, pk)
    review_pk = item.review_id
    remove_item(item, by=request.user)
    messages.success(request, "Removed: it was not an item of the review")
    return redirect("library-review", pk=review_pk)


@login_required
@require_POST
def publish_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    _keeper(request)
    review = get_object_or_404(Review.objects.defer("original"), pk=pk)
    try:
        publish(review, by=request.user)
    except LibraryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{review.title} is published")
    return redirect("library-review", pk=review.pk)


@login_required
def themes(request: PractitionerRequest) -> HttpResponse:
    reviews = list(selectors.published().defer("original", "text").order_by("year", "title"))
    return _page(
        request, "themes.html", {"reviews": reviews, "rows": selectors.theme_matrix(reviews)}
    )


@login_required
def search(request: PractitionerRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    hits = None
    if form.is_valid():
        query = form.cleaned_data["q"]
        if form.cleaned_data["by"] == "words":
            hits = selectors.search(query, by="words", limit=10)
        else:
            hits = selectors.search(query, by="meaning", limit=10)
    status = 400 if form.errors else 200
    context = {"form": form, "hits": hits, "meaning_available": meaning.available()}
    return _page(request, "search.html", context, status=status)


@login_required
def checks(request: PractitionerRequest) -> HttpResponse:
    reviews = list(selectors.published().defer("original").prefetch_related("items"))
    rows = [(check, guarded_by(check, reviews)) for check in all_checks().values()]
    return _page(request, "checks.html", {"rows": rows})
