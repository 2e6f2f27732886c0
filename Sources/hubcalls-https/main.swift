import Foundation
import HubSpotAPI

// hubcalls-https: sends the HTTP requests of `hubcalls --backend hubspot` with URLSession, so
// that the hubcalls executable itself does not link FoundationNetworking (libcurl and the
// TLS libraries behind it). Started by hubcalls (TransportHelperClient) with the request
// timeout in seconds as its argument (tests add a second one: the idle window of kept-alive
// connections); speaks TransportHelperServer's frames on stdin/stdout and exits when stdin
// closes. Not meant to be run by hand.
let arguments = CommandLine.arguments.dropFirst().map { Double($0) }
let timeout = arguments.first.flatMap { $0 } ?? 30
let idleWindow = arguments.dropFirst().first.flatMap { $0 } ?? URLSessionTransport.defaultIdleWindow
await TransportHelperServer.serve(input: STDIN_FILENO, output: STDOUT_FILENO, transport: URLSessionTransport(timeout: timeout, idleWindow: idleWindow))
