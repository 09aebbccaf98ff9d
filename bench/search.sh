#!/usr/bin/env bash
# Search benchmark: fond against Bleve and a bare SQLite FTS5 table on N generated
# documents. Prints one JSON object on stdout, progress on stderr.
#   bench/search.sh N [more fondbench flags, e.g. -queries 200 -seed 1 -engines fond,fts5]
set -euo pipefail
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
	echo "usage: bench/search.sh N [fondbench flags]" >&2
	exit 2
fi
n=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# A built binary, not go run: the children are re-executions of it, and go run's
# compile would otherwise count in nothing but wall time.
# fondbench lives in the benchmark's own module (bench/go.mod), so Bleve and the
# other peers never enter fond's go.mod.
(cd "$root/bench" && CGO_ENABLED=0 go build -o "$bin/fondbench" ./cmd/fondbench)
cd "$root"
"$bin/fondbench" -docs "$n" "$@"
