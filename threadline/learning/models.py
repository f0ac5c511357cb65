"""The partnership's library: review documents kept as they came, what was read out of them
(corrected by a reviewer before publication), and the themes each finding shows."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.learning.kinds import ItemKind


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Read, awaiting a reviewer"
    PUBLISHED = "published", "Published"


class Review(models.Model):
    title = models.CharField(max_length=200)
    partnership = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    child_age = models.CharField(max_length=40, blank=True)
    harm = models.JSONField(default=list, blank=True)
    agencies = models.JSONField(default=list, blank=True)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    original = models.BinaryField(help_text="The document exactly as it was uploaded.")
    content_hash = models.CharField(max_length=64, unique=True)
    text = models.TextField(help_text="The document's text, as the reader read it.")
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ReviewStatus.PUBLISHED


class Item(models.Model):
    """One finding, recommendation, lesson, good-practice point, question or action."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=24, choices=ItemKind.choices)
    label = models.CharField(max_length=60, blank=True)
    text = models.TextField()
    line = models.PositiveIntegerField(help_text="Where in the document it starts.")
    section = models.CharField(max_length=200, blank=True)
    as_read = models.TextField(blank=True, help_text="The text as read, kept when corrected.")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(null=True, blank=True)
    embedding = models.BinaryField(
        null=True,
        blank=True,
        help_text="The text's meaning as float32 numbers from the packaged model; none until read.",
    )

    class Meta:
        ordering = ["review", "position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "position"], name="item_position_once")
        ]

    def __str__(self) -> str:
        name = self.label or self.get_kind_display()
        return f"{self.review}: {name}"


class Theme(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ItemTheme(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="items")
    evidence = models.TextField(help_text="The sentence that shows the theme.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "theme"], name="item_theme_once")]

    def __str__(self) -> str:
        return f"{self.item}: {self.theme}"
