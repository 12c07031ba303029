"""What the open set offers the editor to pick from: its topics, the stances and tags in use.

One object per editor, holding Qt string models that every completer and picker of the form
shares, so opening another set (``set_context``) updates all of them at once.
"""

from __future__ import annotations

from itertools import islice

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.cards.catalog import Catalog
from reader.cards.model import Parts
from reader.render.tooltips import safe_tooltip

#: Cards read for the stances they use (the index answers from its analysis rows, without
#: parsing; stances repeat, so a very large set lends its first few thousand).
STANCE_SAMPLE = 2000
#: Offered even in a set that uses none yet: the labels the format guide names.
COMMON_STANCES = ("supportive", "skeptical", "critical", "concerned", "mixed", "neutral")
#: A topic item's label and question ("label\nquestion"): kept as data, since its tooltip is
#: escaped markup (the set file's text could otherwise be read as rich text by Qt).
TOPIC_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class EditorContext(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.topics = QStandardItemModel(self)
        self.stances = QStringListModel(list(COMMON_STANCES), self)
        self.tags = QStringListModel(self)
        self.described_tags: frozenset[str] = frozenset()
        self.has_set_file = False

    def load(self, catalog: Catalog | None) -> None:
        """Take the topics, tag vocabulary and stances of ``catalog`` (None: nothing known)."""
        self.topics.clear()
        if catalog is None:
            self.described_tags = frozenset()
            self.has_set_file = False
            self.tags.setStringList([])
            self.stances.setStringList(list(COMMON_STANCES))
            self.changed.emit()
            return
        info = catalog.info
        self.has_set_file = info.has_file
        for topic in info.topics:
            item = QStandardItem(topic.key)
            item.setData(topic.key, Qt.ItemDataRole.UserRole)
            item.setData(f"{topic.label}\n{topic.question}", TOPIC_TEXT_ROLE)
            item.setToolTip(safe_tooltip(f"{topic.label}\n{topic.question}"))
            self.topics.appendRow(item)
        summaries = catalog.summaries()
        self.described_tags = frozenset(info.tag_descriptions)
        used = {tag for summary in summaries for tag in summary.tags}
        self.tags.setStringList(sorted(used | self.described_tags))
        stances = set(COMMON_STANCES)
        ids = [summary.id for summary in islice(summaries, STANCE_SAMPLE)]
        for card in catalog.analysed(ids, parts=Parts.PERSPECTIVES):
            stances.update(p.stance for p in card.perspectives)
        self.stances.setStringList(sorted(stances))
        self.changed.emit()

    def topic_label(self, key: str) -> str | None:
        """The topic's label and question for a key of the set, or None for an unknown key."""
        for row in range(self.topics.rowCount()):
            item = self.topics.item(row)
            if item is not None and item.text() == key:
                text = item.data(TOPIC_TEXT_ROLE)
                return text if isinstance(text, str) else None
        return None

    def new_tags(self, tags: list[str]) -> list[str]:
        """The tags of ``tags`` the set file does not describe (only once a set file is known)."""
        if not self.has_set_file:
            return []
        return [tag for tag in tags if tag and tag not in self.described_tags]
