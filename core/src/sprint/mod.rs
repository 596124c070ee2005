//! Sprints: planning, capacity, the event log, burndown and burnup, velocity.
