import CallsCore
import Foundation

/// Runs effects against a ``CRMService`` and answers each with exactly one ``Msg``. It never
/// throws: failures come back as the `…Failed` message carrying the ``CRMError``.
public struct EffectRunner: Sendable {
    public var service: any CRMService
    /// Where an open form's draft is kept (`nil`: drafts are not persisted).
    public var draftURL: URL?
    /// The data source drafts belong to (`local:/path/to/db`, `hubspot:https://…`): written
    /// into each draft; a draft of another source is not restored.
    public var draftSource: String?
    /// Writes text to the clipboard (the terminal's OSC 52).
    public var copy: @Sendable (String) async -> Void
    /// Gets one line per effect that cost requests (`page: 3 requests (…)`), for the HTTP
    /// backend's debug log (`HUBCALLS_HTTP_LOG`); `nil` counts nothing.
    public var requestLog: (@Sendable (String) -> Void)?
    /// How long ``Effect/locateCall(token:generation:callID:_:)`` waits between asking the
    /// search for a call it does not list yet (HubSpot lists new records after a moment).
    public var locateRetryDelay: Duration = .seconds(1)
    /// How many times it asks before giving up.
    public var locateAttempts = 6

    public init(service: any CRMService, draftURL: URL? = nil, copy: @escaping @Sendable (String) async -> Void = { _ in }) {
        self.service = service
        self.draftURL = draftURL
        self.copy = copy
    }

    /// Performs one effect. `.quit` answers `nil`: the run loop stops instead.
    public func run(_ effect: Effect) async -> Msg? {
        guard let requestLog else { return await perform(effect) }
        let tally = RequestTally(effect.costLabel)
        let msg = await RequestTally.$current.withValue(tally) { await perform(effect) }
        if !tally.endpoints.isEmpty { requestLog(tally.summary) }
        return msg
    }

