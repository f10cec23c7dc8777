"""Operations on a round shared by the web pages, the task worker and the command line."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction

from milepost import clock
from milepost.accounts import mail, pagecache

from .models import Note, Round, RoundQuestion, RoundTheme, Share, Stage
from .themes import detect_themes

logger = logging.getLogger(__name__)


@transaction.atomic
def propose_themes(*, round: Round) -> list[RoundTheme]:
    """Reads the round's notes and stores the themes found, once."""
    if not round.themes.exists():
        RoundTheme.objects.bulk_create(detected_themes(round))
        pagecache.mark_changed(round.owner_id)
    return list(round.themes.all())


def proposed_themes(round: Round) -> list[RoundTheme]:
    """The round's themes, read without writing: those stored when the brainstorm closed, or
    for a round closed before themes were stored then, the ones its notes give (unsaved)."""
    return list(round.themes.all()) or detected_themes(round)


def detected_themes(round: Round) -> list[RoundTheme]:
    """The themes the round's notes give, unsaved, strongest first."""
    found = [
        RoundTheme(
            round=round,
            key=theme.key,
            score=round_score(theme.score),
            evidence=[
                {"question": e.question, "text": e.text, "weight": e.weight} for e in theme.evidence
            ],
        )
        for theme in detect_themes(within_reading(round.answers()))
    ]
    return sorted(found, key=lambda theme: (-theme.score, theme.key))


# The most characters of a round's notes read for themes: a few seconds of CPU per 100,000
# characters, so closing a brainstorm stays well under a second. Far more than most rounds
# (a long note runs to a few hundred characters); past it, every note is read in part.
READING_CHARS = 40_000
NOTE_AT_LEAST = 200  # of each note, when the reading is shared out


