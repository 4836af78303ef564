import Testing

@testable import SegmentCore

@Suite("Passwords in URLs")
struct PasswordMaskTests {
  @Test(arguments: [
    (
      "connect \"postgresql://ann:s3cr:et@db:5432/shop\" as pg",
      "connect \"postgresql://ann:*******@db:5432/shop\" as pg"
    ),
    ("connect \"postgresql://ann@db/shop\" as pg", "connect \"postgresql://ann@db/shop\" as pg"),
    (
      "connect 'postgres://a:b@h/d' as x; connect \"sc://h:15002\" as s",
      "connect 'postgres://a:*@h/d' as x; connect \"sc://h:15002\" as s"
    ),
    ("count where city = \"a:b@c\"", "count where city = \"a:b@c\""),
    (
      "connect \"sc://h:15002/;user_id=ann;token=abc123;use_ssl=true\" as s",
      "connect \"sc://h:15002/;user_id=ann;token=******;use_ssl=true\" as s"
    ),
    ("connect 'sc://h/;Token=t' as s", "connect 'sc://h/;Token=*' as s"),
  ])
  func passwordsBecomeAsterisksOfTheirLength(_ typed: String, _ shown: String) {
    #expect(Session.maskingPasswords(typed) == shown)
    #expect(Session.maskingPasswords(typed).count == typed.count)
  }

  @Test func aFailedConnectNeverShowsThePassword() {
    let session = Session()
    let performance = session.perform("connect \"postgresql://ann:hunter2@127.0.0.1:1/shop\" as pg")
    let errors = performance.emissions.map(\.text).joined()
    #expect(errors.contains("postgresql://ann:*******@127.0.0.1:1/shop"))
    #expect(!errors.contains("hunter2"))
  }
}
