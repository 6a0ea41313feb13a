"""Shared test settings: hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` runs more examples)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# No deadlines: speed is measured by the benchmarks, never by timed tests.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
