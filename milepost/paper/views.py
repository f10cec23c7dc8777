"""The three PDFs. The blank worksheet is public, for a coach's workshop as much as for a
runner; a round's reflection and the goal sheet are the logged-in runner's own."""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache

from milepost.reflection.models import Round

from . import pdf, services


def worksheet(request):
    paper = paper_size(request)
    if paper is None:
        return bad_paper()
    return pdf_response(services.worksheet(paper=paper), "worksheet", paper)


@login_required
@never_cache
def reflection(request, pk):
    round = Round.objects.owned_or_404(request.user, pk)
    paper = paper_size(request)
    if paper is None:
        return bad_paper()
    compare = request.GET.get("compare") == "1"
    data = services.reflection(round=round, paper=paper, compare=compare)
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
    data = services.goal_sheet(owner=request.user, paper=paper, round=round)
    return pdf_response(data, "goals", paper)


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
