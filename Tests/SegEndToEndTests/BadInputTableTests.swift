import Foundation
import Testing

/// Issue 14's table of malformed input: files and commands a new user or a hostile script gives seg.
/// Each runs in a script after a small workspace is built, through the built binary, and must give its
/// exact message and exit status; a command that fails must leave the workspace as it was, which the
/// same probe (tables, segments, personas, describe) printed with and without the command shows.
@Suite("Bad input, one case a line")
struct BadInputTableTests {
  enum Content: Sendable {
    case text(String)
    case bytes([UInt8])

    var data: Data {
      switch self {
      case .text(let text): Data(text.utf8)
      case .bytes(let bytes): Data(bytes)
      }
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files to write in the working folder first (a name with a `/` makes its folder).
    var files: [String: Content] = [:]
    /// Commands that succeed before the bad one, part of the workspace it must leave as it was.
    var before = ""
    var command: String
    var status: Int32
    /// Everything seg writes on stderr, exactly.
    var stderr: String
    /// Text stdout must contain, for the inputs seg accepts.
    var output = ""
    var testDescription: String { name }
  }

  /// A header of `n` column names and a row of numbers.
  static func columns(_ n: Int) -> Content {
    .text((0..<n).map { "c\($0)" }.joined(separator: ",") + "\n" + (0..<n).map(String.init).joined(separator: ",") + "\n")
  }

  static let setup = "load sample customers rows 200 seed 1\nsegment young = age < 30\n"
  static let probe = "\ntables\nsegments\npersonas\ndescribe customers\n"

