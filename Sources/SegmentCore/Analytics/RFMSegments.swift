/// The standard named RFM segments, as predicates over the `r` and `fm` columns that `rfm` adds.
///
/// The map is the widely used RFM segment grid on R and FM = (F + M) / 2 (Putler's "RFM Analysis for
/// Successful Customer Segmentation" chart, also the table of the `rfm` R package by Rsquared
/// Academy: Champions R 4-5 & FM 4-5, Loyal R 3-5 & FM 3-5, Potential Loyalist R 3-5 & FM 1-3, New R
/// 4-5 & FM ≤ 1, Promising R 3-4 & FM ≤ 1, Need Attention R 2-3 & FM 2-3, About to Sleep R 2-3 &
/// FM ≤ 2, At Risk R ≤ 2 & FM 2-5, Can't Lose Them R ≤ 1 & FM 4-5, Hibernating R 1-2 & FM 1-2, Lost
/// R ≤ 2 & FM ≤ 2). Those ranges overlap; taken in that priority order, with the more specific Can't
/// Lose Them before At Risk, they become this partition, so every scored customer is in exactly one
/// segment (FM moves in steps of 0.5):
///
/// ```
///          FM 1-1.5         FM 2-2.5             FM 3-3.5   FM 4-5
/// R 5      new_customers    potential_loyalist   loyal      champions
/// R 4      promising        potential_loyalist   loyal      champions
/// R 3      about_to_sleep   need_attention       loyal      loyal
/// R 2      about_to_sleep   need_attention       at_risk    at_risk
/// R 1      lost             hibernating          at_risk    cant_lose_them
/// ```
struct RFMSegment: Sendable {
  /// The segment's name, an identifier.
  var name: String
  /// The rule in words, for the table `rfm` prints.
  var rule: String
  /// The predicate over `r` and `fm`, as a user would type it after `segment NAME =`.
  var definition: String

  /// The segments in the order `rfm` lists them.
  static let all: [RFMSegment] = [
    RFMSegment(name: "champions", rule: "R 4-5, FM 4-5", definition: "r >= 4 and fm >= 4"),
    RFMSegment(
      name: "loyal", rule: "R 3-5, FM 3-5",
      definition: "(r >= 4 and fm between 3 and 3.5) or (r = 3 and fm >= 3)"),
    RFMSegment(
      name: "potential_loyalist", rule: "R 4-5, FM 2-2.5", definition: "r >= 4 and fm between 2 and 2.5"),
    RFMSegment(name: "new_customers", rule: "R 5, FM 1-1.5", definition: "r = 5 and fm < 2"),
    RFMSegment(name: "promising", rule: "R 4, FM 1-1.5", definition: "r = 4 and fm < 2"),
    RFMSegment(
      name: "need_attention", rule: "R 2-3, FM 2-2.5",
      definition: "r between 2 and 3 and fm between 2 and 2.5"),
    RFMSegment(name: "about_to_sleep", rule: "R 2-3, FM 1-1.5", definition: "r between 2 and 3 and fm < 2"),
    RFMSegment(
      name: "at_risk", rule: "R 1-2, FM 3-5 (R 1: FM 3-3.5)",
      definition: "(r = 2 and fm >= 3) or (r = 1 and fm between 3 and 3.5)"),
    RFMSegment(name: "cant_lose_them", rule: "R 1, FM 4-5", definition: "r = 1 and fm >= 4"),
    RFMSegment(name: "hibernating", rule: "R 1, FM 2-2.5", definition: "r = 1 and fm between 2 and 2.5"),
    RFMSegment(name: "lost", rule: "R 1, FM 1-1.5", definition: "r = 1 and fm < 2"),
  ]

  /// The index in `all` of the segment of scores r, f, m (each 1...5): the grid above as a lookup.
  static func index(r: UInt8, f: UInt8, m: UInt8) -> Int {
    let band = min(3, (Int(f) + Int(m) - 2) / 2)  // f + m: 2-3 → 0, 4-5 → 1, 6-7 → 2, 8-10 → 3
    return grid[Int(r) - 1][band]
  }

  /// Rows R 1...5, columns the FM bands of the grid above; the report draws it.
  static let grid: [[Int]] = [
    [10, 9, 7, 8],  // R 1: lost, hibernating, at_risk, cant_lose_them
    [6, 5, 7, 7],  // R 2: about_to_sleep, need_attention, at_risk, at_risk
    [6, 5, 1, 1],  // R 3: about_to_sleep, need_attention, loyal, loyal
    [4, 2, 1, 0],  // R 4: promising, potential_loyalist, loyal, champions
    [3, 2, 1, 0],  // R 5: new_customers, potential_loyalist, loyal, champions
  ]
}
