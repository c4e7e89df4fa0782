#!/bin/bash
# The daemon benchmark (issue 7): builds klachtd in release mode, starts a private mail
# server on its own ports, runs deploy/bench/daemon/bench.py, and stops the server.
#   sudo deploy/bench/run-daemon-bench.sh [--backlog 10000] [--latency 50]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
. "$ROOT/deploy/scripts/prepare.sh"
BENCH_PORT_PREFIX=15 . "$HERE/common/mail-server.sh"
run_with_mail_server "$HERE/daemon/bench.py" "$@"
