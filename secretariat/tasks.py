from celery import shared_task

from .digest import digest_send
from .services import compendium_draw_parts, summary_build, summary_fail_stale


@shared_task(bind=True, name="secretariat.build_summary", acks_late=True, autoretry_for=(OSError,),
             retry_backoff=True, max_retries=3)
def build_summary_task(self, *, document_id):
    # The task id lets a redelivered message (its worker was killed mid-build) take over its own running build.
    summary_build(document_id=document_id, build_id=self.request.id or "")


@shared_task(name="secretariat.fail_stale_summaries", acks_late=True)
def fail_stale_summaries_task():
    """Periodic (beat): a summary running past SUMMARY_RUNNING_TIMEOUT is marked failed, with the reason."""
    return summary_fail_stale()


@shared_task(name="secretariat.send_daily_digest", acks_late=True)
def send_daily_digest_task():
    """Daily (beat): the digest of the secretariat's queues; sends nothing twice the same day."""
    return digest_send()


@shared_task(name="secretariat.draw_compendium_parts", acks_late=True)
def draw_compendium_parts_task(*, cycle_id=None):
    """Nightly (beat), and a few minutes after reviews are published: the compendium parts of the cycle (default:
    the active one) that changed, drawn in every language ahead of the next request."""
    from gcm.models import Cycle

    cycle = Cycle.objects.filter(pk=cycle_id).first() if cycle_id else None
    if cycle_id and cycle is None:
        return {}
    return compendium_draw_parts(cycle=cycle)
