/// The heritage a sample customer's name is drawn from; each country mixes several (SampleGeography).
enum NameOrigin: Int, CaseIterable, Sendable {
  case anglo, hispanic, german, french, quebecois, portuguese, italian, indian, chinese, turkish, arabic
}

/// First and last names of one heritage.
///
/// Female and male first names are listed from those most given around 1945 to those most given
/// around 2005, so that picking by birth year makes a 75-year-old more likely to be a Barbara than
/// an Olivia. Neutral names are for customers whose gender is X.
struct NamePool: Sendable {
  let female: [String]
  let male: [String]
  let neutral: [String]
  let last: [String]
}

enum SampleNames {
  /// The pools, indexed by `NameOrigin.rawValue`.
  static let pools: [NamePool] = [
    anglo, hispanic, german, french, quebecois, portuguese, italian,
    indian, chinese, turkish, arabic,
  ]

  /// A pool as codes into `vocabulary`, which is what the generator stores per customer.
  struct Codes: Sendable {
    let female: [UInt16]
    let male: [UInt16]
    let neutral: [UInt16]
    let last: [UInt16]
  }

  /// Every first and last name once, in order of first appearance in `pools`.
  static let vocabulary: [String] = coded.vocabulary
  /// The pools as codes, indexed by `NameOrigin.rawValue`.
  static let codes: [Codes] = coded.codes

  private static let coded: (vocabulary: [String], codes: [Codes]) = {
    var words = Vocabulary()
    func encode(_ names: [String]) -> [UInt16] { names.map { UInt16(words.code($0)) } }
    let codes = pools.map {
      Codes(
        female: encode($0.female), male: encode($0.male), neutral: encode($0.neutral), last: encode($0.last))
    }
    return (words.words, codes)
  }()

  private static let anglo = NamePool(
    female: [
      "Barbara", "Linda", "Patricia", "Carol", "Susan", "Nancy", "Deborah", "Margaret", "Karen",
      "Donna", "Mary", "Lisa", "Julie", "Michelle", "Kimberly", "Amy", "Angela", "Jennifer", "Heather",
      "Melissa", "Stephanie", "Rebecca", "Laura", "Sarah", "Jessica", "Rachel", "Lauren", "Ashley",
      "Megan", "Emily", "Hannah", "Samantha", "Chloe", "Grace", "Madison", "Sophie", "Emma", "Olivia",
      "Charlotte", "Amelia", "Ava", "Isla",
    ],
    male: [
      "Robert", "Richard", "Gary", "Kenneth", "Ronald", "Donald", "William", "Thomas", "Paul", "Mark",
      "Steven", "Jeffrey", "Brian", "Kevin", "Timothy", "David", "Michael", "James", "Christopher",
      "Jason", "Matthew", "Daniel", "Andrew", "Ryan", "Joshua", "Justin", "Tyler", "Brandon", "Jacob",
      "Ethan", "Dylan", "Nathan", "Logan", "Noah", "Liam", "Oliver", "Jack", "Harry", "Lucas", "Leo",
    ],
    neutral: [
      "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Riley", "Avery", "Quinn",
      "Charlie", "Rowan",
    ],
    last: [
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
      "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis",
      "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams",
      "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
      "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Cooper",
      "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson",
      "Brooks", "Hughes", "Price", "Hall", "MacDonald", "O'Brien", "Murray", "Kennedy", "Walsh",
    ])

  private static let hispanic = NamePool(
    female: [
      "Carmen", "María", "Rosa", "Josefina", "Guadalupe", "Teresa", "Pilar", "Ana", "Isabel",
      "Cristina", "Mónica", "Verónica", "Raquel", "Patricia", "Marta", "Elena", "Beatriz", "Silvia",
      "Laura", "Andrea", "Paula", "Lucía", "Sara", "Alba", "Daniela", "Valentina", "Camila", "Sofía",
      "Martina", "Valeria",
    ],
    male: [
      "José", "Antonio", "Manuel", "Francisco", "Juan", "Jesús", "Ramón", "Fernando", "Luis", "Miguel",
      "Carlos", "Javier", "Jorge", "Rafael", "Alberto", "Pedro", "Sergio", "Alejandro", "Pablo", "Raúl",
      "Rubén", "Adrián", "Iván", "Diego", "Daniel", "David", "Álvaro", "Hugo", "Mateo", "Santiago",
    ],
    neutral: ["Alex", "Ariel", "Cruz", "Noa", "Dani", "Sasha"],
    last: [
      "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
      "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Reyes", "Cruz", "Ortiz",
      "Gutiérrez", "Chávez", "Ruiz", "Jiménez", "Moreno", "Álvarez", "Romero", "Navarro", "Domínguez",
      "Vázquez", "Castillo", "Vega",
    ])

