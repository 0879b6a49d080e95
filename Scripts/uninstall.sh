#!/usr/bin/env bash
# Removes exactly what Scripts/install.sh wrote into PREFIX, as its manifest lists: files first, then the folders it
# created, each only if empty. Nothing is removed through a symbolic link, and nothing the manifest does not name.
# Usage: Scripts/uninstall.sh PREFIX   (make uninstall runs it)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PREFIX" >&2; exit 2; }
prefix=$(realpath -m "$1")
manifest="$prefix/lib/planbook/install-manifest"
if [ ! -f "$manifest" ] || [ -L "$manifest" ]; then
    echo "Nothing to uninstall: $manifest is not there (planbook was not installed into $prefix)."
    exit 0
fi

# Whether PATH (relative to the prefix) is safe to remove: no "..", no absolute path, no symbolic link on the way.
safe() {
    case "$1" in /* | *..* | "") return 1 ;; esac
    local path="$prefix"
    local part
    IFS=/ read -ra parts <<< "${1%/}"
    for part in "${parts[@]}"; do
        path="$path/$part"
        [ -L "$path" ] && return 1
    done
    return 0
}

mapfile -t entries < "$manifest"
removed=0
for entry in "${entries[@]}"; do
    case "$entry" in */) continue ;; esac
    if ! safe "$entry"; then
        echo "kept $prefix/$entry: a symbolic link or an unsafe path" >&2
    elif [ -f "$prefix/$entry" ]; then
        rm -f "$prefix/$entry"
        removed=$((removed + 1))
    fi
done
# Folders install created, deepest first, only when empty.
for ((index = ${#entries[@]} - 1; index >= 0; index--)); do
    entry=${entries[$index]}
    case "$entry" in */) safe "$entry" && rmdir "$prefix/$entry" 2>/dev/null || true ;; esac
done
echo "Removed $removed file(s) that planbook's install wrote into $prefix."
