#!/usr/bin/env bash
# Refreshes the KERN UX files the portal ships (no CDN: everything is served by the portal itself) from npm and
# writes their SHA-256 sums; CI checks the sums (portal test KernAssetsTest), so a change of the files is deliberate.
# Usage: portal/scripts/refresh-kern.sh [version]     (needs npm)
set -euo pipefail
version="${1:-2.7.2}"
cd "$(dirname "$0")/.."
target=src/main/resources/static/kern
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@kern-ux/native@$version" >/dev/null && tar xzf kern-ux-native-*.tgz)
dist="$work/package/dist"
rm -rf "$target" && mkdir -p "$target/fonts/fira-sans"
cp "$dist/kern.min.css" "$target/"
cp "$dist/fonts/fira-sans.css" "$target/fonts/"
for font in $(grep -o 'FiraSans-[A-Za-z]*\.woff2' "$dist/fonts/fira-sans.css" | sort -u); do
  cp "$dist/fonts/fira-sans/$font" "$target/fonts/fira-sans/"
done
cp "$work/package/LICENSE.md" "$target/LICENSE.md"
(cd "$target" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "@kern-ux/native $version" > "$target/VERSION"
echo "KERN UX $version in $target"
