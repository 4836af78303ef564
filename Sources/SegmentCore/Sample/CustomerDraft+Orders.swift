/// One order of a sample customer, before order ids are assigned.
struct OrderLine {
  var day: Int32
  var category: UInt8
  /// Index into `SampleCatalog.productNames`.
  var product: UInt8
  var quantity: UInt8
  var cents: Int64
}

extension CustomerDraft {
  /// Calls `body` with each of this customer's orders: the first on `firstOrderDay`, the last on
  /// `lastOrderDay`, the others in between.
  ///
  /// The orders come from the customer's own stream, so the customers table (which sums them into
  /// `total_spend`) and the orders table (which lists them) see the same orders.
  func forEachOrder(seed: UInt64, _ body: (OrderLine) -> Void) {
    guard orders > 0 else { return }
    var rng = SampleRandom(seed: seed, stream: UInt64(id), purpose: CustomerDraft.orderStream)
    let categories = SampleCatalog.categories
    var categoryWeights = SampleCatalog.categoryWeights
    var rest = interests
    while rest != 0 {
      let interest = rest.trailingZeroBitCount
      rest &= rest - 1
      categoryWeights[SampleCatalog.interestCategory[interest]] *= 3
    }
    for index in 1..<categoryWeights.count { categoryWeights[index] += categoryWeights[index - 1] }
    let span = Int(lastOrderDay - firstOrderDay)
    for index in 0..<Int(orders) {
      let day: Int32
      if index == 0 {
        day = firstOrderDay
      } else if index == orders - 1 {
        day = lastOrderDay
      } else {
        day = firstOrderDay + Int32(rng.below(span + 1))
      }
      let categoryIndex = rng.pick(cumulative: categoryWeights)
      let category = categories[categoryIndex]
      let productIndex =
        rng.chance(premium)
        ? category.products.count - 1 - rng.below(2)
        : rng.pick(category.productWeights)
      let quantity = 1 + rng.pick(SampleCatalog.quantityWeights)
      let percent = SampleCatalog.discountPercents[rng.pick(SampleCatalog.discountWeights)]
      // Integer cents, rounded half up, so that sums are exact.
      let cents = (category.products[productIndex].priceCents * Int64(quantity) * percent + 50) / 100
      body(
        OrderLine(
          day: day, category: UInt8(categoryIndex),
          product: UInt8(categoryIndex * SampleCatalog.productsPerCategory + productIndex),
          quantity: UInt8(quantity), cents: cents))
    }
  }
}
