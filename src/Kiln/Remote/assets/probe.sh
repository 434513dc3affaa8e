# What a build host is, one key=value per line (read by ServerFacts). $1: the content hash of the kiln in use.
echo "machine=$(uname -m)"
if [ -r /etc/os-release ]; then . /etc/os-release; fi
echo "os_id=${ID:-}"
echo "os_like=${ID_LIKE:-}"
echo "os_name=${PRETTY_NAME:-an unknown system}"
echo "uid=$(id -u)"
echo "user=$(id -un)"
kiln_cache="${XDG_CACHE_HOME:-$HOME/.cache}/kiln/remote"
echo "kiln_cache=$kiln_cache"
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then echo "sudo=yes"; fi
if command -v tar >/dev/null 2>&1; then echo "tar=yes"; fi
if dotnet_host=$(command -v dotnet 2>/dev/null); then
	echo "dotnet=$dotnet_host"
	"$dotnet_host" --list-runtimes 2>/dev/null | sed -n 's/^Microsoft\.NETCore\.App \([^ ]*\) .*/runtime=\1/p'
fi
# A copy in use is touched, so that pruning (install-kiln.sh) keeps the copies used last.
if [ -f "$kiln_cache/$1/.complete" ]; then touch "$kiln_cache/$1"; echo "kiln=present"; fi
echo "probe=done"
