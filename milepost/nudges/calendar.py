"""The runner's private calendar: rest-period ends, step dates, goal dates, races and nudges."""

from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from milepost.goals.metrics import RACE_METRICS
from milepost.goals.models import Goal, Status, Step
from milepost.reflection.models import Round, Stage
from milepost.runmath.units import add_days

from .models import Nudge

PRODUCT_ID = "-//Milepost//Running goals//EN"


def runner_calendar(owner, site_url: str, now: datetime, uid_tag: str = "") -> bytes:
    """The feed's iCalendar. Each event's UID is "goal-3.<uid_tag>@milepost": the tag (the
    feed's own, see ``CalendarFeed.uid_tag``) keeps it unique beyond this installation."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Milepost")
    calendar.add("x-published-ttl", "PT1H")
    events = list(rest_events(owner, site_url, now))
    goals = list(Goal.objects.owned_by(owner).filter(status__in=[Status.ACTIVE, Status.CHOSEN]))
    for goal in goals:
        if goal.target_date:
            events.append(goal_event(goal, site_url, now))
    steps = Step.objects.filter(goal__in=goals, done_at=None).select_related("goal")
    for step in steps:
        events.append(step_event(step, site_url, now))
    today = now.astimezone(owner.profile.zone).date()
    for nudge in Nudge.objects.owned_by(owner).open_on(today):
        events.append(nudge_event(nudge, site_url, now))
    for event in events:
        if uid_tag:
            uid = str(event.pop("uid"))
            event.add("uid", uid.replace("@", f".{uid_tag}@", 1))
        calendar.add_component(event)
    return calendar.to_ical()


def rest_events(owner, site_url: str, now: datetime):
    for round in Round.objects.owned_by(owner).filter(stage=Stage.RESTING):
        event = base_event(f"rest-{round.pk}", "Your goals have rested: time for a fresh look", now)
        event.add("dtstart", round.rest_until)
        event.add("dtend", round.rest_until + timedelta(minutes=30))
        event.add("url", f"{site_url}/rounds/{round.pk}/rest/")
        event.add_component(reminder("Your goal list is ready for a fresh look", timedelta(0)))
        yield event


def goal_event(goal: Goal, site_url: str, now: datetime) -> Event:
    label = "Race day" if goal.metric in RACE_METRICS else "Goal date"
    event = base_event(f"goal-{goal.pk}", f"{label}: {goal.title}", now)
    add_all_day(event, goal.target_date)
    event.add("url", f"{site_url}{goal.get_absolute_url()}")
    event.add_component(reminder(f"One week to go: {goal.title}", -timedelta(days=7)))
    return event


def step_event(step: Step, site_url: str, now: datetime) -> Event:
    event = base_event(f"step-{step.pk}", f"Step: {step.title}", now)
    add_all_day(event, step.due)
    event.add("description", f"A step towards \u201c{step.goal.title}\u201d.")
    event.add("url", f"{site_url}{step.goal.get_absolute_url()}")
    # 9:00 on the day of an all-day event.
    event.add_component(reminder(f"Today's step: {step.title}", timedelta(hours=9)))
    return event


def nudge_event(nudge: Nudge, site_url: str, now: datetime) -> Event:
    """An all-day event on the day the nudge opened."""
    label = nudge.get_kind_display()
    event = base_event(f"nudge-{nudge.pk}", f"Time for a fresh round? {label}", now)
    add_all_day(event, nudge.since)
    event.add("url", f"{site_url}{nudge.start_round_url}")
    return event


def base_event(uid: str, summary: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@milepost")
    event.add("summary", summary)
    event.add("dtstamp", now)
    return event


def add_all_day(event: Event, day) -> None:
    event.add("dtstart", day)
    event.add("dtend", add_days(day, 1))
    event.add("transp", "TRANSPARENT")


def reminder(text: str, before_start: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", before_start)
    return alarm
