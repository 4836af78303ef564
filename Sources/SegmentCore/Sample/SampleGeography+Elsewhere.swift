extension SampleGeography {
  static let canada = CountrySpec(
    name: "Canada", weight: 8, incomeFactor: 0.85,
    origins: OriginMix([
      (.anglo, 60), (.quebecois, 22), (.chinese, 7), (.indian, 7), (.italian, 3), (.arabic, 1),
    ]),
    regions: [
      RegionSpec(
        name: "Ontario",
        cities: [
          ("Toronto", 620), ("Ottawa", 150), ("Mississauga", 72), ("Hamilton", 79), ("London", 55),
          ("Kingston", 17),
        ]),
      // Quebec is where the French-Canadian names live, and Montreal's North African community.
      RegionSpec(
        name: "Quebec",
        cities: [
          ("Montreal", 430), ("Quebec City", 84), ("Laval", 44), ("Gatineau", 29), ("Sherbrooke", 23),
        ],
        origins: OriginMix([
          (.quebecois, 75), (.anglo, 12), (.arabic, 5), (.italian, 4), (.hispanic, 2), (.chinese, 2),
        ])),
      RegionSpec(
        name: "British Columbia",
        cities: [("Vancouver", 270), ("Victoria", 40), ("Surrey", 57), ("Kelowna", 22)],
        origins: OriginMix([(.anglo, 62), (.chinese, 20), (.indian, 14), (.italian, 2), (.quebecois, 2)])),
      RegionSpec(
        name: "Alberta", cities: [("Calgary", 160), ("Edmonton", 150), ("Red Deer", 11), ("Lethbridge", 13)]),
      RegionSpec(name: "Manitoba", cities: [("Winnipeg", 85), ("Brandon", 5)]),
      RegionSpec(name: "Nova Scotia", cities: [("Halifax", 47), ("Sydney", 3), ("Truro", 2)]),
      RegionSpec(name: "Saskatchewan", cities: [("Saskatoon", 34), ("Regina", 26)]),
    ])

  static let australia = CountrySpec(
    name: "Australia", weight: 6, incomeFactor: 0.95,
    origins: OriginMix([
      (.anglo, 78), (.chinese, 8), (.indian, 6), (.italian, 5), (.arabic, 2), (.hispanic, 1),
    ]),
    regions: [
      RegionSpec(
        name: "New South Wales",
        cities: [("Sydney", 530), ("Newcastle", 50), ("Wollongong", 31), ("Wagga Wagga", 6)]),
      RegionSpec(
        name: "Victoria", cities: [("Melbourne", 500), ("Geelong", 29), ("Ballarat", 11), ("Bendigo", 10)]),
      RegionSpec(
        name: "Queensland",
        cities: [
          ("Brisbane", 260), ("Gold Coast", 72), ("Cairns", 16), ("Townsville", 18), ("Toowoomba", 14),
        ]),
      RegionSpec(name: "Western Australia", cities: [("Perth", 220), ("Fremantle", 3), ("Bunbury", 8)]),
      RegionSpec(name: "South Australia", cities: [("Adelaide", 140), ("Mount Gambier", 3)]),
      RegionSpec(name: "Tasmania", cities: [("Hobart", 25), ("Launceston", 9)]),
      RegionSpec(name: "Australian Capital Territory", cities: [("Canberra", 47)]),
    ])

  static let brazil = CountrySpec(
    name: "Brazil", weight: 6, incomeFactor: 0.3,
    origins: OriginMix([(.portuguese, 90), (.italian, 5), (.german, 2), (.hispanic, 2), (.arabic, 1)]),
    regions: [
      RegionSpec(
        name: "São Paulo",
        cities: [
          ("São Paulo", 2200), ("Campinas", 320), ("Santos", 180), ("São José dos Campos", 70),
          ("Ribeirão Preto", 70),
        ]),
      RegionSpec(
        name: "Rio de Janeiro", cities: [("Rio de Janeiro", 1350), ("Niterói", 50), ("Petrópolis", 30)]),
      RegionSpec(
        name: "Minas Gerais", cities: [("Belo Horizonte", 600), ("Uberlândia", 70), ("Juiz de Fora", 57)]),
      RegionSpec(name: "Bahia", cities: [("Salvador", 390), ("Feira de Santana", 62)]),
      RegionSpec(
        name: "Rio Grande do Sul", cities: [("Porto Alegre", 430), ("Caxias do Sul", 50), ("Pelotas", 34)]),
      RegionSpec(name: "Paraná", cities: [("Curitiba", 350), ("Londrina", 58), ("Maringá", 43)]),
      RegionSpec(name: "Pernambuco", cities: [("Recife", 400), ("Olinda", 39)]),
      RegionSpec(name: "Federal District", cities: [("Brasília", 470)]),
    ])
}
