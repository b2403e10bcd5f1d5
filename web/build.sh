#!/usr/bin/env bash
# Builds Parley's front end into internal/web/dist, which is committed so
# that `go build` and `go run` need no Node.js. Needs Go (esbuild runs
# through `go run`) and web/node_modules (`npm ci` in web/). The output is
# reproducible: the same sources give the same bytes, and CI rebuilds it
# and fails if the committed copy differs.
#
#   dist/widget.js                  the widget loader (stable URL /widget.js)
#   dist/assets/widget/chat-H.js    the chat UI, loaded by widget.js on open
#   dist/assets/demo/demo-H.{js,css}        the demo page at /
#   dist/assets/console/main-H.{js,css}     the agent console (if web/console/main.js exists)
#   dist/assets/chunks/*-H.js       chunks shared by the console's lazily loaded parts
#   dist/manifest.json              source name → hashed file, e.g. "console/main.js"
#   dist/demo.html, dist/console.html  HTML templates the Go server fills in
set -euo pipefail
cd "$(dirname "$0")"

esbuild() { go run github.com/evanw/esbuild/cmd/esbuild@v0.28.2 "$@"; }
out=../internal/web/dist

[ -d node_modules/preact ] || { echo "web/node_modules is missing: run 'npm ci' in web/" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/assets"
common=(--bundle --minify --target=es2020 --charset=utf8 --legal-comments=none --log-level=warning
  --loader:.svg=text --asset-names='[dir]/[name]-[hash]' --outbase=.)

# The chat UI: one classic script (IIFE), so that customer pages load it with
# a plain <script> tag and no CORS; its styles are inlined as text into the
# widget's shadow root.
esbuild widget/chat.js "${common[@]}" --outdir="$out/assets" --format=iife --loader:.css=text --entry-names='[dir]/[name]-[hash]'
chat=$(cd "$out" && ls assets/widget/chat-*.js)

# The loader: tiny, no framework, knows the chat UI's hashed path.
esbuild widget/loader.js "${common[@]}" --format=iife --loader:.css=text \
  --define:__PARLEY_CHAT__="\"$chat\"" --outfile="$out/widget.js"

# Pages served by Parley itself: ES modules with shared chunks.
entries=(demo/demo.js)
[ -f console/main.js ] && entries+=(console/main.js)
esbuild "${entries[@]}" "${common[@]}" --outdir="$out/assets" --format=esm --splitting \
  --entry-names='[dir]/[name]-[hash]' --chunk-names='chunks/[name]-[hash]'

cp demo/index.html "$out/demo.html"
if [ -f console/index.html ]; then cp console/index.html "$out/console.html"; fi

# manifest.json: every hashed file by its name without the hash.
{
  printf '{\n'
  first=1
  while IFS= read -r f; do
    key=$(printf '%s' "${f#assets/}" | sed -E 's/-[A-Z0-9]{8}(\.[a-z0-9]+)$/\1/')
    [ $first = 1 ] || printf ',\n'
    first=0
    printf '  "%s": "%s"' "$key" "$f"
  done < <(cd "$out" && find assets -type f | LC_ALL=C sort)
  printf '\n}\n'
} > "$out/manifest.json"

echo "built $(cd "$out" && find . -type f | wc -l) files into internal/web/dist"
