import CallsCore
import Foundation

/// Everything that reaches the reducer: inputs (keys, actions, resizes, clock ticks) and the
/// results of effects, named in the past tense. Results carry the token of their effect.
public enum Msg: Sendable, Equatable {
    // MARK: Inputs
    /// A key in notation (`j`, `<C-s>`, `<Space>`); the bindings turn it into an action or text.
    case key(String)
    /// An action by name, bypassing the keymap (tests, scripted use).
    case action(Action)
    /// Text pasted or typed into the focused input: a text field or the filter bar gets it
    /// literally (line breaks become spaces where only one line fits); on the list it opens
    /// the filter bar with it; elsewhere (detail, confirm, help) it is ignored, so a paste
    /// never runs commands.
    case text(String)
    /// The process was asked to end (the terminal closed, SIGTERM): keep the open form's
    /// draft, send pending deletes, then quit.
    case terminationRequested
    case resized(columns: Int, rows: Int)
    /// The clock: spinner frames, the undo window, the quick-log timer.
    case tick(Date)
    /// The first message: start loading.
    case started(Date)

    // MARK: Results
    case lookupsLoaded(token: Int, Lookups)
    case lookupsFailed(token: Int, CRMError)
    case callsLoaded(token: Int, generation: Int, rows: [CallRow], total: Int, nextAfter: String?)
    case callsFailed(token: Int, generation: Int, CRMError)
    case detailLoaded(token: Int, CallDetail)
    case detailFailed(token: Int, callID: String, CRMError)
    /// An effect the app cancelled (a paused detail load the cursor moved on from) ended
    /// without an answer. Counted as one, so the spinner stops when nothing is in flight.
    case effectDropped
    case callSaved(token: Int, CRMObject)
    case saveFailed(token: Int, CRMError)
    case batchUpdated(token: Int, updated: [CRMObject], failures: [CRMError])
    case associated(token: Int)
    case associateFailed(token: Int, CRMError)
    case associationRemoved(token: Int)
    case removeAssociationFailed(token: Int, CRMError)
    case pinned(token: Int, record: ObjectRef, pinnedID: String?)
    case pinFailed(token: Int, CRMError)
    case callsArchived(token: Int, archived: [String], failures: [CRMError])
    case callCreated(token: Int, CRMObject)
    case createFailed(token: Int, CRMError)
    /// Where a call is in the list (``Effect/locateCall(token:generation:callID:_:)``).
    case callLocated(token: Int, generation: Int, callID: String, CallPlace)
    case locateFailed(token: Int, callID: String, CRMError)
    case recordsFound(token: Int, [RecordSummary])
    case recordSearchFailed(token: Int, CRMError)
    case draftLoaded(FormDraft?)
    case draftWritten(error: String?)
    /// A draft that no longer fits its call was moved to `path`.
    case draftSetAside(path: String)
    case copied(String)
}

/// Where a call is in the list's query.
public enum CallPlace: Sendable, Equatable {
    /// Its position. `afterWaiting`: the search listed it only after a wait (HubSpot lists new
    /// records after a moment), so pages loaded before may lack it.
    case position(Int, afterWaiting: Bool)
    /// The search lists it, but the list's filter leaves it out.
    case filteredOut
    /// The search did not list it, even after waiting.
    case notListed
}

/// What the reducer asks the outside world to do. Data, not closures, so tests compare them;
/// the ``EffectRunner`` answers each with exactly one ``Msg``.
public enum Effect: Sendable, Equatable {
    case loadLookups(token: Int)
    case fetchPage(token: Int, generation: Int, SearchRequest)
    case loadDetail(token: Int, callID: String)
    /// ``loadDetail(token:callID:)`` once the cursor has rested for
    /// ``DetailController/followPause``: a held `j` loads only the call it stops on. The app
    /// cancels a waiting one when the next is asked for; cancelled, it answers nothing.
    case loadDetailAfterPause(token: Int, callID: String)
    /// Update one call's properties (edit, outcome of one call, undo of either).
    case saveCall(token: Int, callID: String, properties: [String: String])
    /// Update many calls at once (outcome of the marked calls, undo of that).
    case batchUpdate(token: Int, [ObjectUpdate])
    case associate(token: Int, callID: String, record: ObjectRef)
    case removeAssociation(token: Int, callID: String, record: ObjectRef)
    /// Set `hs_pinned_engagement_id` on the record (`nil` unpins).
    case pin(token: Int, callID: String?, record: ObjectRef)
    /// Delete one call whose undo window has passed.
    case archive(token: Int, callID: String)
    /// Delete many calls (marked calls, or the pending ones on quit).
    case batchArchive(token: Int, ids: [String])
    case createCall(token: Int, ObjectInput)
    case searchRecords(token: Int, type: ObjectType, query: String)
    /// Find a call's position in the list's query (`request`: its filter and sort), by
    /// counting the matches that come before it, so the cursor can go to a call on a page
    /// not loaded yet (a quick-logged call at the bottom of an oldest-first list).
    case locateCall(token: Int, generation: Int, callID: String, SearchRequest)
    case loadDraft
    case saveDraft(FormDraft)
    case clearDraft
    /// Moves the draft file aside (its call changed since it was written), keeping it.
    case setDraftAside
    case copyToClipboard(String)
    /// Clear the terminal and paint the next frame whole (`<C-l>`).
    case redrawScreen
    /// Stop the run loop (after pending deletes were sent).
    case quit
}
