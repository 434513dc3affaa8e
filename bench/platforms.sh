#!/bin/bash
# bench/platforms.sh [ROUNDS] - issue 7's speed report: did the platform work make the reference build slower,
# how long an arm64 build takes, and how long each firmware takes to a login prompt under TCG.
#
#   pipeline  the hand-written pipeline's --noloop variant (../shared/bench/01-shell-mmdebstrap.sh, or PIPELINE=...)
#   before    kiln from the commit before the resolve stage and platform model (BEFORE=191c4da), its reference.yml
#   after     this tree's kiln, reference.yml, --no-cache (the cache came later; the before kiln has none)
# The three alternate, ROUNDS times (default 1), then: one arm64 build (trixie-arm64.yml, --no-cache), and
# `kiln test` of the reference image with BIOS, of the arm64 image (AAVMF), and of the UEFI/Secure Boot example
# with uefi and secure-boot firmware: the login prompt's time as kiln test reports it.
# Run as root, on an otherwise idle machine when the numbers are to be compared across runs.
# Results: bench/results/platforms-DATE.tsv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
rounds=${1:-1}
before=${BEFORE:-191c4da}
pipeline=${PIPELINE:-$repo/../shared/bench/01-shell-mmdebstrap.sh}
[ -f "$pipeline" ] || { echo "bench: no pipeline script at $pipeline (set PIPELINE)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 2; }
work=${BENCH_DIR:-/var/tmp/kiln-bench-platforms}
rm -rf --one-file-system "$work"
mkdir -p "$work" "$here/results"
out="$here/results/platforms-$(date +%Y%m%d-%H%M%S).tsv"
. "$here/lib.sh"

# Both kilns are private Release builds: editing the sources during a run changes nothing.
git -C "$repo" worktree add --detach "$work/before-tree" "$before" >/dev/null 2>&1
trap 'git -C "$repo" worktree remove --force "$work/before-tree" >/dev/null 2>&1 || true' EXIT
dotnet build "$work/before-tree/src/Kiln.Cli/Kiln.Cli.csproj" -c Release -o "$work/cli-before" --nologo -v q >/dev/null
dotnet build "$repo/src/Kiln.Cli/Kiln.Cli.csproj" -c Release -o "$work/cli-after" --nologo -v q >/dev/null

seconds() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }

run_pipeline() {
	local start
	start=$(date +%s.%N)
	BENCH="$work/pipeline" SKIP_BOOT=1 bash "$pipeline" --noloop >"$work/pipeline.out" 2>&1 || { tail -20 "$work/pipeline.out" >&2; exit 1; }
	seconds "$start" "$(date +%s.%N)"
}

# run_kiln CLI TREE OUT EXTRA...: builds TREE's reference.yml with CLI into OUT, prints the wall time.
run_kiln() {
	local cli=$1 tree=$2 output=$3 start
	shift 3
	rm -rf --one-file-system "$output"
	start=$(date +%s.%N)
	dotnet "$cli/Kiln.Cli.dll" build "$tree/manifests/examples/kvm/reference.yml" --output "$output" --workspace "$work/workspace" --log "$output/logs" "$@" >"$work/kiln.out" 2>&1 ||
		{ tail -20 "$work/kiln.out" >&2; exit 1; }
	seconds "$start" "$(date +%s.%N)"
}

declare -a p b a
for round in $(seq "$rounds"); do
	p[$round]=$(run_pipeline)
	record pipeline-noloop "$round" "${p[$round]}"
	b[$round]=$(run_kiln "$work/cli-before" "$work/before-tree" "$work/before")
	record kiln-before "$round" "${b[$round]}"
	a[$round]=$(run_kiln "$work/cli-after" "$repo" "$work/after" --no-cache)
	record kiln-after "$round" "${a[$round]}"
done
mp=$(median "${p[@]}")
mb=$(median "${b[@]}")
ma=$(median "${a[@]}")
record ratio-before "$(awk -v a="$mb" -v b="$mp" 'BEGIN{printf "%.3f", a/b}')"
record ratio-after "$(awk -v a="$ma" -v b="$mp" 'BEGIN{printf "%.3f", a/b}')"

start=$(date +%s.%N)
dotnet "$work/cli-after/Kiln.Cli.dll" build "$repo/manifests/examples/kvm/trixie-arm64.yml" --no-cache --output "$work/arm64" --workspace "$work/workspace" --log "$work/arm64/logs" >"$work/arm64.out" 2>&1 ||
	{ tail -20 "$work/arm64.out" >&2; exit 1; }
record arm64-build 1 "$(seconds "$start" "$(date +%s.%N)")"

dotnet "$work/cli-after/Kiln.Cli.dll" build "$repo/manifests/examples/kvm/bookworm-uefi-secure-boot.yml" --output "$work/uefi" --workspace "$work/workspace" --log "$work/uefi/logs" >"$work/uefi.out" 2>&1 ||
	{ tail -20 "$work/uefi.out" >&2; exit 1; }

# boot NAME IMAGE LOGIN [FIRMWARE]: kiln test to a shell; records the login prompt's and the shell's times.
boot() {
	local name=$1 image=$2 login=$3 firmware=${4:-} output
	output=$(dotnet "$work/cli-after/Kiln.Cli.dll" test "$image" --login "$login" --command true --timeout 900 ${firmware:+--firmware "$firmware"} 2>&1) ||
		{ echo "$output" | tail -20 >&2; exit 1; }
	record "boot-$name" "$(echo "$output" | sed -n 's/.*login prompt after \([0-9.]*\) s.*/\1/p')" "$(echo "$output" | sed -n 's/.*logged in after \([0-9.]*\) s.*/\1/p')"
}

image() { find "$1" -maxdepth 1 -type f \( -name '*.qcow2' -o -name '*.raw' \) | head -1; }
boot bios "$(image "$work/after")" root:test
boot arm64-aavmf "$(image "$work/arm64")" root:kiln-test
uefi_login=$(sed -n '/root_password:/,/password:/s/^ *password: *//p' "$repo/manifests/examples/kvm/bookworm-uefi-secure-boot.yml" | head -1)
boot uefi "$(image "$work/uefi")" "root:$uefi_login" uefi
boot secure-boot "$(image "$work/uefi")" "root:$uefi_login" secure-boot
echo "results: $out"
