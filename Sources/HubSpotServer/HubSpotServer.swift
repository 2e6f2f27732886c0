// HubSpotServer: see its DocC catalog.
