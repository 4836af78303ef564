import Columnar

extension SampleData {
  static let customerColumnNames = [
    "customer_id", "first_name", "last_name", "gender", "birth_date", "age", "country", "region",
    "city", "urban", "income", "education", "occupation", "signup_date", "last_purchase_date",
    "orders", "total_spend", "avg_order_value", "cart_abandons", "email_opt_in", "preferred_channel",
    "loyalty_tier", "device", "interests",
  ]

  /// The customers table of the drafts, in draft order.
  static func customerTable(_ drafts: [CustomerDraft]) -> Table {
    let cities = SampleGeography.cities
    var spend: [Double?] = []
    var average: [Double?] = []
    var lastPurchase: [Int32?] = []
    var tiers: [UInt8] = []
    spend.reserveCapacity(drafts.count)
    average.reserveCapacity(drafts.count)
    lastPurchase.reserveCapacity(drafts.count)
    tiers.reserveCapacity(drafts.count)
    for draft in drafts {
      // Dividing an integer number of cents by 100 gives the double nearest the 2-decimal value.
      spend.append(Double(draft.spendCents) / 100)
      if draft.orders > 0 {
        let cents = Int64(draft.orders)
        average.append(Double((draft.spendCents * 2 + cents) / (2 * cents)) / 100)
        lastPurchase.append(draft.lastOrderDay)
      } else {
        average.append(nil)
        lastPurchase.append(nil)
      }
      tiers.append(UInt8(SampleCatalog.tier(spendCents: draft.spendCents)))
    }
    let columns: [Column] = [
      .int("customer_id", drafts.map { Int64($0.id) }),
      SampleColumns.strings("first_name", drafts.map(\.firstName), SampleNames.vocabulary),
      SampleColumns.strings("last_name", drafts.map(\.lastName), SampleNames.vocabulary),
      SampleColumns.strings("gender", drafts.map(\.gender), SampleCatalog.genders),
      .date("birth_date", days: drafts.map(\.birthDay)),
      .int("age", drafts.map { Int64($0.age) }),
      SampleColumns.strings(
        "country", drafts.map { cities[Int($0.city)].country }, SampleGeography.countryNames),
      SampleColumns.strings(
        "region", drafts.map { cities[Int($0.city)].regionCode }, SampleGeography.regionNames),
      SampleColumns.strings(
        "city", drafts.map { cities[Int($0.city)].nameCode }, SampleGeography.cityNames),
      .bool("urban", drafts.map(\.urban)),
      .int("income", drafts.map { $0.reportedIncome < 0 ? nil : Int64($0.reportedIncome) }),
      SampleColumns.strings("education", drafts.map(\.education), SampleCatalog.educations),
      SampleColumns.strings("occupation", drafts.map(\.occupation), SampleCatalog.occupationNames),
      .date("signup_date", days: drafts.map(\.signupDay)),
      .date("last_purchase_date", days: lastPurchase),
      .int("orders", drafts.map { Int64($0.orders) }),
      .double("total_spend", spend),
      .double("avg_order_value", average),
      .int("cart_abandons", drafts.map { Int64($0.cartAbandons) }),
      .bool("email_opt_in", drafts.map(\.emailOptIn)),
      SampleColumns.strings("preferred_channel", drafts.map(\.channel), SampleCatalog.channels),
      SampleColumns.strings("loyalty_tier", tiers, SampleCatalog.tiers),
      SampleColumns.strings("device", drafts.map(\.device), SampleCatalog.devices),
      SampleColumns.bitLists("interests", drafts.map(\.interests), SampleCatalog.interests),
    ]
    return makeTable("customers", columns)
  }

  /// A table from columns that are equal in length and distinct in name by construction.
  static func makeTable(_ name: String, _ columns: [Column]) -> Table {
    do {
      return try Table(name: name, columns: columns)
    } catch {
      preconditionFailure("sample table \(name) is malformed: \(error.message)")
    }
  }
}