    private func perform(_ effect: Effect) async -> Msg? {
        switch effect {
        case .loadLookups(let token):
            do {
                async let owners = service.owners()
                async let outcomes = service.outcomes()
                async let properties = service.properties(.calls)
                let lookups = Lookups(owners: try await owners, outcomes: OutcomeCatalog(custom: try await outcomes), callProperties: try await properties, loaded: true)
                return .lookupsLoaded(token: token, lookups)
            } catch { return .lookupsFailed(token: token, crm(error)) }

        case .fetchPage(let token, let generation, let request):
            do {
                let page = try await service.search(.calls, request)
                let rows = try await rowsWithRecords(page.results)
                return .callsLoaded(token: token, generation: generation, rows: rows, total: page.total, nextAfter: page.nextAfter)
            } catch { return .callsFailed(token: token, generation: generation, crm(error)) }

        case .loadDetail(let token, let callID):
            do { return .detailLoaded(token: token, try await detail(callID)) }
            catch { return .detailFailed(token: token, callID: callID, crm(error)) }

        case .loadDetailAfterPause(let token, let callID):
            do { try await Task.sleep(for: DetailController.followPause) } catch { return nil }
            do { return .detailLoaded(token: token, try await detail(callID)) }
            catch { return .detailFailed(token: token, callID: callID, crm(error)) }

        case .saveCall(let token, let callID, let properties):
            do { return .callSaved(token: token, try await service.update(.calls, id: callID, properties: properties)) }
            catch { return .saveFailed(token: token, crm(error)) }

        case .batchUpdate(let token, let updates):
            do {
                let result = try await service.batchUpdate(.calls, updates)
                return .batchUpdated(token: token, updated: result.results, failures: result.errors)
            } catch { return .batchUpdated(token: token, updated: [], failures: updates.map { failure(crm(error), id: $0.id) }) }

        case .associate(let token, let callID, let record):
            do {
                try await service.associate(ObjectRef(.calls, callID), with: record, typeID: AssociationTypes.default(from: .calls, to: record.type)?.id)
                return .associated(token: token)
            } catch { return .associateFailed(token: token, crm(error)) }

        case .removeAssociation(let token, let callID, let record):
            do {
                try await service.removeAssociation(ObjectRef(.calls, callID), with: record)
                return .associationRemoved(token: token)
            } catch { return .removeAssociationFailed(token: token, crm(error)) }

        case .pin(let token, let callID, let record):
            do {
                let updated = try await service.pin(callID: callID, on: record)
                return .pinned(token: token, record: record, pinnedID: updated.nonEmpty(CallProperty.pinnedEngagement))
            } catch { return .pinFailed(token: token, crm(error)) }

        case .archive(let token, let callID):
            do {
                try await service.archive(.calls, id: callID)
                return .callsArchived(token: token, archived: [callID], failures: [])
            } catch { return .callsArchived(token: token, archived: [], failures: [failure(crm(error), id: callID)]) }

        case .batchArchive(let token, let ids):
            do {
                let result = try await service.batchArchive(.calls, ids: ids)
                let failed = Set(result.errors.compactMap(\.id))
                return .callsArchived(token: token, archived: ids.filter { !failed.contains($0) }, failures: result.errors)
            } catch { return .callsArchived(token: token, archived: [], failures: ids.map { failure(crm(error), id: $0) }) }

        case .createCall(let token, let input):
            do { return .callCreated(token: token, try await service.create(.calls, input)) }
            catch { return .createFailed(token: token, crm(error)) }

        case .searchRecords(let token, let type, let query):
            do {
                let request = SearchRequest(query: query.isEmpty ? nil : query, properties: RecordSummary.properties(for: type), limit: 50)
                let page = try await service.search(type, request)
                var records = page.results.map { RecordSummary($0, type: type) }
                if PipelineStages.property(for: type) != nil {
                    // Stage labels from the type's definitions (cached by the backends); without
                    // them the default pipelines' labels still beat the ids.
                    let definitions = (try? await service.properties(type)) ?? []
                    for index in records.indices {
                        records[index].subtitle = records[index].subtitle.map { PipelineStages.label($0, type: type, definitions: definitions) }
                    }
                }
                return .recordsFound(token: token, records)
            } catch { return .recordSearchFailed(token: token, crm(error)) }

        case .locateCall(let token, let generation, let callID, let request):
            do { return .callLocated(token: token, generation: generation, callID: callID, try await place(of: callID, in: request)) }
            catch { return .locateFailed(token: token, callID: callID, crm(error)) }

        case .loadDraft:
            guard let draft = DraftFile.load(draftURL) else { return .draftLoaded(nil) }
            // Drafts of older versions name no source: the reducer still checks that the
            // call is as the draft's form found it.
            if let source = draft.source, let draftSource, source != draftSource { return .draftLoaded(nil) }
            return .draftLoaded(draft)
        case .saveDraft(var draft):
            draft.source = draftSource
            return .draftWritten(error: DraftFile.save(draft, to: draftURL))
        case .clearDraft:
            return .draftWritten(error: DraftFile.remove(draftURL))
        case .setDraftAside:
            switch DraftFile.setAside(draftURL) {
            case .success(let path): return .draftSetAside(path: path)
            case .failure(let error): return .draftWritten(error: error.message)
            }
        case .copyToClipboard(let text):
            await copy(text)
            return .copied(text)
        case .redrawScreen, .quit:
            return nil
        }
    }

    // MARK: - Composite reads

    /// Names each row after its first associated contact, else its first company. Contacts
    /// are read for the whole page; companies only for the calls without a contact. So a
    /// page whose calls all have contacts costs one association read and one batch read of
    /// names, whatever its size (two more when some calls need a company). The contacts'
    /// names and the companies' associations are read at the same time.
    func rowsWithRecords(_ objects: [CRMObject]) async throws -> [CallRow] {
        let ids = objects.map(\.id)
        guard !ids.isEmpty else { return [] }
        let contactLinks = try await service.batchAssociations(from: .calls, ids: ids, to: .contacts)
        let contactRefs = contactLinks.mapValues { $0.map { ObjectRef(.contacts, $0.id) } }
        // Any contact names the row before a company: the contacts alone settle the rule for
        // the calls that have one, and companies are read only for the others.
        var firstRecord: [String: ObjectRef] = [:]
        for id in ids {
            firstRecord[id] = CallRow.namingRecord(contacts: contactRefs[id] ?? [], companies: [])
        }
        let unnamed = ids.filter { firstRecord[$0] == nil }
        let contacts = Set(firstRecord.values.map(\.id))
        async let contactNames = summaries(.contacts, ids: contacts)
        async let companyLinks = unnamed.isEmpty ? [:] : service.batchAssociations(from: .calls, ids: unnamed, to: .companies)
        for (id, records) in try await companyLinks {
            firstRecord[id] = CallRow.namingRecord(contacts: contactRefs[id] ?? [], companies: records.map { ObjectRef(.companies, $0.id) })
        }
        var summaries = try await contactNames
        let companies = Set(firstRecord.values.filter { $0.type == .companies }.map(\.id))
        summaries.merge(try await self.summaries(.companies, ids: companies)) { first, _ in first }
        return objects.map { object in
            let ref = firstRecord[object.id]
            return CallRow(call: Call(object), record: ref.map { summaries[$0] ?? RecordSummary(ref: $0, name: "\($0.type.label) \($0.id)") })
        }
    }

