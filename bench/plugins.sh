#!/bin/bash
# bench/plugins.sh [PAIRS] - what the speed and size plugins save, measured on this machine.
#
#   tmpfs_workspace  reference.yml without (on disk: in_memory: false) and with the plugin, built alternately PAIRS times (default 3):
#                    wall times and medians.
#   prebootstrapped  reference.yml with the plugin: one build that saves the tree, then PAIRS builds that
#                    reuse it, alternating with builds without the plugin: wall times and medians.
#   minimize_size    the default manifest without and with the plugin (dpkg filters, apt settings,
#                    zerofree, qemu-img shrink): the qcow2 file size and the root filesystem's used space.
#
# Every build downloads its packages from the mirror (no cache). Run as root on an otherwise idle machine.
# Results: bench/results/plugins-DATE.tsv (measurement, variant, round, value, unit).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
pairs=${1:-3}
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 2; }
work=${BENCH_DIR:-/var/tmp/kiln-bench-plugins}
rm -rf "$work"
mkdir -p "$work" "$here/results"
out="$here/results/plugins-$(date +%Y%m%d-%H%M%S).tsv"
cli="$work/cli"
. "$here/lib.sh"
build_cli

# variant NAME BASE PLUGINS: BASE (a manifest) with PLUGINS (YAML lines under `plugins:`) appended.
variant() {
	local file="$work/$1.yml"
	sed "s|^  workspace: .*|  workspace: $work/workspace|" "$2" >"$file"
	grep -q '^plugins:' "$file" || echo 'plugins:' >>"$file"
	printf '%s\n' "$3" >>"$file"
	echo "$file"
}

# build MANIFEST: a cold build of MANIFEST; prints the wall time in seconds.
build() { kiln_build "$1" --no-cache; }

reference=$repo/manifests/examples/kvm/reference.yml
# A build without the cache works in a tmpfs by itself when the host has the memory: "plain" stays on disk.
plain=$(variant plain "$reference" '')
sed -i 's|^  workspace: \(.*\)|  workspace: \1\n  in_memory: false|' "$plain"
tmpfs=$(variant tmpfs "$reference" '  tmpfs_workspace: {size: 3GiB}')
saved=$(variant prebootstrapped "$reference" "  prebootstrapped: {folder: $work/saved-trees}")

declare -a base fast reuse
for round in $(seq "$pairs"); do
	base[$round]=$(build "$plain"); record wall plain "$round" "${base[$round]}" s
	fast[$round]=$(build "$tmpfs"); record wall tmpfs_workspace "$round" "${fast[$round]}" s
done
record median plain - "$(median "${base[@]}")" s
record median tmpfs_workspace - "$(median "${fast[@]}")" s

record wall prebootstrapped-first 0 "$(build "$saved")" s
for round in $(seq "$pairs"); do
	reuse[$round]=$(build "$saved"); record wall prebootstrapped-reuse "$round" "${reuse[$round]}" s
done
record median prebootstrapped-reuse - "$(median "${reuse[@]}")" s

# used KiB of the image's root filesystem (the first partition), read without mounting.
used_kib() {
	local raw="$work/size.raw" start
	qemu-img convert -O raw "$1" "$raw"
	start=$(sfdisk -J "$raw" | sed -n 's/.*"start": *\([0-9]*\).*/\1/p' | head -1)
	dd if="$raw" of="$work/size.ext4" bs=512 skip="$start" status=none
	rm -f "$raw"
	dumpe2fs -h "$work/size.ext4" 2>/dev/null | awk -F: '/^Block count/{c=$2} /^Free blocks/{f=$2} /^Block size/{s=$2} END{printf "%d", (c-f)*s/1024}'
	rm -f "$work/size.ext4"
}

default=$repo/manifests/default.yml
small=$(variant minimize_size "$default" '  minimize_size: {zerofree: true, shrink: qemu-img, apt: {autoclean: true, languages: [none], gzip_indexes: true, autoremove_suggests: true}, dpkg: {locales: [], exclude_docs: true}}')
for name in default minimize_size; do
	manifest=$default
	[ "$name" = default ] && manifest=$(variant default "$default" '') || manifest=$small
	record wall "$name" 1 "$(build "$manifest")" s
	image=$(ls "$work"/out/*.qcow2)
	record qcow2 "$name" 1 "$(($(stat -c %s "$image") / 1024))" KiB
	record used "$name" 1 "$(used_kib "$image")" KiB
done
rm -rf "$work/out" "$work/workspace"
echo "results: $out"
