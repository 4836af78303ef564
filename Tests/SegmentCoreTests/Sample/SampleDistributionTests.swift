import Columnar
import Testing

@testable import SegmentCore

@Suite("Sample data: plausible values and distributions")
struct SampleDistributionTests {
  static let view = SampleView(SampleData.customers(rows: 5_000, seed: 42))

  @Test("ages match birth dates on 2026-10-31 and lie in 18-85, mostly 25-50")
  func ages() throws {
    let ages = try Self.view.ints("age").map { try #require($0) }
    let births = try Self.view.dates("birth_date").map { try #require($0) }
    for (age, birth) in zip(ages, births) {
      let b = CivilDate.components(days: birth)
      // Independent of the generator's own helper: born after Oct 31 means no birthday yet.
      let expected = 2026 - b.year - ((b.month, b.day) > (10, 31) ? 1 : 0)
      #expect(Int(age) == expected, "born \(CivilDate.format(days: birth)), age \(age)")
    }
    #expect(ages.allSatisfy { (18...85).contains($0) })
    #expect(share(ages) { (25...50).contains($0) } > 0.5)
    #expect(ages.contains(18) && ages.contains(85))
  }

  @Test("the age helper handles birthdays on and around the reference date")
  func ageHelper() {
    let reference = SampleDates.day(2026, 10, 31)
    #expect(SampleDates.age(birth: SampleDates.day(2000, 10, 31), on: reference) == 26)
    #expect(SampleDates.age(birth: SampleDates.day(2000, 11, 1), on: reference) == 25)
    #expect(SampleDates.age(birth: SampleDates.day(2000, 2, 29), on: reference) == 26)
  }

  @Test("genders are about 49% F, 48% M and 3% X")
  func genders() throws {
    let genders = try Self.view.strings("gender").map { try #require($0) }
    #expect(abs(share(genders) { $0 == "F" } - 0.49) < 0.025)
    #expect(abs(share(genders) { $0 == "M" } - 0.48) < 0.025)
    #expect(abs(share(genders) { $0 == "X" } - 0.03) < 0.01)
  }

  @Test("about 8% of incomes are empty; incomes follow education")
  func incomes() throws {
    let incomes = try Self.view.ints("income")
    #expect(abs(share(incomes) { $0 == nil } - 0.08) < 0.015)
    let educations = try Self.view.strings("education")
    func meanIncome(_ level: String) -> Double {
      mean(zip(incomes, educations).compactMap { $1 == level ? $0.map(Double.init) : nil })
    }
    #expect(meanIncome("high school") < meanIncome("bachelor"))
    #expect(meanIncome("bachelor") < meanIncome("doctorate"))
    #expect(incomes.compactMap { $0 }.allSatisfy { $0 > 0 })
  }

  @Test("categorical columns stay within their domains")
  func domains() throws {
    let expected: [(String, Set<String>)] = [
      ("gender", ["F", "M", "X"]),
      ("preferred_channel", ["email", "sms", "social", "push", "none"]),
      ("loyalty_tier", ["none", "bronze", "silver", "gold", "platinum"]),
      ("device", ["mobile", "desktop", "tablet"]),
      ("education", ["high school", "some college", "bachelor", "master", "doctorate"]),
    ]
    for (name, domain) in expected {
      let values = try Self.view.strings(name)
      #expect(Set(values.map { $0 ?? "<null>" }) == domain, "\(name)")
    }
    let occupations = Set(try Self.view.strings("occupation").map { $0 ?? "<null>" })
    #expect(occupations.count == 15)
    #expect(occupations.isSuperset(of: ["student", "retired"]))
    #expect(Set(try Self.view.strings("country").map { $0 ?? "" }).count == 8)
    let interests = try Self.view.lists("interests").map { try #require($0) }
    #expect(interests.allSatisfy { (1...4).contains($0.count) && Set($0).count == $0.count })
    #expect(Set(interests.joined()) == Set(SampleCatalog.interests))
  }

  @Test("students are young and retirees old")
  func occupationsFollowAge() throws {
    let ages = try Self.view.ints("age").map { try #require($0) }
    let jobs = try Self.view.strings("occupation").map { try #require($0) }
    #expect(zip(ages, jobs).allSatisfy { $1 != "student" || $0 < 40 })
    #expect(zip(ages, jobs).allSatisfy { $1 != "retired" || $0 >= 58 })
  }

  @Test("loyalty tiers rise with total spend")
  func tiers() throws {
    let spend = try Self.view.doubles("total_spend").map { try #require($0) }
    let tiers = try Self.view.strings("loyalty_tier").map { try #require($0) }
    let order = ["none", "bronze", "silver", "gold", "platinum"]
    let ranked = zip(spend, tiers).map { ($0, order.firstIndex(of: $1)!) }.sorted { $0.0 < $1.0 }
    #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.1 <= $1.1 }, "a tier falls as spend rises")
    for tier in order { #expect(tiers.contains(tier), "no \(tier) customers") }
  }

  @Test("age drives channel and device; orders and income drive spend")
  func correlations() throws {
    let ages = try Self.view.ints("age").map { try #require($0) }
    let channels = try Self.view.strings("preferred_channel").map { try #require($0) }
    let devices = try Self.view.strings("device").map { try #require($0) }
    let young = ages.indices.filter { ages[$0] < 30 }
    let old = ages.indices.filter { ages[$0] >= 60 }
    func shareOf(_ rows: [Int], _ values: [String], _ value: String) -> Double {
      share(rows) { values[$0] == value }
    }
    #expect(shareOf(young, channels, "social") > 2 * shareOf(old, channels, "social"))
    #expect(shareOf(old, channels, "email") > 1.5 * shareOf(young, channels, "email"))
    #expect(shareOf(young, devices, "mobile") > shareOf(old, devices, "mobile") + 0.2)

    let orders = try Self.view.ints("orders").map { Double(try #require($0)) }
    let spend = try Self.view.doubles("total_spend").map { try #require($0) }
    #expect(correlation(orders, spend) > 0.5)
    let incomes = try Self.view.ints("income")
    let paired = zip(incomes, spend).compactMap { income, spend in income.map { (Double($0), spend) } }
    #expect(correlation(paired.map(\.0), paired.map(\.1)) > 0.05)

    let abandons = try Self.view.ints("cart_abandons").map { try #require($0) }
    #expect(mean(young.map { Double(abandons[$0]) }) > mean(old.map { Double(abandons[$0]) }))
  }

  @Test("cities lie in their region and country, with San cities in the US")
  func geography() throws {
    let countries = try Self.view.strings("country").map { try #require($0) }
    let regions = try Self.view.strings("region").map { try #require($0) }
    let cities = try Self.view.strings("city").map { try #require($0) }
    var places: Set<String> = []
    for city in SampleGeography.cities {
      let country = SampleGeography.countryNames[city.country]
      let region = SampleGeography.regionNames[Int(city.regionCode)]
      places.insert("\(country)/\(region)/\(SampleGeography.cityNames[Int(city.nameCode)])")
    }
    for row in countries.indices {
      #expect(places.contains("\(countries[row])/\(regions[row])/\(cities[row])"))
    }
    let sanCities = Set(
      zip(countries, cities).filter { $0 == "United States" && $1.hasPrefix("San ") }.map(\.1))
    #expect(sanCities.isSuperset(of: ["San Francisco", "San Diego", "San Jose", "San Antonio"]))
    #expect(share(countries) { $0 == "United States" } > 0.3)
    let urban = try Self.view.bools("urban").map { try #require($0) }
    #expect((0.6...0.9).contains(share(urban) { $0 }))
  }

  @Test("first names match gender")
  func namesMatchGender() throws {
    let genders = try Self.view.strings("gender").map { try #require($0) }
    let names = try Self.view.strings("first_name").map { try #require($0) }
    let female = Set(SampleNames.pools.flatMap(\.female))
    let male = Set(SampleNames.pools.flatMap(\.male))
    let neutral = Set(SampleNames.pools.flatMap(\.neutral))
    for (gender, name) in zip(genders, names) {
      switch gender {
      case "F": #expect(female.contains(name), "\(name) is not a female name")
      case "M": #expect(male.contains(name), "\(name) is not a male name")
      default: #expect(neutral.contains(name), "\(name) is not a neutral name")
      }
    }
  }
}
