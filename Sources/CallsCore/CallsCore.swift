// CallsCore: the domain and the CRMService protocol. Foundation only. See CallsCore.docc.
