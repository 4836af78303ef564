/// The fixed vocabularies of the sample data: the values a column may take and how they relate.
///
/// Arrays are in a fixed order because indices into them are what the generator draws; changing an
/// order changes every table generated from a seed.
enum SampleCatalog {
  static let genders = ["F", "M", "X"]
  static let educations = ["high school", "some college", "bachelor", "master", "doctorate"]
  static let channels = ["email", "sms", "social", "push", "none"]
  static let devices = ["mobile", "desktop", "tablet"]
  static let tiers = ["none", "bronze", "silver", "gold", "platinum"]

  /// The least total spend, in cents, of each tier above `none`: bronze, silver, gold, platinum.
  static let tierThresholdCents: [Int64] = [50_00, 250_00, 750_00, 1_500_00]

  /// The loyalty tier index for a total spend in cents.
  static func tier(spendCents: Int64) -> Int {
    var tier = 0
    for threshold in tierThresholdCents where spendCents >= threshold { tier += 1 }
    return tier
  }

  /// A job, its typical annual income (in US dollars, before the country's factor) and how often
  /// it is held by people of each education level (`educations` order).
  struct Occupation: Sendable {
    let name: String
    let medianIncome: Double
    let byEducation: [Int]
  }

  static let student = 0
  static let retired = 1

  /// Students and retirees come first; they are chosen by age, the others by education.
  static let occupations: [Occupation] = [
    Occupation(name: "student", medianIncome: 12_000, byEducation: [0, 0, 0, 0, 0]),
    Occupation(name: "retired", medianIncome: 30_000, byEducation: [0, 0, 0, 0, 0]),
    Occupation(name: "software engineer", medianIncome: 115_000, byEducation: [0, 2, 12, 14, 15]),
    Occupation(name: "teacher", medianIncome: 55_000, byEducation: [0, 1, 12, 10, 15]),
    Occupation(name: "nurse", medianIncome: 72_000, byEducation: [0, 8, 10, 5, 0]),
    Occupation(name: "sales associate", medianIncome: 34_000, byEducation: [20, 14, 5, 1, 0]),
    Occupation(name: "manager", medianIncome: 95_000, byEducation: [5, 8, 12, 18, 10]),
    Occupation(name: "accountant", medianIncome: 70_000, byEducation: [1, 3, 10, 8, 0]),
    Occupation(name: "marketing specialist", medianIncome: 62_000, byEducation: [0, 5, 12, 8, 0]),
    Occupation(name: "designer", medianIncome: 58_000, byEducation: [1, 6, 8, 4, 0]),
    Occupation(name: "physician", medianIncome: 210_000, byEducation: [0, 0, 0, 2, 40]),
    Occupation(name: "electrician", medianIncome: 60_000, byEducation: [14, 10, 1, 0, 0]),
    Occupation(name: "driver", medianIncome: 45_000, byEducation: [16, 8, 1, 0, 0]),
    Occupation(name: "customer service", medianIncome: 38_000, byEducation: [18, 14, 3, 1, 0]),
    Occupation(name: "small business owner", medianIncome: 68_000, byEducation: [8, 8, 6, 4, 1]),
  ]

  static let occupationNames = occupations.map(\.name)

  /// Occupation weights for each education level, for people who are neither students nor retired.
  static let occupationsByEducation: [WeightTable] = (0..<educations.count).map { level in
    WeightTable(occupations.map { $0.byEducation[level] })
  }

  static let interests = [
    "outdoor", "travel", "tech", "fashion", "fitness", "cooking", "gaming", "books", "music", "home",
    "beauty", "sports",
  ]

  /// How common each interest is before age and gender adjust it (`interests` order).
  static let interestWeights: [Double] = [8, 10, 9, 9, 9, 9, 7, 8, 9, 8, 7, 8]

  /// The product category an interest makes a customer buy more of (`interests` order).
  static let interestCategory = [4, 1, 0, 1, 4, 2, 6, 5, 0, 2, 3, 4]

