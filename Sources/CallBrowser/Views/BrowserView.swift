import TerminalKit

/// Renders the whole screen from the state. Responsive: list and detail side by side at
/// ``AppState/splitWidth`` columns and wider; narrower, the detail takes the screen when
/// opened. Any size down to 1×1 renders without trapping.
///
/// The running app renders through a ``FrameRenderer``, which keeps the last frame and
/// redraws only the panes and rows whose inputs changed; ``render(_:)`` draws everything.
public enum BrowserView {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(width: max(0, state.columns), height: max(0, state.rows))
        render(state, into: &buffer)
        return buffer
    }

    /// Draws every pane into a blank buffer.
    public static func render(_ state: AppState, into buffer: inout CellBuffer) {
        var panes = PaneMemory()
        render(state, into: &buffer, panes: &panes)
    }

    /// What each pane drew in the frame before, so the next frame skips what did not change.
    struct PaneMemory {
        var list = CallListView.Memory()
        var detail = DetailView.Memory()
    }

    /// Draws into `buffer`, which holds either a blank screen (empty `panes`) or the frame
    /// `panes` describes: panes and rows whose inputs are unchanged are left as they are.
    static func render(_ state: AppState, into buffer: inout CellBuffer, panes: inout PaneMemory) {
        let screen = buffer.area
        guard !screen.isEmpty else { return }
        if state.quickLogOnly {
            // The form is all there is on screen: what opens over it (the discard question)
            // is drawn over it, else the screen went blank (QA4 Q4-13).
            let (main, status) = screen.splitBottom(1)
            if let form = state.openForm {
                FormView.render(form, state, into: &buffer, area: main)
                if let picker = form.picker { PickerView.render(picker, into: &buffer, area: main) }
            }
            switch state.modal {
            case .confirm(let confirm): ConfirmView.render(confirm, into: &buffer, area: main)
            case .help(let scroll, _): HelpView.render(state, scroll: scroll, into: &buffer, area: main)
            default: break
            }
            StatusLineView.renderStatus(state, into: &buffer, area: status)
            return
        }
        let (top, rest) = screen.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        StatusLineView.renderTitle(state, into: &buffer, area: top)
        StatusLineView.renderStatus(state, into: &buffer, area: status)
        if state.isSplit {
            let (left, right) = body.splitLeft(DetailLines.listWidth(body.width))
            renderList(state, into: &buffer, area: left, panes: &panes)
            let separator = Rect(x: right.x, y: right.y, width: 1, height: right.height)
            for y in separator.y..<separator.maxY { buffer.write("│", x: separator.x, y: y, style: Theme.border) }
            DetailView.render(state, into: &buffer, area: right.inset(left: 1), memory: &panes.detail)
        } else if state.focus == .detail {
            DetailView.render(state, into: &buffer, area: body, memory: &panes.detail)
        } else {
            renderList(state, into: &buffer, area: body, panes: &panes)
        }
        switch state.modal {
        case .form(let form):
            FormView.render(form, state, into: &buffer, area: body)
            if let picker = form.picker { PickerView.render(picker, into: &buffer, area: body) }
        case .picker(let picker): PickerView.render(picker, into: &buffer, area: body)
        case .confirm(let confirm): ConfirmView.render(confirm, into: &buffer, area: body)
        case .help(let scroll, _): HelpView.render(state, scroll: scroll, into: &buffer, area: body)
        case nil: break
        }
    }

    /// The list pane; on a frame that drew none of its rows (nothing the user waits for),
    /// the rows a screen away are formatted ahead (``CallListView/warm(_:area:memory:)``).
    private static func renderList(_ state: AppState, into buffer: inout CellBuffer, area: Rect, panes: inout PaneMemory) {
        let area = CallListView.cursorColumn(state, into: &buffer, area: area)
        let drawn = panes.list.rowsDrawn
        CallListView.render(state, into: &buffer, area: area, memory: &panes.list)
        if panes.list.rowsDrawn == drawn, state.modal == nil {
            CallListView.warm(state, area: area, memory: &panes.list)
        }
    }
}
