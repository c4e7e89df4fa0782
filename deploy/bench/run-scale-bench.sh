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
BENCH_PORT_PREFIX=16 . "$HERE/common/mail-server.sh"
run_with_mail_server "$HERE/scale/bench.py" "$@"
