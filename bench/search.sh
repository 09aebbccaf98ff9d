#!/usr/bin/env bash
# Search benchmark: fond against Bleve, a bare SQLite FTS5 table, Sphinx and
# Xapian on N generated documents. Prints one JSON object on stdout, progress on
# stderr.
#   bench/search.sh N [more fondbench flags, e.g. -queries 200 -seed 1 -engines fond,fts5]
set -euo pipefail
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
	echo "usage: bench/search.sh N [fondbench flags]" >&2
	exit 2
fi
n=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)

# Sphinx (indexer, searchd) and Xapian's Python bindings come from Debian; the
# bindings go into Debian's own python3, which fondbench runs by its path.
need=()
command -v indexer >/dev/null 2>&1 && command -v searchd >/dev/null 2>&1 || need+=(sphinxsearch)
/usr/bin/python3 -c 'import xapian' >/dev/null 2>&1 || need+=(python3-xapian)
if [ ${#need[@]} -gt 0 ]; then
	echo "bench/search.sh: installing ${need[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# Built binaries, not go run: the children are re-executions of fondbench, and
# go run's compile would otherwise count in nothing but wall time. fondbench
# lives in the benchmark's own module (bench/go.mod), so Bleve and the other
# peers never enter fond's go.mod; fond itself is built for the server measures
# (fond serve's start and memory, fond ingest of one file), and fondbench finds
# it beside itself.
(cd "$root" && CGO_ENABLED=0 go build -o "$bin/fond" ./cmd/fond)
(cd "$root/bench" && CGO_ENABLED=0 go build -o "$bin/fondbench" ./cmd/fondbench)
cd "$root"
"$bin/fondbench" -docs "$n" "$@"
