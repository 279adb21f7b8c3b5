# Sourced by start.sh and test.sh: installs what is missing, never what is present, so running
# it again is cheap. Debian/Ubuntu: system packages with apt (as root, or with sudo), node
# packages with `npm ci`, tauri-driver with cargo. Other OSes: see README.md.

# Debian packages the app needs to build and to run its real-window tests.
NFL_DFS_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential libssl-dev libayatana-appindicator3-dev librsvg2-dev
  libxdo-dev cmake libclang-dev pkg-config file xvfb xauth webkit2gtk-driver dbus-x11
  rpm # reads the .rpm bundle in the installer test
)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# CI starts from a fresh clone: keep cargo's build output outside it, so builds are reused.
if [ -n "${CI:-}" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="${HOME}/.cache/nfl-dfs/target"
fi
# Incremental state grows by gigabytes per build and a CI run edits nothing: leave it out there.
if [ -n "${CI:-}" ]; then
  export CARGO_INCREMENTAL=0
fi
NFL_DFS_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

ensure_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0 # not Debian: README lists what to install
  local missing=()
  for pkg in "${NFL_DFS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_toolchains() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is missing: install it from https://rustup.rs, then run this again." >&2
    exit 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js (20.19 or newer) with npm is missing: install it, then run this again." >&2
    exit 1
  fi
}

ensure_node_modules() {
  # npm ci again only when the lock file changed since the last install.
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    step "Installing UI packages (npm ci)"
    npm --prefix ui ci --no-audit --no-fund
  fi
}

ensure_tauri_driver() {
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    step "Installing tauri-driver"
    cargo install tauri-driver --locked
  fi
}

build_ui() {
  step "Building the UI"
  npm --prefix ui run build
}

ensure_setup() {
  ensure_system_packages
  ensure_toolchains
  ensure_node_modules
}
