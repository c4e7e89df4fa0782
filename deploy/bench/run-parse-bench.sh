#!/bin/bash
# The parser benchmark (issue 3): `klachtd parse --json` over every message in the shared
# corpora, against deploy/bench/parse/compare.py doing the same with Python's email package, in the
# same run; then the peak memory of parsing one generated 50 MB message.
#   deploy/bench/run-parse-bench.sh            (KLACHTD_CORPORA overrides ../shared/corpora)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CORPORA="${KLACHTD_CORPORA:-$ROOT/../shared/corpora}"
[ -d "$CORPORA" ] || { echo "run-parse-bench.sh: no corpora at $CORPORA" >&2; exit 1; }
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
WORK="$(mktemp -d /tmp/klachtd-parse-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "==> Building klachtd (release)"
swift build -c release --product klachtd >/dev/null
KLACHTD="$(swift build -c release --product klachtd --show-bin-path)/klachtd"

awk -F'\t' -v root="$CORPORA" 'NR > 1 && $5 == "message" { print root "/" $1 "/" $2 }' "$CORPORA/INDEX.tsv" > "$WORK/files"
count=$(wc -l < "$WORK/files")
bytes=$(xargs -d '\n' cat < "$WORK/files" | wc -c)
echo "==> $count messages, $((bytes / 1024)) KiB"

run() {  # command...: best of three runs, "wall cpu" in seconds (cpu: user + system of the
    # command and its children, which on a shared machine stays near what a quiet one measures
    # while wall-clock time includes waiting for a core); each must print one line per file
    local best="" bestcpu=""
    for _ in 1 2 3; do
        local lines times
        /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$WORK/out.json" 2>"$WORK/err" || true
        lines=$(wc -l < "$WORK/out.json")
        if [ "$lines" -ne "$count" ]; then
            echo "run-parse-bench.sh: $1 printed $lines lines for $count files:" >&2
            head -c 2000 "$WORK/err" >&2
            exit 1
        fi
        times=$(tail -1 "$WORK/time")
        best=$(python3 -c "a='$best'; b=float('${times%% *}'); print(min(float(a), b) if a else b)")
        bestcpu=$(python3 -c "a='$bestcpu'; u, s = '${times#* }'.split(); b=float(u)+float(s); print(min(float(a), b) if a else b)")
    done
    echo "$best $bestcpu"
}
read -r k kc < <(run xargs -a "$WORK/files" -d '\n' "$KLACHTD" parse --json)
klines=$(wc -l < "$WORK/out.json")
read -r p pc < <(run python3 "$ROOT/deploy/bench/parse/compare.py" --from-list "$WORK/files")
plines=$(wc -l < "$WORK/out.json")
# The plain reference: message_from_bytes + walk + decode, nothing more (issue 22).
read -r q qc < <(run python3 "$ROOT/deploy/bench/parse/plain.py" --from-list "$WORK/files")
read -r c cc < <(run python3 "$ROOT/deploy/bench/parse/plain.py" --compat32 --from-list "$WORK/files")
python3 - "$k" "$p" "$bytes" "$klines" "$plines" "$q" "$c" "$kc" "$pc" "$qc" "$cc" <<'PY'
import sys
k, p, size, kl, pl, q, c = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6]), float(sys.argv[7])
kc, pc, qc, cc = (float(value) for value in sys.argv[8:12])
print(f"   klachtd parse --json:                    {k:.2f} s, {size / k / 1e6:.1f} MB/s ({kl} lines)")
print(f"   python email, same work (compare.py):    {p:.2f} s, {size / p / 1e6:.1f} MB/s ({pl} lines): {p / k:.1f}x")
print(f"   python email, plain walk, policy.default: {q:.2f} s, {size / q / 1e6:.1f} MB/s (plain.py): {q / k:.1f}x")
print(f"   python email, plain walk, compat32:       {c:.2f} s, {size / c / 1e6:.1f} MB/s (plain.py --compat32): {c / k:.1f}x")
print(f"   target at least 20x: compare.py {'met' if p / k >= 20 else 'NOT met'}, plain.py {'met' if q / k >= 20 else 'NOT met'}, "
      f"plain.py --compat32 {'met' if c / k >= 20 else 'NOT met'}")
print(f"   CPU time (user + system, best of 3): klachtd {kc:.2f} s, compare.py {pc:.2f} s ({pc / kc:.1f}x), "
      f"plain.py {qc:.2f} s ({qc / kc:.1f}x), plain.py --compat32 {cc:.2f} s ({cc / kc:.1f}x)")
PY

echo "==> Peak memory parsing one 50 MB message (a complaint with a 50 MB base64 attachment)"
python3 - "$WORK/big.eml" <<'PY'
import base64, os, sys
payload = base64.encodebytes(os.urandom(37 * 1024 * 1024)).replace(b"\n", b"\r\n")
head = (b"From: Ouder <ouder1@example.test>\r\nTo: klachten@example.test\r\nSubject: Klacht met video\r\n"
        b"Message-ID: <big@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie de video van het ophalen bij BSO Morel.\r\n"
        b"--b\r\nContent-Type: video/mp4; name=\"ophalen.mp4\"\r\nContent-Disposition: attachment; filename=\"ophalen.mp4\"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n")
with open(sys.argv[1], "wb") as f:
    f.write(head + payload + b"\r\n--b--\r\n")
PY
size=$(stat -c %s "$WORK/big.eml")
python3 - "$KLACHTD" "$WORK/big.eml" "$size" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run([sys.argv[1], "parse", "--json", "--max-bytes", "1000000000", sys.argv[2]], check=True, stdout=subprocess.DEVNULL)
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
size = int(sys.argv[3]) / 1024 / 1024
print(f"   {size:.1f} MiB message parsed in {elapsed:.2f} s, peak resident memory {peak:.0f} MiB ({peak / size:.1f} times the message)")
PY
