from django.shortcuts import render

from milepost.runmath import RunmathError, standards
from milepost.runmath.predict import predict
from milepost.runmath.units import (
    NAMED,
    distance_key,
    format_distance,
    format_duration,
    format_pace,
)

from .forms import PaceForm


def pace(request):
    form = PaceForm(request.GET or None, initial=initial_for(request))
    result = None
    if form.is_valid():
        result = solve(form.cleaned_data)
        if result.get("error"):
            form.add_error(None, result.pop("error"))
            result = None  # no paces or times after the warning: they would be nonsense
    return render(request, "calculator/pace.html", {"form": form, "result": result})


def initial_for(request) -> dict:
    profile = getattr(request.user, "profile", None)
    if profile is None:
        return {"units": "km"}
    return {"units": profile.units, "age": profile.age, "category": profile.category}


def solve(data: dict) -> dict:
    """The missing one of distance, time and pace, then equivalents and age grade."""
    metres, seconds, per_km = data["distance"], data["time"], data["pace"]
    if metres is None:
        metres = seconds / per_km * 1000
    elif seconds is None:
        seconds = per_km * metres / 1000
    per_km = seconds / metres * 1000
    units = data["units"]
    result = {
        "distance": format_distance(metres, units),
        "time": format_duration(seconds),
        "pace_km": format_pace(per_km, "km"),
        "pace_mi": format_pace(per_km, "mi"),
    }
    try:
        prediction = predict(
            f"{metres:.3f}m", f"{seconds:.3f}s", age=data["age"], category=data["category"] or None
        )
    except RunmathError as error:
        return result | {"error": f"No equivalents for this one: {error}."}
    result["vdot"] = prediction["vdot"]
    result["equivalents"] = [
        (NAMED[key].label, value["seconds"], format_duration(value["seconds"]))
        for key, value in prediction["equivalents"].items()
    ]
    result["age_grade_pct"] = prediction["age_grade_pct"]
    result["notes"] = [n for n in prediction["notes"] if not n.startswith("No Boston")]
    if distance_key(metres) == "marathon":
        age, category = data["age"], data["category"] or None
        result["boston"] = standards.boston_sentences(seconds, age, category, what="This time") or [
            "There is no Boston standard for that age."
        ]
        if age is None or category is None:
            result["boston"] = [
                "Give your age on race day and a category to see your Boston qualifying standard."
            ]
    return result
