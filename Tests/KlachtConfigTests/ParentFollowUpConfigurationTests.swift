import KlachtConfig
import XCTest

/// `[terms]` keys of issue 10: progress updates and the satisfaction check.
final class ParentFollowUpConfigurationTests: XCTestCase {
    func testDefaultsAreTenAndFiveWorkingDays() throws {
        let terms = try ConfigurationLoader.parse(ConfigurationLoaderTests.valid, file: "test.conf").terms
        XCTAssertEqual(terms.progressUpdateWorkingDays, 10)
        XCTAssertEqual(terms.satisfactionWorkingDays, 5)
        XCTAssertEqual(terms.satisfactionReminderWorkingDays, 5)
        XCTAssertEqual(terms.satisfactionEscalationWorkingDays, 5)
    }

    func testEveryKeyIsReadAndZeroSwitchesUpdatesAndTheQuestionOff() throws {
        let text = ConfigurationLoaderTests.valid + """

            [terms]
            progress_update_working_days = 0
            satisfaction_working_days = 0
            satisfaction_reminder_working_days = 3
            satisfaction_escalation_working_days = 7
            """
        let terms = try ConfigurationLoader.parse(text, file: "test.conf").terms
        XCTAssertEqual(terms.progressUpdateWorkingDays, 0)
        XCTAssertEqual(terms.satisfactionWorkingDays, 0)
        XCTAssertEqual(terms.satisfactionReminderWorkingDays, 3)
        XCTAssertEqual(terms.satisfactionEscalationWorkingDays, 7)
    }

    func testAReminderAfterZeroDaysIsRefusedWithTheLine() {
        let text = ConfigurationLoaderTests.valid + "\n[terms]\nsatisfaction_reminder_working_days = 0\n"
        XCTAssertThrowsError(try ConfigurationLoader.parse(text, file: "test.conf")) { error in
            XCTAssertTrue("\(error)".contains("satisfaction_reminder_working_days"), "\(error)")
        }
    }
}