    /// Names of records of one type (one batch read; none for no ids).
    private func summaries(_ type: ObjectType, ids: Set<String>) async throws -> [ObjectRef: RecordSummary] {
        guard !ids.isEmpty else { return [:] }
        let result = try await service.batchRead(type, ids: ids.sorted(), properties: RecordSummary.properties(for: type))
        var summaries: [ObjectRef: RecordSummary] = [:]
        for object in result.results { summaries[ObjectRef(type, object.id)] = RecordSummary(object, type: type) }
        return summaries
    }

    /// The call with every property and its associated records by type. The records of
    /// each type are read at the same time: on HubSpot the pane then waits for two round
    /// trips, not one per type.
    func detail(_ callID: String) async throws -> CallDetail {
        let object = try await service.get(.calls, id: callID, properties: nil, associations: ObjectType.recordTypes)
        let groups = try await withThrowingTaskGroup(of: (ObjectType, [RecordSummary]).self) { group in
            for type in ObjectType.recordTypes {
                let ids = (object.associations[type] ?? []).map(\.id)
                guard !ids.isEmpty else { continue }
                group.addTask { (type, try await records(type, ids: Array(Set(ids)).sorted())) }
            }
            var groups: [ObjectType: [RecordSummary]] = [:]
            for try await (type, records) in group { groups[type] = records }
            return groups
        }
        return CallDetail(call: Call(object), associations: groups)
    }

    /// Summaries of the records of one type, in `ids` order (a missing one by its id).
    private func records(_ type: ObjectType, ids: [String]) async throws -> [RecordSummary] {
        let result = try await service.batchRead(type, ids: ids, properties: RecordSummary.properties(for: type))
        let byID = Dictionary(result.results.map { ($0.id, RecordSummary($0, type: type)) }, uniquingKeysWith: { a, _ in a })
        var records = ids.map { byID[$0] ?? RecordSummary(ref: ObjectRef(type, $0), name: "\(type.label) \($0)") }
        if PipelineStages.property(for: type) != nil {
            let definitions = (try? await service.properties(type)) ?? []
            for index in records.indices {
                records[index].subtitle = records[index].subtitle.map { PipelineStages.label($0, type: type, definitions: definitions) }
            }
        }
        return records
    }

    // MARK: - Errors

    private func crm(_ error: any Error) -> CRMError {
        (error as? CRMError) ?? CRMError(kind: .other, message: String(describing: error))
    }

    private func failure(_ error: CRMError, id: String) -> CRMError {
        var copy = error
        copy.id = id
        return copy
    }
}

// MARK: - Request accounting

extension Effect {
    /// What an effect is called in the request log: the screen or action it loads.
    var costLabel: String {
        switch self {
        case .loadLookups: "lookups"
        case .fetchPage: "page"
        case .loadDetail, .loadDetailAfterPause: "detail"
        case .saveCall: "save"
        case .batchUpdate: "batch update"
        case .associate: "associate"
        case .removeAssociation: "remove association"
        case .pin: "pin"
        case .archive: "delete"
        case .batchArchive: "batch delete"
        case .createCall: "log call"
        case .searchRecords: "record search"
        case .locateCall: "locate call"
        case .loadDraft, .saveDraft, .clearDraft, .setDraftAside, .copyToClipboard, .redrawScreen, .quit: "local"
        }
    }
}