  private static let german = NamePool(
    female: [
      "Ursula", "Helga", "Renate", "Monika", "Karin", "Brigitte", "Ingrid", "Gabriele", "Petra",
      "Sabine", "Birgit", "Andrea", "Claudia", "Susanne", "Martina", "Nicole", "Stefanie", "Katrin",
      "Julia", "Anna", "Lisa", "Sarah", "Laura", "Lena", "Lea", "Hannah", "Leonie", "Mia", "Emilia",
      "Marie",
    ],
    male: [
      "Klaus", "Dieter", "Jürgen", "Manfred", "Wolfgang", "Günter", "Peter", "Uwe", "Hans", "Rainer",
      "Frank", "Thomas", "Michael", "Andreas", "Stefan", "Markus", "Christian", "Sven", "Tobias",
      "Daniel", "Florian", "Sebastian", "Jan", "Lukas", "Tim", "Niklas", "Jonas", "Leon", "Finn",
      "Paul",
    ],
    neutral: ["Alex", "Kim", "Robin", "Luca", "Charlie", "Sascha"],
    last: [
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
      "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
      "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
      "Krause", "Meier", "Lehmann",
    ])

  private static let frenchFemale = [
    "Jacqueline", "Monique", "Françoise", "Nicole", "Sylvie", "Catherine", "Martine", "Christine",
    "Isabelle", "Nathalie", "Valérie", "Sandrine", "Véronique", "Stéphanie", "Céline", "Aurélie",
    "Julie", "Émilie", "Camille", "Laura", "Marion", "Manon", "Chloé", "Léa", "Inès", "Jade", "Louise",
    "Emma", "Alice", "Zoé",
  ]
  private static let frenchMale = [
    "Jacques", "Michel", "Alain", "Bernard", "Gérard", "Daniel", "Patrick", "Philippe", "Christophe",
    "Pascal", "Laurent", "Thierry", "Frédéric", "Stéphane", "Nicolas", "Sébastien", "Julien",
    "Mathieu", "Guillaume", "Romain", "Thomas", "Antoine", "Maxime", "Alexandre", "Lucas", "Hugo",
    "Théo", "Louis", "Gabriel", "Jules",
  ]
  private static let frenchNeutral = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Charlie"]

  private static let french = NamePool(
    female: frenchFemale, male: frenchMale, neutral: frenchNeutral,
    last: [
      "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
      "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "David", "Bertrand", "Roux", "Vincent",
      "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
      "François", "Fontaine", "Rousseau",
    ])

  // Quebec shares France's first names but has its own, very distinctive, surnames.
  private static let quebecois = NamePool(
    female: frenchFemale, male: frenchMale, neutral: frenchNeutral,
    last: [
      "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
      "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
      "Girard", "Simard", "Boucher",
    ])

  private static let portuguese = NamePool(
    female: [
      "Maria", "Antônia", "Francisca", "Ana", "Sandra", "Márcia", "Adriana", "Patrícia", "Cláudia",
      "Juliana", "Fernanda", "Aline", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Larissa",
      "Beatriz", "Gabriela", "Mariana", "Isabela", "Júlia", "Manuela", "Alice", "Laura", "Helena",
      "Valentina", "Sophia", "Lorena",
    ],
    male: [
      "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Luiz", "Marcos", "Luís",
      "Ricardo", "Rodrigo", "Marcelo", "Fernando", "Fábio", "André", "Eduardo", "Rafael", "Bruno",
      "Felipe", "Thiago", "Gustavo", "Lucas", "Matheus", "Gabriel", "Guilherme", "Enzo", "Arthur",
      "Davi", "Heitor",
    ],
    neutral: ["Alex", "Ariel", "Darci", "Jaci", "Sasha", "Cris"],
    last: [
      "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
      "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
      "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
      "Machado", "Mendes", "Freitas",
    ])

