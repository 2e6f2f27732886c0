// LocalStore: see its DocC catalog.
