import Foundation
import PigmentMatch

/// Prints one object of the library's JSON contract (``JSONContract``) on stdout.
enum JSONOutput {
  static func print(_ value: some Encodable) throws {
    CLI.console.print(try JSONContract.encode(value))
  }
}
