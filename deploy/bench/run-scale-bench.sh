#!/bin/bash
# The scale benchmark (issue 22): a chain of 900 locations with 100,000 cases against one with
# 1,000, generated straight into SQLite under /tmp (removed afterwards); builds klachtd in
# release mode, starts a private mail server on its own ports, runs deploy/bench/scale/bench.py
# and stops the server. About 10 minutes on 2 cores; needs Dovecot, Postfix and python3
# (deploy/testmail/install.sh, or deploy/scripts/prepare.sh, installs them).
#   deploy/bench/run-scale-bench.sh [--large 100000] [--small 1000]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
export KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-16143}" KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-16993}"
export KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-16025}" KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-16587}"
MAILDIR="$(mktemp -d /tmp/klachtd-scale-mail.XXXXXX)"
trap '"$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true; rm -rf "$MAILDIR"' EXIT
echo "==> Building klachtd (release)"
swift build -c release --product klachtd >/dev/null
swift build -c release --product klachtd-supervisor >/dev/null
"$ROOT/deploy/testmail/start.sh" "$MAILDIR" >/dev/null
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"
python3 "$HERE/scale/bench.py" --klachtd "$(swift build -c release --product klachtd --show-bin-path)/klachtd" "$@"
