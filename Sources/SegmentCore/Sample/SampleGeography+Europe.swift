extension SampleGeography {
  /// The European countries, in their fixed order.
  static let europe: [CountrySpec] = [
    CountrySpec(
      name: "United Kingdom", weight: 14, incomeFactor: 0.8,
      origins: OriginMix([
        (.anglo, 84), (.indian, 8), (.arabic, 3), (.chinese, 2), (.italian, 1), (.french, 1),
        (.hispanic, 1),
      ]),
      regions: [
        RegionSpec(name: "London", cities: [("London", 900)]),
        RegionSpec(
          name: "South East",
          cities: [
            ("Brighton", 77), ("Oxford", 25), ("Reading", 34), ("Southampton", 86), ("Canterbury", 16),
            ("Milton Keynes", 29),
          ]),
        RegionSpec(
          name: "North West",
          cities: [("Manchester", 280), ("Liverpool", 90), ("Preston", 33), ("Lancaster", 14)]),
        RegionSpec(
          name: "West Midlands", cities: [("Birmingham", 260), ("Coventry", 36), ("Wolverhampton", 26)]),
        RegionSpec(
          name: "Yorkshire and the Humber",
          cities: [("Leeds", 180), ("Sheffield", 69), ("York", 21), ("Hull", 31)]),
        RegionSpec(
          name: "South West", cities: [("Bristol", 72), ("Plymouth", 26), ("Exeter", 13), ("Bath", 9)]),
        RegionSpec(
          name: "East of England",
          cities: [("Cambridge", 15), ("Norwich", 21), ("Ipswich", 14), ("Peterborough", 20)]),
        RegionSpec(
          name: "North East", cities: [("Newcastle upon Tyne", 110), ("Sunderland", 28), ("Durham", 5)]),
        RegionSpec(name: "East Midlands", cities: [("Nottingham", 77), ("Leicester", 55), ("Derby", 27)]),
        RegionSpec(
          name: "Scotland",
          cities: [
            ("Glasgow", 170), ("Edinburgh", 90), ("Aberdeen", 22), ("Dundee", 15), ("Inverness", 5),
          ]),
        RegionSpec(name: "Wales", cities: [("Cardiff", 48), ("Swansea", 30), ("Newport", 15)]),
        RegionSpec(name: "Northern Ireland", cities: [("Belfast", 67), ("Derry", 10), ("Lisburn", 7)]),
      ]),
    CountrySpec(
      name: "Germany", weight: 11, incomeFactor: 0.85,
      origins: OriginMix([
        (.german, 80), (.turkish, 11), (.italian, 3), (.arabic, 2), (.anglo, 2), (.french, 2),
      ]),
      regions: [
        RegionSpec(
          name: "North Rhine-Westphalia",
          cities: [
            ("Cologne", 110), ("Düsseldorf", 62), ("Dortmund", 59), ("Essen", 58), ("Bonn", 33),
            ("Münster", 32), ("Aachen", 25),
          ]),
        RegionSpec(
          name: "Bavaria",
          cities: [
            ("Munich", 150), ("Nuremberg", 52), ("Augsburg", 30), ("Regensburg", 15), ("Würzburg", 13),
            ("Bamberg", 8),
          ]),
        RegionSpec(
          name: "Baden-Württemberg",
          cities: [
            ("Stuttgart", 63), ("Karlsruhe", 31), ("Mannheim", 31), ("Freiburg", 23), ("Heidelberg", 16),
            ("Ulm", 13),
          ]),
        RegionSpec(
          name: "Lower Saxony",
          cities: [
            ("Hanover", 54), ("Braunschweig", 25), ("Osnabrück", 17), ("Göttingen", 12), ("Oldenburg", 17),
          ]),
        RegionSpec(
          name: "Hesse",
          cities: [("Frankfurt", 77), ("Wiesbaden", 28), ("Kassel", 20), ("Darmstadt", 16), ("Marburg", 8)]),
        RegionSpec(name: "Berlin", cities: [("Berlin", 370)]),
        RegionSpec(name: "Hamburg", cities: [("Hamburg", 185)]),
        RegionSpec(
          name: "Saxony", cities: [("Leipzig", 60), ("Dresden", 56), ("Chemnitz", 25), ("Zwickau", 9)]),
        RegionSpec(name: "Schleswig-Holstein", cities: [("Kiel", 25), ("Lübeck", 22), ("Flensburg", 9)]),
        RegionSpec(
          name: "Rhineland-Palatinate",
          cities: [("Mainz", 22), ("Koblenz", 11), ("Trier", 11), ("Kaiserslautern", 10)]),
      ]),
    CountrySpec(
      name: "France", weight: 9, incomeFactor: 0.78,
      origins: OriginMix([
        (.french, 80), (.arabic, 10), (.portuguese, 3), (.italian, 3), (.hispanic, 2), (.chinese, 2),
      ]),
      regions: [
        RegionSpec(
          name: "Île-de-France",
          cities: [("Paris", 700), ("Versailles", 9), ("Saint-Denis", 11), ("Boulogne-Billancourt", 12)]),
        RegionSpec(
          name: "Auvergne-Rhône-Alpes",
          cities: [
            ("Lyon", 230), ("Grenoble", 70), ("Saint-Étienne", 40), ("Clermont-Ferrand", 50), ("Annecy", 23),
          ]),
        RegionSpec(
          name: "Provence-Alpes-Côte d'Azur",
          cities: [
            ("Marseille", 190), ("Nice", 100), ("Toulon", 60), ("Avignon", 35), ("Aix-en-Provence", 15),
          ]),
        RegionSpec(
          name: "Occitanie",
          cities: [("Toulouse", 150), ("Montpellier", 80), ("Nîmes", 27), ("Perpignan", 33)]),
        RegionSpec(
          name: "Nouvelle-Aquitaine",
          cities: [("Bordeaux", 130), ("Limoges", 30), ("Poitiers", 26), ("La Rochelle", 21), ("Pau", 25)]),
        RegionSpec(
          name: "Hauts-de-France", cities: [("Lille", 120), ("Amiens", 30), ("Roubaix", 10), ("Dunkirk", 25)]),
        RegionSpec(
          name: "Grand Est",
          cities: [("Strasbourg", 80), ("Reims", 30), ("Metz", 39), ("Nancy", 43), ("Mulhouse", 27)]),
        RegionSpec(
          name: "Brittany", cities: [("Rennes", 75), ("Brest", 32), ("Quimper", 13), ("Saint-Malo", 8)]),
        RegionSpec(name: "Pays de la Loire", cities: [("Nantes", 100), ("Angers", 43), ("Le Mans", 35)]),
        RegionSpec(name: "Normandy", cities: [("Rouen", 66), ("Caen", 47), ("Le Havre", 33)]),
      ]),
    CountrySpec(
      name: "Spain", weight: 6, incomeFactor: 0.6,
      origins: OriginMix([
        (.hispanic, 88), (.arabic, 5), (.anglo, 2), (.italian, 2), (.portuguese, 2), (.chinese, 1),
      ]),
      regions: [
        RegionSpec(
          name: "Community of Madrid", cities: [("Madrid", 670), ("Alcalá de Henares", 20), ("Getafe", 18)]),
        RegionSpec(
          name: "Catalonia",
          cities: [
            ("Barcelona", 560), ("L'Hospitalet de Llobregat", 27), ("Girona", 10), ("Tarragona", 14),
          ]),
        RegionSpec(
          name: "Andalusia",
          cities: [("Seville", 150), ("Málaga", 100), ("Córdoba", 32), ("Granada", 50), ("Cádiz", 11)]),
        RegionSpec(
          name: "Valencian Community",
          cities: [("Valencia", 160), ("Alicante", 76), ("Elche", 23), ("Castellón de la Plana", 17)]),
        RegionSpec(
          name: "Basque Country", cities: [("Bilbao", 100), ("San Sebastián", 44), ("Vitoria-Gasteiz", 25)]),
        RegionSpec(
          name: "Galicia", cities: [("Vigo", 45), ("A Coruña", 41), ("Santiago de Compostela", 10)]),
        RegionSpec(
          name: "Castile and León",
          cities: [("Valladolid", 41), ("Salamanca", 18), ("Burgos", 18), ("León", 20)]),
      ]),
  ]
}
