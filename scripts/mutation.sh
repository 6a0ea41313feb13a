#!/usr/bin/env bash
# Mutation testing (mutmut 3) of the query modules. Slow, so not part of .ci/run.
#   bash scripts/mutation.sh                 # _dates _queries _timeline _names _panel _convert _changes
#   bash scripts/mutation.sh _names _dates   # some of them
# Works in a copy of the tree, prints each module's killed/total and each surviving mutant's diff
# (see docs/reliability.md for why the survivors are equivalent).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root"/{src,tests,scripts,docs,pyproject.toml,README.md,LICENSE} "$work"/
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$work[test]" "mutmut==3.8.1"
[ $# -gt 0 ] || set -- _dates _queries _timeline _names _panel _convert _changes
for module in "$@"; do
    case $module in
        _panel) tests='"tests/test_panel.py"' ;;
        _timeline) tests='"tests/test_timeline.py", "tests/test_api.py", "tests/test_edges.py"' ;;
        _queries) tests='"tests/test_api.py", "tests/test_edges.py", "tests/test_dates.py", "tests/test_properties.py", "tests/test_query_oracle.py", "tests/test_names.py", "tests/test_lineage.py", "tests/test_first_contact.py", "tests/test_second_contact.py"' ;;
        _names) tests='"tests/test_names.py", "tests/test_api.py", "tests/test_edges.py", "tests/test_query_oracle.py"' ;;
        _convert) tests='"tests/test_convert.py", "tests/test_names.py"' ;;
        _changes) tests='"tests/test_changes.py"' ;;
        *) tests='"tests/test_api.py", "tests/test_edges.py", "tests/test_dates.py", "tests/test_properties.py", "tests/test_query_oracle.py"' ;;
    esac
    cp "$root/pyproject.toml" "$work/pyproject.toml"
    cat >> "$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["src/nato_relations/$module.py"]
also_copy = ["src/nato_relations/", "tests/", "scripts/", "docs/"]
pytest_add_cli_args_test_selection = [$tests]
TOML
    rm -rf "$work/mutants"
    if ! (cd "$work" && "$work/venv/bin/mutmut" run >"$work/mutmut.log" 2>&1); then
        # mutmut stops before mutating when the selected tests fail on the unchanged code: no score then
        echo "=== $module: mutmut failed (do the selected tests pass on the unchanged code?)"
        tail -n 20 "$work/mutmut.log"
        continue
    fi
    results=$(cd "$work" && "$work/venv/bin/mutmut" results --all true 2>/dev/null || true)
    total=$(grep -c ': ' <<<"$results" || true)
    killed=$(grep -cE ': (killed|timeout)$' <<<"$results" || true)
    echo "=== $module: $killed of $total mutants killed"
    # a survivor, and anything else not killed ("no tests", "not checked", ...), with its diff and status
    grep -vE ': (killed|timeout)$' <<<"$results" | grep ': ' | while IFS=: read -r mutant status; do
        mutant=$(tr -d ' ' <<<"$mutant")
        (cd "$work" && "$work/venv/bin/mutmut" show "$mutant" 2>/dev/null | grep -E '^[-+][^-+]') || true
        echo "    ^ $mutant:$status"
    done
done
