import Testing
@testable import TerminalKit

@Suite struct StatusLineTests {
    let start = ContinuousClock.now

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    func render(_ status: StatusLine, width: Int, now: ContinuousClock.Instant, left: String = "", right: String = "") -> String {
        var buffer = CellBuffer(width: width, height: 1)
        status.render(in: buffer.area, buffer: &buffer, now: now, left: left, right: right)
        return buffer.lines[0]
    }

    @Test func aMessageShowsUntilItExpires() {
        var status = StatusLine()
        status.post("Saved", now: at(0), duration: .seconds(2))
        #expect(render(status, width: 20, now: at(1999), left: "hints", right: "3/10") == "Saved           3/10")
        #expect(render(status, width: 20, now: at(2000), left: "hints", right: "3/10") == "hints           3/10")
        #expect(status.expire(now: at(1000)) == false)
        #expect(status.expire(now: at(2000)) == true)
        #expect(status.message == nil)
    }

    @Test func theSpinnerAdvancesWithTimeWhileBusy() {
        var status = StatusLine()
        #expect(status.spinnerFrame(at: at(0)) == nil)
        status.setBusy(true, now: at(0))
        #expect(status.spinnerFrame(at: at(0)) == "⠋")
        #expect(status.spinnerFrame(at: at(250)) == "⠹")
        #expect(render(status, width: 12, now: at(100), left: "Loading") == "⠙ Loading   ")
        status.setBusy(false, now: at(300))
        #expect(status.spinnerFrame(at: at(300)) == nil)
    }

    @Test func theRightTextKeepsItsPlaceAndTheLeftIsTruncated() {
        let status = StatusLine()
        #expect(render(status, width: 16, now: at(0), left: "a very long hint text", right: "120/3400") == "a very… 120/3400")
    }

    @Test func errorMessagesAreStyledAsErrors() {
        var status = StatusLine()
        status.post("Offline", kind: .error, now: at(0))
        var buffer = CellBuffer(width: 10, height: 1)
        status.render(in: buffer.area, buffer: &buffer, now: at(1))
        #expect(buffer[0, 0].style.attributes.contains(.bold))
        #expect(buffer[0, 0].style.foreground == .red)
    }

    @Test(arguments: snapshotSizes.indices)
    func busyWithAMessageAndPosition(size: Int) {
        let (columns, rows) = snapshotSizes[size]
        var status = StatusLine()
        status.setBusy(true, now: at(0))
        status.post("Saved “Renewal call 山田”\n(2 fields)", now: at(0))
        var buffer = CellBuffer(width: columns, height: rows)
        status.render(in: buffer.area.splitBottom(1).bottom, buffer: &buffer, now: at(320), left: "j/k move", right: "31/60")
        assertSnapshot(buffer, suite: "StatusLineTests", name: "busyWithAMessageAndPosition")
    }
}
