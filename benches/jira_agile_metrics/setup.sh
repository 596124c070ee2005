#!/usr/bin/env bash
# Creates jira-agile-metrics' own pinned environment, outside the repository:
#   bash benches/jira_agile_metrics/setup.sh [VENV]   (default /tmp/jam-venv)
# jira-agile-metrics 0.24 needs pandas 1.x (it breaks on pandas 2) and an older numpy;
# its test fixtures (the fake Jira that run_jam.py uses) import pytest.
set -euo pipefail
venv="${1:-/tmp/jam-venv}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "jira-agile-metrics==0.24" "pandas==1.5.3" "numpy==1.23.5" "pytest"
"$venv/bin/python" -c "import jira_agile_metrics, pandas; print('jira-agile-metrics ready, pandas', pandas.__version__)"
