"""The kinds of thing a review says, as the library records them."""

from django.db import models


class ItemKind(models.TextChoices):
    FINDING = "finding", "Finding"
    RECOMMENDATION = "recommendation", "Recommendation"
    LESSON = "lesson", "Lesson"
    GOOD_PRACTICE = "good_practice", "Good practice"
    REFLECTIVE_QUESTION = "reflective_question", "Reflective question"
    ACTION = "action", "Action the partnership set"
    HOW_WE_WILL_KNOW = "how_we_will_know", "How we will know"
