"""Steps the window runs ahead while idle (reader/ui/idle_steps.py): after the wait, one a
turn of the event loop, once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.idle_steps import IdleSteps, imports


def test_the_steps_run_after_the_wait_one_a_turn_and_once(qtbot: QtBot) -> None:
    ran: list[str] = []
    steps = IdleSteps([lambda: ran.append("a"), lambda: ran.append("b")], wait_ms=10)
    assert not steps.pending
    steps.start()
    assert steps.pending
    assert ran == []
    qtbot.waitUntil(lambda: bool(ran))
    steps.start()  # begun: no new wait
    qtbot.waitUntil(lambda: steps.done)
    assert ran == ["a", "b"]
    steps.start()
    assert not steps.pending


def test_an_import_step_is_made_only_for_a_module_not_yet_imported() -> None:
    assert imports(["sys", "reader.ui.idle_steps"]) == []
    [step] = imports(["sys", "json.tool"])
    assert step.args == ("json.tool",)  # type: ignore[attr-defined]
