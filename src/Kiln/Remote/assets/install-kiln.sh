# Unpacks the kiln arriving on standard input (a tar stream) into $1/$2 atomically: a half-copied kiln is never
# used, and of two clients copying the same kiln at once the first one's copy stays.
set -eu
mkdir -p "$1"
partial=$(mktemp -d "$1/.partial-XXXXXX")
trap 'rm -rf "$partial"' EXIT
tar -x -f - -C "$partial"
: >"$partial/.complete"
mv -T "$partial" "$1/$2" 2>/dev/null || true
test -f "$1/$2/.complete"
# Only the three copies used last are kept (their names are content hashes: no other file lives here).
ls -1t "$1" | tail -n +4 | while read -r old; do rm -rf "${1:?}/$old"; done
