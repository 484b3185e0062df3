/// One line of a batch's JSONL output: a photo's result (its `match` JSON object with `"photo"`
/// first) or its error line `{"photo":…,"error":…}`. The text is made by the caller (the CLI owns
/// the JSON format); the batch only orders, keeps and writes it.
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
}
