// HubSpotAPI: see its DocC catalog.
