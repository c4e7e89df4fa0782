#!/bin/bash
# The daemon benchmark (issue 7): builds klachtd in release mode, starts a private mail
# server on its own ports, runs deploy/bench/daemon/bench.py, and stops the server.
#   sudo deploy/bench/run-daemon-bench.sh [--backlog 10000] [--latency 50]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
. "$ROOT/deploy/scripts/prepare.sh"
export KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-15143}" KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-15993}"
export KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-15025}" KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-15587}"
MAILDIR="$(mktemp -d /tmp/klachtd-bench-mail.XXXXXX)"
trap '"$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true; rm -rf "$MAILDIR"' EXIT
echo "==> Building klachtd (release)"
swift build -c release --product klachtd >/dev/null
swift build -c release --product klachtd-supervisor >/dev/null
"$ROOT/deploy/testmail/start.sh" "$MAILDIR" >/dev/null
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"
python3 "$HERE/daemon/bench.py" --klachtd "$(swift build -c release --product klachtd --show-bin-path)/klachtd" "$@"
