#!/bin/bash
# bench/run.sh [PAIRS] - Kiln against the hand-written mmdebstrap pipeline, building the same image.
#
# Runs the pipeline and `kiln build manifests/examples/kvm/reference.yml` alternately, PAIRS times
# (default 3), on an otherwise idle machine, and prints every wall time, the medians, their ratio
# and Kiln's own peak RSS (its process alone; mmdebstrap and apt are children and not counted).
# Both download their packages from the mirror every time: no cache on either side.
# Kiln's --no-cache build keeps no tree, so on a host with the memory it works in a tmpfs by itself
# (bootstrapper.in_memory, on by default), as any such build does; the pipeline writes its tree to disk.
#
#   PIPELINE=/path/to/01-shell-mmdebstrap.sh   the pipeline (default: ../shared/bench next to the repo)
#   PIPELINE_ARGS=--noloop                      its variant (default: the loop variant)
#   BOOT=1                                      also boot-check both images once with `kiln test`
# Results: bench/results/DATE.tsv (name, round, wall seconds, kiln peak RSS MiB).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
pairs=${1:-3}
pipeline=${PIPELINE:-$repo/../shared/bench/01-shell-mmdebstrap.sh}
[ -f "$pipeline" ] || { echo "bench: no pipeline script at $pipeline (set PIPELINE)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 2; }
work=${BENCH_DIR:-/var/tmp/kiln-bench}
results="$here/results"
mkdir -p "$work" "$results"
out="$results/$(date +%Y%m%d-%H%M%S).tsv"
cli="$work/cli"
. "$here/lib.sh"
build_cli

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }

run_pipeline() {
	local start end
	start=$(now)
	BENCH="$work/pipeline" SKIP_BOOT=1 bash "$pipeline" ${PIPELINE_ARGS:-} >"$work/pipeline.out" 2>&1
	end=$(now)
	elapsed "$start" "$end"
}

run_kiln() {
	local start end
	rm -rf "$work/kiln"
	start=$(now)
	"$cli/Kiln.Cli" build "$repo/manifests/examples/kvm/reference.yml" --no-cache --output "$work/kiln" --workspace "$work/kiln-workspace" --log "$work/kiln" >"$work/kiln.out" 2>&1
	end=$(now)
	elapsed "$start" "$end"
}

declare -a p k
for round in $(seq "$pairs"); do
	p[$round]=$(run_pipeline)
	printf 'pipeline\t%s\t%s\t\n' "$round" "${p[$round]}" | tee -a "$out"
	k[$round]=$(run_kiln)
	rss=$(sed -n 's/.*kiln peak RSS \([0-9.]*\) MiB.*/\1/p' "$work"/kiln/*.log | tail -1)
	printf 'kiln\t%s\t%s\t%s\n' "$round" "${k[$round]}" "$rss" | tee -a "$out"
	# The bootstrapper's own time inside Kiln's build, and what Kiln adds to it.
	b=$(sed -n 's/.*mmdebstrap exited with 0 after \([0-9.]*\) s.*/\1/p' "$work"/kiln/*.log | tail -1)
	awk -v k="${k[$round]}" -v p="${p[$round]}" -v b="$b" -v r="$round" 'BEGIN{printf "pair %s: kiln/pipeline %.3f (goal <= 0.9); mmdebstrap %.2f s of kiln'"'"'s %.2f s: %.3f x the bootstrapper (goal <= 1.05), %.2f s added\n", r, k/p, b, k, k/b, k-b}' | tee -a "$out"
done

mp=$(median "${p[@]}")
mk=$(median "${k[@]}")
echo "pipeline median ${mp} s, kiln median ${mk} s, ratio $(awk -v a="$mk" -v b="$mp" 'BEGIN{printf "%.3f", a/b}')" | tee -a "$out"
if [ "${BOOT:-0}" = 1 ]; then
	"$cli/Kiln.Cli" test "$work/kiln/reference.qcow2" --login root:test --command 'systemctl is-system-running' | tee -a "$out"
	"$cli/Kiln.Cli" test "$work/pipeline/shell-mmdebstrap-${PIPELINE_ARGS:+noloop}${PIPELINE_ARGS:-loop}/disk.qcow2" --login root:test --command 'systemctl is-system-running' | tee -a "$out"
fi
echo "results: $out"
