import CallsCore
import Foundation

/// The last mutation, as a value that can be reverted with `u`.
public struct UndoEntry: Sendable, Equatable {
    public var label: String
    public var revert: Revert

    public init(label: String, revert: Revert) {
        self.label = label
        self.revert = revert
    }

    /// How to take a mutation back.
    public enum Revert: Sendable, Equatable {
        /// Write these property values back (edit, outcome).
        case update(callIDs: [String], previous: [String: [String: String]])
        /// Remove an association that was added.
        case removeAssociation(callID: String, record: ObjectRef)
        /// Add back an association that was removed; `pinned`: the call was pinned on the
        /// record, and is pinned there again (the removal took the pin with it, QA4 Q4-3).
        case associate(callID: String, record: ObjectRef, pinned: Bool = false)
        /// Set the record's pinned engagement back (`nil` unpins).
        case pin(record: ObjectRef, previous: String?)
        /// Bring back calls whose delete is still waiting.
        case restore(ids: [String])
    }
}

extension UndoEntry.Revert {
    /// The one call the revert changes, if it changes exactly one (an outcome of many marked
    /// calls, a pin and a restore have none).
    var callID: String? {
        switch self {
        case .update(let ids, _): ids.count == 1 ? ids[0] : nil
        case .removeAssociation(let callID, _), .associate(let callID, _, _): callID
        case .pin, .restore: nil
        }
    }
}

/// A call deleted in the UI whose archive request waits out the undo window.
public struct PendingDelete: Sendable, Equatable {
    public var row: CallRow
    /// Where the row was, to put it back.
    public var index: Int
    public var deadline: Date

    public init(row: CallRow, index: Int, deadline: Date) {
        self.row = row
        self.index = index
        self.deadline = deadline
    }
}

/// A mutation in flight: what to restore if it fails, and what undo will do if it succeeds.
public struct InFlight: Sendable, Equatable {
    public var label: String
    /// Local state to put back on failure.
    public var rollback: UndoEntry.Revert?
    /// The undo entry to record on success (`nil` for an undo itself).
    public var undo: UndoEntry?
    /// The calls a delete is sending, to put back in the list if it fails.
    public var deleting: [PendingDelete]
    /// What the status line says before the reason when it fails; `nil`: the label, quoted,
    /// "did not go through". An undo says it could not undo, not that "Undid …" failed.
    public var failure: String?
    /// The record to pin the call on once this association is made: an undone removal of
    /// a pinned association (a pin needs the association first).
    public var thenPin: ObjectRef?

    public init(label: String, rollback: UndoEntry.Revert?, undo: UndoEntry?, deleting: [PendingDelete] = []) {
        self.label = label
        self.rollback = rollback
        self.undo = undo
        self.deleting = deleting
    }
}
