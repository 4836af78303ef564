extension ExplainCatalog {
  /// Topics on measuring, comparing and building segments.
  static let analyticsTopics: [ExplainTopic] = [
    ExplainTopic(
      name: "rfm", aliases: ["recency-frequency-monetary"],
      title: "RFM: recency, frequency and monetary value",
      what: "RFM scores each customer 1 to 5 on three things: how recently they bought (R), how often (F) "
        + "and how much they spent (M), by cutting each into fifths. A customer scored 5-5-5 bought "
        + "lately, often and a lot; 1-1-1 is long gone. Named groups follow from the scores: champions, "
        + "loyal, at risk, hibernating, lost.",
      why: "It needs only the order history, is easy to explain, and says what to do: reward champions, "
        + "win back the at-risk before they are lost, stop spending on the lost. It is the standard first "
        + "behavioural segmentation in retail and e-mail marketing.",
      example: "After scoring, a shop ranks the RFM segments by revenue. Champions may be a sixth of "
        + "customers but a third of revenue, while 'at risk' and 'can't lose them' together hold a lot of "
        + "past revenue: those two get the win-back budget. RFM starts from either of two tables. A "
        + "customer table with a last date, an order count and a spend is scored as it is (rfm recency "
        + "...). An order log (a row per order or order line) is grouped first, in one step with 'rfm "
        + "from orders by customer_id date order_date amount amount order order_id', or in two with "
        + "'group orders by customer_id into buyers with ...' then 'rfm recency ...': both give the same "
        + "scores. Returns and cancellations are rows of the log too (a negative quantity, an invoice "
        + "starting with C): leave them out with 'where quantity > 0', or keep them so revenue is net of "
        + "refunds, as SQL's SUM nets negative lines.",
      tryCommands: [
        "rfm recency last_purchase_date frequency orders monetary total_spend",
        "rank segments by sum(total_spend)",
        "profile at_risk columns loyalty_tier, preferred_channel",
        "load sample orders",
        "rfm from orders by customer_id date order_date amount amount order order_id where quantity > 0",
      ]),
    ExplainTopic(
      name: "index", aliases: ["indices", "index-score"],
      title: "Index: how much more common a trait is in a segment than in the base",
      what: "An index compares a share in a segment with the same share in all customers: 100 times the "
        + "segment's share divided by the base's share. 100 means the same as everyone; 150 means one and "
        + "a half times as common; 50 means half as common.",
      why: "Raw shares mislead: if 40% of a segment prefers email, that is unremarkable when 40% of "
        + "everyone does. The index shows what makes a segment different, which is what a persona and a "
        + "campaign should be built on. Marketers usually look at 120 and above, and 80 and below.",
      example: "43% of big spenders are gold members against 8.5% of all customers: an index of about "
        + "500, the strongest trait of the segment. A trait with an index near 100 says nothing about "
        + "them, however common it is. A profile leaves out what differs by construction: the columns "
        + "the segment's definition tests (big spenders spend more), and ids (a column named id, *_id or "
        + "*ID holding numbers or text at least 90% distinct, or any text whose every value is distinct); "
        + "its last line says what it left out, and 'profile big_spenders all' puts them back.",
      tryCommands: [
        "segment big_spenders = total_spend > 500",
        "profile big_spenders columns loyalty_tier, device, education",
        "profile big_spenders",
      ]),
    ExplainTopic(
      name: "overlap", aliases: ["overlaps", "jaccard"],
      title: "Overlap: customers who belong to more than one segment",
      what: "Segments defined by different rules often share customers. The overlap is how many are in "
        + "both; the Jaccard index is those in both divided by those in either (1 means the same people, "
        + "0 means none in common).",
      why: "Two campaigns aimed at overlapping segments hit the same people twice, and their results "
        + "cannot be added up. Checking overlap decides which segment gets a shared customer, or shows "
        + "that two segments are really one.",
      example: "Big spenders and gold members overlap heavily: most of one is in the other. Young "
        + "customers and big spenders barely do, so they can get separate campaigns.",
      tryCommands: [
        "segment big_spenders = total_spend > 500",
        "segment young = age < 30",
        "segment gold = loyalty_tier = \"gold\"",
        "compare big_spenders, young, gold",
      ]),
    ExplainTopic(
      name: "clustering", aliases: ["cluster", "k-means", "kmeans"],
      title: "Clustering: letting the data propose segments",
      what: "Clustering (here k-means) groups customers who are close to each other on chosen numbers, "
        + "such as age, income and spend, without a rule written by hand. You choose how many groups (k); "
        + "the algorithm finds their centres.",
      why: "Rules only find the groups you already thought of. Clustering can reveal a group nobody named "
        + "yet. Its clusters still need a human to read their figures and give them names and personas. "
        + "Beware extreme values: k-means will spend a cluster on three giant orders and score it a near-"
        + "perfect silhouette; seg flags any cluster under 1% of the rows, and 'scale robust' measures each "
        + "column by its median and quartiles and holds the extremes at a fence so they join a segment.",
      example: "Trying k from 2 to 5 on age and spend, the silhouette is highest at 3. With k = 3, one "
        + "cluster is older high spenders, one younger low spenders, one in between; profiling each shows "
        + "what else sets them apart.",
      tryCommands: [
        "cluster k=2..5 on age, total_spend seed 7",
        "cluster k=3 on age, total_spend seed 7",
        "cluster k=3 on age, total_spend seed 7 scale robust",
        "profile cluster_1 columns loyalty_tier, device",
      ]),
    ExplainTopic(
      name: "computed-traits", aliases: ["computed-trait", "traits", "trait", "derive", "derived-columns"],
      title: "Computed traits: new facts made from the data you have",
      what: "A computed trait is a column you add: derived from other columns of the customer (spend per "
        + "order), cut into bands (age bands), or aggregated from another table (spend in the last 90 "
        + "days from the orders). Once added, it can be used in segments like any other column.",
      why: "The most useful segments are often on figures nobody stored: average basket, days since last "
        + "order, orders this quarter. Computing them keeps the rule readable: segment heavy = "
        + "spend_90d > 300.",
      example: "From the orders table, a shop computes each customer's spend in the last 90 days, then "
        + "defines recently valuable customers with it, which the customers table alone could not say.",
      tryCommands: [
        "load sample orders",
        "use customers",
        "trait spend_90d = sum(amount) from orders where order_date within 90 days by customer_id",
        "derive spend_per_order = total_spend / orders",
        "segment recent_heavy = spend_90d > 300",
      ]),
    ExplainTopic(
      name: "drift", aliases: ["persona-drift"],
      title: "Drift: when a persona no longer matches its segment",
      what: "A persona is written from a segment's figures at one moment. When the data changes or the "
        + "segment is redefined, the figures move: the members' median age, their favourite channel. "
        + "Drift is the gap between what the persona says and what the segment is now.",
      why: "Teams keep using a persona long after it was written. A persona whose age or channel no "
        + "longer fits sends campaigns to the wrong place, so personas must be checked against the data "
        + "and rewritten when they drift.",
      example: "A persona drafted for young customers says 26. If someone edits it to say 45, or the "
        + "segment is redefined to older customers, 'personas' flags the drift: stated 45, but the "
        + "members' median age is 24. A persona also remembers the segment it was written for: when "
        + "the segment is redefined, re-clustered or moved to another table, its drift says 'segment' "
        + "until 'persona NAME set segment SEG' binds it to the segment as it is now.",
      tryCommands: [
        "segment young = age < 30",
        "persona draft for young as Jo",
        "persona Jo set age 45",
        "personas",
      ]),
  ]
}
