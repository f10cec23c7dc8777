"""What the API sends and accepts. Dates are ISO 8601 (``YYYY-MM-DD``), moments ISO 8601 in
UTC, distances in metres and times in seconds, whatever the runner's units."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str = Field(description="What went wrong, in plain words.")
    field: str | None = Field(None, description="The field it is about, if any.")


class Page(Schema):
    page: int
    per_page: int
    total: int


class Profile(Schema):
    username: str
    name: str
    units: str
    time_zone: str
    today: date
    weekly_minutes: int | None


class Note(Schema):
    question: str = Field(
        description="One of the eight question keys, or '' for a coach's question."
    )
    question_text: str | None = Field(None, description="A coach's own question, when it is one.")
    text: str
    created_at: datetime


class Theme(Schema):
    key: str
    label: str
    status: str
    most_important: bool
    in_my_words: str


class RoundSummary(Schema):
    id: int
    started_at: datetime
    reason: str
    stage: str
    finished_at: datetime | None


class Round(RoundSummary):
    reason_note: str
    notes: list[Note]
    themes: list[Theme]


class Step(Schema):
    id: int
    title: str
    due: date
    done: bool


class CheckIn(Schema):
    day: date
    did_it: bool | None
    feeling: int | None
    note: str


class Progress(Schema):
    percent: int
    summary: str
    on_track: bool | None


class GoalSummary(Schema):
    id: int
    title: str
    status: str
    size: str
    horizon: str
    target_date: date | None
    kind: str
    metric: str
    round_id: int | None
    reached_on: date | None


class Goal(GoalSummary):
    why: str
    themes: list[str]
    progress: Progress | None
    steps: list[Step]
    check_ins: list[CheckIn]


class Activity(Schema):
    id: int
    start: datetime
    local_date: date
    time_zone: str
    sport: str
    name: str
    distance_m: float | None
    elapsed_s: float
    moving_s: float
    elevation_gain_m: float | None
    avg_hr: float | None
    is_race: bool
    feeling: int | None
    source: str


class ActivityDetail(Activity):
    avg_cadence: float | None
    best_efforts: dict[str, float]
    longest_continuous_run_m: float | None
    feeling_note: str
    warnings: list


class ActivityPage(Page):
    items: list[Activity]


class NewRun(Schema):
    on: date = Field(description="The day of the run, in the runner's time zone.")
    distance_m: float = Field(gt=0, le=500_000)
    duration_s: float = Field(gt=0, le=7 * 24 * 3600)
    name: str = Field("", max_length=200)
    feeling: int | None = Field(None, ge=1, le=5)
    is_race: bool = False


class ImportFile(Schema):
    path: str
    status: str
    reason: str
    activity_id: int | None


class ImportBatch(Schema):
    id: int
    status: str
    created: datetime
    finished: datetime | None
    expected_files: int
    done_files: int
    imported: int
    duplicate: int
    skipped: int
    rejected: int
    files: list[ImportFile]


class Nudge(Schema):
    kind: str
    since: date
    reason: str
    goal_id: int | None


class Reason(Schema):
    kind: str
    since: date
    text: str


class Client(Schema):
    runner: str
    runner_id: int
    name: str
    needs_check_in: bool
    reasons: list[Reason]
    scopes: list[str]
