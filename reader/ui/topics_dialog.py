"""Edit › Set Topics…: the set's topics, to add, edit, rename and remove.

Each change goes through :class:`reader.ui.set_edits.SetEdits` (a plan, previewed, one undoable
step); a rename also rewrites every card's perspectives on the topic, and removing a topic
that cards use is refused with those cards named. The table follows the set as it reloads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.authoring.topics import (
    plan_topic_add,
    plan_topic_edit,
    plan_topic_remove,
    plan_topic_rename,
)
from reader.cards.model import Topic
from reader.render.tooltips import safe_tooltip
from reader.ui.focus import frame_focus

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.set_edits import SetEdits


class TopicForm(QDialog):
    """Key, label and question of one topic (the key fixed when editing)."""

    def __init__(self, parent: QWidget, topic: Topic | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topic-form")
        self.setWindowTitle("Edit Topic" if topic else "Add Topic")
        self.key = QLineEdit(topic.key if topic else "")
        self.key.setPlaceholderText("why-russia")
        self.key.setReadOnly(topic is not None)
        self.label = QLineEdit(topic.label if topic else "")
        self.question = QLineEdit(topic.question if topic else "")
        self.question.setMinimumWidth(420)
        form = QFormLayout(self)
        form.addRow("&Key:", self.key)
        form.addRow("&Label:", self.label)
        form.addRow("&Question:", self.question)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class TopicsDialog(QDialog):
    """The set's topics in a table, with the buttons that change them."""

    def __init__(self, window: MainWindow, edits: SetEdits) -> None:
        super().__init__(window)
        self.setObjectName("topics-dialog")
        self.setWindowTitle("Set Topics")
        self._window = window
        self._edits = edits
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Key", "Label", "Question"])
        self.table = QTableView()
        frame_focus(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 240)
        self.table.setWordWrap(False)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (
            ("&Add…", self.add),
            ("&Edit…", self.edit),
            ("&Rename…", self.rename),
            ("Re&move", self.remove),
        ):
            button = QPushButton(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name.replace("&", "").rstrip("…").lower()] = button
        row.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(880, 380)
        window.session.catalog_changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.refresh()

    def topics(self) -> tuple[Topic, ...]:
        catalog = self._window.session.catalog
        return catalog.info.topics if catalog is not None else ()

    def refresh(self) -> None:
        chosen = self.chosen()
        self.model.removeRows(0, self.model.rowCount())
        for topic in self.topics():
            items = [QStandardItem(text) for text in (topic.key, topic.label, topic.question)]
            for item in items:
                item.setToolTip(safe_tooltip(item.text()))
            self.model.appendRow(items)
            if chosen is not None and topic.key == chosen.key:
                self.table.selectRow(self.model.rowCount() - 1)
        self._enable()

    def chosen(self) -> Topic | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        topics = self.topics()
        return topics[rows[0].row()] if rows and rows[0].row() < len(topics) else None

    def _enable(self) -> None:
        has = self.chosen() is not None
        for name in ("edit", "rename", "remove"):
            self.buttons[name].setEnabled(has)

    def add(self) -> None:
        form = TopicForm(self)
        form.accepted.connect(
            lambda: self._edits.propose(
                lambda root: plan_topic_add(
                    root, form.key.text().strip(), form.label.text(), form.question.text()
                )
            )
        )
        form.open()

    def edit(self) -> None:
        if (topic := self.chosen()) is None:
            return
        form = TopicForm(self, topic)
        form.accepted.connect(
            lambda: self._edits.propose(
                lambda root: plan_topic_edit(
                    root, topic.key, form.label.text(), form.question.text()
                )
            )
        )
        form.open()

    def rename(self) -> None:
        if (topic := self.chosen()) is None:
            return
        dialog = self._edits.ask(
            "Rename Topic",
            f"New key for “{topic.key}” (every card's perspectives on it follow):",
            topic.key,
        )
        dialog.textValueSelected.connect(
            lambda new: self._edits.propose(
                lambda root: plan_topic_rename(root, topic.key, new.strip())
            )
        )

    def remove(self) -> None:
        if (topic := self.chosen()) is not None:
            self._edits.propose(lambda root: plan_topic_remove(root, topic.key))
