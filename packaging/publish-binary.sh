#!/bin/sh
# packaging/publish-binary.sh RID OUT [PROJECT] - publishes the self-contained single-file kiln binary for RID
# (linux-x64, linux-arm64) as OUT/Kiln.Cli: what the .deb installs, and what bench/ measures.
# It is ReadyToRun: the code of Kiln and its libraries is compiled ahead of time (not composite, so the .NET
# runtime's own precompiled code is kept as it ships), which halves the JIT at start-up. Only the AWS SDK stays
# IL (Kiln.Cli.csproj says why).
set -eu
[ $# -ge 2 ] || { echo "usage: $0 RID OUT [PROJECT]" >&2; exit 2; }
rid=$1
out=$2
project=${3:-$(cd "$(dirname "$0")/.." && pwd)/src/Kiln.Cli/Kiln.Cli.csproj}
dotnet=$(command -v dotnet || echo /usr/share/dotnet/dotnet)
"$dotnet" publish "$project" -c Release -r "$rid" --self-contained -p:PublishSingleFile=true -p:PackAsTool=false \
	-p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false \
	-p:DebugType=none -p:GenerateDocumentationFile=false -o "$out" --nologo -v q
