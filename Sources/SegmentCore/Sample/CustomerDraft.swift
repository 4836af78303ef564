/// One synthetic customer as small codes and numbers, from which both sample tables are built.
///
/// Every field is a pure function of (seed, id): the customer draws from its own random stream, so
/// the customers table and the orders table, generated separately from the same seed, agree.
struct CustomerDraft {
  var id: Int
  var gender: UInt8
  var firstName: UInt16
  var lastName: UInt16
  var birthDay: Int32
  var age: UInt8
  var city: UInt16
  var urban: Bool
  /// The income the customer reported, or -1 when they left it empty.
  var reportedIncome: Int32
  var education: UInt8
  var occupation: UInt8
  var device: UInt8
  var channel: UInt8
  var emailOptIn: Bool
  /// A bit per entry of `SampleCatalog.interests`.
  var interests: UInt16
  var signupDay: Int32
  /// The number of orders; their dates run from `firstOrderDay` to `lastOrderDay` (both -1 if 0).
  var orders: Int32
  var firstOrderDay: Int32
  var lastOrderDay: Int32
  /// How likely an order is to be one of a category's two dearest products (grows with income).
  var premium: Double
  var spendCents: Int64
  var cartAbandons: Int32

  /// Purposes that keep the streams of one customer apart.
  static let attributeStream: UInt64 = 1
  static let orderStream: UInt64 = 2

  /// Generates customer `id` (1-based) of the sample with this seed.
  ///
  /// With `summingOrders` false, `spendCents` stays 0: the orders table lists the orders itself
  /// and need not generate them twice.
  init(id: Int, seed: UInt64, summingOrders: Bool = true) {
    var rng = SampleRandom(seed: seed, stream: UInt64(id), purpose: CustomerDraft.attributeStream)
    self.id = id

    let countryIndex = rng.pick(SampleGeography.countryWeights)
    let country = SampleGeography.countries[countryIndex]
    let cityIndex = country.cities[rng.pick(country.cityWeights)]
    let place = SampleGeography.cities[cityIndex]
    city = UInt16(cityIndex)
    urban = rng.chance(place.urbanShare)

    let genderRoll = rng.below(100)
    gender = genderRoll < 49 ? 0 : genderRoll < 97 ? 1 : 2

    // Most customers are 25-50; a uniform minority reaches the ends of the 18-85 range.
    let rawAge = rng.chance(0.72) ? 37 + 10 * rng.normal() : 18 + 68 * rng.unit()
    let age = min(85, max(18, Int(rawAge.rounded(.down))))
    self.age = UInt8(age)
    birthDay = SampleDates.birthDay(age: age, &rng)
    let birthYear = SampleDates.year(of: birthDay)

    let origin = place.origins.origins[rng.pick(place.origins.weights)]
    let names = SampleNames.codes[origin.rawValue]
    switch gender {
    case 0: firstName = CustomerDraft.fashionable(names.female, birthYear: birthYear, &rng)
    case 1: firstName = CustomerDraft.fashionable(names.male, birthYear: birthYear, &rng)
    default: firstName = names.neutral[rng.below(names.neutral.count)]
    }
    // Surnames are mildly skewed toward the start of each list, where the most common ones are.
    let u = rng.unit()
    lastName = names.last[min(names.last.count - 1, Int(Double(names.last.count) * (u + u * u) / 2))]

    let band = CustomerDraft.ageBand(age)
    let education = rng.pick(CustomerDraft.educationByAge(age))
    self.education = UInt8(education)
    let occupation = CustomerDraft.occupation(age: age, education: education, &rng)
    self.occupation = UInt8(occupation)

    let income = CustomerDraft.income(
      occupation: occupation, education: education, age: age, country: country, urban: urban, &rng)
    reportedIncome = rng.chance(0.08) ? -1 : Int32(income)
    // Relative to a typical local income: richer customers order more often and buy dearer things.
    let affluence = Double(income) / (60_000 * country.incomeFactor)
    premium = min(0.6, max(0.03, 0.15 * affluence))

    device = UInt8(rng.pick(CustomerDraft.deviceByBand[band]))
    channel = UInt8(rng.pick(CustomerDraft.channelByBand[band]))
    emailOptIn = rng.chance(channel == 0 ? 0.9 : channel == 4 ? 0.2 : 0.55)
    interests = CustomerDraft.interests(gender: gender, age: age, &rng)

    let activity = SampleDates.activity(affluence: affluence, &rng)
    signupDay = activity.signup
    orders = activity.orders
    firstOrderDay = activity.first
    lastOrderDay = activity.last

    let deviceFactor = [1.6, 0.7, 1.1][Int(device)]
    let ageFactor = [1.4, 1.1, 0.8, 0.55][band]
    let habit = orders == 0 ? 1.0 : 0.5 + 0.15 * Double(min(orders, 12))
    cartAbandons = Int32(rng.poisson(0.9 * deviceFactor * ageFactor * habit))

    spendCents = 0
    if summingOrders {
      var total: Int64 = 0
      forEachOrder(seed: seed) { total += $0.cents }
      spendCents = total
    }
  }

  /// 0: under 30, 1: 30-44, 2: 45-59, 3: 60 and over.
  static func ageBand(_ age: Int) -> Int {
    age < 30 ? 0 : age < 45 ? 1 : age < 60 ? 2 : 3
  }

  /// A first name from a list ordered from old-fashioned to modern, near the customer's birth year.
  private static func fashionable(_ list: [UInt16], birthYear: Int, _ rng: inout SampleRandom) -> UInt16 {
    var position = 0.05 + 0.9 * Double(birthYear - 1941) / Double(2008 - 1941) + 0.12 * rng.normal()
    // Reflecting at the ends (rather than clamping) keeps the first and last names from piling up.
    if position < 0 { position = -position }
    if position > 1 { position = 2 - position }
    return list[min(list.count - 1, Int(position * Double(list.count)))]
  }

  static let deviceByBand: [WeightTable] = [
    WeightTable([70, 20, 10]), WeightTable([55, 35, 10]), WeightTable([38, 45, 17]),
    WeightTable([25, 50, 25]),
  ]

  /// email, sms, social, push, none: the young live on social and push, their elders on email.
  static let channelByBand: [WeightTable] = [
    WeightTable([15, 12, 40, 25, 8]), WeightTable([30, 15, 25, 20, 10]),
    WeightTable([45, 18, 12, 10, 15]), WeightTable([55, 15, 5, 5, 20]),
  ]

  private static let educationTables: [WeightTable] = [
    WeightTable([60, 40, 0, 0, 0]), WeightTable([28, 30, 38, 4, 0]), WeightTable([24, 22, 36, 15, 3]),
    WeightTable([27, 22, 33, 14, 4]), WeightTable([36, 22, 27, 11, 4]),
  ]

  private static func educationByAge(_ age: Int) -> WeightTable {
    switch age {
    case ..<22: educationTables[0]
    case 22..<25: educationTables[1]
    case 25..<35: educationTables[2]
    case 35..<55: educationTables[3]
    default: educationTables[4]
    }
  }
}
