// The plan's vocabulary (conditions, queries, frames, engines, interruption) is part of SegmentCore's
// own: its commands are built from it and its callers pass it on.
@_exported import SegmentPlan
