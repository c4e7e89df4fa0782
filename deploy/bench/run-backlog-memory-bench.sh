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
BENCH_PORT_PREFIX=16 . "$HERE/common/mail-server.sh"
run_with_mail_server "$HERE/backlog/memory.py" "$@"
