# SPDX-License-Identifier: GPL-2.0-or-later
# tests/tui/local.mk - end-to-end tests of the full-screen UI (tmux).
# Included by Makefile.am; paths are relative to the top.
TESTS += tests/tui/ui.sh
EXTRA_DIST += tests/tui/ui.sh
TESTS += tests/tui/keys.sh
EXTRA_DIST += tests/tui/keys.sh
TESTS += tests/tui/shell.sh
EXTRA_DIST += tests/tui/shell.sh
TESTS += tests/tui/lesson-panel.sh
EXTRA_DIST += tests/tui/lesson-panel.sh
TESTS += tests/tui/lesson-switch.sh
EXTRA_DIST += tests/tui/lesson-switch.sh
TESTS += tests/tui/lesson-keys.sh
EXTRA_DIST += tests/tui/lesson-keys.sh
TESTS += tests/tui/map.sh
EXTRA_DIST += tests/tui/map.sh
TESTS += tests/tui/map-nodes.sh
EXTRA_DIST += tests/tui/map-nodes.sh
TESTS += tests/tui/rules.sh
EXTRA_DIST += tests/tui/rules.sh
TESTS += tests/tui/impair.sh
EXTRA_DIST += tests/tui/impair.sh
TESTS += tests/tui/counters.sh
EXTRA_DIST += tests/tui/counters.sh
