"""The eight reflection questions: stable keys, an intent line and follow-up prompts.

The keys are used everywhere (API, CLI, exports); the wording is ours and may change.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    intent: str
    prompts: tuple[str, ...]


QUESTIONS = (
    Question(
        "drive",
        "Numbers or feeling?",
        "Some of us light up at a new best time; others run for how it feels. "
        "Your goals should go with that, not against it.",
        (
            "After a run, what do you look at first: your watch, or how you feel?",
            "Do you enjoy splits, streaks and charts, or would you rather leave the watch at home?",
            "When did a run feel great, whatever the numbers said?",
        ),
    ),
    Question(
        "places_people",
        "Places and people",
        "Where would you love to run, and who with? A goal can be a place or a person.",
        (
            "Is there a trail, a city, a race or a view you keep thinking about?",
            "Who would you like to run with: a friend, your family, a club, a group?",
            "What would getting there take: travel, time, training?",
        ),
    ),
    Question(
        "competition",
        "Racing and competing",
        "Do you thrive on competition, love races without caring about placings, "
        "or would you rather never pin on a number?",
        (
            "How do you feel on a start line?",
            "Is it the racing you enjoy, or the day itself: the crowd, the medal, "
            "the coffee after?",
            "Are there races you would happily never run?",
        ),
    ),
    Question(
        "beyond_running",
        "Beyond running",
        "For many of us, running is how we work on something else: confidence, "
        "a clear head, our health.",
        (
            "What does running give you that has nothing to do with running?",
            "How do you feel on a week when you cannot run?",
            "Is there something in your life running helps you carry?",
        ),
    ),
    Question(
        "life_fit",
        "Running and the rest of your life",
        "How busy is life right now, and how much time can you really give running?",
        (
            "On an ordinary week, how many hours could you run without strain at home or work?",
            "What usually gets in the way?",
            "What role do you want running to play this season?",
        ),
    ),
    Question(
        "proud",
        "A proud moment",
        "Think of a time you felt truly proud as a runner. What made it feel like that?",
        (
            "What happened, and who was there?",
            "Was it the result, the effort, or something you overcame?",
            "What would feel like that again?",
        ),
    ),
    Question(
        "big_dream",
        "A big dream",
        "Is there a big dream or an itch you are ready to chase? When might it happen?",
        (
            "If nothing held you back, what would you love to do in running?",
            "What makes it feel a little scary?",
            "Is this the year, or a few years out?",
        ),
    ),
    Question(
        "journey",
        "A journey already under way",
        "Maybe you are already on your way somewhere. What is the next step?",
        (
            "What have you been building towards lately?",
            "What would the very next step look like?",
            "How could you break the rest into pieces?",
        ),
    ),
)

QUESTIONS_BY_KEY = {q.key: q for q in QUESTIONS}
QUESTION_CHOICES = [(q.key, q.title) for q in QUESTIONS]