  private static let italian = NamePool(
    female: [
      "Giuseppina", "Anna", "Maria", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carla", "Franca",
      "Paola", "Patrizia", "Laura", "Francesca", "Elena", "Silvia", "Valentina", "Chiara", "Federica",
      "Sara", "Martina", "Giulia", "Alessia", "Sofia", "Aurora",
    ],
    male: [
      "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Salvatore", "Franco", "Vincenzo",
      "Roberto", "Paolo", "Giorgio", "Massimo", "Stefano", "Andrea", "Marco", "Alessandro", "Luca",
      "Matteo", "Davide", "Simone", "Federico", "Lorenzo", "Leonardo", "Francesco", "Tommaso",
    ],
    neutral: ["Alex", "Sasha", "Celeste", "Noa"],
    last: [
      "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
      "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
      "Lombardi", "Moretti",
    ])

  private static let indian = NamePool(
    female: [
      "Lakshmi", "Sunita", "Geeta", "Anita", "Kavita", "Rekha", "Meena", "Priya", "Pooja", "Neha",
      "Divya", "Anjali", "Shreya", "Kavya", "Ananya", "Aditi", "Diya", "Isha", "Saanvi", "Aarohi",
    ],
    male: [
      "Rajesh", "Suresh", "Ramesh", "Sanjay", "Anil", "Vijay", "Ashok", "Sunil", "Amit", "Rahul",
      "Vikram", "Arjun", "Rohan", "Karan", "Aditya", "Nikhil", "Aarav", "Vihaan", "Ishaan", "Reyansh",
    ],
    neutral: ["Kiran", "Jyoti", "Alex", "Sam"],
    last: [
      "Patel", "Sharma", "Singh", "Kumar", "Gupta", "Shah", "Mehta", "Reddy", "Iyer", "Nair", "Rao",
      "Joshi", "Desai", "Chopra", "Malhotra", "Kapoor", "Verma", "Bose", "Das", "Pillai",
    ])

  private static let chinese = NamePool(
    female: [
      "Xiu Ying", "Hong", "Yan", "Li Na", "Fang", "Jing", "Mei", "Ling", "Hui", "Xin", "Yi", "Ying",
      "Grace", "Jenny", "Yu Xin", "Zi Han", "Jia Yi", "Chloe",
    ],
    male: [
      "Jian", "Qiang", "Jun", "Tao", "Gang", "Yong", "Ming", "Lei", "Bo", "Hao", "Kevin", "Zhi Wei",
      "Eric", "Yu Hang", "Hao Ran", "Ryan",
    ],
    neutral: ["Wei", "Yu", "Lin", "An"],
    last: [
      "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
      "Zhu", "Hu", "Guo", "Lin", "Lam", "Wong", "Chan", "Leung", "Ng", "Cheung",
    ])

  private static let turkish = NamePool(
    female: [
      "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Meryem", "Derya", "Esra", "Merve", "Büşra", "Elif",
      "Selin", "Ecrin", "Defne", "Ela",
    ],
    male: [
      "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Burak",
      "Can", "Yusuf", "Eren", "Kerem", "Emir",
    ],
    neutral: ["Deniz", "Evren", "Umut"],
    last: [
      "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
      "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özkan",
    ])

  private static let arabic = NamePool(
    female: [
      "Fatima", "Khadija", "Aïcha", "Malika", "Samira", "Nadia", "Karima", "Leïla", "Amina", "Yasmina",
      "Meriem", "Sarah", "Inès", "Nour", "Lina",
    ],
    male: [
      "Mohamed", "Ahmed", "Ali", "Abdelkader", "Rachid", "Karim", "Mourad", "Nabil", "Samir", "Mehdi",
      "Yassine", "Bilal", "Amine", "Adam", "Rayan",
    ],
    neutral: ["Nour", "Sabah", "Ihsan"],
    last: [
      "Benali", "Haddad", "Mansour", "Belkacem", "Bouzid", "Cherif", "Khelifi", "Amrani", "El Idrissi",
      "Benmoussa", "Saidi", "Hamdi", "Rahmani", "Brahimi", "Zeroual", "Khoury", "Nasser", "Saleh",
    ])
}
