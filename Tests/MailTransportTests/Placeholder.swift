// Tests for this module arrive with its first real code.
import XCTest
