import Testing

@testable import SparkBackend

@Suite("sc:// connection strings")
struct SparkURLTests {
  @Test func hostAloneTakesSparksDefaultPort() throws {
    let url = try SparkURL.parse("sc://localhost").get()
    #expect(url == SparkURL(host: "localhost", port: 15002))
    #expect(url.displayURL == "sc://localhost:15002")
  }

  @Test func parametersAreReadAfterSlashSemicolon() throws {
    let text =
      "sc://spark.example:443/;use_ssl=true;user_id=ann;user_agent=seg-test;"
      + "session_id=8F9C2A4E-0B1D-4C3E-9A5F-1E2D3C4B5A69"
    let url = try SparkURL.parse(text).get()
    #expect(url.host == "spark.example")
    #expect(url.port == 443)
    #expect(url.useTLS)
    #expect(url.userID == "ann")
    #expect(url.userAgent == "seg-test")
    #expect(url.sessionID == "8f9c2a4e-0b1d-4c3e-9a5f-1e2d3c4b5a69")
  }

  @Test func aTokenImpliesTLSAndNeverShows() throws {
    let url = try SparkURL.parse("sc://db:15002/;token=s3cr3t").get()
    #expect(url.token == "s3cr3t")
    #expect(url.useTLS)
    #expect(!url.displayURL.contains("s3cr3t"))
    #expect(url.displayURL == "sc://db:15002")
    // use_ssl=false cannot switch TLS off under a token, as in Spark's clients.
    #expect(try SparkURL.parse("sc://db/;token=t;use_ssl=false").get().useTLS)
  }

  @Test func ipv6AddressesAreBracketed() throws {
    let url = try SparkURL.parse("sc://[::1]:15102").get()
    #expect(url.host == "::1")
    #expect(url.port == 15102)
    #expect(url.address == "[::1]:15102")
  }

  @Test(
    arguments: [
      ("postgresql://x/y", "'postgresql://x/y' is not a Spark Connect URL: it must start with sc://"),
      ("sc://", "the URL names no host"),
      ("sc://host:99999", "the port '99999' must be a number from 1 to 65535"),
      ("sc://host:abc", "the port 'abc' must be a number from 1 to 65535"),
      ("sc://host/db", "the path '/db' is not allowed: parameters follow '/;'"),
      ("sc://host/;token", "the parameter 'token' has no value: write name=value"),
      ("sc://host/;use_ssl=yes", "use_ssl must be true or false, not 'yes'"),
      (
        "sc://host/;colour=blue",
        "unknown parameter 'colour': known are token, use_ssl, user_id, user_agent, session_id"
      ),
      (
        "sc://host/;session_id=abc",
        "session_id 'abc' is not a UUID such as 8f9c2a4e-0b1d-4c3e-9a5f-1e2d3c4b5a69"
      ),
      ("sc://ann@host", "user names go in ';user_id=NAME', not before '@'"),
    ])
  func badStringsNameTheirBadPart(_ text: String, _ problem: String) {
    guard case .failure(let failure) = SparkURL.parse(text) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(failure.message.hasPrefix(problem + "; write sc://HOST[:PORT]"))
  }
}
