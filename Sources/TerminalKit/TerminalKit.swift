// TerminalKit: see its DocC catalog.
