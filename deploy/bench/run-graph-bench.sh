#!/bin/bash
# The Microsoft Graph benchmark (issue 21): builds klachtd in release mode, starts a private mail
# server (deploy/bench/common/mail-server.sh) and the Graph stand-in on their own ports, runs
# deploy/bench/graph/bench.py, and stops both.
#   sudo deploy/bench/run-graph-bench.sh [--latency 8] [--json FILE]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
BENCH_PORT_PREFIX=16 . "$HERE/common/mail-server.sh"
run_with_mail_server "$HERE/graph/bench.py" --standin-port "${KLACHTD_TEST_GRAPH_PORT:-16443}" "$@"
