#!/bin/bash
# The backlog memory benchmark (issue 17): builds klachtd in release mode, starts a private
# mail server on its own ports, puts 200 messages of 10 MB in the mailbox, and reports the
# time klachtd takes them in and its peak memory (deploy/bench/backlog/memory.py).
#   sudo deploy/bench/run-backlog-memory-bench.sh [--count 200] [--megabytes 10] [--max-message-bytes N]
# Needs about 3 × count × megabytes of free disk (Maildir, database and WAL).
# KLACHTD_SKIP_PREPARE=1 skips the package installation (prepare.sh) on a machine that has it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
if [ "${KLACHTD_SKIP_PREPARE:-0}" = 1 ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
else
    . "$ROOT/deploy/scripts/prepare.sh"
fi
export KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-16143}" KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-16993}"
export KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-16025}" KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-16587}"
MAILDIR="$(mktemp -d /tmp/klachtd-bench-mail.XXXXXX)"
trap '"$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true; rm -rf "$MAILDIR"' EXIT
echo "==> Building klachtd (release)"
swift build -c release --product klachtd >/dev/null
swift build -c release --product klachtd-supervisor >/dev/null
"$ROOT/deploy/testmail/start.sh" "$MAILDIR" >/dev/null
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"
python3 "$HERE/backlog/memory.py" --klachtd "$(swift build -c release --product klachtd --show-bin-path)/klachtd" "$@"
