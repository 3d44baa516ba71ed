"""Meeting papers: each board's private Wagtail collection, and who may file and choose in it.

Officers and engagement leads hold Wagtail's add and choose permissions for documents
(core/roles.py, COLLECTION_PERMISSIONS). Each board's papers live in its own collection inside
`roles.PAPERS_COLLECTION`; `BoardPapersPermissionPolicy` hides the collections of the boards a
person does not file papers for (`rules.can_file_papers`), in the chooser, its upload form and
the documents listing. Serving is decided by `paper_readable_by` (the `before_serve_document`
hook): nobody outside the board learns a paper exists.
"""

from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from coproduction import rules, selectors
from coproduction.choices import BoardRole
from coproduction.models import Board, BoardPapersCollection
from core import roles


def papers_collection_for(board):
    """The board's papers collection, created the first time and renamed with the board."""
    link = BoardPapersCollection.objects.select_related("collection").filter(board=board).first()
    if link is None:
        collection = roles.papers_collection().add_child(name=board.name)
        return BoardPapersCollection.objects.create(board=board, collection=collection).collection
    if link.collection.name != board.name:
        link.collection.name = board.name
        link.collection.save(update_fields=["name"])
    return link.collection


def board_saved(sender, instance, **kwargs):
    """post_save for Board: boards come from the admin, imports, the demo and tests, and each
    needs its collection before the first paper is uploaded."""
    if not kwargs.get("raw"):
        papers_collection_for(instance)


def papers_collections_sync(**kwargs):
    """post_migrate: every board has its papers collection."""
    for board in Board.objects.all():
        papers_collection_for(board)


def _boards_filed_by(user):
    if not user.has_perm("coproduction.change_meeting"):
        return Board.objects.none()
    if user.has_perm("coproduction.change_board"):
        return Board.objects.all()
    return Board.objects.filter(
        memberships__user=user,
        memberships__role=BoardRole.OFFICER,
        memberships__left_on__isnull=True,
    )


def collections_closed_to(user):
    """Ids of paper collections `user` may not see or file into: other boards', and the
    papers collection itself (a document there would belong to no board)."""
    if user.is_active and user.is_superuser:
        return set()
    papers = roles.papers_collection()
    closed = set(
        Collection.objects.descendant_of(papers, inclusive=True).values_list("pk", flat=True)
    )
    return closed - set(
        BoardPapersCollection.objects.filter(board__in=_boards_filed_by(user)).values_list(
            "collection_id", flat=True
        )
    )


class BoardPapersPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, less the collections of boards the person doesn't file for."""

    def collections_user_has_any_permission_for(self, user, actions):
        collections = super().collections_user_has_any_permission_for(user, actions)
        return collections.exclude(pk__in=collections_closed_to(user))

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        return documents.exclude(collection__in=collections_closed_to(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user, actions, instance
        ) and instance.collection_id not in collections_closed_to(user)


def _board_of_collection(collection_id):
    link = BoardPapersCollection.objects.select_related("board").filter(collection_id=collection_id)
    return link[0].board if link else None


def paper_readable_by(user, document):
    """Whether `user` may download `document`. A meeting's paper: `rules.can_read_paper`. A
    document in a board's papers not yet on any meeting: that board's readers. Any other
    document in the papers collection: the staff who run meetings. Other documents: everyone."""
    meetings = list(selectors.meetings_with_paper(document=document))
    if meetings:
        return rules.can_read_paper(user, meetings)
    papers = roles.papers_collection()
    if document.collection_id == papers.pk:
        return rules.can_manage_board(user)
    if not document.collection.is_descendant_of(papers):
        return True
    board = _board_of_collection(document.collection_id)
    return rules.can_view_board(user, board) if board else rules.can_manage_board(user)