def within_reading(answers: dict[str, list[str]]) -> dict[str, list[str]]:
    """The notes as detection reads them: whole, if together they are within READING_CHARS;
    otherwise each note's beginning (its first sentences, where a runner says what matters),
    as much as a fair share allows, notes in order until the reading is spent."""
    notes = [text for texts in answers.values() for text in texts]
    if sum(map(len, notes)) <= READING_CHARS:
        return answers
    share = max(NOTE_AT_LEAST, READING_CHARS // len(notes))
    left = READING_CHARS
    out: dict[str, list[str]] = {}
    for question, texts in answers.items():
        for text in texts:
            if left <= 0:
                return out
            part = beginning(text, min(share, left))
            out.setdefault(question, []).append(part)
            left -= len(part)
    return out


def beginning(text: str, limit: int) -> str:
    """At most ``limit`` characters of the text, ending at a sentence's end if one is near."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in ".!?\n")
    return text[: cut + 1] if cut >= limit // 2 else text[:limit]


CLEAR_SCORE = 0.75  # a theme heard at least this clearly may be asked about first
MOST_CLEAR = 4  # at most this many are asked about first; the others fold under "less clear"


def strength(theme: RoundTheme) -> tuple:
    """A sort key, strongest first: the runner's own additions, then the score in broad bands
    (near-certain, clear, faint), then the evidence: how many questions it came up under, how
    clearly its best sentence speaks, how many sentences."""
    evidence = theme.evidence or []
    questions = {item["question"] for item in evidence}
    best = max((item.get("weight", 0) for item in evidence), default=0)
    band = 2 if theme.score >= 0.9 else 1 if theme.score >= CLEAR_SCORE else 0
    return (
        not theme.added_by_runner,
        -band,
        -len(questions),
        -best,
        -len(evidence),
        -theme.score,
        theme.key,
    )


def by_strength(themes: list[RoundTheme]) -> tuple[list[RoundTheme], list[RoundTheme]]:
    """(clear, less clear): the strongest few themes, asked about first, and the rest."""
    ordered = sorted(themes, key=strength)
    proposed = [t for t in ordered if not t.added_by_runner]
    clear = [t for t in proposed if t.score >= CLEAR_SCORE][:MOST_CLEAR] or proposed[:1]
    keep = {id(t) for t in clear}
    return (
        [t for t in ordered if t.added_by_runner or id(t) in keep],
        [t for t in proposed if id(t) not in keep],
    )


@transaction.atomic
def add_note(
    *,
    round: Round,
    question: str = "",
    text: str,
    client_id,
    extra_question: RoundQuestion | None = None,
) -> Note:
    """Adds a note to the brainstorm, once: a page that retries after a lost connection sends
    the same ``client_id`` again and gets the note it stored the first time. A note is on one
    of the eight questions (``question``, its key) or on one of the round's own questions."""
    existing = round.notes.filter(client_id=client_id).first()
    if existing:
        return existing
    if extra_question is not None:
        assert extra_question.round_id == round.pk, "the question belongs to another round"
        question = ""
    note = Note(
        round=round,
        question=question,
        extra_question=extra_question,
        text=text,
        client_id=client_id,
    )
    try:
        with transaction.atomic():
            note.save()
    except IntegrityError:
        return round.notes.get(client_id=client_id)
    # No cached page shows a brainstorm's notes, so the runner's pages stay cached: a note is
    # the write a runner makes most often, and re-rendering the dashboard for each cost more
    # than the note itself.
    return note


@transaction.atomic
def add_question(*, round: Round, text: str, asked_by=None) -> RoundQuestion:
    """A question of the runner's coach, added after the eight and after the round's others."""
    last = round.extra_questions.order_by("-position").values_list("position", flat=True).first()
    question = RoundQuestion.objects.create(
        round=round, text=text.strip(), asked_by=asked_by, position=(last or 0) + 1
    )
    pagecache.mark_changed(round.owner_id)
    return question


@transaction.atomic
def share_note(*, note: Note, shared_with: str) -> Note:
    """Who may read the note besides the runner (``Share``): changed at any time, at once."""
    note.shared_with = Share(shared_with)
    note.save(update_fields=["shared_with"])
    pagecache.mark_changed(note.round.owner_id)
    return note


@transaction.atomic
def share_themes(*, round: Round, shared_with: str) -> Round:
    """Who may read the round's confirmed themes besides the runner (``Share``)."""
    round.themes_shared_with = Share(shared_with)
    round.save(update_fields=["themes_shared_with"])
    pagecache.mark_changed(round.owner_id)
    return round


# Deleting notes and rounds ------------------------------------------------------------------


class NoteLocked(ValueError):
    """A note of a brainstorm still open: notes stay as written until it closes."""


@transaction.atomic
def delete_note(*, note: Note) -> None:
    """Deletes one note of a round whose brainstorm is closed (while brainstorming, notes are
    append-only: ``NoteLocked``). Where the round's themes quoted it as evidence, the quote
    goes too; the themes themselves, and the runner's answers on them, stay."""
    round = note.round
    if round.stage == Stage.BRAINSTORM:
        raise NoteLocked("Notes stay as they are while you brainstorm.")
    note.delete()
    forget_quotes(round=round, question=note.question, text=note.text)
    pagecache.mark_changed(round.owner_id)


def forget_quotes(*, round: Round, question: str, text: str) -> None:
    """Drops from the round's themes each quote taken from ``text`` (a deleted note on
    ``question``), unless another note on that question still says it."""
    if not question:
        return  # the coach's own questions are not read for themes
    others = list(round.notes.filter(question=question).values_list("text", flat=True))

    def gone(item) -> bool:
        quoted = item.get("text", "")
        return quotes(item, question, text) and not any(quoted in other for other in others)

    for theme in round.themes.all():
        kept = [item for item in theme.evidence or [] if not gone(item)]
        if kept != theme.evidence:
            theme.evidence = kept
            theme.save(update_fields=["evidence"])


def quotes(item: dict, question: str, text: str) -> bool:
    """Whether a theme's evidence ``item`` is quoted from a note of ``text`` on ``question``."""
    quoted = item.get("text") or ""
    return bool(question and quoted) and item.get("question") == question and quoted in text


def themes_quoting(note: Note) -> list[RoundTheme]:
    """The round's themes that quote ``note`` as evidence."""
    return [
        theme
        for theme in note.round.themes.all()
        if any(quotes(item, note.question, note.text) for item in theme.evidence or [])
    ]


def what_goes_with_round(round: Round) -> list[str]:
    """What deleting ``round`` deletes with it, in words ("12 notes", "3 themes"), for its
    confirmation page; what it has none of is left out."""
    rows = [
        (round.notes.count(), "note", "notes"),
        (round.themes.count(), "theme", "themes"),
        (round.extra_questions.count(), "question from your coach", "questions from your coach"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in rows if n]


@transaction.atomic
def delete_round(*, round: Round) -> None:
    """Deletes the round with its notes, themes and the coach's questions on it (their foreign
    keys cascade), and its seat in a group round. Goals written in it stay, no longer linked
    to it (``Goal.round`` is ``SET_NULL``): the face says what becomes of them first."""
    owner_id = round.owner_id
    round.delete()
    pagecache.mark_changed(owner_id)


def round_score(score: float) -> float:
    # A helper because inside propose_themes the name `round` is the runner's round.
    return round(score, 3)


def send_rest_over(*, round: Round) -> bool:
    """E-mails the runner that their rest is over; true if this call sent it."""
    claimed = Round.objects.filter(
        pk=round.pk, rest_notified_at=None, rest_until__lte=clock.now()
    ).update(rest_notified_at=clock.now())
    if not claimed:
        return False
    context = {"round": round, "profile": round.owner.profile, "site_url": settings.SITE_URL}
    mail.send(
        user=round.owner,
        kind=mail.REST_OVER,
        subject="Your goals have rested: time for a fresh look",
        template="reflection/email/rest_over.txt",
        context=context,
    )
    return True


def send_due_rest_reminders() -> int:
    due = Round.objects.rest_over_unnotified(clock.now()).select_related("owner__profile")
    sent = 0
    for round in due:
        try:
            sent += send_rest_over(round=round)
        except Exception:
            # One runner's failure must not keep the others' e-mails back.
            logger.exception("The rest-over e-mail of round %s failed; skipped.", round.pk)
    return sent
