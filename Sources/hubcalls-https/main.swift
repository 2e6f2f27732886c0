import Foundation
import HubSpotAPI

// hubcalls-https: sends the HTTP requests of `hubcalls --backend hubspot` with URLSession, so
// that the hubcalls executable itself does not link FoundationNetworking (libcurl and the
// TLS libraries behind it). Started by hubcalls (TransportHelperClient) with the request
// timeout in seconds as its argument; speaks TransportHelperServer's frames on stdin/stdout
// and exits when stdin closes. Not meant to be run by hand.
let timeout = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 30
await TransportHelperServer.serve(input: STDIN_FILENO, output: STDOUT_FILENO, transport: URLSessionTransport(timeout: timeout))
