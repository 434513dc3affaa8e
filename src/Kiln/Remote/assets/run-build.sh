# Runs the build ("$@") so that it rolls back when the client goes away. When this script's standard input (the
# SSH channel) reaches end of file, because the client closed it on Ctrl-C or the connection was lost, the build
# gets SIGHUP, which kiln answers with a rollback; this script then ends with the build's exit code (130).
exec 3<&0 </dev/null
"$@" 3<&- &
build=$!
{ while read -r _; do :; done; kill -HUP "$build" 2>/dev/null; } <&3 >/dev/null 2>&1 &
watcher=$!
exec 3<&-
wait "$build"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
