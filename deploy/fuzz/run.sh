#!/bin/sh
# Fuzzes MailParser with libFuzzer for DURATION seconds (default 300), seeded from the shared
# corpora (MAX_LEN caps input size, default 64 KiB). Findings land in .build-fuzz/artifacts; re-run one with: .build-fuzz/parser-fuzz FILE
set -eu
duration="${1:-300}"
max_len="${MAX_LEN:-65536}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/.build-fuzz"
corpora="${KLACHTD_CORPORA:-$root/../shared/corpora}"
mkdir -p "$out/corpus" "$out/artifacts"

# MailParser's one dependency, CivilDays, first: a module of its own, as SwiftPM builds it.
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name CivilDays -emit-module -emit-module-path "$out/CivilDays.swiftmodule" \
    -emit-library -static -o "$out/libCivilDays.a" $(find "$root/Sources/CivilDays" -name '*.swift')
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name MailParser -I "$out" \
    $(find "$root/Sources/MailParser" -name '*.swift') "$root/deploy/fuzz/ParserFuzz.swift" \
    "$out/libCivilDays.a" -o "$out/parser-fuzz"

# Seed once with every corpus message small enough to mutate quickly, and the TNEF streams.
if [ -d "$corpora" ] && [ -z "$(ls -A "$out/corpus")" ]; then
    find "$corpora" -type f \( -name '*.eml' -o -name '*.txt' -o -name '*.msg' -o -name '*.raw' \
        -o -name '*.tnef' -o -path '*/mails/*' -o -path '*/data/*' \) -size -64k |
    while IFS= read -r file; do
        cp "$file" "$out/corpus/$(sha256sum "$file" | cut -c1-16)"
    done
fi

cd "$out"
exec ./parser-fuzz corpus -max_total_time="$duration" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=artifacts/ -print_final_stats=1
