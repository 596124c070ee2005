//! The product owner's backlog: user stories, estimates, prioritization, backlog health.
