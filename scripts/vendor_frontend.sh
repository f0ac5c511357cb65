#!/usr/bin/env bash
# Vendor GOV.UK Frontend and htmx into threadline/static/vendor/.
#
# We use GOV.UK Frontend's styles and patterns, but the crown, the crest and the GDS Transport
# font are for gov.uk services only, so they are stripped here: @font-face rules go, the font
# stack becomes arial, sans-serif, and crest images are not copied. The output files are package
# data and are committed; run this again only to upgrade.
#
# Usage: scripts/vendor_frontend.sh            (needs npm and the npm registry, nothing else)
set -euo pipefail

GOVUK_FRONTEND_VERSION="${GOVUK_FRONTEND_VERSION:-5}"
HTMX_VERSION="${HTMX_VERSION:-2}"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$repo_root/threadline/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "govuk-frontend@${GOVUK_FRONTEND_VERSION}" "htmx.org@${HTMX_VERSION}" >/dev/null
mkdir govuk htmx
tar -xzf govuk-frontend-*.tgz -C govuk --strip-components=1
tar -xzf htmx.org-*.tgz -C htmx --strip-components=1
govuk_version="$(node -p 'require("./govuk/package.json").version')"
htmx_version="$(node -p 'require("./htmx/package.json").version')"

rm -rf "$target"
mkdir -p "$target/govuk-frontend" "$target/htmx"

# The CSS: no web fonts, no GDS Transport, no crest (the footer copyright logo), no source map.
sed -E \
  -e 's/@font-face\{[^}]*\}//g' \
  -e 's/font-family:"?GDS Transport"?,/font-family:/g' \
  -e 's/font-family:"?GDS Transport"?([;}])/font-family:arial,sans-serif\1/g' \
  -e 's#url\(/assets/images/govuk-crest\.svg\)#none#g' \
  -e 's#/\*\# sourceMappingURL=[^*]*\*/##g' \
  govuk/dist/govuk/govuk-frontend.min.css > "$target/govuk-frontend/govuk-frontend.min.css"

# Images the rewritten CSS still refers to (none today): copy them beside it, with relative URLs.
css="$target/govuk-frontend/govuk-frontend.min.css"
for asset in $(grep -o 'url(/assets/[^)]*)' "$css" | sed -E 's#url\(/assets/([^)]*)\)#\1#' | sort -u); do
  mkdir -p "$target/govuk-frontend/$(dirname "$asset")"
  cp "govuk/dist/govuk/assets/$asset" "$target/govuk-frontend/$asset"
done
sed -i -E 's#url\(/assets/#url(#g' "$css"

if grep -q 'GDS Transport\|@font-face\|govuk-crest' "$css"; then
  echo "vendor_frontend: the GOV.UK font or crest survived the rewrite" >&2
  exit 1
fi

sed -E 's#//\# sourceMappingURL=.*$##' govuk/dist/govuk/govuk-frontend.min.js \
  > "$target/govuk-frontend/govuk-frontend.min.js"
# The package ships no LICENSE file; its package.json says MIT.
cp htmx/dist/htmx.min.js "$target/htmx/htmx.min.js"
cp htmx/LICENSE "$target/htmx/LICENSE.txt"

cat > "$target/VERSIONS.txt" <<VERSIONS
govuk-frontend ${govuk_version} (MIT; crown, crest and GDS Transport removed by scripts/vendor_frontend.sh)
htmx.org ${htmx_version} (0BSD)
VERSIONS
echo "vendored govuk-frontend ${govuk_version} and htmx.org ${htmx_version} into ${target#"$repo_root"/}"
