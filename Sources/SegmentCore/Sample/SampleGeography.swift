/// Countries, their real regions and cities, and the heritage of names heard there.
///
/// City weights are rough metro populations in units of 10,000; they decide how often a city comes
/// up and how likely its customers are to live in the urban core rather than the surrounding towns.
enum SampleGeography {
  /// One city, flattened out of the nested specifications below.
  struct City: Sendable {
    /// Codes into `cityNames` and `regionNames` (a city name such as Springfield or London occurs
    /// in more than one region, but each name is one dictionary entry).
    let nameCode: UInt16
    let regionCode: UInt16
    let country: Int
    let urbanShare: Double
    let origins: OriginMix
  }

  /// A country's customer-base weight, income level and cities.
  struct Country: Sendable {
    let name: String
    let weight: Int
    /// Typical incomes relative to the United States (rough purchasing-power differences).
    let incomeFactor: Double
    /// Global indices into `cities` and their population weights.
    let cities: [Int]
    let cityWeights: WeightTable
  }

  /// Name heritages and how often each is met.
  struct OriginMix: Sendable {
    let origins: [NameOrigin]
    let weights: WeightTable

    init(_ pairs: [(NameOrigin, Int)]) {
      origins = pairs.map(\.0)
      weights = WeightTable(pairs.map(\.1))
    }
  }

  struct RegionSpec {
    let name: String
    let cities: [(String, Int)]
    var origins: OriginMix? = nil
  }

  struct CountrySpec {
    let name: String
    let weight: Int
    let incomeFactor: Double
    let origins: OriginMix
    let regions: [RegionSpec]
  }

  /// Every city of every country.
  static let cities: [City] = flat.cities
  /// The countries in a fixed order (the order of the specifications).
  static let countries: [Country] = flat.countries
  static let countryNames: [String] = countries.map(\.name)
  static let cityNames: [String] = flat.cityNames
  static let regionNames: [String] = flat.regionNames
  /// Country weights for drawing a customer's country.
  static let countryWeights = WeightTable(countries.map(\.weight))

  private static func urbanShare(_ weight: Int) -> Double {
    switch weight {
    case 100...: 0.85
    case 30..<100: 0.72
    case 10..<30: 0.58
    default: 0.42
    }
  }

  private static let flat = flatten()

  private static func flatten()
    -> (cities: [City], countries: [Country], cityNames: [String], regionNames: [String])
  {
    var cities: [City] = []
    var countries: [Country] = []
    var cityNames = Vocabulary()
    var regionNames = Vocabulary()
    for (countryIndex, spec) in specs.enumerated() {
      var indices: [Int] = []
      var weights: [Int] = []
      for region in spec.regions {
        for (name, weight) in region.cities {
          indices.append(cities.count)
          weights.append(weight)
          cities.append(
            City(
              nameCode: UInt16(cityNames.code(name)), regionCode: UInt16(regionNames.code(region.name)),
              country: countryIndex, urbanShare: urbanShare(weight), origins: region.origins ?? spec.origins))
        }
      }
      countries.append(
        Country(
          name: spec.name, weight: spec.weight, incomeFactor: spec.incomeFactor, cities: indices,
          cityWeights: WeightTable(weights)))
    }
    return (cities, countries, cityNames.words, regionNames.words)
  }

  // The order is part of the output: a country's index picks it from `countryWeights`.
  private static let specs: [CountrySpec] = [unitedStates] + europe + [canada, australia, brazil]

  static let unitedStates = CountrySpec(
    name: "United States", weight: 40, incomeFactor: 1.0,
    origins: OriginMix([
      (.anglo, 78), (.hispanic, 9), (.italian, 5), (.indian, 3), (.chinese, 3), (.arabic, 1),
      (.german, 1),
    ]),
    regions: [
      RegionSpec(
        name: "California",
        cities: [
          ("Los Angeles", 1300), ("San Francisco", 470), ("San Diego", 330), ("San Jose", 200),
          ("Sacramento", 240), ("Fresno", 100), ("Oakland", 43), ("Bakersfield", 90),
          ("Santa Barbara", 45), ("San Bernardino", 22),
        ],
        origins: OriginMix([
          (.anglo, 52), (.hispanic, 32), (.chinese, 7), (.indian, 5), (.italian, 2), (.arabic, 2),
        ])),
      RegionSpec(
        name: "Texas",
        cities: [
          ("Houston", 710), ("Dallas", 760), ("San Antonio", 260), ("Austin", 230),
          ("Fort Worth", 95), ("El Paso", 87), ("Lubbock", 32),
        ],
        origins: OriginMix([(.anglo, 55), (.hispanic, 38), (.indian, 4), (.chinese, 2), (.arabic, 1)])),
      RegionSpec(
        name: "Florida",
        cities: [
          ("Miami", 610), ("Orlando", 270), ("Tampa", 320), ("Jacksonville", 160),
          ("Tallahassee", 39), ("Gainesville", 34),
        ],
        origins: OriginMix([(.anglo, 60), (.hispanic, 32), (.italian, 4), (.indian, 2), (.chinese, 2)])),
      RegionSpec(
        name: "New York",
        cities: [
          ("New York", 1900), ("Buffalo", 115), ("Rochester", 107), ("Albany", 90), ("Syracuse", 66),
          ("Ithaca", 10),
        ]),
      RegionSpec(
        name: "Illinois",
        cities: [
          ("Chicago", 940), ("Springfield", 21), ("Naperville", 15), ("Peoria", 40), ("Champaign", 23),
        ]),
      RegionSpec(
        name: "Pennsylvania",
        cities: [
          ("Philadelphia", 620), ("Pittsburgh", 240), ("Allentown", 86), ("Erie", 27),
          ("State College", 16),
        ]),
      RegionSpec(
        name: "Ohio",
        cities: [("Columbus", 210), ("Cleveland", 210), ("Cincinnati", 225), ("Toledo", 64), ("Dayton", 81)]),
      RegionSpec(
        name: "Georgia", cities: [("Atlanta", 610), ("Savannah", 40), ("Augusta", 61), ("Athens", 22)]),
      RegionSpec(
        name: "Washington", cities: [("Seattle", 400), ("Spokane", 59), ("Tacoma", 22), ("Olympia", 30)]),
      RegionSpec(
        name: "Massachusetts",
        cities: [("Boston", 490), ("Worcester", 98), ("Springfield", 70), ("Cambridge", 12)]),
      RegionSpec(
        name: "Arizona", cities: [("Phoenix", 490), ("Tucson", 104), ("Mesa", 50), ("Flagstaff", 14)],
        origins: OriginMix([(.anglo, 62), (.hispanic, 33), (.indian, 2), (.chinese, 2), (.arabic, 1)])),
      RegionSpec(
        name: "Colorado",
        cities: [("Denver", 300), ("Colorado Springs", 76), ("Boulder", 33), ("Fort Collins", 36)]),
      RegionSpec(
        name: "New Mexico", cities: [("Albuquerque", 92), ("Santa Fe", 15), ("Las Cruces", 22)],
        origins: OriginMix([(.hispanic, 50), (.anglo, 48), (.indian, 1), (.chinese, 1)])),
    ])
}
