#!/bin/bash
# The Microsoft Graph benchmark (issue 21): builds klachtd in release mode, starts a private mail
# server and the Graph stand-in on their own ports, runs deploy/bench/graph/bench.py, stops both.
#   sudo deploy/bench/run-graph-bench.sh [--latency 6] [--json FILE]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
export KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-16143}" KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-16993}"
export KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-16025}" KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-16587}"
GRAPH_PORT="${KLACHTD_TEST_GRAPH_PORT:-16443}"
MAILDIR="$(mktemp -d /tmp/klachtd-graph-bench-mail.XXXXXX)"
trap '"$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true; rm -rf "$MAILDIR"' EXIT
echo "==> Building klachtd (release)"
swift build -c release --product klachtd >/dev/null
swift build -c release --product klachtd-supervisor >/dev/null
"$ROOT/deploy/testmail/start.sh" "$MAILDIR" >/dev/null
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"
python3 "$HERE/graph/bench.py" --klachtd "$(swift build -c release --product klachtd --show-bin-path)/klachtd" --standin-port "$GRAPH_PORT" "$@"
