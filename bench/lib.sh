# Helpers the benchmark scripts share (sourced; they set $repo, $work, $cli and $out first).

# build_cli: the kiln binary the .deb installs (packaging/publish-binary.sh for this host: self-contained,
# single-file, ReadyToRun), as $cli/Kiln.Cli. A private copy, so that editing the sources during a run changes nothing.
build_cli() {
	local rid
	case "$(uname -m)" in
		x86_64) rid=linux-x64 ;;
		aarch64) rid=linux-arm64 ;;
		*) echo "bench: no kiln binary for $(uname -m)" >&2; exit 2 ;;
	esac
	"$repo/packaging/publish-binary.sh" "$rid" "$cli" >/dev/null
}

# kiln_build ARGS...: runs `kiln build ARGS` into $work/out (logs in $work/logs) and prints the wall time in seconds.
kiln_build() {
	local start end
	rm -rf "$work/out"
	start=$(date +%s.%N)
	"$cli/Kiln.Cli" build "$@" --output "$work/out" --workspace "$work/workspace" --log "$work/logs" >"$work/last.out" 2>&1 ||
		{ cat "$work/last.out" >&2; exit 1; }
	end=$(date +%s.%N)
	awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b-a}'
}

# record FIELDS...: one tab-separated line, on the terminal and in $out.
record() { (IFS=$'\t'; echo "$*") | tee -a "$out"; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
