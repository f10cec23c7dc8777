"""The runner's data on their profile page: an export made in the background and its
download, and deleting the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import services
from .forms import DeleteAccountForm
from .models import Export


def owned_export(request, pk) -> Export:
    return get_object_or_404(Export, pk=pk, owner=request.user)


@login_required
@require_POST
def export_start(request):
    export = services.start_export(owner=request.user)
    return redirect(export)


@login_required
def export_detail(request, pk):
    export = owned_export(request, pk)
    template = "portability/export.html"
    if request.htmx:
        template += "#export-status"
    return render(request, template, {"export": export})


@login_required
def export_download(request, pk):
    export = owned_export(request, pk)
    if not export.is_ready:
        raise Http404("This export is not ready, or no longer kept.")
    return FileResponse(
        export.path.open("rb"),
        as_attachment=True,
        filename=export.download_name,
        content_type="application/zip",
    )


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, "Your account and everything in it are deleted.")
        return redirect("home")
    latest = Export.objects.owned_by(request.user).first()
    return render(request, "portability/delete.html", {"form": form, "export": latest})