  static let cases: [Case] = [
    Case(name: "too few fields", files: ["f.csv": .text("a,b,c\n1,2,3\n4,5\n")], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: line 3 has 2 fields, expected 3 (the header has 3 columns)\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "too many fields", files: ["f.csv": .text("a,b\n1,2\n3,4,5\n")], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: line 3 has 3 fields, expected 2 (the header has 2 columns)\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "unterminated quote", files: ["f.csv": .text("a,b\n1,\"two\n3,4\n")], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: the quote opened on line 2 in field 2 is never closed; close it, or write a quote inside a quoted field as two quotes (\"\")\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "quote inside a bare field", files: ["f.csv": .text("a,b\n1,ab\"c\n")], command: "load \"f.csv\"", status: 0, stderr: "", output: "loaded f: "),
    Case(name: "NUL bytes", files: ["f.csv": .bytes([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x78, 0x00, 0x79, 0x0A])], command: "load \"f.csv\"", status: 0, stderr: "", output: "loaded f: "),
    Case(name: "empty file", files: ["f.csv": .text("")], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: 'f.csv' is empty; expected a header line and rows of comma, tab or semicolon separated values\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "only a BOM", files: ["f.csv": .bytes([0xEF, 0xBB, 0xBF])], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: 'f.csv' is empty; expected a header line and rows of comma, tab or semicolon separated values\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "only blank lines", files: ["f.csv": .text("\n\n\r\n")], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: 'f.csv' is empty; expected a header line and rows of comma, tab or semicolon separated values\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "UTF-16 without a BOM", files: ["f.csv": .bytes([0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A, 0x00, 0x31, 0x00, 0x2C, 0x00, 0x32, 0x00, 0x0A, 0x00])], command: "load \"f.csv\"", status: 0, stderr: "", output: "loaded f: "),
    Case(name: "UTF-16 with a bad surrogate", files: ["f.csv": .bytes([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A, 0x00, 0x31, 0x00, 0x2C, 0x00, 0x00, 0xD8, 0x0A, 0x00])], command: "load \"f.csv\"", status: 0, stderr: "warning: 'f.csv' is not valid UTF-16LE (first bad character on line 2); characters that could not be decoded were read as �\n", output: "loaded f: "),
    Case(name: "16,385 columns", files: ["f.csv": Self.columns(16_385)], command: "load \"f.csv\"", status: 1, stderr: "bad.seg:3: error: 'f.csv' has more than 16384 columns on its first line; seg reads at most 16384: split the file, or check that the delimiter is the one it uses\n  load \"f.csv\"\n       ^^^^^^^\n"),
    Case(name: "integer beyond Int64", files: ["f.csv": .text("n\n99999999999999999999\n1\n")], command: "load \"f.csv\"", status: 0, stderr: "", output: "loaded f: "),
    Case(name: "impossible date", files: ["f.csv": .text("d\n2024-02-30\n2024-01-01\n")], command: "load \"f.csv\"", status: 0, stderr: "", output: "loaded f: "),
    Case(name: "missing file", files: ["customers.csv": .text("a\n1\n")], command: "load \"custmers.csv\"", status: 1, stderr: "bad.seg:3: error: no file named 'custmers.csv'; check the path and the current directory\n  load \"custmers.csv\"\n       ^^^^^^^^^^^^^^\n"),
    Case(name: "a directory", files: ["dir/x.csv": .text("a\n1\n")], command: "load \"dir\"", status: 1, stderr: "bad.seg:3: error: 'dir' is a directory; give the path of a CSV file inside it\n  load \"dir\"\n       ^^^^^\n"),
    Case(name: "a device", command: "load \"/dev/zero\"", status: 1, stderr: "bad.seg:3: error: '/dev/zero' is a device or a socket, not a file; give the path of a CSV file\n  load \"/dev/zero\"\n       ^^^^^^^^^^^\n"),
    Case(name: "text named .xlsx", files: ["f.xlsx": .text("a,b\n1,2\n")], command: "load \"f.xlsx\"", status: 1, stderr: "bad.seg:3: error: 'f.xlsx' is not an Excel workbook (it is not a zip archive); give an .xlsx or .xlsm file, or CSV text\n  load \"f.xlsx\"\n       ^^^^^^^^\n"),
    Case(name: "a zip that is no workbook", files: ["f.zip": .bytes([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])], command: "load \"f.zip\"", status: 1, stderr: "bad.seg:3: error: 'f.zip' is cut short: it starts as a workbook (a zip archive) but its directory at the end is missing; copy or save it again, then load that\n  load \"f.zip\"\n       ^^^^^^^\n"),
    Case(name: "a PNG", files: ["f.png": .bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF])], command: "load \"f.png\"", status: 1, stderr: "bad.seg:3: error: 'f.png' is a PNG image, not CSV text; give the path of a CSV file\n  load \"f.png\"\n       ^^^^^^^\n"),
    Case(name: "sheet on a CSV", files: ["f.csv": .text("a\n1\n")], command: "load \"f.csv\" sheet \"One\"", status: 1, stderr: "bad.seg:3: error: sheet is for Excel workbooks (.xlsx, .xlsm); f.csv is read as CSV text\n  load \"f.csv\" sheet \"One\"\n                     ^^^^^\n"),
    Case(name: "delimiter on a workbook", files: ["f.xlsx": .bytes([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])], command: "load \"f.xlsx\" delimiter \";\"", status: 1, stderr: "bad.seg:3: error: delimiter is for CSV files; f.xlsx is an Excel workbook, whose cells need neither\n  load \"f.xlsx\" delimiter \";\"\n       ^^^^^^^^\n"),
    Case(name: "unknown load option", files: ["f.csv": .text("a\n1\n")], command: "load \"f.csv\" delimeter \";\"", status: 1, stderr: "bad.seg:3: error: expected as, delimiter, header, encoding, skip bad rows, sheet or distinct, found 'delimeter'\n  load \"f.csv\" delimeter \";\"\n               ^^^^^^^^^\n  did you mean 'delimiter'?\n"),
    Case(name: "one column, semicolons in the lines", files: ["f.csv": .text("a;b;c\n1;2;3\n4;5;6\n")], command: "load \"f.csv\" delimiter \",\"", status: 0, stderr: "warning: 'f.csv' was read as one column, but its lines have 3 fields when split at ';': add delimiter \";\" to the load to read them as columns\n", output: "loaded f: 2 rows, 1 columns"),
    Case(name: "one column, aligned by spaces", files: ["f.txt": .text("red apple big\r\ngreen pear small\r\nblue plum tiny\r\n")], command: "load \"f.txt\"", status: 0, stderr: "warning: 'f.txt' was read as one column, but its lines have 3 fields when split at runs of spaces: add delimiter whitespace to the load to read them as columns\n", output: "loaded f: 2 rows, 1 columns"),
    Case(name: "delimiter with nothing after it", files: ["f.csv": .text("a\n1\n")], command: "load \"f.csv\" delimiter", status: 1, stderr: "bad.seg:3: error: expected a one-character delimiter in quotes, or whitespace, found the end of the command\n  load \"f.csv\" delimiter\n                        ^\n"),
    Case(name: "aligned text with a short line", files: ["f.txt": .text("  1  19970101  2\n  2  19970102\n")], command: "load \"f.txt\" delimiter whitespace", status: 1, stderr: "bad.seg:3: error: line 2 has 2 fields, expected 3 (the first row has 3 fields)\n  load \"f.txt\" delimiter whitespace\n       ^^^^^^^\n"),
    Case(name: "distinct drops exact duplicates", files: ["f.csv": .text("a,b\n1,x\n1,x\n1,y\n1,x\n")], command: "load \"f.csv\" distinct", status: 0, stderr: "", output: "loaded f: 2 rows, 2 columns from f.csv; dropped 2 exact duplicate rows"),
    Case(name: "sample rows negative", command: "load sample rows -5", status: 1, stderr: "bad.seg:3: error: -5: a number of rows must be zero or more\n  load sample rows -5\n                   ^^\n"),
    Case(name: "sample kind unknown", command: "load sample clients", status: 1, stderr: "bad.seg:3: error: expected customers, orders, rows N, seed S or as NAME, found 'clients'\n  load sample clients\n              ^^^^^^^\n"),
    Case(name: "command typo", command: "segmnet x = age > 3", status: 1, stderr: "bad.seg:3: error: unknown command 'segmnet'\n  segmnet x = age > 3\n  ^^^^^^^\n  did you mean 'segment' or 'segments'?\n  type 'help' to list the commands\n"),
    Case(name: "column typo", command: "segment x = agee > 30", status: 1, stderr: "bad.seg:3: error: no column 'agee' in table customers\n  segment x = agee > 30\n              ^^^^\n  did you mean 'age'?\n"),
    Case(name: "text compared with a number", command: "segment x = age = \"old\"", status: 1, stderr: "bad.seg:3: error: age is Int, \"old\" is a String\n  segment x = age = \"old\"\n                    ^^^^^\n"),
    Case(name: "unterminated string", command: "segment x = city = \"Perth", status: 1, stderr: "bad.seg:3: error: this string has no closing quote\n  segment x = city = \"Perth\n                     ^^^^^^\n  close the string with \"\n"),
    Case(name: "segment cycle", before: "segment a = age > 3\nsegment b = a", command: "segment a = b", status: 1, stderr: "bad.seg:5: error: segment a cannot be defined in terms of itself\n  segment a = b\n              ^\n"),
    Case(name: "segment uses itself", command: "segment young = young and age > 3", status: 1, stderr: "bad.seg:3: error: segment young cannot be defined in terms of itself\n  segment young = young and age > 3\n                  ^^^^^^^^^^^^^^^^^\n"),
    Case(name: "10,000 parentheses", command: "segment x = " + String(repeating: "(", count: 10_000) + "age > 3" + String(repeating: ")", count: 10_000), status: 1, stderr: "bad.seg:3: error: the condition nests deeper than 256 levels\n  …((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((…\n                                                        ^\n  split it: define a segment or derive a column for the inner part, and use its name\n"),
    Case(name: "a 1 MB command line", command: "count where city in (" + (0..<100_000).map { "\"c\($0)\"" }.joined(separator: ", ") + ") and agee > 3", status: 1, stderr: "bad.seg:3: error: no column 'agee' in table customers\n  …99985\", \"c99986\", \"c99987\", \"c99988\", \"c99989\", \"c99990\", \"c99991\", \"c99992\", \"c99993\", \"c99994\", \"c99995\", \"c99996\", \"c99997\", \"c99998\", \"c99999\") and agee > 3\n                                                                                                                                                           ^^^^\n  did you mean 'age'?\n"),
    Case(name: "unknown table", command: "use custmers", status: 1, stderr: "bad.seg:3: error: no table named 'custmers'\n  use custmers\n      ^^^^^^^^\n  did you mean 'customers'?\n"),
    Case(name: "unknown segment", command: "profile yuong", status: 1, stderr: "bad.seg:3: error: no segment named 'yuong'\n  profile yuong\n          ^^^^^\n  did you mean 'young'?\n"),
    Case(name: "drop a segment a persona stands for", before: "persona \"Mia\" for young\n  age 24\nend", command: "drop segment young", status: 1, stderr: "bad.seg:6: error: segment young has persona Mia\n  drop segment young\n               ^^^^^\n  drop persona Mia first, or keep the segment\n"),
    Case(name: "persona for an unknown segment", command: "persona \"Mia\" for nobody\n  age 24\nend", status: 1, stderr: "bad.seg:3: error: no segment named 'nobody'\n  persona \"Mia\" for nobody\n                    ^^^^^^\n"),
    Case(name: "persona field typo", command: "persona \"Mia\" for young\n  agee 24\nend", status: 1, stderr: "bad.seg:4: error: expected a persona field, found 'agee'\n    agee 24\n    ^^^^\n  did you mean 'age'?\n  the fields are name, age, gender, location, job, industry, education, income, family, bio, quote, goals, motivations, pains, objections, triggers, channels, device, interests, habits, traits, tech, websites, brands; a line 'end' closes the block\n"),
    Case(name: "invalid date in set today", command: "set today 2026-13-01", status: 1, stderr: "bad.seg:3: error: '2026-13-01' is not a valid date\n  set today 2026-13-01\n            ^^^^^^^^^^\n  write dates as YYYY-MM-DD, e.g. 2026-08-01\n"),
    Case(name: "unknown format", command: "set format yaml", status: 1, stderr: "bad.seg:3: error: expected table, csv, json or markdown, found 'yaml'\n  set format yaml\n             ^^^^\n"),
    Case(name: "safe mode off", before: "set safe on", command: "set safe off", status: 1, stderr: "bad.seg:4: error: safe mode cannot be turned off once it is on\n  start seg again without --safe to work without it\n"),
    Case(name: "stats with no column", command: "stats", status: 1, stderr: "bad.seg:3: error: expected a numeric column, found the end of the command\n  stats\n       ^\n"),
    Case(name: "cluster k=0", command: "cluster k=0 on age", status: 1, stderr: "bad.seg:3: error: k=0: k is between 2 and 50\n  cluster k=0 on age\n          ^^^\n"),
    Case(name: "cluster k beyond the limit", command: "cluster k=1000 on age", status: 1, stderr: "bad.seg:3: error: k=1000: k is between 2 and 50\n  cluster k=1000 on age\n          ^^^^^^\n"),
    Case(name: "cluster on text", command: "cluster k=3 on city", status: 1, stderr: "bad.seg:3: error: cluster needs number columns: city is String\n  cluster k=3 on city\n                 ^^^^\n"),
    Case(name: "rfm on text", command: "rfm recency city frequency orders monetary total_spend", status: 1, stderr: "bad.seg:3: error: recency needs a date, or a number of days since the last purchase: city is String\n  rfm recency city frequency orders monetary total_spend\n              ^^^^\n"),
    Case(name: "bucket bounds out of order", command: "bucket age into 30, 20 as band", status: 1, stderr: "bad.seg:3: error: bucket edges must ascend: 20 comes after 30\n  bucket age into 30, 20 as band\n                      ^^\n"),
    Case(name: "derive over a loaded column", command: "derive age = 1", status: 1, stderr: "bad.seg:3: error: age is a column loaded into customers\n  derive age = 1\n         ^^^\n  computed columns never overwrite loaded data: pick another name, such as age_2\n"),
    Case(name: "derive text divided", command: "derive x = age / city", status: 1, stderr: "bad.seg:3: error: / needs numbers; city is String\n  derive x = age / city\n             ^^^^^^^^^^\n"),
    Case(name: "show limit negative", command: "show limit -1", status: 1, stderr: "bad.seg:3: error: -1: a row limit must be zero or more\n  show limit -1\n             ^^\n"),
    Case(name: "export to a missing folder", command: "export customers to \"nowhere/x.csv\"", status: 1, stderr: "bad.seg:3: error: cannot write nowhere/x.csv: there is no folder 'nowhere'\n"),
    Case(name: "export to an unknown format", command: "export customers to \"x.parquet\"", status: 1, stderr: "bad.seg:3: error: export writes CSV (.csv, .tsv or .txt) or Excel (.xlsx); seg cannot write .parquet files, so x.parquet was not written\n  export to .xlsx for Excel, or to .csv, which every spreadsheet opens\n"),
    Case(name: "export over an existing file", files: ["f.csv": .text("keep\n")], command: "export customers to \"f.csv\"", status: 1, stderr: "bad.seg:3: error: f.csv already exists\n  add 'replace' at the end to overwrite it\n"),
    Case(name: "bad segment name", command: "segment 1abc = age > 3", status: 1, stderr: "bad.seg:3: error: expected a number followed by a space, or a name (names start with a letter or _), found '1abc'\n  segment 1abc = age > 3\n          ^^^^\n  a name that starts with a digit goes in backticks: `1abc`\n"),
    Case(name: "count by nothing", command: "count by", status: 1, stderr: "bad.seg:3: error: expected a column to group by, found the end of the command\n  count by\n          ^\n"),
    Case(name: "trait from an unknown table", command: "trait t = sum(amount) from nope by customer_id", status: 1, stderr: "bad.seg:3: error: no table named 'nope'\n  trait t = sum(amount) from nope by customer_id\n                             ^^^^\n"),
    Case(name: "trait average of text", before: "load sample orders rows 50 seed 1\nuse customers", command: "trait t = avg(category) from orders by customer_id", status: 1, stderr: "bad.seg:5: error: mean needs numbers; category is String\n  trait t = avg(category) from orders by customer_id\n                ^^^^^^^^\n"),
    Case(name: "unsupported connection", command: "connect \"ftp://host/db\" as x", status: 1, stderr: "bad.seg:3: error: no engine for ftp:// URLs; seg connects to postgresql://, postgres://, sc://\n  connect \"ftp://host/db\" as x\n          ^^^^^^^^^^^^^^^\n"),
    Case(name: "within an unknown unit", command: "segment x = signup_date within 5 fortnights", status: 1, stderr: "bad.seg:3: error: expected days, weeks, months or years, found 'fortnights'\n  segment x = signup_date within 5 fortnights\n                                   ^^^^^^^^^^\n"),
    Case(name: "save into a missing folder", command: "save \"nowhere/s.seg\"", status: 1, stderr: "bad.seg:3: error: cannot write nowhere/s.seg: there is no folder 'nowhere'\n"),
    Case(name: "run a missing script", command: "run \"nothing.seg\"", status: 1, stderr: "bad.seg:3: error: cannot read nothing.seg: no such file\n"),
    Case(name: "NUL in a command", command: "count where city = \"a\u{0}b\"", status: 0, stderr: ""),
    Case(name: "between text and number", command: "segment x = age between \"a\" and 3", status: 1, stderr: "bad.seg:3: error: age is Int, \"a\" is a String\n  segment x = age between \"a\" and 3\n                          ^^^\n"),
    Case(name: "in with mixed types", command: "segment x = age in (1, \"two\")", status: 1, stderr: "bad.seg:3: error: age is Int, \"two\" is a String\n  segment x = age in (1, \"two\")\n                         ^^^^^\n"),
    Case(name: "date compared with text", command: "segment x = signup_date > \"yesterday\"", status: 1, stderr: "bad.seg:3: error: signup_date is Date, \"yesterday\" is a String\n  segment x = signup_date > \"yesterday\"\n                            ^^^^^^^^^^^\n"),
    Case(name: "sql of an unknown segment", command: "sql nothing", status: 1, stderr: "bad.seg:3: error: no segment named 'nothing'\n  sql nothing\n      ^^^^^^^\n"),
    Case(name: "trend by an unknown period", command: "trend young by fortnight of signup_date", status: 1, stderr: "bad.seg:3: error: expected week, month, quarter or year, found 'fortnight'\n  trend young by fortnight of signup_date\n                 ^^^^^^^^^\n"),
    Case(name: "rank by an unknown aggregate", command: "rank segments by median_of(total_spend)", status: 1, stderr: "bad.seg:3: error: expected sum, mean, median or count, e.g. sum(total_spend), found 'median_of'\n  rank segments by median_of(total_spend)\n                   ^^^^^^^^^\n  did you mean 'median'?\n"),
  ]

  @Test func thereAreAtLeastSixtyCases() {
    #expect(Self.cases.count >= 60)
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
  }

  @Test(arguments: cases)
  func givesItsMessageAndLeavesTheWorkspaceAsItWas(_ c: Case) throws {
    let folder = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, content) in c.files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try content.data.write(to: url)
    }
    let base = Self.setup + (c.before.isEmpty ? "" : c.before + "\n")
    try (base + c.command + "\n" + Self.probe).write(
      to: folder.appendingPathComponent("bad.seg"), atomically: true, encoding: .utf8)
    try (base + Self.probe).write(to: folder.appendingPathComponent("good.seg"), atomically: true, encoding: .utf8)
    let bad = try SegBinary.run(["--no-init", "run", "--keep-going", "bad.seg"], directory: folder)
    #expect(bad.status == c.status)
    #expect(bad.stderr == c.stderr)
    if !c.output.isEmpty { #expect(bad.stdout.contains(c.output), "\(bad.stdout.prefix(1_000))") }
    guard c.status != 0 else { return }
    // The probe's output is the last thing printed; without the bad command it must read the same.
    let good = try SegBinary.run(["--no-init", "run", "good.seg"], directory: folder)
    #expect(good.status == 0, "\(good.stderr)")
    let marker = try #require(good.stdout.range(of: "\n┌", range: good.stdout.range(of: "segment young")!.upperBound..<good.stdout.endIndex))
    let probe = String(good.stdout[marker.lowerBound...])
    #expect(bad.stdout.hasSuffix(probe), "the failed command changed the workspace")
  }
}