  /// A product and its list price; within a category products go from cheapest to dearest.
  struct Product: Sendable {
    let name: String
    let priceCents: Int64
    let weight: Int
  }

  struct Category: Sendable {
    let name: String
    let weight: Double
    let products: [Product]
    let productWeights: WeightTable

    init(_ name: String, weight: Double, _ products: [(String, Int64, Int)]) {
      self.name = name
      self.weight = weight
      self.products = products.map { Product(name: $0.0, priceCents: $0.1, weight: $0.2) }
      self.productWeights = WeightTable(products.map(\.2))
    }
  }

  static let categories: [Category] = [
    Category(
      "Electronics", weight: 14,
      [
        ("USB-C Charger", 24_99, 35), ("Bluetooth Speaker", 59_99, 25), ("Wireless Earbuds", 79_99, 30),
        ("Smartwatch", 199_00, 12), ("Noise-Cancelling Headphones", 249_00, 8),
      ]),
    Category(
      "Fashion", weight: 18,
      [
        ("Cotton T-Shirt", 19_99, 35), ("Wool Scarf", 34_99, 18), ("Linen Shirt", 49_99, 20),
        ("Denim Jacket", 89_00, 15), ("Leather Ankle Boots", 129_00, 12),
      ]),
    Category(
      "Home & Kitchen", weight: 16,
      [
        ("Scented Candle", 18_99, 30), ("Throw Blanket", 39_99, 22), ("Cast Iron Skillet", 44_99, 18),
        ("Coffee Grinder", 54_99, 16), ("Chef's Knife", 69_99, 14),
      ]),
    Category(
      "Beauty", weight: 10,
      [
        ("Lipstick", 17_99, 30), ("Moisturizer", 24_99, 28), ("Vitamin C Serum", 29_99, 22),
        ("Hair Dryer", 79_99, 10), ("Eau de Parfum", 84_99, 10),
      ]),
    Category(
      "Sports & Outdoors", weight: 12,
      [
        ("Insulated Water Bottle", 24_99, 30), ("Yoga Mat", 29_99, 25), ("Hiking Backpack", 89_99, 17),
        ("Running Shoes", 119_99, 18), ("Camping Tent", 179_99, 10),
      ]),
    Category(
      "Books", weight: 10,
      [
        ("Picture Book", 12_99, 25), ("Mystery Novel", 16_99, 30), ("Biography", 19_99, 18),
        ("Travel Guide", 22_99, 15), ("Cookbook", 29_99, 12),
      ]),
    Category(
      "Toys & Games", weight: 8,
      [
        ("Plush Toy", 14_99, 28), ("Jigsaw Puzzle", 19_99, 25), ("Board Game", 39_99, 22),
        ("Video Game", 59_99, 15), ("Building Bricks Set", 64_99, 10),
      ]),
    Category(
      "Grocery", weight: 12,
      [
        ("Dark Chocolate Box", 9_99, 28), ("Green Tea Sampler", 12_99, 22),
        ("Organic Coffee Beans", 14_99, 25), ("Extra Virgin Olive Oil", 15_99, 15),
        ("Protein Bars", 24_99, 10),
      ]),
  ]

  static let categoryNames = categories.map(\.name)
  static let categoryWeights = categories.map(\.weight)

  /// Every product name, categories in order; product `p` of category `c` is at `c * 5 + p`.
  static let productNames = categories.flatMap { $0.products.map(\.name) }
  static let productsPerCategory = 5

  /// Quantities 1...5 and how often each is ordered.
  static let quantityWeights = WeightTable([70, 18, 7, 3, 2])

  /// Price paid as a percentage of list price: full price most of the time, sometimes on sale.
  static let discountPercents: [Int64] = [100, 90, 80, 70]
  static let discountWeights = WeightTable([75, 12, 8, 5])
}
