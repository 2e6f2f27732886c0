// CallBrowser: see its DocC catalog.
