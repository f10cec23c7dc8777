"""The three PDFs. The blank worksheet is public, for a coach's workshop as much as for a
runner; a round's reflection and the goal sheet are the logged-in runner's own."""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.views.decorators.cache import never_cache

from milepost.accounts import pagecache
from milepost.reflection.models import Round
from milepost.web import throttle_anonymous

from . import pdf, services

# The blank worksheet changes only with a release: browsers and proxies may keep it a day,
# and ask again with If-None-Match after that.
WORKSHEET_MAX_AGE = 24 * 3600


@throttle_anonymous
def worksheet(request):
    paper = paper_size(request)
    if paper is None:
        return bad_paper()
    data, etag = services.blank_worksheet(paper)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = pdf_response(data, "worksheet", paper)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=WORKSHEET_MAX_AGE)
    patch_vary_headers(response, ["Cookie"])  # signed in, it is sent no-store
    return response


@login_required
@never_cache
def reflection(request, pk):
    round = Round.objects.owned_or_404(request.user, pk)
    paper = paper_size(request)
    if paper is None:
        return bad_paper()
    compare = request.GET.get("compare") == "1"
    data = remembered(
        request,
        ("reflection.pdf", round.pk, paper, compare),
        lambda: services.reflection(round=round, paper=paper, compare=compare),
    )
    name = f"reflection-{round.started_at:%Y-%m-%d}" + ("-across-the-years" if compare else "")
    return pdf_response(data, name, paper)


@login_required
@never_cache
def goals(request):
    round = None
    if "round" in request.GET:
        pk = request.GET["round"]
        rounds = Round.objects.owned_by(request.user)
        round = rounds.filter(pk=pk).first() if re.fullmatch(r"[0-9]{1,18}", pk) else None
        if round is None:
            raise Http404("No such round.")
    paper = paper_size(request)
    if paper is None:
        return bad_paper()
    data = remembered(
        request,
        ("goals.pdf", round.pk if round else None, paper),
        lambda: services.goal_sheet(owner=request.user, paper=paper, round=round),
    )
    return pdf_response(data, "goals", paper)


def remembered(request, parts: tuple, make) -> bytes:
    """The runner's PDF as made last time, while nothing it shows has changed (the page
    cache's key: their data version and day); a round of many long notes takes a second or
    more to set, so it is set once, not at every click of the print button."""
    profile = request.user.profile
    return pagecache.remember(profile, profile.today(), parts, make)


def paper_size(request) -> str | None:
    paper = request.GET.get("paper", "a4").strip().lower()
    return paper if paper in pdf.PAPERS else None


def bad_paper() -> HttpResponse:
    return HttpResponseBadRequest(
        "Choose the paper: ?paper=a4 or ?paper=letter.", content_type="text/plain; charset=utf-8"
    )


def pdf_response(data: bytes, name: str, paper: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="milepost-{name}-{paper}.pdf"'
    return response
