#!/usr/bin/env bash
# Regenerates tests/engine/analysis/reference/{en,nl}.tsv: word<TAB>stem pairs from the Snowball C
# stemmers as Debian packages them, the reference the JavaScript stemmer is tested against
# (tests/engine/analysis/stem.test.ts). Run by hand when the reference should change; CI only
# reads the committed files, as it cannot rely on apt packages at test time.
#
# Needs (Debian/Ubuntu): apt-get install -y libstemmer-tools wamerican wdutch
# The header of each file records the Snowball version (from dpkg) and the word list it sampled.
#
# The sample is deterministic: the lower-case, letters-only entries of each word list (no names,
# no possessives, no hyphens), every Nth of them, about 3,000 words a language.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/tests/engine/analysis/reference"
mkdir -p "$out"

for tool in stemwords dpkg-query; do
  command -v "$tool" >/dev/null || { echo "reference-stems: '$tool' not found; run: apt-get install -y libstemmer-tools wamerican wdutch" >&2; exit 1; }
done
version="$(dpkg-query -W -f='${Version}' libstemmer0d 2>/dev/null || true)"
[ -n "$version" ] || { echo "reference-stems: package libstemmer0d is not installed; run: apt-get install -y libstemmer-tools" >&2; exit 1; }

# language code, Snowball algorithm, word list, keep every Nth word
make_reference() {
  local code="$1" algorithm="$2" list="$3" every="$4"
  [ -r "$list" ] || { echo "reference-stems: word list $list not found; run: apt-get install -y wamerican wdutch" >&2; exit 1; }
  local words
  words="$(mktemp)"
  grep -P '^\p{Ll}+$' "$list" | awk -v n="$every" 'NR % n == 0' > "$words"
  {
    printf '# Snowball %s (Debian libstemmer0d %s), stemwords -l %s, one in %s of the lower-case words of %s\n' \
      "${version%%-*}" "$version" "$algorithm" "$every" "$list"
    stemwords -l "$algorithm" -i "$words" | paste "$words" -
  } > "$out/$code.tsv"
  rm -f "$words"
  echo "reference-stems: wrote $out/$code.tsv ($(($(wc -l < "$out/$code.tsv") - 1)) words)"
}

make_reference en english /usr/share/dict/american-english 21
make_reference nl dutch /usr/share/dict/dutch 116
