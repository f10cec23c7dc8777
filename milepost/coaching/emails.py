"""Coaching e-mails, each sent once: a new message on a goal (to the runner when their coach
writes, to the coach when the runner answers), a suggestion answered (to the coach), and the
coach's daily digest of clients who could use a check-in.

Only the messages are on unless the person turns them off (``accounts.mail.KINDS``), and each
goes only to a confirmed address, with its unsubscribe link (``accounts.mail.send``). What an
e-mail to a coach carries is checked against the live grant when it is sent, through the same
scopes as the pages: a goal's thread and a suggestion need the goals scope, and the digest is
the roster, which reads only what each grant shares. A row is claimed (``emailed_at``) before
its e-mail goes, whether or not anyone wants it, so turning an e-mail on never sends old news."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from milepost import clock
from milepost.accounts import mail
from milepost.accounts.models import EmailChoice
from milepost.goals.models import GoalComment, GoalSuggestion, SuggestionStatus

from .models import Grant
from .roster import roster

# The digest goes out from this hour of the coach's own morning.
DIGEST_HOUR = 7


def coach_path(name: str, *args, fallback: str) -> str:
    """A coach-side page's path; ``fallback`` names one of ours while the page is not wired."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return reverse(fallback, args=args[:1])


def client_goal_path(runner_id: int, goal_id: int) -> str:
    """The coach's read-only page of a client's goal (where the thread is answered)."""
    return coach_path("coaching:client_goal", runner_id, goal_id, fallback="coaching:suggest")


def send_due_emails() -> dict[str, int]:
    return {
        "comments": send_comment_emails(),
        "answers": send_answer_emails(),
        "digests": send_digests(),
    }


def claimed(model, rows) -> list:
    """The rows this process claims for e-mailing (another worker may have taken some)."""
    return [
        row
        for row in rows
        if model.objects.filter(pk=row.pk, emailed_at=None).update(emailed_at=clock.now())
    ]


def sharing_goals(runner_id: int, coach_ids) -> set[int]:
    """Of ``coach_ids``, the coaches the runner shares goals with now."""
    live = Grant.objects.with_scope("goals").filter(runner_id=runner_id, coach_id__in=coach_ids)
    return set(live.values_list("coach_id", flat=True))


def send_comment_emails(comments=None) -> int:
    """E-mails about new messages (all not yet e-mailed, or just ``comments``)."""
    if comments is None:
        comments = GoalComment.objects.filter(emailed_at=None)
    rows = comments.select_related("goal__owner__profile", "author__profile")
    return sum(send_comment(c) for c in claimed(GoalComment, rows.order_by("created_at", "id")))


def send_comment(comment: GoalComment) -> int:
    goal, runner = comment.goal, comment.goal.owner
    if comment.author_id != runner.pk:
        recipients = [runner]
    else:  # the runner answered: each coach in the thread who still shares their goals
        coach_ids = set(goal.comments.exclude(author=runner).values_list("author_id", flat=True))
        allowed = sharing_goals(runner.pk, coach_ids)
        recipients = [g.coach for g in Grant.objects.filter(runner=runner, coach_id__in=allowed)]
    sent = 0
    for user in recipients:
        to_runner = user.pk == runner.pk
        context = {
            "comment": comment,
            "goal": goal,
            "to_runner": to_runner,
            "link": goal.get_absolute_url() if to_runner else client_goal_path(runner.pk, goal.pk),
            "author": comment.author.profile.display_name,
            "runner": runner.profile.display_name,
            "site_url": settings.SITE_URL,
        }
        subject = (
            f"A message from {context['author']} about your goal"
            if to_runner
            else f"{context['runner']} answered you about a goal"
        )
        sent += mail.send(
            user=user,
            kind=mail.COMMENT,
            subject=subject,
            template="coaching/email/comment.txt",
            context=context,
        )
    return sent


def send_answer_emails() -> int:
    """E-mails to coaches whose suggestions were answered (each answer once)."""
    rows = (
        GoalSuggestion.objects.filter(emailed_at=None)
        .exclude(status=SuggestionStatus.SUGGESTED)
        .select_related("coach__profile", "runner__profile")
        .order_by("answered_at", "id")
    )
    sent = 0
    for suggestion in claimed(GoalSuggestion, rows):
        coach = suggestion.coach
        if coach.pk in sharing_goals(suggestion.runner_id, [coach.pk]):
            context = {
                "suggestion": suggestion,
                "runner": suggestion.runner.profile.display_name,
                "link": reverse("coaching:suggest", args=[suggestion.runner_id]),
                "site_url": settings.SITE_URL,
            }
            sent += mail.send(
                user=coach,
                kind=mail.SUGGESTION_ANSWERED,
                subject=f"{context['runner']} answered your suggestion",
                template="coaching/email/suggestion_answered.txt",
                context=context,
            )
    return sent


def send_digests() -> int:
    """Each coach who asked for it gets, once a day from DIGEST_HOUR of their morning, the
    clients who could use a check-in (none: no e-mail)."""
    now = clock.now()
    choices = (
        EmailChoice.objects.filter(kind=mail.DIGEST, enabled=True)
        .filter(mail.with_verified_address("user__"))
        .select_related("user__profile")
    )
    sent = 0
    for choice in choices:
        coach = choice.user
        local = now.astimezone(coach.profile.zone)
        today = local.date()
        if local.hour < DIGEST_HOUR or choice.last_sent_on == today:
            continue
        took = EmailChoice.objects.filter(pk=choice.pk).exclude(last_sent_on=today)
        if not took.update(last_sent_on=today):
            continue
        sent += send_digest(coach)
    return sent


def send_digest(coach) -> int:
    clients = [c for c in roster(coach) if c.needs_check_in]
    if not clients:
        return 0
    context = {
        "coach": coach.profile.display_name,
        "clients": clients,
        "link": coach_path("coaching:roster", fallback="dashboard"),
        "site_url": settings.SITE_URL,
    }
    count = "1 client" if len(clients) == 1 else f"{len(clients)} clients"
    return int(
        mail.send(
            user=coach,
            kind=mail.DIGEST,
            subject=f"{count} could use a check-in today",
            template="coaching/email/digest.txt",
            context=context,
        )
    )
