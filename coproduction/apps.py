from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    name = "coproduction"
    verbose_name = "Co-production"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from coproduction.follow_ups import expire_follow_up_comments
        from coproduction.models import Board
        from coproduction.papers import board_saved, papers_collections_sync
        from surveys.signals import retention_due

        post_save.connect(board_saved, sender=Board, dispatch_uid="coproduction.board_papers")
        # Boards from before papers had collections get theirs at the next migrate.
        post_migrate.connect(
            papers_collections_sync, sender=self, dispatch_uid="coproduction.papers"
        )
        retention_due.connect(
            expire_follow_up_comments, dispatch_uid="coproduction.follow_up_retention"
        )
