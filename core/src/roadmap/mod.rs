//! Roadmaps: the hierarchy from objectives to stories, dependencies, lifecycle, feasibility.
