extension ExplainCatalog {
  /// Topics on what segments and personas are and the four classic bases of segmentation.
  static let segmentationTopics: [ExplainTopic] = [
    ExplainTopic(
      name: "segments", aliases: ["segment", "segmentation"],
      title: "Segments: groups of real customers who share traits",
      what: "A segment is a named group of actual customers picked out by a rule, such as \"men aged 18 to "
        + "25\" or \"spent more than 500 in the last three months\". Every customer either is in it or is "
        + "not, and the same customer may sit in several segments at once.",
      why: "No campaign suits everyone. Splitting the base lets a marketer send the right offer to the "
        + "right people, measure each group on its own, and spend where the return is highest instead of "
        + "averaging good and bad customers together.",
      example: "A shop notices that most revenue comes from a minority. It defines big_spenders as "
        + "total_spend > 500, sees that they are about a fifth of customers, then counts them by loyalty "
        + "tier to see whether the loyalty programme is where they live.",
      tryCommands: [
        "segment big_spenders = total_spend > 500",
        "count big_spenders by loyalty_tier",
        "stats total_spend in big_spenders",
        "segments",
      ]),
    ExplainTopic(
      name: "personas", aliases: ["persona", "buyer-personas"],
      title: "Personas: a fictional person who stands for one segment",
      what: "A persona is a made-up but specific person (a name, an age, a job, a quote in their own "
        + "words, goals, pains, preferred channels) written to represent one segment. It is fiction built "
        + "on the segment's real figures: the age is the members' median age, the channel the one most "
        + "of them prefer.",
      why: "Figures tell a team who the customers are; a persona makes them memorable. Designers, writers "
        + "and sales people can ask \"would Maria care about this?\" and reason about motives, which a "
        + "table of percentages never prompts.",
      example: "From the segment of big spenders, seg drafts a persona with the members' median age, "
        + "their most over-represented job and their favourite channel. The marketer then writes the "
        + "human parts the data cannot know: a name, a quote, goals and pains.",
      tryCommands: [
        "segment big_spenders = total_spend > 500",
        "persona draft for big_spenders as Maria",
        "persona Maria set quote \"I buy the good stuff, but I want it fast.\"",
        "personas",
      ]),
    ExplainTopic(
      name: "segments-vs-personas", aliases: ["personas-vs-segments", "segments-and-personas"],
      title: "Segments say who; personas say why",
      what: "A segment is a set of real customers chosen by a rule; a persona is one invented person who "
        + "represents that set. The segment is counted and measured; the persona is read and imagined. "
        + "You segment first, then write one persona per segment that matters.",
      why: "Segments decide where money goes (which group is biggest, most valuable, growing); personas "
        + "decide what to say to them. Mixing them up leads to personas nobody can count, or to segments "
        + "nobody can picture.",
      example: "young_urban is 1,000 real customers under 30 in cities, 20% of the base. \"Leo, 26, "
        + "junior designer, shops on his phone at night\" is the persona that stands for them: if the "
        + "segment's median age moves to 34, Leo needs rewriting.",
      tryCommands: [
        "segment young_urban = age < 30 and urban = true",
        "persona draft for young_urban as Leo",
        "show persona Leo",
      ]),
    ExplainTopic(
      name: "demographic", aliases: ["demographics", "demographic-segmentation"],
      title: "Demographic segmentation: age, gender, income, education, family",
      what: "Demographic segments group customers by facts about the person: age, gender, income, "
        + "education, occupation, family size. They are the oldest and most common kind of segment "
        + "because the data is easy to collect and to buy.",
      why: "Needs and budgets change with life stage and income, and media are bought by demographic "
        + "(\"women 25-34\"). They are a good first cut, but people of the same age can behave very "
        + "differently, so they are rarely enough alone.",
      example: "A retailer splits customers into age bands and compares spending per band, then defines "
        + "a segment of graduates with a high income to test a premium range.",
      tryCommands: [
        "bucket age into 25, 35, 50 as age_band",
        "stats total_spend by age_band",
        "segment affluent_grads = income > 80000 and education in (\"bachelor\", \"master\", \"doctorate\")",
      ]),
    ExplainTopic(
      name: "geographic", aliases: ["geography", "geographic-segmentation"],
      title: "Geographic segmentation: country, region, city, urban or rural",
      what: "Geographic segments group customers by where they live: country, region, city, climate, or "
        + "whether the place is urban or rural.",
      why: "Delivery costs, seasons, language, prices and regulations all change with place. Store "
        + "openings, local campaigns and shipping offers are planned region by region.",
      example: "A shop compares its countries by revenue, then defines the customers in rural areas to "
        + "test a free-shipping offer where delivery is slowest.",
      tryCommands: [
        "count by country",
        "stats total_spend by country",
        "segment rural = urban = false",
      ]),
    ExplainTopic(
      name: "psychographic", aliases: ["psychographics", "psychographic-segmentation"],
      title: "Psychographic segmentation: interests, values, lifestyle",
      what: "Psychographic segments group customers by what they care about: interests, values, "
        + "attitudes, lifestyle. In data they usually come from surveys, stated preferences or what "
        + "people browse and buy.",
      why: "Two 35-year-olds with the same income can want opposite things; interests explain why. "
        + "Messages and creative work are written to values, not to age bands.",
      example: "The sample data lists each customer's interests. A brand launching outdoor gear defines "
        + "the customers interested in fitness or travel and looks at how much they spend.",
      tryCommands: [
        "histogram interests",
        "segment active = interests contains \"fitness\" or interests contains \"travel\"",
        "stats total_spend in active",
      ]),
    ExplainTopic(
      name: "behavioural", aliases: ["behavioral", "behaviour", "behavior", "behavioural-segmentation"],
      title: "Behavioural segmentation: what customers do",
      what: "Behavioural segments group customers by their actions: how recently and how often they buy, "
        + "how much they spend, which channel they use, whether they abandon carts or open emails.",
      why: "Past behaviour is the best predictor of future behaviour, and it is data a business already "
        + "has. Win-back, loyalty and cart-recovery campaigns are all behavioural.",
      example: "Customers who abandon carts often but still buy are worth a reminder email; customers who "
        + "have not bought in a year are worth a win-back offer. RFM (see 'explain rfm') is the classic "
        + "behavioural scheme.",
      tryCommands: [
        "segment abandoners = cart_abandons >= 3 and orders > 0",
        "segment lapsed = last_purchase_date before 2025-11-01",
        "count abandoners by preferred_channel",
      ]),
  ]
}
