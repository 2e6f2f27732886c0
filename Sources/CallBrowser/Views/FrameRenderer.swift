import TerminalKit

/// Renders the app's frames incrementally: it keeps the last frame and what each pane drew
/// in it, starts the next frame from it (``TerminalKit/CellBuffer/beginNextFrame()``,
/// drawn into the frame before, brought up to date cell by cell), and redraws only the
/// panes and rows whose inputs changed. The terminal then diffs only
/// the cells written, so a cursor move costs two list rows and the side pane's changed
/// values instead of the whole screen.
///
/// The result is always the frame ``BrowserView/render(_:)`` would draw from scratch (tests
/// compare them over many keys). Whenever the screen's arrangement changes — a resize, the
/// detail taking a narrow screen, a modal opening or closing — the frame starts blank.
public final class FrameRenderer {
    private var last: CellBuffer?
    /// The frame before `last`: the terminal has let go of it, so the next frame is drawn
    /// into it in place (see `CellBuffer.catchUp(to:)`).
    private var spare: CellBuffer?
    private var arrangement: Arrangement?
    private var panes = BrowserView.PaneMemory()

    public init() {}

    /// Which pane is where: frames of the same arrangement can be drawn over each other.
    private struct Arrangement: Equatable {
        var size: TerminalSize
        var isSplit: Bool
        var detailFullScreen: Bool
        var quickLogOnly: Bool
        /// A modal draws over the panes, so its frames and the one after it start blank.
        var modalOpen: Bool

        init(_ state: AppState, size: TerminalSize) {
            self.size = size
            isSplit = state.isSplit
            detailFullScreen = !state.isSplit && state.focus == .detail
            quickLogOnly = state.quickLogOnly
            modalOpen = state.modal != nil
        }
    }

    /// The frame for `state` at the state's size.
    public func frame(_ state: AppState) -> CellBuffer {
        frame(state, size: TerminalSize(width: max(0, state.columns), height: max(0, state.rows)))
    }

    /// The frame for `state` on a terminal of `size` (the run loop's, which a resize the
    /// reducer has not heard of yet may make differ from the state's).
    public func frame(_ state: AppState, size: TerminalSize) -> CellBuffer {
        let arrangement = Arrangement(state, size: size)
        var buffer: CellBuffer
        if let last, arrangement == self.arrangement, !arrangement.modalOpen {
            buffer = spare ?? last
            spare = nil
            buffer.catchUp(to: last)
            buffer.beginNextFrame()
        } else {
            buffer = CellBuffer(width: size.width, height: size.height)
            // Counts carry on; what was drawn does not.
            var fresh = BrowserView.PaneMemory()
            fresh.list.rowsDrawn = panes.list.rowsDrawn
            fresh.detail.builds = panes.detail.builds
            fresh.detail.rowsDrawn = panes.detail.rowsDrawn
            panes = fresh
        }
        BrowserView.render(state, into: &buffer, panes: &panes)
        self.arrangement = arrangement
        spare = last
        last = buffer
        return buffer
    }

    // MARK: - Counts (tests)

    /// List rows drawn since the renderer was made.
    var listRowsDrawn: Int { panes.list.rowsDrawn }
    /// Times the detail pane's lines were built or fetched, and its rows drawn.
    var detailBuilds: Int { panes.detail.builds }
    var detailRowsDrawn: Int { panes.detail.rowsDrawn }
}
