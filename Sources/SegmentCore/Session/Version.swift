/// The version of seg, shown by `seg --version` and the greeting, and written into saved sessions.
public let segVersion = "0.1.0"
