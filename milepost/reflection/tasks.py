from django_tasks import task

from .models import Round
from .services import send_rest_over


@task()
def remind_rest_over(round_id: int) -> bool:
    round = Round.objects.select_related("owner__profile").filter(pk=round_id).first()
    return bool(round) and send_rest_over(round=round)
