import Dispatch

/// Pure work started on another thread now, its result collected later with `result()`.
///
/// `@unchecked Sendable` is safe: `value` is written once, by the worker, before it signals
/// `finished`; `result()` reads it only after waiting for that signal, and the work itself
/// only sees the `Sendable` values its closure captured.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var value: Value?
    private var collected: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = work()
            self.finished.signal()
        }
    }

    /// Waits for the work to finish; later calls return the same value at once.
    func result() -> Value {
        if let collected { return collected }
        finished.wait()
        guard let value else { preconditionFailure("BackgroundWork signalled without a value") }
        collected = value
        return value
    }
}
