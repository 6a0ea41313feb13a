#!/usr/bin/env bash
# Mutation testing of the query modules (slow: not part of .ci/run). Prints mutmut's results.
#   bash scripts/mutation.sh            # all five modules
#   bash scripts/mutation.sh _names.py  # one module
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[test]" "mutmut>=3.2"
modules=("${@:-_dates.py _queries.py _timeline.py _names.py _panel.py}")
for module in ${modules[*]}; do
    echo "=== mutmut: src/nato_relations/$module"
    (
        cd "$work" && cp -r "$OLDPWD"/{src,tests,pyproject.toml} . &&
        "$work/venv/bin/mutmut" run --paths-to-mutate "src/nato_relations/$module" --tests-dir tests >/dev/null 2>&1 || true
        "$work/venv/bin/mutmut" results
    )
done
