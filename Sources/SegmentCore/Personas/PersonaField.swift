/// A field of a persona (DESIGN §1, §4): the things marketers write about the person who stands for a
/// segment. The order of the cases is the order cards, listings and exports show them in.
public enum PersonaField: String, Sendable, CaseIterable, Hashable {
  case name
  case age
  case gender
  case location
  case job
  case industry
  case education
  case income
  case family
  case bio
  case quote
  case goals
  case motivations
  case pains
  case objections
  case triggers
  case channels
  case device
  case interests
  case habits
  case traits
  case tech
  case websites
  case brands

  /// What a field's value may be.
  public enum Shape: Sendable, Equatable {
    /// One piece of text: a quoted string, or bare words.
    case text
    /// Several pieces of text separated by commas.
    case list
    /// A whole number of years, 0 to 120.
    case years
    /// 1 to 5, or low, medium or high.
    case level
  }

  /// What the field's value may be.
  public var shape: Shape {
    switch self {
    case .age: return .years
    case .tech: return .level
    case .goals, .motivations, .pains, .objections, .triggers, .channels, .interests, .traits, .websites,
      .brands:
      return .list
    default: return .text
    }
  }

  /// Other words for the field that marketers use (`pain_points`, `frustrations`, `job_title`...).
  public var aliases: [String] {
    switch self {
    case .job: return ["job_title", "title", "occupation", "role"]
    case .location: return ["city", "place"]
    case .pains: return ["pain_points", "frustrations"]
    case .triggers: return ["buying_triggers"]
    case .channels: return ["preferred_channels", "channel"]
    case .tech: return ["tech_savviness", "savviness"]
    case .websites: return ["favourite_websites", "favorite_websites", "sites"]
    case .brands: return ["favourite_brands", "favorite_brands"]
    case .habits: return ["spending", "buying_habits"]
    case .goals: return ["goal"]
    case .interests: return ["interest"]
    case .traits: return ["trait"]
    default: return []
    }
  }

  /// The field's name as a card shows it.
  public var label: String {
    switch self {
    case .job: return "job title"
    case .pains: return "pain points"
    case .triggers: return "buying triggers"
    case .channels: return "channels"
    case .tech: return "tech savviness"
    case .websites: return "websites"
    case .habits: return "spending"
    default: return rawValue
    }
  }

  /// The field a word names (its name or an alias, case-insensitive), or nil.
  public static func named(_ word: String) -> PersonaField? {
    let w = word.lowercased()
    return allCases.first { $0.rawValue == w || $0.aliases.contains(w) }
  }

  /// Every word that names a field, for did-you-mean and completion.
  public static var words: [String] {
    allCases.flatMap { [$0.rawValue] + $0.aliases }
  }

  /// The fields a writer fills by hand: a draft leaves them as prompts.
  public static let human: [PersonaField] = [.name, .quote, .goals, .pains]

  /// What to write in a field a draft leaves empty.
  var prompt: String {
    switch self {
    case .name: return "a first name that fits them"
    case .quote: return "a sentence in their own words"
    case .goals: return "what they want to get done"
    case .pains: return "what gets in their way"
    default: return "fill in by hand"
    }
  }
}
