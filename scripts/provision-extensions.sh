#!/usr/bin/env bash
# Provisions DuckDB extensions for offline use from the PyPI packages that carry DuckDB's
# official, signed extension binaries (duckdb-extension-<name>), for the DuckDB version of the
# DuckDB JDBC driver in pom.xml.
#
#   scripts/provision-extensions.sh DIR [NAME...]
#
# DIR becomes a DuckDB extension directory (DIR/v<version>/<platform>/<name>.duckdb_extension),
# which Mallard uses when configured with extensions.directory (or MALLARD_EXTENSION_DIR).
# NAMEs default to the extensions Mallard uses: ducklake postgres_scanner sqlite_scanner httpfs.
# Wheels are cached in ${XDG_CACHE_HOME:-~/.cache}/mallard/extensions, so a second run is offline.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
[[ $# -ge 1 ]] || { echo "usage: $0 DIR [NAME...]" >&2; exit 2; }
dir="$1"
shift
names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=(ducklake postgres_scanner sqlite_scanner httpfs)

# duckdb_jdbc 1.5.5.1 is DuckDB 1.5.5: the fourth number is the driver's own patch level.
jdbc="$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$root/pom.xml" | head -1)"
[[ -n "$jdbc" ]] || { echo "provision-extensions: no <duckdb.version> in pom.xml" >&2; exit 1; }
version="$(echo "$jdbc" | cut -d. -f1-3)"

case "$(uname -m)" in
  x86_64) platform=linux_amd64; wheel_platform=manylinux2014_x86_64 ;;
  aarch64 | arm64) platform=linux_arm64; wheel_platform=manylinux2014_aarch64 ;;
  *) echo "provision-extensions: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

cache="${XDG_CACHE_HOME:-$HOME/.cache}/mallard/extensions/v$version"
target="$dir/v$version/$platform"
mkdir -p "$cache" "$target"
python="${PYTHON:-python3}"

for name in "${names[@]}"; do
  [[ -f "$target/$name.duckdb_extension" ]] && continue
  package="duckdb-extension-${name//_/-}"
  wheel="$(ls "$cache"/"${package//-/_}"-"$version"-*"$wheel_platform".whl 2>/dev/null | head -1 || true)"
  if [[ -z "$wheel" ]]; then
    "$python" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform "$wheel_platform" --python-version 3.11 "$package==$version" -d "$cache" >&2
    wheel="$(ls "$cache"/"${package//-/_}"-"$version"-*"$wheel_platform".whl | head -1)"
  fi
  "$python" - "$wheel" "$name" "$version" "$target" <<'PY'
import sys, zipfile, os, shutil
wheel, name, version, target = sys.argv[1:]
member = f"extensions/v{version}/{name}.duckdb_extension"
with zipfile.ZipFile(wheel) as z:
    found = [n for n in z.namelist() if n.endswith(member)]
    if not found:
        sys.exit(f"provision-extensions: {wheel} has no {member}")
    tmp = os.path.join(target, f".{name}.tmp")
    with z.open(found[0]) as src, open(tmp, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.replace(tmp, os.path.join(target, f"{name}.duckdb_extension"))
PY
  echo "provision-extensions: $name $version ($platform)" >&2
done
