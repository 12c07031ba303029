#!/bin/sh
# make a11y: the app under Xvfb with Qt's AT-SPI bridge on, and the tree a screen reader sees.
# Needs: apt-get install xvfb at-spi2-core python3-pyatspi dbus-x11 (and Qt's xcb libraries,
# README). Run inside dbus-run-session, so the accessibility bus is private to this run.
set -eu
Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:77 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb \
  BRIEFING_READER_CACHE_DIR=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) \
  .venv/bin/briefing-reader cards >/dev/null 2>&1 &
APP=$!
sleep 4
/usr/bin/python3 tests/a11y/dump_tree.py
