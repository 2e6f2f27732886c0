/// How the call list marks the selected call.
///
/// The bar is what tig, lazygit, k9s and mutt show by default. A terminal changes a cell's
/// attributes only by writing the cell again, so each move rewrites two whole rows (about
/// 250 bytes at 80 columns, more with a side pane). The arrow, like mutt's `arrow_cursor`,
/// moves a one-column `>` and writes about 40 bytes: for slow links (ssh over a phone, a
/// serial console) where a held `j` should not wait on the wire.
public enum ListCursor: String, Sendable, Equatable, CaseIterable {
    /// The selected row in reverse video, end to end.
    case bar
    /// A `>` in a column of its own left of the rows, which keep their colours.
    case arrow
}
