"""``threadline demo``: a freshly migrated database made ready to show, with sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from threadline.agencies.models import Role
from threadline.demo.accounts import DEMO_PASSWORD, DEMO_USERS, demo_key_for_people
from threadline.demo.loader import DemoResult, load_demo

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Register the agencies, teams and demo sign-ins, ingest a small synthetic borough and "
        "the five seed reviews, and allocate the demo social worker to the reviews' children."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=300, help="size of the borough")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo(options["people"], options["seed"])
        self.stdout.write(report(result))


def report(result: DemoResult) -> str:
    lines = []
    if result.synth is not None:
        lines.append(
            f"Synthetic borough (seed {result.seed}): {result.synth.people} people, "
            f"{result.synth.records} records, {result.synth.of_kind('event')} events."
        )
    lines += [
        "",
        f"Sign in with any of these; the password is: {DEMO_PASSWORD}",
        "Then the code from an authenticator app holding the demo key "
        f"{demo_key_for_people()}, or from `threadline democode`.",
        "",
    ]
    lines.append(f"{'username':<22} {'name':<18} {'role':<30} {'team':<38} sees")
    for user in DEMO_USERS:
        seen = result.visible.get(user.username, 0)
        warning = "  (nobody visible)" if not seen else ""
        if user.role == Role.ADMIN:
            warning = "  (administrators manage users; they read no records)"
        lines.append(
            f"{user.username:<22} {user.name:<18} {user.job_title[:30]:<30} "
            f"{user.team[:38]:<38} {seen}{warning}"
        )
    lines += ["", "The five reviews' children:"]
    for child in result.children:
        lines.append(f"  {BASE_URL}/people/{child.person_id}/  {child.name}: {child.scenario}")
    if result.conference is not None:
        subject = result.conference.children.all()[0]
        lines += [
            "",
            "A borough child whose meetings and plan were run in Threadline (sign in as cp.chair, "
            "social.worker or practice.manager):",
            f"  {BASE_URL}/meetings/{result.conference.pk}/  {subject.full_name}: the ICPC; "
            f"the GP has not confirmed the minutes",
            f"  {BASE_URL}/people/{subject.pk}/step-down/  refused while the chair's action is open",
        ]
    lines += [
        "",
        f"The learning library: {result.reviews} reviews published, {result.actions} actions "
        "agreed on their recommendations (sign in as analyst to upload, correct and publish):",
        f"  {BASE_URL}/library/  the reviews, search, themes and the checks that guard findings",
        f"  {BASE_URL}/recommendations/  the board report; one action is overdue and escalated",
        f"  {BASE_URL}/indicators/  practice indicators from the live record",
    ]
    return "\n".join(lines)
