#!/usr/bin/env bash
# Builds the Debian package newsindex_VERSION_ARCH.deb: installs what is missing, makes the
# Release build in build/ (or $BUILD_DIR) that scripts/test.sh makes, then runs CPack, whose
# dependencies come from dpkg-shlibdeps. Prints the package's path.
#   sudo apt-get install ./build/package/newsindex_*.deb    # installs it with its dependencies
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/deps.sh"
BUILD_DIR="$build" "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=Release -DNEWSINDEX_WERROR=ON
(cd "$build" && cpack -G DEB --config CPackConfig.cmake >/dev/null)
ls "$build"/package/newsindex_*.deb
