#!/bin/bash
# bench/cache.sh [ROUNDS] - what the cache of bootstrapped trees and several images per run save.
#
#   cold   reference.yml with --no-cache (the bootstrap every time)
#   seed   reference.yml with the cache empty (a miss: bootstrap and store)
#   warm   reference.yml with another hostname and the commands plugin (a later phase): a hit
#   batch  three manifests of one bootstrap (reference and two variants) in one kiln build --no-cache
#          --jobs 2: one bootstrap shared through the run's own store
#   batch-cached  the same three with the cache, emptied first (the default path: one miss, two hits)
# Goals (issue 12): warm <= 0.25 x cold; batch of three <= 1.3 x one cold build (both ways).
# Run as root on an otherwise idle machine. Results: bench/results/cache-DATE.tsv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
rounds=${1:-3}
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 2; }
work=${BENCH_DIR:-/var/tmp/kiln-bench-cache}
rm -rf --one-file-system "$work"
mkdir -p "$work" "$here/results"
out="$here/results/cache-$(date +%Y%m%d-%H%M%S).tsv"
cli="$work/cli"
. "$here/lib.sh"
build_cli
export KILN_CACHE_DIR="$work/cache"

# variant NAME EDIT PLUGINS: reference.yml renamed to NAME, with the sed EDIT and PLUGINS appended under plugins:.
variant() {
	local file="$work/$1.yml"
	sed -e "s|^name: .*|name: $1|" -e "s|^  workspace: .*|  workspace: $work/workspace|" ${2:+-e "$2"} "$repo/manifests/examples/kvm/reference.yml" >"$file"
	printf '%s\n' "$3" >>"$file"
	echo "$file"
}

plain=$(variant reference '' '')
warm=$(variant warm 's|^  hostname: .*|  hostname: warm|' "  commands:
    commands:
      - [sh, -c, 'echo warm > {root}/etc/kiln-bench']")
second=$(variant second 's|^  hostname: .*|  hostname: second|' '')
third=$(variant third 's|^  hostname: .*|  hostname: third|' '')

declare -a cold hot batch cached
for round in $(seq "$rounds"); do
	cold[$round]=$(kiln_build "$plain" --no-cache); record cold "$round" "${cold[$round]}" s
	rm -rf --one-file-system "$KILN_CACHE_DIR"
	record seed "$round" "$(kiln_build "$plain")" s
	hot[$round]=$(kiln_build "$warm"); record warm "$round" "${hot[$round]}" s
	grep -q 'cache: hit' "$work"/logs/warm-*.log || { echo "bench: the warm build missed the cache" >&2; exit 1; }
	# Every round's logs stay (until the next run of the script), to read where an odd figure's time went.
	mv "$work/logs" "$work/logs-$round"
	batch[$round]=$(kiln_build "$plain" "$second" "$third" --no-cache --jobs 2); record batch-of-3 "$round" "${batch[$round]}" s
	mv "$work/logs" "$work/logs-$round-batch"
	rm -rf --one-file-system "$KILN_CACHE_DIR"
	cached[$round]=$(kiln_build "$plain" "$second" "$third" --jobs 2); record batch-cached "$round" "${cached[$round]}" s
	mv "$work/logs" "$work/logs-$round-batch-cached"
	# The round's own ratio too: the archive's speed drifts between rounds, and it decides most of both figures.
	record batch/cold "$round" "$(awk -v a="${batch[$round]}" -v b="${cold[$round]}" 'BEGIN{printf "%.2f", a/b}')" ratio
	record batch-cached/cold "$round" "$(awk -v a="${cached[$round]}" -v b="${cold[$round]}" 'BEGIN{printf "%.2f", a/b}')" ratio
done
c=$(median "${cold[@]}"); w=$(median "${hot[@]}"); b=$(median "${batch[@]}"); k=$(median "${cached[@]}")
record median-cold - "$c" s
record median-warm - "$w" s
record median-batch-of-3 - "$b" s
record median-batch-cached - "$k" s
record warm/cold - "$(awk -v a="$w" -v b="$c" 'BEGIN{printf "%.2f", a/b}')" ratio
record batch/cold - "$(awk -v a="$b" -v b="$c" 'BEGIN{printf "%.2f", a/b}')" ratio
record batch-cached/cold - "$(awk -v a="$k" -v b="$c" 'BEGIN{printf "%.2f", a/b}')" ratio
rm -rf --one-file-system "$work/workspace" "$work/cache"
