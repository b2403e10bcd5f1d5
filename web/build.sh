#!/usr/bin/env bash
# Builds Parley's front end into internal/web/dist, which is committed so
# that `go build` and `go run` need no Node.js. Needs Go (esbuild runs
# through `go run`) and web/node_modules (`npm ci` in web/). The output is
# reproducible: the same sources give the same bytes, and CI rebuilds it
# and fails if the committed copy differs.
#
#   dist/widget.js                  the widget loader (stable URL /widget.js)
#   dist/sdk/parley-client.js       the browser SDK, one ES module (stable URL /sdk/parley-client.js)
#   dist/sdk/parley-client.d.ts     its TypeScript types (copied from web/sdk)
#   dist/assets/widget/chat-H.js    the chat UI, loaded by widget.js on open
#   dist/assets/demo/demo-H.{js,css}        the demo page at /
#   dist/assets/console/main-H.{js,css}     the agent console (if web/console/main.js exists)
#   dist/assets/chunks/*-H.js       chunks shared by the console's lazily loaded parts
#   dist/manifest.json              source name → hashed file, e.g. "console/main.js"
#   dist/examples/custom-chat/      examples/custom-chat, served in demo mode
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

# The browser SDK (@parley/client): one ES module at a stable URL, for chat
# screens built by customers (docs/sdk.md); the widget bundles the same code.
esbuild sdk/parley-client.js "${common[@]}" --format=esm --outfile="$out/sdk/parley-client.js"
cp sdk/parley-client.d.ts "$out/sdk/parley-client.d.ts"

# Pages served by Parley itself: ES modules with shared chunks.
entries=(demo/demo.js)
[ -f console/main.js ] && entries+=(console/main.js)
esbuild "${entries[@]}" "${common[@]}" --outdir="$out/assets" --format=esm --splitting \
  --entry-names='[dir]/[name]-[hash]' --chunk-names='chunks/[name]-[hash]'

cp demo/index.html "$out/demo.html"

# examples/custom-chat: a chat page built only on the SDK, served in demo
# mode at /examples/custom-chat/.
mkdir -p "$out/examples/custom-chat"
cp ../examples/custom-chat/index.html ../examples/custom-chat/chat.js ../examples/custom-chat/style.css "$out/examples/custom-chat/"
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
