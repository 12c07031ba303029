"""What the reader's clicks do to the filter: tags and facets in the tree, tag links in a card,
the chips' ✕, the search box. Each makes the session's next query (so history records it).
"""

from __future__ import annotations

from reader.app.session import ReaderSession
from reader.cards import filters
from reader.cards.facets import facet_value
from reader.cards.filters import Filter, FilterKind
from reader.cards.tag_labels import facet_value_of


class Filtering:
    def __init__(self, session: ReaderSession) -> None:
        self._session = session

    def click(self, item: Filter, exclude: bool) -> None:
        """A tag or facet value clicked: filter by it, or stop (``exclude``: hide its cards)."""
        query = self._session.query
        if exclude:
            self._session.set_query(filters.exclude_tag(query, item.value))
        else:
            self._session.set_query(filters.toggle(query, item))

    def follow_tag(self, tag: str, exclude: bool = False) -> None:
        """A tag link clicked: show only the cards with the tag (or hide them).

        A ``publisher/…`` or ``kind/…`` tag filters by the Publishers or Kinds facet value it
        names, the one place the tag browser lists it (:mod:`reader.cards.tag_labels`)."""
        query = self._session.query
        if exclude:
            self._session.set_query(filters.exclude_tag(query, tag))
            return
        facet = self._facet_of(tag)
        if facet is not None:
            self._session.set_query(filters.add(query, facet))
        else:
            self._session.set_query(filters.include_tag(query, tag))

    def _facet_of(self, tag: str) -> Filter | None:
        catalog = self._session.catalog
        family = tag.split("/", 1)[0]
        kind = {"publisher": FilterKind.PUBLISHER, "kind": FilterKind.KIND}.get(family)
        if catalog is None or kind is None:
            return None
        values = {facet_value(kind, s) for s in catalog.summaries()}
        value = facet_value_of(tag, values)
        return None if value is None else Filter(kind, value)

    def remove(self, item: Filter) -> None:
        """Stop filtering by ``item``; the tree removes a tag whether included or hidden."""
        query = self._session.query
        if item.kind is FilterKind.TAG:
            query = filters.remove(query, Filter(FilterKind.NOT_TAG, item.value))
        self._session.set_query(filters.remove(query, item))

    def search(self, text: str) -> None:
        """The search box's text, as the reader types."""
        self._session.set_query(filters.with_text(self._session.query, text), typing=True)
