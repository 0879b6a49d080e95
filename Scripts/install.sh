#!/usr/bin/env bash
# Installs planbook into PREFIX in a relocatable layout, which planbook finds from its own real path:
#   PREFIX/bin/planbook
#   PREFIX/lib/planbook/libPlanKit.so                   the library plan programs link
#   PREFIX/lib/planbook/Modules/NAME.swiftmodule        every module of the PlanKit library product
#   PREFIX/lib/planbook/install-manifest                what this wrote, for Scripts/uninstall.sh
# The templates and the font configuration are compiled into planbook; nothing else is needed beside it.
# Usage: Scripts/install.sh PREFIX BUILD_FOLDER   (make install runs it with .build/release)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PREFIX BUILD_FOLDER" >&2; exit 2; }
prefix=$(realpath -m "$1")
build=$(realpath -m "$2")
cd "$(dirname "$0")/.."

# The modules of the PlanKit product, as Package.swift lists its targets (not a list kept here). SwiftPM is given a
# scratch folder of its own, so that it does not wait for a build or test that holds .build.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
modules=$(swift package --scratch-path "$scratch" describe --type json | python3 -c '
import json, sys
products = {p["name"]: p for p in json.load(sys.stdin)["products"]}
print("\n".join(products["PlanKit"]["targets"]))')

files=(bin/planbook lib/planbook/libPlanKit.so)
sources=("$build/planbook" "$build/libPlanKit.so")
for module in $modules; do
    found=""
    for candidate in "$build/Modules/$module.swiftmodule" "$build/$module.swiftmodule"; do
        [ -f "$candidate" ] && { found=$candidate; break; }
    done
    [ -n "$found" ] || { echo "error: $module.swiftmodule is not in $build; run make planbook first" >&2; exit 1; }
    files+=("lib/planbook/Modules/$module.swiftmodule")
    sources+=("$found")
done
for source in "${sources[@]}"; do
    [ -f "$source" ] || { echo "error: $source is missing; run make planbook first" >&2; exit 1; }
done

# A previous install is removed first (exactly its manifest), so that no file of an older layout stays behind.
if [ -f "$prefix/lib/planbook/install-manifest" ]; then
    "$(dirname "$0")/uninstall.sh" "$prefix" >/dev/null
fi

manifest=()
for folder in bin lib lib/planbook lib/planbook/Modules; do
    if [ ! -d "$prefix/$folder" ]; then
        mkdir -p "$prefix/$folder"
        manifest+=("$folder/")
    fi
done
for index in "${!files[@]}"; do
    install -m "$([ "${files[$index]}" = bin/planbook ] && echo 755 || echo 644)" "${sources[$index]}" "$prefix/${files[$index]}"
    manifest+=("${files[$index]}")
done
manifest+=(lib/planbook/install-manifest)
printf '%s\n' "${manifest[@]}" > "$prefix/lib/planbook/install-manifest"
echo "Installed $prefix/bin/planbook (with lib/planbook/: libPlanKit.so and $(echo $modules | wc -w) module(s))."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add it to your PATH: export PATH=\"$prefix/bin:\$PATH\"" ;; esac
