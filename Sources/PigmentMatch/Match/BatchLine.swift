/// One line of a batch's JSONL output: a photo's result (its `match` JSON object with `"photo"`
/// first, ``JSONContract/BatchResultLine``) or its error line `{"photo","schemaVersion","error"}`
/// (``JSONContract/BatchErrorLine``). The batch only orders, keeps and writes it.
package struct BatchLine: Sendable, Equatable {
  /// The photo's path, the line's key.
  package let photo: String
  /// The whole JSON object on one line, without the newline.
  package let text: String
  /// Whether the line records a failure (retried on the next run).
  package let isError: Bool

  /// A line for `photo`; `text` must be one line of JSON whose `"photo"` is `photo`.
  package init(photo: String, text: String, isError: Bool) {
    self.photo = photo
    self.text = text
    self.isError = isError
  }

  /// The result line of `match` for `photo` in the JSON contract.
  package static func result(photo: String, match: JSONContract.MatchOutput) throws -> BatchLine {
    let text = try JSONContract.encode(JSONContract.BatchResultLine(photo: photo, match: match))
    return BatchLine(photo: photo, text: text, isError: false)
  }

  /// The error line of `photo` in the JSON contract (a message the encoder cannot fail on).
  package static func error(photo: String, message: String) -> BatchLine {
    let text =
      (try? JSONContract.encode(JSONContract.BatchErrorLine(photo: photo, error: message)))
      ?? "{\"photo\":\(OrderedJSONEncoder.quote(photo)),\"schemaVersion\":\(JSONContract.schemaVersion),"
      + "\"error\":\(OrderedJSONEncoder.quote(message))}"
    return BatchLine(photo: photo, text: text, isError: true)
  }
}
