import CallsCore
import Foundation

/// Everything the browser shows, as one value. The reducer is the only thing that changes it;
/// views only read it.
public struct AppState: Sendable, Equatable {
    /// Terminal size in cells.
    public var columns: Int
    public var rows: Int
    /// The latest time a message brought (ticks, key presses); the reducer never reads a clock.
    public var now: Date
    /// Time zone the list's times are shown in.
    public var timeZone: TimeZone

    public var list = ListState()
    public var detail = DetailState()
    /// Which pane has the keys when no modal is open.
    public var focus: Focus = .list
    public var modal: Modal?
    public var status = StatusState()
    public var undo: UndoEntry?
    /// Why `u` cannot undo the last delete any more (its undo window ended and it was sent).
    public var expiredUndo: String?
    /// The last call the quick-log form created (`hubcalls log --interactive` prints it).
    public var loggedCall: Call?
    public var pendingDeletes: [String: PendingDelete] = [:]
    public var inFlight: [Int: InFlight] = [:]
    public var lookups = Lookups()
    public var bindings: Bindings
    /// Keys typed so far of a multi-key sequence (`g` of `gg`).
    public var pendingKeys: [String] = []
    /// No mutations: dangerous actions and edits are refused.
    public var readOnly = false
    /// Set by quit; the run loop stops after the effects it returned.
    public var quitting = false
    /// Deletes that failed while quitting: the caller reports them once the terminal is
    /// restored and exits non-zero.
    public var failedDeletesAtQuit: [FailedDelete] = []
    /// Who logs calls: the config file's `owner` (an owner id, email or name), set as the
    /// owner of quick-logged calls as HubSpot's UI sets the logging user. `nil`: none.
    public var defaultOwner: String?
    /// How the list marks the selected call: the config file's `cursor`.
    public var listCursor: ListCursor = .bar
    /// Only the quick-log form (`hubcalls log --interactive`): closing it quits.
    public var quickLogOnly = false
    /// An action waiting for the call's detail to load (edit, pin, remove association).
    public var pendingIntent: PendingIntent?
    /// Keys and pastes that arrived while ``pendingIntent`` waited: they were typed for what
    /// the action opens (the edit form), so they run once it is open, never on the list.
    public var typeAhead: [Msg] = []
    /// A draft found at start, applied once its call's detail arrives.
    public var draftToRestore: FormDraft?
    /// The draft file holds an edit draft the quick-log-only mode cannot restore: it is the
    /// browser's to offer, so this run neither writes over it nor removes it (QA4 Q4-15).
    public var keepsOthersDraft = false
    /// Records seen in associations, by `type:id`, so undoing a removal can name them.
    public var removedRecords: [String: RecordSummary] = [:]
    /// Token source for effects; results carry their token back.
    public var nextToken = 1

    public init(columns: Int = 80, rows: Int = 24, now: Date, timeZone: TimeZone = .current, bindings: Bindings = .defaults) {
        self.columns = columns
        self.rows = rows
        self.now = now
        self.timeZone = timeZone
        self.bindings = bindings
    }

    public enum Focus: Sendable, Equatable { case list, detail }

    /// Side by side at this width and wider; narrower, the detail view takes the screen.
    public static let splitWidth = 100
    /// How long a deleted call can be brought back before the delete is sent.
    public static let undoWindow: TimeInterval = 8

    public var isSplit: Bool { columns >= AppState.splitWidth }

    /// The context keys are looked up in now.
    public var context: BrowserContext {
        if let modal { return modal.context }
        return focus == .detail ? .detail : .list
    }

    /// The call actions apply to: the detail's call when it has focus, else the row under the cursor.
    public var currentCallID: String? {
        if focus == .detail, let id = detail.callID { return id }
        return list.selected?.id
    }

    /// A fresh token for an effect.
    public mutating func token() -> Int {
        defer { nextToken += 1 }
        return nextToken
    }
}

/// An action that runs once the detail of `callID` has loaded.
public struct PendingIntent: Sendable, Equatable {
    public var action: Action
    public var callID: String
}

/// The detail pane: the call whose details are shown (or loading) and its scroll position.
public struct DetailState: Sendable, Equatable {
    public var callID: String?
    public var detail: CallDetail?
    public var loadingToken: Int?
    public var scroll: Int = 0
    public var error: String?
    /// The call the side pane keeps showing while the cursor moves on (see
    /// ``DetailController/holdWhileMoving(_:)``): the one it last showed whole.
    public var held: HeldPreview?
    /// The shown detail was read while a write was out: it may predate the write, so the
    /// write's answer loads it again (see ``DetailController/reloadAfterWrite(_:)``).
    public var readDuringWrite = false

    public init() {}
}

/// A call the side pane keeps on screen while the cursor moves through the list, until the
/// selected call's detail is ready or the load turns out slow.
public struct HeldPreview: Sendable, Equatable {
    public var detail: CallDetail
    /// Clock ticks since the cursor last moved.
    public var ticks = 0
}
